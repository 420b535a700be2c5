import { describe, expect, it } from "vitest";
import { parsePlan, type Plan } from "../../../src/plan/index.js";
import { readRunOptions } from "../../../src/plan/runOptions.js";
import { buildRoster } from "../../../src/plan/roster.js";
import { awardStage } from "../../../src/plan/stages/awardStage.js";
import { cellText } from "../../../src/plan/stages/cellText.js";
import { compositeStage } from "../../../src/plan/stages/compositeStage.js";
import { gradeStage } from "../../../src/plan/stages/gradeStage.js";
import { kpiInputStage } from "../../../src/plan/stages/kpiInputStage.js";
import { kpiStage } from "../../../src/plan/stages/kpiStage.js";
import { measureOf } from "../../../src/plan/stages/measureOf.js";
import { payStage, requireBasePay } from "../../../src/plan/stages/payStage.js";
import { poolStage } from "../../../src/plan/stages/poolStage.js";
import { promotionStage } from "../../../src/plan/stages/promotionStage.js";
import { readInputs } from "../../../src/plan/stages/readInputs.js";
import { review360Stage } from "../../../src/plan/stages/review360Stage.js";
import { deepFreeze, frozenKpiSpecs, roundingPlacesOf, runContext, tracerOf } from "../../../src/plan/stages/RunContext.js";
import { statementStage } from "../../../src/plan/stages/statementStage.js";
import { cachedText, unitsFixed } from "../../../src/plan/stages/unitsText.js";
import { Review360Rules } from "../../../src/review360/review360Rules.js";
import { Decimal } from "../../../src/numeric/index.js";

// Each stage of the engine on worked numbers (the whole pipeline is compared with the oracle in
// runEngine.oracle.prop.test.ts): two people, one KPI, a 360 review, forced grades, pay, a pool,
// an award and promotion.
const plan = parsePlan({
  version: 1,
  currency: "CNY",
  period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
  kpis: [{ id: "sales", weight: 1, actual: "sales", target: { column: "salesTarget" } }],
  score: { kpi: "0.5", review360: "0.5" },
  review360: { weights: { manager: 1 }, scale: { min: 1, max: 5 } },
  grading: { method: "forced", quotas: [{ grade: "A", share: "0.5" }, { grade: "B", share: "0.5" }] },
  pay: {
    fixed: { share: "0.5" },
    targetIncentive: { amount: "1000", measure: "score", curve: { points: [{ x: 0, y: 0 }, { x: 1, y: 1 }] } },
    gradeMultipliers: { A: "1.5", B: "1" },
    commission: { base: { kpi: "sales" }, tiers: [{ from: 0, rate: "0.01" }] },
    pools: [{ id: "bonus", budget: "100" }],
    awards: [{ id: "star", amount: "50", people: ["p02"] }],
  },
  promotion: { measure: "score", threshold: "1", count: 2 },
} as Plan);
const rows = [
  { id: "p02", sales: "90000", salesTarget: "100000", basePay: "8000" },
  { id: "p01", sales: "120000", salesTarget: "100000", basePay: "10000" },
];
const ratings = [
  { person: "p01", rater: "m", group: "manager", score: "5" },
  { person: "p02", rater: "m", group: "manager", score: "3" },
];

function stages(trace: boolean) {
  const given = readInputs(plan, { rows, ratings, history: { p01: ["1.1"], p02: ["0.9"] } });
  const ctx = runContext(plan, given.people, trace);
  const inputs = kpiInputStage(ctx);
  const kpis = kpiStage(ctx, inputs, false);
  const review = review360Stage(ctx, given.ratings);
  const scores = compositeStage(ctx, kpis, review);
  const grades = gradeStage(ctx, scores);
  const pay = payStage(ctx, { inputs, kpis, scores, grades });
  const pools = poolStage(ctx, { kpis, scores, grades });
  const awards = awardStage(ctx);
  const promotions = promotionStage(ctx, kpis, scores, given.history);
  const statements = statementStage(ctx, { inputs, kpis, review, scores, grades, pay, pools, awards, promotions }, false);
  return { given, ctx, inputs, kpis, review, scores, grades, pay, pools, awards, promotions, statements };
}

describe("the engine's stages", () => {
  it("read the roster in id order, and each person's actual and target", () => {
    const { given, inputs } = stages(false);
    expect(given.people.map((p) => p.id)).toEqual(["p01", "p02"]);
    expect(inputs.actual[0]).toEqual(["120000", "90000"]);
    expect(inputs.target[0]).toEqual(["100000", "100000"]);
  });

  it("score KPIs (120, 90), the 360 (5 → 100, 3 → 50) and the composite (110, 70)", () => {
    const { kpis, review, scores } = stages(false);
    expect([kpis.scoreText(0), kpis.scoreText(1)]).toEqual(["120", "90"]);
    expect([review.lineOf(0)?.points, review.lineOf(1)?.points]).toEqual(["100", "50"]);
    expect(scores).toEqual(["110", "70"]);
  });

  it("rank and grade, then pay: fixed 5000 / 4000, incentive 1000 × curve(1.1) = 1000 (the curve ends at 1) × 1.5 = 1500, and 700, commission 1200 / 900", () => {
    const { grades, pay } = stages(false);
    expect(Array.from(grades.rank)).toEqual([1, 2]);
    expect([grades.gradeOf(0)?.final, grades.gradeOf(1)?.final]).toEqual(["A", "B"]);
    expect(pay).toEqual({ fixed: ["5000.00", "4000.00"], targetIncentive: ["1500.00", "700.00"], commission: ["1200.00", "900.00"] });
  });

  it("share the pool by score × multiplier (165 : 70), give the award, and test the promotion streak", () => {
    const { pools, awards, promotions } = stages(false);
    expect(pools.reports[0]?.allocations.map((a) => a.amount)).toEqual(["70.21", "29.79"]);
    expect(awards[0]?.receivers.get(1)).toBe(1);
    expect(promotions?.map((p) => p.eligible)).toEqual([true, false]);
  });

  it("make statements and totals; with traces, every step", () => {
    const untraced = stages(false).statements;
    expect(untraced.statementAt(1).totalPayout).toBe("5679.79");
    expect(untraced.totals.payout).toBe(untraced.totals.payout);
    expect(untraced.lineIds.pay.map((l) => l.id)).toEqual(["fixed", "targetIncentive", "commission", "bonus", "star"]);
    const traced = stages(true).statements.statementAt(0);
    expect(traced.trace.map((t) => t.step)).toContain("pay.total");
    expect(traced).toEqual({ ...untraced.statementAt(0), trace: traced.trace });
  });

  it("share helpers: measureOf, requireBasePay, cellText, options, rounding places, frozen specs, caches, the 360 rules", () => {
    const { ctx, kpis, scores } = stages(false);
    expect(measureOf(ctx, kpis, scores, 0, "score", "x").toString()).toBe("1.1");
    expect(measureOf(ctx, kpis, scores, 1, { kpi: "sales" }, "x").toString()).toBe("0.9");
    expect(requireBasePay(buildRoster(plan, rows)[0] as ReturnType<typeof buildRoster>[number]).toString()).toBe("10000");
    expect(() => requireBasePay({ ...(buildRoster(plan, rows)[0] as ReturnType<typeof buildRoster>[number]), basePay: null })).toThrow(/has no base pay/);
    expect([cellText("1200.50"), cellText(""), cellText(7), cellText("1e3")]).toEqual(["1200.5", null, "7", "1000"]);
    expect([readRunOptions(undefined), readRunOptions({ trace: false })]).toEqual([true, false]);
    expect(() => readRunOptions({ trace: "no" })).toThrow(/options.trace must be true or false/);
    expect(roundingPlacesOf(plan)).toEqual({ mode: "half-even", indicator: 4, attainment: 4, points: 2, score: 2 });
    expect(Object.isFrozen(frozenKpiSpecs(plan)[0])).toBe(true);
    expect(Object.isFrozen(deepFreeze({ a: [1] }).a)).toBe(true);
    tracerOf(ctx, 0).add("nothing", "recorded without traces", () => ({}), "0");
    expect(cachedText(2).value(12050)).toBe("120.5");
    expect(cachedText(2, unitsFixed).value(5)).toBe("0.05");
    const rules = new Review360Rules({ weights: { manager: 1, peer: 1 }, minRaters: { peer: 2 } });
    const rater = rules.raterScore([""], [[new Decimal(4)]]);
    expect(rater?.text).toBe("4");
    expect(rules.reasonOf(1, 1)).toBe("below-min-raters");
    expect(rules.combine([{ raters: 1, mean: rules.mean([rater as NonNullable<typeof rater>]), reason: undefined }, { raters: 1, mean: null, reason: "below-min-raters" }]).score?.toString()).toBe("4");
  });
});
