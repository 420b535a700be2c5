import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";
import { checkPlanRules, percentWeightsHint } from "../../src/plan/planChecks.js";
import { Decimal } from "../../src/numeric/index.js";
import { parsePlan } from "../../src/plan/index.js";

const minimal = {
  version: 1,
  currency: "CNY",
  period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
  kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000 }],
};
const bands = { method: "bands", bands: [{ grade: "A", min: 100 }, { grade: "B", min: 0 }] };

/** The messages parsePlan gives for a plan (each issue's message, in order). */
function messagesOf(extra: Record<string, unknown>): string[] {
  try {
    parsePlan({ ...minimal, ...extra });
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    expect((error as PayscoreError).code).toBe("INVALID_PLAN");
    return (error as PayscoreError).issues.map((issue) => issue.message);
  }
  throw new Error("expected INVALID_PLAN");
}

describe("parsePlan refuses what a run would refuse about the plan itself", () => {
  it("refuses commission tiers that do not start at 0, do not rise, or have a negative rate", () => {
    const tiers = (list: unknown[]) => ({ pay: { commission: { base: { column: "sales" }, tiers: list } } });
    expect(messagesOf(tiers([{ from: "1", rate: "0.03" }]))).toEqual(['pay.commission.tiers[0].from is "1": the first tier must start at 0 (it pays the slice from 0 up to the next tier)']);
    expect(messagesOf(tiers([{ from: 0, rate: "0.03" }, { from: 5000, rate: "0.05" }, { from: 5000, rate: "0.06" }]))).toEqual([
      "pay.commission.tiers[2].from is 5000: tiers must rise; the tier before starts at 5000",
    ]);
    expect(messagesOf(tiers([{ from: 0, rate: "-0.01" }]))).toEqual(['pay.commission.tiers[0].rate is "-0.01": a commission rate must not be negative']);
  });

  it("refuses a negative pool budget or cap, in the plan's words (never entries[0].cap)", () => {
    expect(messagesOf({ pay: { pools: [{ id: "q1", budget: -5 }] } })).toEqual(["pay.pools[0].budget is -5: a pool's budget must not be negative"]);
    expect(messagesOf({ pay: { pools: [{ id: "q1", budget: 5, cap: "-1" }] } })).toEqual(['pay.pools[0].cap is "-1": a cap must not be negative']);
    expect(messagesOf({ pay: { pools: [{ id: "q1", budget: 5, cap: { multipleOfBasePay: -1 } }] } })).toEqual(["pay.pools[0].cap.multipleOfBasePay is -1: a cap must not be negative"]);
    expect(messagesOf({ pay: { pools: [{ id: "q1", budget: 5, funding: { measure: "score", curve: { points: [{ x: 0, y: -1 }, { x: 1, y: 1 }] } } }] } })).toEqual([
      "pay.pools[0].funding.curve.points[0].y is -1: a funding curve must not fall below 0 (a pool cannot be negative)",
    ]);
  });

  it("refuses negative targets, incentives and multipliers", () => {
    expect(messagesOf({ kpis: [{ id: "sales", weight: 1, actual: "sales", target: -1 }] })).toEqual(["kpis[0].target is -1: a target must not be negative"]);
    expect(messagesOf({ kpis: [{ id: "sales", weight: 1, actual: "sales", target: { total: "-100" } }] })).toEqual(['kpis[0].target.total is "-100": a total target must not be negative']);
    const curve = { points: [{ x: 0, y: 0 }, { x: 1, y: 1 }] };
    expect(messagesOf({ pay: { targetIncentive: { amount: -5, measure: "score", curve } } })).toEqual(["pay.targetIncentive.amount is -5: a target incentive must not be negative"]);
    expect(messagesOf({ grading: bands, pay: { gradeMultipliers: { A: -1, B: 1 } } })).toEqual(["pay.gradeMultipliers.A is -1: a grade multiplier must not be negative"]);
    expect(messagesOf({ grading: bands, pay: { gradeMultipliers: { A: 1, B: 1, S: 2 } } })).toEqual(["pay.gradeMultipliers.S names a grade that grading does not have; the grades are A, B"]);
    expect(messagesOf({ score: { kpi: "1.5", review360: "-0.5" }, review360: { weights: { manager: 1 } } })).toEqual(['score.review360 is "-0.5": a weight must not be negative']);
  });

  it("checks the scorecard and curves as the run would", () => {
    const stepped = { points: [{ x: 0, y: 0 }, { x: 1, y: 1 }], step: true, above: "extrapolate" };
    expect(messagesOf({ kpis: [{ id: "sales", weight: 1, actual: "sales", target: 1, curve: stepped }] })).toEqual([
      'kpis[0].curve.above is "extrapolate", which a step curve (tiers) cannot do; use "clamp"',
    ]);
    expect(messagesOf({ kpis: [{ id: "sales", weight: 1, actual: "sales", target: 1, cap: 1, floor: 2 }] })).toEqual(["kpis[0].floor must not be greater than cap; got floor 2 and cap 1"]);
    expect(messagesOf({ pay: { targetIncentive: { amount: 5, measure: "score", curve: stepped } } })).toEqual([
      'pay.targetIncentive.curve.above is "extrapolate", which a step curve (tiers) cannot do; use "clamp"',
    ]);
  });

  it("names review360's fields, never the options object aggregate360 takes", () => {
    const review = (setup: Record<string, unknown>) => ({ score: { kpi: "0.7", review360: "0.3" }, review360: setup });
    expect(messagesOf(review({ weights: { manager: -1, peer: 2 } }))).toEqual(["review360.weights.manager must not be negative; got -1"]);
    expect(messagesOf(review({ weights: { manager: 1 }, minRaters: { peer: 2 } }))).toEqual(['review360.minRaters.peer names a group that is not in review360.weights ("manager")']);
    expect(messagesOf(review({ weights: { manager: 1 }, scale: { min: 5, max: 1 } }))).toEqual(["review360.scale.max must be greater than min (5); got 1"]);
  });

  it("checks grading: distinct mins and names, quotas, one override per person", () => {
    expect(messagesOf({ grading: { method: "bands", bands: [{ grade: "A", min: 0 }, { grade: "B", min: "0" }] } })).toEqual([
      'grading.bands[1].min is "0": each band needs its own min; grading.bands[0] starts at 0 too',
    ]);
    expect(messagesOf({ grading: { method: "bands", bands: [{ grade: "A", min: 10 }, { grade: "A", min: 0 }] } })).toEqual([
      'grading.bands[1].grade is "A": grade names must be distinct; grading.bands[0] has it already',
    ]);
    expect(messagesOf({ grading: { method: "forced", quotas: [{ grade: "A", share: "0.5" }, { grade: "B", share: "0.4" }] } })).toEqual([
      "grading.quotas: the shares in quotas must sum to 1; they sum to 0.9",
    ]);
    expect(messagesOf({ grading: { method: "forced", quotas: [{ grade: "A", share: 20 }, { grade: "B", share: 70 }, { grade: "C", share: 10 }] } })).toEqual([
      "grading.quotas: the shares sum to 100, not 1; write them as ratios that sum to 1: 0.2, 0.7, 0.1 (not 20/70/10)",
    ]);
    const twice = [{ person: "p1", grade: "A", reason: "r", by: "x" }, { person: "p1", grade: "B", reason: "r", by: "x" }];
    expect(messagesOf({ grading: { ...bands, overrides: twice } })).toEqual([
      'grading.overrides[1].person is "p1": grading.overrides[0] decides this person\'s grade already; give one decision per person',
    ]);
  });

  it("checks the people the plan names against its roster, when it lists one", () => {
    const people = [{ id: "p1" }, { id: "p2" }];
    expect(messagesOf({ people, pay: { awards: [{ id: "mvp", amount: 5, people: ["p9"] }] } })).toEqual(['pay.awards[0].people[0] is "p9": no such person in people (the plan lists 2 people)']);
    expect(messagesOf({ people, grading: { ...bands, overrides: [{ person: "p9", grade: "A", reason: "r", by: "x" }] } })).toEqual([
      'grading.overrides[0].person is "p9": no such person in people (the plan lists 2 people)',
    ]);
    expect(messagesOf({ people, kpis: [{ id: "sales", weight: 1, actual: "sales", target: { perPerson: { p1: 5 } } }] })).toEqual([
      'kpis[0].target.perPerson has no target for "p2" (every person in people needs one)',
    ]);
  });

  it("checkPlanRules records nothing for a sound plan", () => {
    const found: string[] = [];
    checkPlanRules(parsePlan(minimal), (_path, message) => found.push(message));
    expect(found).toEqual([]);
  });

  it("percentWeightsHint only speaks when the weights sum to 100", () => {
    expect(percentWeightsHint([60, 25, 15], new Decimal(100))).toBe("; write them as ratios that sum to 1: 0.6, 0.25, 0.15 (not 60/25/15)");
    expect(percentWeightsHint(["0.6", "0.3"], new Decimal("0.9"))).toBe("");
  });
});
