import { describe, expect, it } from "vitest";
import { runPlan, type Plan, type PlanData } from "../../src/plan/index.js";
import { failure, fixtureData, fixturePlan } from "./helpers.js";

// Where KPI actuals, targets and amounts come from on the per-person path, and their errors.

const period = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };
const base: Plan = { version: 1, currency: "CNY", period, kpis: [{ id: "sales", weight: 1, actual: { column: "sales" }, target: 100000 }] };
const kpi = base.kpis[0] as Plan["kpis"][number];
const rows = [
  { id: "p01", sales: "120000", quota: "3", basePay: "10000", bonusTarget: "2000", collected: "95000", billed: "100000" },
  { id: "p02", sales: "90000", quota: "1", basePay: "12000", bonusTarget: "", collected: "50000", billed: "0" },
];

describe("runPlan KPI sources", () => {
  it("traces an actual read from { column }", () => {
    const step = runPlan(base, { rows }).statements[0]?.trace.find((s) => s.step === "kpi.sales.actual");
    expect(step).toEqual({ step: "kpi.sales.actual", formula: "column sales", inputs: { sales: "120000" }, result: "120000" });
  });

  it("splits a team total target in proportion to a weight column", () => {
    const plan: Plan = { ...base, kpis: [{ ...kpi, target: { total: 200000, weightColumn: "quota" } }] };
    const run = runPlan(plan, { rows });
    // 200000 split 3 : 1 → 150000 and 50000; attainments 120000 / 150000 = 0.8 and 90000 / 50000 = 1.8
    expect(run.statements.map((s) => s.kpis[0]?.target)).toEqual(["150000", "50000"]);
    expect(run.statements.map((s) => s.kpis[0]?.attainment)).toEqual(["0.8", "1.8"]);
  });

  it("refuses an empty weight cell of a decomposed target with INVALID_DATA at the cell", () => {
    const plan: Plan = { ...base, kpis: [{ ...kpi, target: { total: 200000, weightColumn: "quota" } }] };
    const f = failure(() => runPlan(plan, { rows: [rows[0] as (typeof rows)[0], { ...rows[1], quota: "" }] }));
    expect(f).toMatchObject({ code: "INVALID_DATA", path: ["rows", 1, "quota"] });
    expect(f.message).toContain("splits its total");
  });

  it("splits a total equally without a weight column, and runs an empty roster", () => {
    const plan: Plan = { ...base, kpis: [{ ...kpi, target: { total: 200000 } }] };
    expect(runPlan(plan, { rows }).statements.map((s) => s.kpis[0]?.target)).toEqual(["100000", "100000"]);
    expect(runPlan(plan, { rows: [] }).statements).toEqual([]);
  });

  it("points a derived indicator's failure at the column of the input at fault", () => {
    const plan: Plan = { ...base, kpis: [{ ...kpi, actual: { indicator: "collection-rate", collected: "collected", billed: "billed" }, target: "0.95" }] };
    const f = failure(() => runPlan(plan, { rows }));
    // p02 was billed 0: the collection rate 50000 / 0 is undefined; the metric's code is kept
    expect(f.code).toBe("ZERO_DENOMINATOR");
    expect(f.path).toEqual(["rows", 1, "billed"]);
    expect(f.message).toContain('person "p02", KPI "sales" (collection-rate)');
    // a negative amount is bad data: the metric's argument error becomes INVALID_DATA
    const negative = failure(() => runPlan(plan, { rows: [{ ...rows[0], collected: "-5" }] }));
    expect(negative).toMatchObject({ code: "INVALID_DATA", path: ["rows", 0, "collected"] });
  });

  it("scores a missing actual as 0 points with missing: zero, and traces it as missing", () => {
    const plan: Plan = { ...base, score: { kpi: 1, missing: "zero" } };
    const run = runPlan(plan, { rows: [{ id: "p01", sales: "" }] });
    const s = run.statements[0];
    expect(s?.kpis[0]?.actual).toBeNull();
    expect(s?.score).toBe("0");
    expect(s?.trace.find((t) => t.step === "kpi.sales.actual")?.result).toBe("missing");
  });
});

describe("runPlan pay amounts from data columns", () => {
  it("takes the target incentive amount from a column, an empty cell as 0", () => {
    const plan: Plan = { ...base, pay: { targetIncentive: { amount: { column: "bonusTarget" }, measure: "score", curve: { points: [{ x: 0, y: 0 }, { x: 2, y: 2 }] } } } };
    const run = runPlan(plan, { rows });
    // p01: 2000 × curve(1.2) = 2000 × 1.2 = 2400; p02: empty amount → 0
    expect(run.statements.map((s) => s.totalPayout)).toEqual(["2400.00", "0.00"]);
  });
});

describe("runPlan grading on the per-person path", () => {
  const forced: Plan = { ...base, grading: { method: "forced", quotas: [{ grade: "A", share: "0.5" }, { grade: "B", share: "0.5" }] } };

  it("grades by forced distribution, and an override of it names the quota grades", () => {
    const run = runPlan(forced, { rows });
    expect(run.statements.map((s) => s.grade?.final)).toEqual(["A", "B"]);
    const calibrated: Plan = { ...forced, grading: { method: "forced", quotas: [{ grade: "A", share: "0.5" }, { grade: "B", share: "0.5" }], overrides: [{ person: "p02", grade: "A", reason: "key account", by: "committee" }] } };
    const p02 = runPlan(calibrated, { rows }).statements[1];
    expect(p02?.grade).toEqual({ initial: "B", final: "A", reason: "key account", by: "committee", at: null });
  });

  it("grades an empty roster by forced distribution without error", () => {
    expect(runPlan(forced, { rows: [] }).statements).toEqual([]);
  });
});

describe("runPlan 360 reviews with competencies and without a scale", () => {
  it("reads competencies and scores on the rating scale when no scale is set", () => {
    const plan = fixturePlan();
    const { scale: _scale, ...setup } = plan.review360 as NonNullable<Plan["review360"]>;
    const data: PlanData = fixtureData();
    const ratings = (data.ratings ?? []).map((r) => ({ ...r, competency: "teamwork" }));
    const run = runPlan({ ...plan, review360: { ...setup, competencyWeights: { teamwork: 1 } } }, { ...data, ratings });
    const p01 = run.statements.find((s) => s.person.id === "p01");
    // without a scale the 360 points are the weighted mean itself, not rescaled to 0–100:
    // manager 5 × 0.6 + peers mean(4, 4) × 0.4 = 4.6; score 0.7 × 112 + 0.3 × 4.6 = 79.78
    expect(p01?.review360?.points).toBe("4.6");
    expect(p01?.score).toBe("79.78");
  });
});
