import { describe, expect, it } from "vitest";
import { runPlan, runPlanLazy, type Plan } from "../../src/plan/index.js";
import { fixtureData, fixturePlan } from "./helpers.js";

const period = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };
const base: Plan = { version: 1, currency: "CNY", period, kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000 }] };
const rows = [
  { id: "p01", sales: "120000", basePay: "10000", team: "East", activeFrom: "2026-02-15" },
  { id: "p02", sales: "90000", basePay: "12000", team: "West" },
];
const kpi = base.kpis[0] as Plan["kpis"][number];

describe("runPlan runs every plan feature on the one engine", () => {
  const cases: [string, Plan][] = [
    ["a plan roster", { ...base, people: [{ id: "p01" }, { id: "p02" }] }],
    ["a promotion rule", { ...base, promotion: { measure: { kpi: "sales" }, threshold: 1, count: 1 } }],
    ["a derived actual", { ...base, kpis: [{ ...kpi, actual: { indicator: "collection-rate", collected: "sales", billed: "basePay" } }] }],
    ["a per-person target", { ...base, kpis: [{ ...kpi, target: { perPerson: { p01: 100000, p02: 100000 } } }] }],
    ["a prorated target", { ...base, kpis: [{ ...kpi, prorate: "calendar-days" }] }],
    ["grade overrides", { ...base, grading: { method: "bands", bands: [{ grade: "A", min: 0 }], overrides: [{ person: "p02", grade: "A", reason: "r", by: "c", at: "2026-04-01" }] } }],
    ["fixed pay", { ...base, pay: { fixed: { share: "0.7" } } }],
    ["a target incentive", { ...base, pay: { targetIncentive: { amount: 1000, measure: "score", curve: { points: [{ x: 0, y: 0 }, { x: 2, y: 2 }] } } } }],
    ["commission", { ...base, pay: { commission: { base: { kpi: "sales" }, tiers: [{ from: 0, rate: "0.01" }] } } }],
    ["an award", { ...base, pay: { awards: [{ id: "mvp", amount: 500, people: ["p01"] }] } }],
    ["a team pool", { ...base, pay: { pools: [{ id: "east", budget: 1000, team: "East" }] } }],
    ["a basePay-score pool", { ...base, pay: { pools: [{ id: "b", budget: 1000, weightBy: "basePay-score" }] } }],
    ["a pool capped at a multiple of base pay", { ...base, pay: { pools: [{ id: "b", budget: 1000, cap: { multipleOfBasePay: 1 } }] } }],
  ];
  it.each(cases)("with %s, and the untraced run equals the traced one", (_what, plan) => {
    expect(runPlanLazy(plan, { rows }, { trace: false }).path).toBe("columnar");
    const untraced = runPlan(plan, { rows }, { trace: false });
    const traced = runPlan(plan, { rows });
    expect(untraced.statements).toEqual(traced.statements.map((s) => ({ ...s, trace: [] })));
    expect(untraced.statements.every((s) => s.trace.length === 0)).toBe(true);
  });

  it("with the fixture's 360 review, paying the checked total 51053.80", () => {
    expect(runPlanLazy(fixturePlan(), fixtureData(), { trace: false }).path).toBe("columnar");
    expect(runPlan(fixturePlan(), fixtureData(), { trace: false }).totals.payout).toBe("51053.80");
  });
});

describe("runPlan traces of KPI points", () => {
  it("records the floor, the difficulty and the curve with its flags", () => {
    const plan: Plan = {
      ...base,
      kpis: [{ ...kpi, floor: "0.5", difficulty: "1.1", curve: { points: [{ x: "0.8", y: 60 }, { x: 1, y: 100 }], step: true, below: "zero", above: "clamp" } }],
    };
    const run = runPlan(plan, { rows });
    const steps = run.statements[1]?.trace ?? [];
    const attainment = steps.find((s) => s.step === "kpi.sales.attainment");
    expect(attainment?.inputs).toMatchObject({ actual: "90000", target: "100000", floor: "0.5" });
    const points = steps.find((s) => s.step === "kpi.sales.points");
    // p02: attainment 0.9 × difficulty 1.1 = 0.99 → step curve: the tier at 0.8 → 60 points
    expect(points?.formula).toBe("round(curve(attainment × difficulty), 2)");
    expect(points?.inputs).toEqual({ attainment: "0.9", difficulty: "1.1", curve: expect.stringContaining("step below=zero above=clamp") });
    expect(points?.result).toBe("60");
    expect(run.statements[1]?.kpis[0]?.difficulty).toBe("1.1");
  });

  it("writes 100 × attainment × difficulty without a curve, and curve(attainment) without a difficulty", () => {
    const withDifficulty = runPlan({ ...base, kpis: [{ ...kpi, difficulty: 2 }] }, { rows });
    // p02: 100 × 0.9 × 2 = 180
    const step = withDifficulty.statements[1]?.trace.find((s) => s.step === "kpi.sales.points");
    expect(step?.formula).toBe("round(100 × attainment × difficulty, 2)");
    expect(step?.result).toBe("180");
    const withCurve = runPlan({ ...base, kpis: [{ ...kpi, curve: { points: [{ x: 0, y: 0 }, { x: 1, y: 100 }] } }] }, { rows });
    const curveStep = withCurve.statements[1]?.trace.find((s) => s.step === "kpi.sales.points");
    expect(curveStep?.formula).toBe("round(curve(attainment), 2)");
    expect(curveStep?.inputs["curve"]).not.toContain("step");
    expect(curveStep?.result).toBe("90");
  });
});
