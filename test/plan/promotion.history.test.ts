import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";
import { parsePlan, runPlan, type PlanData } from "../../src/plan/index.js";
import { missingHistoryMessage, missingPersonMessage, periodsInput } from "../../src/plan/stages/promotionStage.js";

// Issue 18 point 4: a promotion rule with missing history is an error, like missing ratings,
// unless the plan says such a person is simply not eligible; the trace names each period.

const plan = (promotion: Record<string, unknown>) =>
  parsePlan({
    version: 1,
    currency: "CNY",
    period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
    kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100 }],
    promotion: { measure: { kpi: "sales" }, threshold: 1, count: 3, ...promotion },
  });
const rows = [{ id: "p01", sales: "110" }, { id: "p02", sales: "120" }];

function failure(run: () => unknown): { code: string; path: readonly (string | number)[]; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    const e = error as PayscoreError;
    return { code: e.code, path: e.path, message: e.message };
  }
  throw new Error("expected a PayscoreError");
}

describe("promotion with missing history", () => {
  it("refuses a person the history does not list, naming them", () => {
    expect(failure(() => runPlan(plan({}), { rows, history: { p01: ["1.1", "1.2"] } }))).toEqual({
      code: "INVALID_DATA",
      path: ["history", "p02"],
      message: 'history.p02 is missing: person "p02" has no earlier periods in the history, which the promotion rule needs (it counts the last 3); add them, or set promotion.missingHistory to "not-eligible"',
    });
  });

  it("refuses a run with no history at all", () => {
    expect(failure(() => runPlan(plan({ missingHistory: "error" }), { rows }))).toEqual({
      code: "INVALID_DATA",
      path: ["history"],
      message: 'history is missing: the promotion rule counts the last 3 periods, so it needs each person\'s earlier 2 periods; give the history, or set promotion.missingHistory to "not-eligible"',
    });
  });

  it("with missingHistory not-eligible, counts this period only: not eligible", () => {
    const run = runPlan(plan({ missingHistory: "not-eligible" }), { rows, history: { p01: ["1.1", "1.2"] } });
    expect(run.statements.map((s) => s.promotion)).toEqual([
      { eligible: true, longest: 3, current: 3 },
      { eligible: false, longest: 1, current: 1 },
    ]);
    expect(runPlan(plan({ missingHistory: "not-eligible" }), { rows }).statements[0]?.promotion?.eligible).toBe(false);
  });

  it("needs no history when the rule counts this period alone", () => {
    expect(runPlan(plan({ count: 1 }), { rows }).statements[0]?.promotion).toEqual({ eligible: true, longest: 1, current: 1 });
  });
});

describe("the promotion trace names each period", () => {
  const periodsOf = (data: PlanData): (string | undefined)[] =>
    runPlan(plan({}), data).statements.map((s) => s.trace.find((step) => step.step === "promotion")?.inputs["periods"]);

  it("by the history's period names, then this period's label", () => {
    const history = { p01: ["1.1", "1.2"], p02: ["0.9"] };
    expect(periodsOf({ rows, history, historyPeriods: ["2025-Q3", "2025-Q4"] })).toEqual(["2025-Q3, 2025-Q4, 2026-Q1", "2025-Q4, 2026-Q1"]);
    // Without names, nothing to label: the trace lists the values alone, as before.
    expect(periodsOf({ rows, history })).toEqual([undefined, undefined]);
    const step = runPlan(plan({}), { rows, history, historyPeriods: ["2025-Q3", "2025-Q4"] }).statements[0]?.trace.find((s) => s.step === "promotion");
    expect(step?.inputs).toEqual({ history: "1.1, 1.2, 1.1", periods: "2025-Q3, 2025-Q4, 2026-Q1", threshold: "1", count: "3" });
  });

  it("refuses period names that are not a list of texts", () => {
    expect(failure(() => runPlan(plan({}), { rows, history: { p01: [], p02: [] }, historyPeriods: [""] } as PlanData)).path).toEqual(["historyPeriods", 0]);
  });

  it("periodsInput takes the latest names for a short list, and says nothing without enough names", () => {
    expect(periodsInput(1, ["a", "b"], "now")).toEqual({ periods: "b, now" });
    expect(periodsInput(3, ["a", "b"], "now")).toEqual({});
    expect(periodsInput(0, undefined, "now")).toEqual({});
  });

  it("the messages name the count", () => {
    expect(missingHistoryMessage(2)).toContain("needs each person's earlier period;");
    expect(missingPersonMessage("R05", 4)).toBe('history.R05 is missing: person "R05" has no earlier periods in the history, which the promotion rule needs (it counts the last 4); add them, or set promotion.missingHistory to "not-eligible"');
  });
});
