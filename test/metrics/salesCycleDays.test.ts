import { afterEach, describe, expect, it } from "vitest";
import { salesCycleDays } from "../../src/metrics/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

const originalTz = process.env["TZ"];

afterEach(() => {
  if (originalTz === undefined) delete process.env["TZ"];
  else process.env["TZ"] = originalTz;
});

function days(openedAt: string, closedAt: string): string {
  return salesCycleDays([{ openedAt, closedAt }]).mean.toString();
}

describe("salesCycleDays", () => {
  it("gives the mean and median of calendar days per deal", () => {
    // 30, 20, 45, 10 days: mean 105 / 4 = 26.25; median (20 + 30) / 2 = 25
    const cycle = salesCycleDays([
      { openedAt: "2026-01-01", closedAt: "2026-01-31" },
      { openedAt: "2026-02-10", closedAt: "2026-03-02" },
      { openedAt: "2026-03-01", closedAt: "2026-04-15" },
      { openedAt: "2026-04-01", closedAt: "2026-04-11" },
    ]);
    expectDecimal(cycle.mean, "26.25");
    expectDecimal(cycle.median, "25");
    expect(cycle.count).toBe(4);
  });

  it("takes the middle deal as the median of an odd count", () => {
    // 1, 2, 30 days: mean 33 / 3 = 11; median 2
    const cycle = salesCycleDays([
      { openedAt: "2026-01-01", closedAt: "2026-01-31" },
      { openedAt: "2026-01-01", closedAt: "2026-01-02" },
      { openedAt: "2026-01-01", closedAt: "2026-01-03" },
    ]);
    expectDecimal(cycle.mean, "11");
    expectDecimal(cycle.median, "2");
  });

  it("counts Jan 1 → Jan 31 as 30 and a same-day deal as 0", () => {
    expect(days("2026-01-01", "2026-01-31")).toBe("30");
    expectDecimal(salesCycleDays([{ openedAt: "2026-05-05", closedAt: "2026-05-05" }]).median, "0");
  });

  it("knows leap years and centuries", () => {
    expect(days("2024-02-28", "2024-03-01")).toBe("2");
    expect(days("2026-02-28", "2026-03-01")).toBe("1");
    expect(days("1900-02-28", "1900-03-01")).toBe("1");
    expect(days("2000-02-28", "2000-03-01")).toBe("2");
    expect(days("0099-12-31", "0100-01-01")).toBe("1");
    expect(days("2000-01-01", "2026-01-01")).toBe("9497");
  });

  it("gives the same days in every time zone, across daylight-saving changes and skipped days", () => {
    const cases: [string, string, string][] = [
      ["2026-03-07", "2026-03-09", "2"], // US spring forward
      ["2026-10-31", "2026-11-02", "2"], // US fall back
      ["2018-11-03", "2018-11-05", "2"], // São Paulo: midnight skipped on 2018-11-04
      ["2011-12-29", "2011-12-30", "1"], // Samoa skipped 2011-12-30 entirely (no local midnight exists)
      ["2011-12-29", "2011-12-31", "2"],
      ["2026-03-28", "2026-03-30", "2"], // Azores: offset −1 → 0
    ];
    for (const tz of ["UTC", "Asia/Shanghai", "America/New_York", "America/Sao_Paulo", "Pacific/Apia", "Atlantic/Azores", "Australia/Lord_Howe", "Pacific/Kiritimati"]) {
      process.env["TZ"] = tz;
      for (const [openedAt, closedAt, expected] of cases) expect(`${tz} ${days(openedAt, closedAt)}`).toBe(`${tz} ${expected}`);
    }
  });

  it("throws EMPTY_INPUT for no deals", () => {
    expectFault(() => salesCycleDays([]), "EMPTY_INPUT", ["deals"]);
  });

  it("throws INVALID_DATA for a deal closed before it opened", () => {
    expectFault(
      () => salesCycleDays([{ openedAt: "2026-01-01", closedAt: "2026-01-02" }, { openedAt: "2026-03-02", closedAt: "2026-03-01" }]),
      "INVALID_DATA",
      ["deals", 1, "closedAt"],
    );
  });

  it("throws INVALID_ARGUMENT for a date that is not a real yyyy-MM-dd date", () => {
    expectFault(() => days("2026-02-29", "2026-03-01"), "INVALID_ARGUMENT", ["deals", 0, "openedAt"]);
    expectFault(() => days("2026-01-01", "2026-13-01"), "INVALID_ARGUMENT", ["deals", 0, "closedAt"]);
    expectFault(() => days("2026-1-5", "2026-03-01"), "INVALID_ARGUMENT", ["deals", 0, "openedAt"]);
    expectFault(() => days("2026-01-05T00:00:00Z", "2026-03-01"), "INVALID_ARGUMENT", ["deals", 0, "openedAt"]);
    expectFault(() => days("2026-04-31", "2026-05-01"), "INVALID_ARGUMENT", ["deals", 0, "openedAt"]);
    expectFault(() => salesCycleDays([{ openedAt: new Date(0), closedAt: "2026-01-01" }] as never), "INVALID_ARGUMENT", ["deals", 0, "openedAt"]);
  });

  it("throws INVALID_ARGUMENT for arguments of the wrong shape", () => {
    expectFault(() => salesCycleDays("deals" as never), "INVALID_ARGUMENT", ["deals"]);
    expectFault(() => salesCycleDays([undefined] as never), "INVALID_ARGUMENT", ["deals", 0]);
  });

  it("does not mutate its input", () => {
    const deals = Object.freeze([Object.freeze({ openedAt: "2026-01-10", closedAt: "2026-01-20" })]);
    salesCycleDays(deals);
    expect(deals).toEqual([{ openedAt: "2026-01-10", closedAt: "2026-01-20" }]);
  });
});
