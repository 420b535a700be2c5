import { describe, expect, it } from "vitest";
import { z } from "zod";
import { PayscoreError } from "../../src/errors/index.js";
import { didYouMean, editDistance, expectedMessage, expecting, inPlanTerms, inPlanTermsOf, indicatorMessage, planErrorMap, planIssuesError, startsWithField } from "../../src/plan/planErrorMap.js";
import { parsePlan, runPlan } from "../../src/plan/index.js";

const minimal = {
  version: 1,
  currency: "CNY",
  period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
  kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000 }],
};

function messagesOf(plan: unknown): string[] {
  try {
    parsePlan(plan);
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    return (error as PayscoreError).issues.map((issue) => issue.message);
  }
  throw new Error("expected INVALID_PLAN");
}

const kpi = (fields: Record<string, unknown>) => ({ ...minimal, kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000, ...fields }] });

describe("the plan's error messages name the field, the value found and what is expected", () => {
  it("says a missing field is missing, with an example", () => {
    expect(messagesOf({ ...minimal, kpis: [{ id: "sales", actual: "sales", target: 1 }] })).toEqual(['kpis[0].weight is missing: a number or decimal string, e.g. "0.4"']);
    expect(messagesOf({ ...minimal, period: { start: "2026-01-01", end: "2026-03-31" } })).toEqual(["period.label is missing: a non-empty text in quotes"]);
  });

  it("explains a percent sign, a thousands separator, a decimal comma and a currency sign", () => {
    expect(messagesOf(kpi({ target: "95%" }))).toEqual(['kpis[0].target is "95%": expected a number or decimal string, e.g. "0.4"; write a percentage as a ratio: "95%" → 0.95']);
    expect(messagesOf(kpi({ cap: "12.5%" }))).toEqual(['kpis[0].cap is "12.5%": expected a number or decimal string, e.g. "0.4"; write a percentage as a ratio: "12.5%" → 0.125']);
    expect(messagesOf(kpi({ target: "1,200,000" }))).toEqual(['kpis[0].target is "1,200,000": expected a number or decimal string, e.g. "0.4"; write it without thousands separators: 1200000']);
    expect(messagesOf(kpi({ weight: "0,6" }))[0]).toBe('kpis[0].weight is "0,6": expected a number or decimal string, e.g. "0.4"; use a point for decimals: 0.6');
    expect(messagesOf(kpi({ target: "¥5000" }))).toEqual(['kpis[0].target is "¥5000": expected a number or decimal string, e.g. "0.4"; write the amount alone, without a currency sign or name']);
  });

  it("says how to write weights given on a 0–100 scale", () => {
    const plan = { ...minimal, kpis: [{ id: "a", weight: 60, actual: "a", target: 1 }, { id: "b", weight: 25, actual: "b", target: 1 }, { id: "c", weight: 15, actual: "c", target: 1 }] };
    expect(messagesOf(plan)).toEqual(["kpis: the KPI weights must sum to 1; they sum to 100; write them as ratios that sum to 1: 0.6, 0.25, 0.15 (not 60/25/15), or keep them and set \"kpiWeights\": \"normalize\""]);
    expect(messagesOf({ ...minimal, score: { kpi: 70, review360: 30 }, review360: { weights: { manager: 1 } } })).toEqual([
      "score: the weights kpi + review360 must sum to 1; they sum to 100; write them as ratios that sum to 1: 0.7, 0.3 (not 70/30)",
    ]);
  });

  it("suggests the key meant for an unknown one, by edit distance", () => {
    expect(messagesOf(kpi({ wieght: 1 }))).toEqual(['kpis[0].wieght is an unknown key; did you mean "weight"?']);
    expect(messagesOf({ ...minimal, perod: 1 })).toEqual(['perod is an unknown key; did you mean "period"?']);
  });

  it("suggests the option meant for a misspelt one", () => {
    expect(messagesOf(kpi({ direction: "lowr" }))).toEqual(['kpis[0].direction is "lowr": expected one of "higher", "lower"; did you mean "lower"?']);
    expect(messagesOf({ ...minimal, grading: { method: "band", bands: [] } })).toEqual(['grading.method is "band": expected one of "bands", "forced"; did you mean "bands"?']);
  });

  it("names an indicator's fields", () => {
    expect(messagesOf(kpi({ actual: { indicator: "margin", revenue: "revenue", cots: "cost" } }))).toEqual([
      'kpis[0].actual is a "margin" indicator, which reads the columns revenue and cost: "cots" is not one of them (did you mean "cost"?); cost is missing',
    ]);
    expect(messagesOf(kpi({ actual: { indicator: "collection", collected: "c", billed: "b" } }))).toEqual([
      'kpis[0].actual.indicator is "collection": expected one of "collection-rate", "margin", "nps", "growth", "market-share", "complaint-rate", "pipeline-value", "stage-conversion", "csat", "cycle-days", "weighted-visits", "resolution-hours"',
    ]);
    expect(messagesOf(kpi({ actual: { indicator: "nps", promoters: "p", passives: "" , detractors: "d" } }))).toEqual(['kpis[0].actual.passives is "": expected a data column name, e.g. "revenue"']);
    // Issue 21: a list indicator's fields.
    expect(messagesOf(kpi({ actual: { indicator: "stage-conversion", from: "deals", stages: ["a", "b"], fromStag: "a", toStage: "b" } }))).toEqual([
      'kpis[0].actual is a "stage-conversion" list indicator, which takes from, stages, fromStage and toStage: "fromStag" is not one of them (did you mean "fromStage"?); fromStage is missing',
    ]);
    expect(messagesOf(kpi({ actual: { indicator: "csat", from: "tickets" } }))[0]).toMatch(/^kpis\[0\]\.actual(\.from)? /);
    expect(messagesOf(kpi({ actual: { indicator: "weighted-visits", from: "deals", weights: { byType: { visit: 1 } } } }))[0]).toMatch(/from must be "activities"|"activities"/);
    expect(messagesOf(kpi({ actual: { indicator: "weighted-visits", from: "activities" } }))).toEqual([
      'kpis[0].actual is a "weighted-visits" list indicator, which takes from and weights: weights is missing',
    ]);
  });

  it("never says Invalid input, and never names an option object the plan does not have", () => {
    const broken = [
      kpi({ actual: 5 }),
      kpi({ target: { columns: "t" } }),
      { ...minimal, pay: { commission: { base: "revenue", tiers: [] } } },
      { ...minimal, pay: { targetIncentive: { amount: true, measure: "kpi", curve: { points: [] } } } },
      { ...minimal, review360: { weights: { manager: "x" }, minRaters: -1 }, score: { kpi: 1, review360: 0 } },
      "plan",
      [],
    ];
    for (const plan of broken) {
      for (const message of messagesOf(plan)) {
        expect(message).not.toMatch(/Invalid input|options\./);
        expect(message).toMatch(/ is |: /);
      }
    }
    expect(messagesOf({ ...minimal, pay: { commission: { base: "revenue", tiers: [{ from: 0, rate: 0.1 }] } } })).toEqual([
      'pay.commission.base is "revenue": expected { "column": "<data column>" }, { "kpi": "<KPI id>" } or { "collections": { … } }',
    ]);
    expect(messagesOf("plan")).toEqual(['the plan is "plan": expected an object { … }']);
  });

  it("names review360.weights for a rating whose group the plan does not weigh", () => {
    const plan = { ...minimal, score: { kpi: "0.7", review360: "0.3" }, review360: { weights: { manager: 60, peer: 40 } } };
    const data = { rows: [{ id: "p01", sales: "100" }], ratings: [{ person: "p01", rater: "r1", group: "boss", score: 4 }] };
    let message = "";
    try {
      runPlan(parsePlan(plan), data);
    } catch (error) {
      message = (error as PayscoreError).message;
    }
    expect(message).toContain('must be one of the groups in review360.weights ("manager", "peer"); got "boss"');
    expect(message).not.toContain("options.");
  });
});

describe("the helpers", () => {
  it("editDistance counts a swap of neighbours as one edit", () => {
    expect(editDistance("wieght", "weight")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });

  it("didYouMean offers only a close candidate", () => {
    expect(didYouMean("Weight", ["weight"])).toBe("weight");
    expect(didYouMean("bonus", ["version", "kpis"])).toBeUndefined();
  });

  it("expectedMessage and expecting word a value against what is expected", () => {
    expect(expectedMessage(["a", 0], undefined, "a number")).toBe("a[0] is missing: a number");
    expect(expectedMessage([], [], "an object")).toBe("the plan is an empty list: expected an object");
    const result = z.string({ error: expecting("a name") }).safeParse(5);
    expect(result.success ? "" : result.error.issues[0]?.message).toBe("the plan is 5: expected a name");
  });

  it("planErrorMap words zod's own issues", () => {
    const schema = z.strictObject({ n: z.number().int().max(3), list: z.array(z.string()).min(2), s: z.string().min(2) });
    const result = schema.safeParse({ n: 5, list: ["a"], s: "x", extra: 1 }, { error: planErrorMap });
    expect(result.success).toBe(false);
    const error = planIssuesError(result.success ? [] : result.error.issues);
    expect(error.issues.map((issue) => issue.message)).toEqual([
      "n is 5: expected at most 3",
      "list is an array of 1: expected a list with at least 2 entries",
      's is "x": expected a text of at least 2 characters',
      "extra is an unknown key; the keys here are n, list, s",
    ]);
    expect(error.code).toBe("INVALID_PLAN");
  });

  it("startsWithField puts the field first", () => {
    expect(startsWithField(["kpis", 1, "id"], 'duplicate KPI id "sales"')).toBe('kpis[1].id: duplicate KPI id "sales"');
    expect(startsWithField(["kpis"], "kpis: fine")).toBe("kpis: fine");
  });

  it("indicatorMessage falls back to the forms of an actual", () => {
    expect(indicatorMessage(["kpis", 0, "actual"], 5, { margin: ["revenue", "cost"] })).toBe(
      'kpis[0].actual is 5: expected a data column name, { "column": … }, or a derived indicator { "indicator": …, …the columns it reads }',
    );
    expect(indicatorMessage(["k"], { indicator: "nps", promoters: 1, passives: 2, detractors: 3 }, { nps: ["promoters", "passives", "detractors"] })).toBe(
      'k is a "nps" indicator, which reads the columns promoters, passives and detractors: each must be a data column name (non-empty text)',
    );
  });

  it("inPlanTerms and inPlanTermsOf rename an option object to the plan's section", () => {
    const error = new PayscoreError("INVALID_ARGUMENT", "options.weights.m must not be negative", { path: ["options", "weights", "m"] });
    const renamed = inPlanTerms(error, "options", ["review360"]);
    expect(renamed.message).toBe("review360.weights.m must not be negative");
    expect(renamed.path).toEqual(["review360", "weights", "m"]);
    expect(() =>
      inPlanTermsOf("options", ["review360"], () => {
        throw error;
      }),
    ).toThrow("review360.weights.m must not be negative");
    expect(inPlanTermsOf("options", ["review360"], () => 7)).toBe(7);
  });
});
