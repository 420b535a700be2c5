import { afterEach, describe, expect, it } from "vitest";
import { Decimal } from "../../src/numeric/index.js";
import { meanResolutionHours } from "../../src/metrics/index.js";
import { exactSum, plain, readCalendarDate } from "../../src/metrics/internal.js";
import { expectDecimal } from "./helpers.js";

const originalTz = process.env["TZ"];

afterEach(() => {
  if (originalTz === undefined) delete process.env["TZ"];
  else process.env["TZ"] = originalTz;
});

describe("exactSum", () => {
  it("adds small whole numbers as numbers", () => {
    expectDecimal(exactSum([1, 2, 3]), "6");
    expectDecimal(exactSum([]), "0");
  });

  it("carries into a Decimal once the running sum would pass 2^53, and keeps every unit", () => {
    // 2^53 − 1 + 2 = 9007199254740993, which a float cannot hold (it rounds to …992)
    expectDecimal(exactSum([Number.MAX_SAFE_INTEGER, 2]), "9007199254740993");
    // carried twice: 3 · (2^53 − 1) + 1 = 27021597764222974
    expectDecimal(exactSum([Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 1]), "27021597764222974");
    expectDecimal(exactSum(new Float64Array([-Number.MAX_SAFE_INTEGER, -2])), "-9007199254740993");
  });

  it("lets meanResolutionHours count one millisecond among forty 10 000-year complaints", () => {
    // each long complaint is 0001-01-01 → 9999-12-31 = 3 652 058 days = 315 537 811 200 000 ms;
    // 1 + 40 · 315 537 811 200 000 = 12 621 512 448 000 001 ms (a float sum loses the 1 ms);
    // mean = 12 621 512 448 000 001 / (41 · 3 600 000) hours
    const complaints = [
      { openedAt: "2026-01-01T00:00:00.000Z", resolvedAt: "2026-01-01T00:00:00.001Z" },
      ...Array.from({ length: 40 }, () => ({ openedAt: "0001-01-01T00:00Z", resolvedAt: "9999-12-31T00:00Z" })),
    ];
    const mean = meanResolutionHours(complaints);
    expect(mean.eq(new Decimal("12621512448000001").div(41 * 3_600_000))).toBe(true);
    expect(mean.eq(new Decimal("12621512448000000").div(41 * 3_600_000))).toBe(false);
  });
});

describe("plain", () => {
  it("turns a negative zero into a fresh positive zero and leaves other values alone", () => {
    const negativeZero = new Decimal("-0");
    expect(negativeZero.isNegative()).toBe(true);
    expectDecimal(plain(negativeZero), "0");
    const x = new Decimal("-1.5");
    expect(plain(x)).toBe(x);
    const zero = new Decimal(0);
    expect(plain(zero)).toBe(zero);
  });
});

describe("readCalendarDate", () => {
  it.each(["America/Los_Angeles", "Pacific/Kiritimati", "Asia/Shanghai", "UTC"])("reads the calendar as written in %s", (zone) => {
    process.env["TZ"] = zone;
    const date = readCalendarDate("2026-03-01", ["day"]);
    // 2026-03-01 is a Sunday, whatever the machine's zone
    expect([date.getFullYear(), date.getMonth(), date.getDate(), date.getDay()]).toEqual([2026, 2, 1, 0]);
    expect([date.getHours(), date.getMinutes(), date.getSeconds(), date.getMilliseconds()]).toEqual([0, 0, 0, 0]);
    expect(date.getTimezoneOffset()).toBe(0);
  });

  it("moves on the UTC calendar when date-fns sets its fields", () => {
    process.env["TZ"] = "America/Los_Angeles";
    const date = readCalendarDate("2026-03-08", ["day"]); // the US spring-forward day
    date.setHours(23, 30);
    expect(date.toISOString()).toBe("2026-03-08T23:30:00.000Z");
    date.setDate(31);
    date.setMonth(0);
    date.setFullYear(2024, 1, 29);
    expect(date.toISOString()).toBe("2024-02-29T23:30:00.000Z");
    date.setMonth(2, 1);
    expect(date.toISOString()).toBe("2024-03-01T23:30:00.000Z");
  });
});
