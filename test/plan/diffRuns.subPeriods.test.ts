import { describe, expect, it } from "vitest";
import { diffRuns, diffText, runPlan, type PlanInput } from "../../src/plan/index.js";

// Issue 21: diffRuns compares the scored sub-periods (each KPI's lines and the sub-period's
// score) and the role scorecard a person was scored by.

const plan: PlanInput = {
  version: 1,
  currency: "CNY",
  period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
  subPeriods: { by: "month", kpis: ["sales"] },
  kpis: [{ id: "sales", weight: 1, actual: "sales", target: 300 }],
};
const row = { id: "p01", sales: "300", "sales@2026-01": "100", "sales@2026-02": "100", "sales@2026-03": "100" };

describe("diffRuns and the scored sub-periods", () => {
  it("finds a month's actual moved to another month, though the period's lines are the same", () => {
    const before = runPlan(plan, { rows: [row] });
    // February 100 → 80 and March 100 → 120: the quarter is still 300 (score 100), but
    // February's attainment 80 / 100 = 0.8 (80 points, score 80) and March's 1.2 (120, 120).
    const after = runPlan(plan, { rows: [{ ...row, "sales@2026-02": "80", "sales@2026-03": "120" }] });
    const diff = diffRuns(before, after);
    expect(diff.totals.delta).toBe("0");
    const p01 = diff.changed[0];
    expect(p01?.person).toBe("p01");
    expect(p01?.lines.map((line) => [line.field, line.before, line.after, line.delta])).toEqual([
      ["kpi.sales@2026-02.actual", "100", "80", "-20"],
      ["kpi.sales@2026-02.attainment", "1", "0.8", "-0.2"],
      ["kpi.sales@2026-02.points", "100", "80", "-20"],
      ["score@2026-02", "100", "80", "-20"],
      ["kpi.sales@2026-03.actual", "100", "120", "20"],
      ["kpi.sales@2026-03.attainment", "1", "1.2", "0.2"],
      ["kpi.sales@2026-03.points", "100", "120", "20"],
      ["score@2026-03", "100", "120", "20"],
    ]);
    // Without traces, the sub-period actuals are the data changes.
    expect(diffRuns(runPlan(plan, { rows: [row] }, { trace: false }), runPlan(plan, { rows: [{ ...row, "sales@2026-02": "80" }] }, { trace: false })).changed[0]?.causes).toEqual([
      { step: "kpi.sales@2026-02.actual", column: null, input: "actual", before: "100", after: "80" },
    ]);
    expect(diffText(diff, { locale: "en" })).toContain("Score 2026-02");
    expect(diffText(diff, { locale: "zh-CN" })).toContain("2026-02 得分");
  });

  it("finds a sub-period target changed with the period's target", () => {
    // Target 300 → 330: each month's equal share 100 → 110.
    const diff = diffRuns(runPlan(plan, { rows: [row] }), runPlan({ ...plan, kpis: [{ id: "sales", weight: 1, actual: "sales", target: 330 }] }, { rows: [row] }));
    const fields = new Map(diff.changed[0]?.lines.map((line) => [line.field, [line.before, line.after]]));
    expect(fields.get("kpi.sales@2026-01.target")).toEqual(["100", "110"]);
    expect(fields.get("kpi.sales@2026-03.target")).toEqual(["100", "110"]);
    expect(diff.planChanged).toBe(true);
  });

  it("names the scorecard a person moved to", () => {
    const cards: PlanInput = {
      ...plan,
      subPeriods: "month",
      people: [{ id: "p01", role: "rep" }],
      scorecards: { rep: { kpis: [{ id: "sales", weight: 1, actual: "sales", target: 300 }] }, lead: { kpis: [{ id: "sales", weight: 1, actual: "sales", target: 250 }] } },
    };
    const before = runPlan(cards, { rows: [row] });
    const after = runPlan({ ...cards, people: [{ id: "p01", role: "lead" }] }, { rows: [row] });
    const lines = diffRuns(before, after).changed[0]?.lines ?? [];
    expect(lines.find((line) => line.field === "scorecard")).toEqual({ field: "scorecard", before: "rep", after: "lead", delta: null });
    // 300 / 250 = 1.2 → 120.
    expect(lines.find((line) => line.field === "score")).toMatchObject({ before: "100", after: "120", delta: "20" });
    expect(diffText(diffRuns(before, after), { locale: "en" })).toContain("Scorecard");
  });
});
