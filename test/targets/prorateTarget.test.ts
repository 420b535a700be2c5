import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";
import { fiscalYear } from "../../src/period/index.js";
import { prorateTarget } from "../../src/targets/index.js";

function failure(run: () => unknown): PayscoreError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    return error as PayscoreError;
  }
  throw new Error("expected a PayscoreError");
}

const q1 = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" }; // 31 + 28 + 31 = 90 days
const october = { start: "2026-10-01", end: "2026-10-31", label: "2026-10" };
const nationalDay = {
  holidays: ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"],
  workdays: ["2026-09-20", "2026-10-10"],
};

describe("prorateTarget", () => {
  it("gives a mid-quarter joiner the share of calendar days", () => {
    // joins 15 February: 14 days of February + 31 of March = 45 of 90 → 900,000 · 45/90
    expect(prorateTarget(900000, q1, { from: "2026-02-15" }).toString()).toBe("450000");
    // leaves 31 January: 31 of 90 → 1000 · 31/90 = 344.444… → 344.44
    expect(prorateTarget(1000, q1, { from: "2026-01-01", to: "2026-01-31" }).toString()).toBe("344.44");
  });

  it("counts the leap day", () => {
    // 2024: 366 days; from 1 March: 306 days → 366,000 · 306/366
    expect(prorateTarget(366000, fiscalYear(2024), { from: "2024-03-01" }).toString()).toBe("306000");
    // 2026: 365 days; from 1 March: 306 days → 365,000 · 306/365
    expect(prorateTarget(365000, fiscalYear(2026), { from: "2026-03-01" }).toString()).toBe("306000");
  });

  it("on business days, a joiner after China's National Day week loses nothing", () => {
    // October 2026 has 18 business days; from 8 October: 8, 9, Saturday 10 (make-up), then 3 × 5 = 18
    expect(prorateTarget(18000, october, { from: "2026-10-08" }, { basis: "business-days", ...nationalDay }).toString()).toBe("18000");
    // on calendar days the same joiner gets 18,000 · 24/31 = 13,935.483… → 13,935.48
    expect(prorateTarget(18000, october, { from: "2026-10-08" }).toString()).toBe("13935.48");
    // March 2026: 22 business days; from Monday 16 March: 12 → 1000 · 12/22 = 545.4545… → 545.45
    expect(prorateTarget(1000, { start: "2026-03-01", end: "2026-03-31", label: "" }, { from: "2026-03-16" }, { basis: "business-days" }).toString()).toBe("545.45");
  });

  it("gives the whole target for the whole period and 0 outside it", () => {
    expect(prorateTarget("1234.56", q1, { from: "2025-06-01", to: "2026-12-31" }).toString()).toBe("1234.56");
    expect(prorateTarget(1000, q1, { from: "2026-04-01" }).toString()).toBe("0");
    expect(prorateTarget(1000, q1, { from: "2025-01-01", to: "2025-12-31" }).toString()).toBe("0");
  });

  it("rounds half-even to the scale, once", () => {
    // 1 day of 2: 0.25 · 1/2 = 0.125 → 0.12 (half-even), 0.375 → 0.38
    const twoDays = { start: "2026-01-01", end: "2026-01-02", label: "" };
    expect(prorateTarget("0.25", twoDays, { from: "2026-01-02" }).toString()).toBe("0.12");
    expect(prorateTarget("0.75", twoDays, { from: "2026-01-02" }).toString()).toBe("0.38");
    expect(prorateTarget(1000, q1, { from: "2026-01-01", to: "2026-01-31" }, { scale: 0 }).toString()).toBe("344");
    expect(prorateTarget(-1000, q1, { from: "2026-01-01", to: "2026-01-31" }).toString()).toBe("-344.44");
    expect(prorateTarget(1234567, q1, { from: "2026-02-15" }, { scale: -3 }).toString()).toBe("617000");
  });

  it("refuses an active span that ends before it starts", () => {
    const error = failure(() => prorateTarget(1000, q1, { from: "2026-02-01", to: "2026-01-31" }));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(["active", "to"]);
    expect(error.message).toContain('"2026-01-31"');
  });

  it("refuses impossible dates and unknown bases", () => {
    const error = failure(() => prorateTarget(1000, q1, { from: "2026-02-30" }));
    expect(error.path).toEqual(["active", "from"]);
    expect(error.message).toContain('"2026-02-30"');
    expect(failure(() => prorateTarget(1000, q1, "2026-02-01" as never)).path).toEqual(["active"]);
    expect(failure(() => prorateTarget(1000, q1, { from: "2026-02-01" }, { basis: "work-days" as never })).path).toEqual(["options", "basis"]);
    expect(failure(() => prorateTarget(1000, { ...q1, start: "2026-04-01" }, { from: "2026-02-01" })).path).toEqual(["period", "end"]);
    expect(failure(() => prorateTarget(Number.NaN, q1, { from: "2026-02-01" })).code).toBe("INVALID_NUMBER");
    expect(failure(() => prorateTarget(1000, q1, { from: "2026-02-01" }, { holidays: ["2026-02-02"], workdays: ["2026-02-02"] })).path).toEqual(["options", "workdays", 0]);
  });

  it("refuses to prorate by business days over a period with none", () => {
    const error = failure(() => prorateTarget(1000, { start: "2026-03-07", end: "2026-03-08", label: "" }, { from: "2026-03-08" }, { basis: "business-days" }));
    expect(error.code).toBe("ZERO_DENOMINATOR");
    expect(error.path).toEqual(["period"]);
  });

  it("does not mutate its input", () => {
    const active = Object.freeze({ from: "2026-02-15" });
    const period = Object.freeze({ ...q1 });
    prorateTarget(900000, period, active);
    expect(active).toEqual({ from: "2026-02-15" });
    expect(period).toEqual(q1);
  });
});
