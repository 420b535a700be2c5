import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";
import { runPlan, runPlanLazy, type Plan } from "../../src/plan/index.js";

const period = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };
const salesPlan: Plan = {
  version: 1,
  currency: "CNY",
  period,
  kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000 }],
  pay: { pools: [{ id: "bonus", budget: 3000 }] },
};
const salesData = { rows: [{ id: "p02", sales: "90000" }, { id: "p01", sales: "120000" }] };

describe("runPlanLazy", () => {
  it("makes statements on request, sorted by id, on the columnar path without traces", () => {
    const run = runPlanLazy(salesPlan, salesData, { trace: false });
    expect(run.path).toBe("columnar");
    expect(run.size).toBe(2);
    // p01: 100 · 120000 / 100000 = 120; its pool share 3000 · 120 / 210 = 1714.2857… → 1714.29
    expect(run.statementAt(0).person.id).toBe("p01");
    expect(run.statementAt(0).score).toBe("120");
    expect(run.statementAt(0).totalPayout).toBe("1714.29");
    // p02: 3000 · 90 / 210 = 1285.714… → 1285.71; the two sum to the pool
    expect(run.statementAt(1).totalPayout).toBe("1285.71");
    expect(run.totals.payout).toBe("3000.00");
    expect(run.lineIds).toEqual({ kpis: ["sales"], pay: [{ component: "pool", id: "bonus" }] });
  });

  it("takes the per-person path with traces, and its statements equal runPlan's", () => {
    const lazy = runPlanLazy(salesPlan, salesData);
    const run = runPlan(salesPlan, salesData);
    expect(lazy.path).toBe("columnar");
    expect(lazy.statementAt(1)).toEqual(run.statements[1]);
    expect(lazy.statementAt(0).trace.length).toBeGreaterThan(0);
  });

  it("refuses an index outside the run with OUT_OF_RANGE", () => {
    const lazy = runPlanLazy(salesPlan, salesData, { trace: false });
    expect(() => lazy.statementAt(2)).toThrow(PayscoreError);
    expect(() => lazy.statementAt(-1)).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE" }));
    expect(() => runPlanLazy(salesPlan, salesData).statementAt(0.5)).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE" }));
  });

  it("shares only frozen parts between columnar statements, each deep-equal to the per-person path's", () => {
    const plan: Plan = { ...salesPlan, grading: { method: "forced", quotas: [{ grade: "A", share: "0.5" }, { grade: "B", share: "0.5" }] }, pay: { pools: [{ id: "bonus", budget: 3000, weightBy: "equal" }] } };
    const data = { rows: [{ id: "p01", sales: "120000" }, { id: "p02", sales: "90000" }, { id: "p03", sales: "90000" }] };
    const run = runPlan(plan, data, { trace: false });
    const reference = runPlan(plan, data);
    const [p01, p02, p03] = run.statements;
    // Equal weights: 3000 / 3 = 1000.00 each, so p02 and p03 carry the same pay list; p02 and p03 tie on 90 (grade B).
    expect(p02?.pay).toBe(p03?.pay);
    expect(p02?.grade).toBe(p03?.grade);
    expect(p01?.trace).toBe(p02?.trace);
    // p02 and p03 also have the same sales against the same target, so the same KPI line.
    expect(p02?.kpis[0]).toBe(p03?.kpis[0]);
    for (const shared of [p02?.pay, p02?.pay[0], p02?.grade, p01?.trace, p01?.indicators, p02?.kpis[0]]) expect(Object.isFrozen(shared)).toBe(true);
    // Each statement still has its own person and its own list of KPI lines.
    expect(p02?.kpis).not.toBe(p03?.kpis);
    expect(p02?.person).not.toBe(p03?.person);
    expect(p01?.kpis[0]).not.toBe(p02?.kpis[0]);
    // Made one at a time, statements keep their own KPI lines (nothing is kept to share them with).
    const lazy = runPlanLazy(plan, data, { trace: false });
    expect(lazy.statementAt(1).kpis[0]).not.toBe(lazy.statementAt(2).kpis[0]);
    expect(lazy.statementAt(1).kpis[0]).toEqual(p02?.kpis[0]);
    expect(run.statements.map((s) => ({ ...s, trace: [] }))).toEqual(reference.statements.map((s) => ({ ...s, trace: [] })));
    expect(JSON.stringify(run.statements[1]?.pay)).toBe('[{"component":"pool","id":"bonus","amount":"1000.00"}]');
  });

  it("shares a KPI line only between people with the same actual and target, past thousands of distinct lines", () => {
    // 6,000 people: "visits" repeats 7 values against 2 targets; "sales" is distinct for everyone
    // (more distinct lines than a KPI's table of shared lines holds). Every statement is still
    // deep-equal to the per-person path's.
    const plan: Plan = {
      version: 1,
      currency: "CNY",
      period,
      kpis: [
        { id: "sales", weight: "0.6", actual: "sales", target: 100000 },
        { id: "visits", weight: "0.4", actual: "visits", target: { column: "visitsTarget" }, cap: "1.2" },
      ],
      pay: { pools: [{ id: "bonus", budget: 600000 }] },
    };
    const rows = Array.from({ length: 6000 }, (_, i) => ({
      id: `p${String(i).padStart(4, "0")}`,
      sales: String(80000 + i * 7),
      visits: String(40 + (i % 7)),
      visitsTarget: i % 2 === 0 ? "50" : "60",
    }));
    const run = runPlan(plan, { rows }, { trace: false });
    const reference = runPlan(plan, { rows });
    expect(run.statements.map((s) => ({ ...s, trace: [] }))).toEqual(reference.statements.map((s) => ({ ...s, trace: [] })));
    const visitLines = new Set(run.statements.map((s) => s.kpis[1]));
    expect(visitLines.size).toBe(14); // 7 visit counts × 2 targets
    for (const line of visitLines) expect(Object.isFrozen(line)).toBe(true);
    // p0000 and p0014: 40 visits against 50 → 0.8 → 80 points, contribution 0.4 × 80 = 32.
    expect(run.statements[14]?.kpis[1]).toBe(run.statements[0]?.kpis[1]);
    expect(run.statements[0]?.kpis[1]).toMatchObject({ actual: "40", target: "50", attainment: "0.8", points: "80", contribution: "32" });
    expect(new Set(run.statements.map((s) => s.kpis[0])).size).toBe(6000);
    expect(JSON.stringify(run)).toBe(JSON.stringify({ ...reference, statements: reference.statements.map((s) => ({ ...s, trace: [] })) }));
  });

  it("falls back to the per-person path for a fault in the data, which names the row", () => {
    const data = { rows: [{ id: "p01", sales: "1,200" }] };
    expect(() => runPlanLazy(salesPlan, data, { trace: false })).toThrow(expect.objectContaining({ code: "INVALID_DATA", path: ["rows", 0, "sales"] }));
  });
});

describe("rounding points", () => {
  const plan: Plan = { version: 1, currency: "CNY", period, kpis: [{ id: "sales", weight: 1, actual: "sales", target: 3 }] };
  const data = { rows: [{ id: "p01", sales: "2" }] };

  it("round attainment to 4 places and points and score to 2 by default", () => {
    // 2 / 3 = 0.6666… → 0.6667 (half-even); 100 × 0.6667 = 66.67; score 66.67
    const [statement] = runPlan(plan, data).statements;
    expect(statement?.kpis[0]?.attainment).toBe("0.6667");
    expect(statement?.kpis[0]?.points).toBe("66.67");
    expect(statement?.score).toBe("66.67");
  });

  it("follow the plan's rounding places and mode, on both paths", () => {
    const coarse: Plan = { ...plan, rounding: { mode: "down", attainment: 2, points: 0, score: 0 } };
    // 0.6666… → 0.66 (down); 100 × 0.66 = 66 points; score 66
    for (const trace of [true, false]) {
      const [statement] = runPlan(coarse, data, { trace }).statements;
      expect(statement?.kpis[0]?.attainment).toBe("0.66");
      expect(statement?.score).toBe("66");
    }
  });

  it("refuses a rounding place that is not a whole number from 0 to 10", () => {
    expect(() => runPlan({ ...plan, rounding: { attainment: 11 } }, data)).toThrow(expect.objectContaining({ code: "INVALID_PLAN" }));
    expect(() => runPlan({ ...plan, rounding: { points: 1.5 } }, data)).toThrow(expect.objectContaining({ code: "INVALID_PLAN" }));
  });
});
