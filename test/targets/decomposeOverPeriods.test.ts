import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";
import { fiscalYear } from "../../src/period/index.js";
import { decomposeOverPeriods } from "../../src/targets/index.js";

function failure(run: () => unknown): PayscoreError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    return error as PayscoreError;
  }
  throw new Error("expected a PayscoreError");
}

const year = { start: "2026-01-01", end: "2026-12-31", label: "2026" };
const q4 = { start: "2026-10-01", end: "2026-12-31", label: "2026-Q4" };
const nationalDay = {
  holidays: ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"],
  workdays: ["2026-09-20", "2026-10-10"],
};

describe("decomposeOverPeriods", () => {
  it("turns a 12,000,000 year into 3,000,000 a quarter and 1,000,000 a month", () => {
    const quarters = decomposeOverPeriods(12000000, year, { unit: "quarter" });
    expect(quarters.map((q) => [q.period.label, q.amount.toString()])).toEqual([
      ["2026-Q1", "3000000"],
      ["2026-Q2", "3000000"],
      ["2026-Q3", "3000000"],
      ["2026-Q4", "3000000"],
    ]);
    const q1Months = decomposeOverPeriods(quarters[0]?.amount ?? 0, quarters[0]?.period ?? year, { unit: "month" });
    expect(q1Months.map((m) => [m.period.label, m.amount.toString()])).toEqual([
      ["2026-01", "1000000"],
      ["2026-02", "1000000"],
      ["2026-03", "1000000"],
    ]);
    expect(decomposeOverPeriods(12000000, year, { unit: "month" }).every((m) => m.amount.eq(1000000))).toBe(true);
  });

  it("follows a fiscal year starting in April with a seasonal profile", () => {
    // 1000 · 1/10, 2/10, 3/10, 4/10 over FY2026 Q1 (Apr–Jun) … Q4 (Jan–Mar)
    const parts = decomposeOverPeriods(1000, fiscalYear(2026, { startMonth: 4 }), { unit: "quarter", method: { weights: [1, 2, 3, "4"] } });
    expect(parts.map((p) => [p.period.label, p.period.start, p.amount.toString()])).toEqual([
      ["FY2026-Q1", "2026-04-01", "100"],
      ["FY2026-Q2", "2026-07-01", "200"],
      ["FY2026-Q3", "2026-10-01", "300"],
      ["FY2026-Q4", "2027-01-01", "400"],
    ]);
  });

  it("weighs months by business days around China's National Day", () => {
    // business days: October 22 − 5 + 1 = 18, November 21, December 23; total 62
    // 620,000 · 18/62, 21/62, 23/62 = 180,000, 210,000, 230,000
    const parts = decomposeOverPeriods(620000, q4, { unit: "month", method: "business-days", ...nationalDay });
    expect(parts.map((p) => p.amount.toString())).toEqual(["180000", "210000", "230000"]);
  });

  it("weighs trimmed edge weeks by calendar days", () => {
    // 2026-01-01 … 2026-01-11: W01 trimmed to 4 days (Thu–Sun), W02 7 days → 1100 · 4/11, 7/11
    const parts = decomposeOverPeriods(1100, { start: "2026-01-01", end: "2026-01-11", label: "" }, { unit: "week", method: "calendar-days" });
    expect(parts.map((p) => [p.period.label, p.amount.toString()])).toEqual([["2026-W01", "400"], ["2026-W02", "700"]]);
    // "equal" gives each week the same share however short it is
    expect(decomposeOverPeriods(1100, { start: "2026-01-01", end: "2026-01-11", label: "" }, { unit: "week" }).map((p) => p.amount.toString())).toEqual(["550", "550"]);
  });

  it("adds up to the cent", () => {
    // 100.00 over 3 months of Q1: 33.34, 33.33, 33.33
    const parts = decomposeOverPeriods(100, { start: "2026-01-01", end: "2026-03-31", label: "Q1" }, { unit: "month" });
    expect(parts.map((p) => p.amount.toString())).toEqual(["33.34", "33.33", "33.33"]);
  });

  it("refuses a profile of the wrong length, saying how many sub-periods there are", () => {
    const error = failure(() => decomposeOverPeriods(1000, year, { unit: "quarter", method: { weights: [1, 2, 3] } }));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(["options", "method", "weights"]);
    expect(error.message).toContain("3 weights");
    expect(error.message).toContain("4 quarters");
  });

  it("refuses a negative or all-zero profile with INVALID_WEIGHTS", () => {
    const error = failure(() => decomposeOverPeriods(1000, year, { unit: "half", method: { weights: [1, -1] } }));
    expect(error.code).toBe("INVALID_WEIGHTS");
    expect(error.path).toEqual(["options", "method", "weights", 1]);
    expect(failure(() => decomposeOverPeriods(1000, year, { unit: "half", method: { weights: [0, 0] } })).code).toBe("INVALID_WEIGHTS");
  });

  it("refuses a period with no business day when splitting by business days", () => {
    const weekend = { start: "2026-03-07", end: "2026-03-08", label: "" };
    const error = failure(() => decomposeOverPeriods(1000, weekend, { unit: "week", method: "business-days" }));
    expect(error.code).toBe("INVALID_WEIGHTS");
    expect(error.path).toEqual(["options", "method"]);
  });

  it("refuses unknown units and methods, bad periods and missing options", () => {
    const unit = failure(() => decomposeOverPeriods(1000, year, { unit: "year" as never }));
    expect(unit.code).toBe("INVALID_ARGUMENT");
    expect(unit.path).toEqual(["options", "unit"]);
    expect(unit.message).toContain('"year"');
    expect(failure(() => decomposeOverPeriods(1000, year, { unit: "month", method: "seasonal" as never })).path).toEqual(["options", "method"]);
    expect(failure(() => decomposeOverPeriods(1000, year, { unit: "month", method: { weights: "1,2" } as never })).path).toEqual(["options", "method", "weights"]);
    expect(failure(() => decomposeOverPeriods(1000, { ...year, end: "2025-12-31" }, { unit: "month" })).path).toEqual(["period", "end"]);
    expect(failure(() => decomposeOverPeriods(1000, year, undefined as never)).path).toEqual(["options"]);
    expect(failure(() => decomposeOverPeriods("1e", year, { unit: "month" })).code).toBe("INVALID_NUMBER");
  });

  it("refuses a date in both holidays and workdays", () => {
    const error = failure(() => decomposeOverPeriods(1000, q4, { unit: "month", method: "business-days", holidays: ["2026-10-10"], workdays: ["2026-10-10"] }));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(["options", "workdays", 0]);
  });

  it("does not mutate its input", () => {
    const weights = Object.freeze([1, 2]);
    const options = Object.freeze({ unit: "half" as const, method: Object.freeze({ weights }) });
    const period = Object.freeze({ ...year });
    decomposeOverPeriods(300, period, options);
    expect(weights).toEqual([1, 2]);
    expect(period).toEqual(year);
  });
});

describe("decomposeOverPeriods: counting words", () => {
  it("says 'halves' and 'weight' in the singular where they belong", () => {
    const error = failure(() => decomposeOverPeriods(1000, year, { unit: "half", method: { weights: [1] } }));
    expect(error.message).toBe("options.method.weights has 1 weight, but the period 2026-01-01 to 2026-12-31 splits into 2 halves; give one weight per half");
  });

  it("says '1 month' for a period that is one month", () => {
    const march = { start: "2026-03-01", end: "2026-03-31", label: "2026-03" };
    const error = failure(() => decomposeOverPeriods(1000, march, { unit: "month", method: { weights: [1, 1] } }));
    expect(error.message).toBe("options.method.weights has 2 weights, but the period 2026-03-01 to 2026-03-31 splits into 1 month; give one weight per month");
  });

  it("refuses options that are not an object, saying an object is required", () => {
    const error = failure(() => decomposeOverPeriods(1000, year, null as never));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.message).toBe("options must be an object; got null");
  });
});
