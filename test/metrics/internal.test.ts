import { afterEach, describe, expect, it } from "vitest";
import { Decimal } from "../../src/numeric/index.js";
import { meanResolutionHours } from "../../src/metrics/index.js";
import { exactSum, plain, readCalendarDate, readChoice, readCount, readTimestamp } from "../../src/metrics/internal.js";
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

describe("readCalendarDate: real dates only", () => {
  it.each(["2024-02-29", "2000-02-29", "2026-04-30", "2026-12-31", "2026-01-01"])("accepts %s", (text) => {
    expect(readCalendarDate(text, ["day"]).toISOString().slice(0, 10)).toBe(text);
  });

  it.each(["2026-02-29", "1900-02-29", "2026-04-31", "2026-06-31", "2026-09-31", "2026-11-31", "2026-00-10", "2026-13-01", "2026-01-00"])(
    "refuses %s as not a real calendar date",
    (text) => {
      expect(() => readCalendarDate(text, ["deals", 0, "openedAt"])).toThrow(`deals[0].openedAt is not a real calendar date; got "${text}"`);
    },
  );
});

describe("readTimestamp", () => {
  it("applies the offset's hours and minutes", () => {
    // 05:30 at +05:30 is midnight UTC; 00:00 at −03:30 is 03:30 UTC
    expect(readTimestamp("2026-01-01T05:30+05:30", ["t"])).toBe(Date.UTC(2026, 0, 1));
    expect(readTimestamp("2026-01-01T00:00-03:30", ["t"])).toBe(Date.UTC(2026, 0, 1, 3, 30));
    expect(readTimestamp("2026-01-01T23:59:59.5+23:59", ["t"])).toBe(Date.UTC(2026, 0, 1, 0, 0, 59, 500));
  });

  it.each(["2026-01-01T24:00Z", "2026-01-01T12:60Z", "2026-01-01T12:00:60Z", "2026-01-01T12:00+24:00", "2026-01-01T12:00+08:60", "2026-02-30T12:00Z"])(
    "refuses %s as not a real date and time",
    (text) => {
      expect(() => readTimestamp(text, ["t"])).toThrow(`t is not a real date and time; got "${text}"`);
    },
  );
});

describe("readCount", () => {
  it("returns a count, never negative zero, and refuses fractions and negatives", () => {
    expect(readCount(3, ["n"])).toBe(3);
    expect(Object.is(readCount(-0, ["n"]), 0)).toBe(true);
    expect(() => readCount(1.5, ["n"])).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", message: "n must be a whole number of at least 0; got 1.5" }));
    expect(() => readCount(-1, ["n"])).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE", message: "n must be at least 0; got -1" }));
  });
});

describe("readChoice", () => {
  it("returns the fallback, a listed choice, or names every choice", () => {
    expect(readChoice(undefined, ["options"], "mode", ["a", "b"], "a")).toBe("a");
    expect(readChoice("b", ["options"], "mode", ["a", "b"], "a")).toBe("b");
    expect(() => readChoice(1, ["options"], "mode", ["a", "b"], "a")).toThrow('options.mode must be one of "a", "b"; got 1');
  });
});
