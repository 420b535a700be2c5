import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../../src/errors/index.js";
import { explain, parsePlan, runPlan, type DealRow, type PlanData, type PlanInput, type ResponseRow } from "../../../src/plan/index.js";
import { en } from "../../../src/plan/locales/en.js";
import { traceText } from "../../../src/plan/locales/traceText.js";
import { zhCN } from "../../../src/plan/locales/zh-CN.js";
import type { Statement } from "../../../src/plan/types.js";
import { listIndicatorStage } from "../../../src/plan/stages/listIndicatorStage.js";
import { runContext } from "../../../src/plan/stages/RunContext.js";
import { readInputs } from "../../../src/plan/stages/readInputs.js";
import { errorOf as fault } from "../../helpers.js";

// Issue 21 point 6: list inputs (deals, responses) feeding the list indicators.

const period = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };
const conversion = { indicator: "stage-conversion", from: "deals", stages: ["lead", "quote", "won"], fromStage: "quote", toStage: "won" };
const plan = (kpis?: unknown[], missing = "zero"): PlanInput =>
  ({
    version: 1,
    currency: "CNY",
    period,
    score: { kpi: 1, missing },
    kpis: kpis ?? [
      { id: "pipeline", weight: "0.4", actual: { indicator: "pipeline-value", from: "deals" }, target: 100000 },
      { id: "conversion", weight: "0.3", actual: conversion, target: "0.5" },
      { id: "satisfaction", weight: "0.3", actual: { indicator: "csat", from: "responses" }, target: "0.8" },
    ],
  }) as PlanInput;
const deal = (person: string, amount: string, probability: string, stage: string): DealRow => ({ person, amount, probability, stage });
const deals: DealRow[] = [
  deal("p01", "100000", "0.5", "quote"), // weighted 50 000
  deal("p01", "50000", "0.2", "won"), // 10 000
  deal("p02", "10000", "0.25", "lead"), // 2 500
  deal("p01", "30000", "0.1", "lead"), // 3 000
  deal("p01", "20000", "1", "won"), // 20 000
];
const responses: ResponseRow[] = [
  { person: "p01", score: "5" },
  { person: "p01", score: 4 },
  { person: "p02", score: "5" },
  { person: "p01", score: "3" },
  { person: "p01", score: "2" },
];
const data = (more: Partial<PlanData> = {}): PlanData => ({ rows: [{ id: "p01" }, { id: "p02" }, { id: "p03" }], deals, responses, ...more });

function actuals(p: PlanInput, d: PlanData): Record<string, (string | null)[]> {
  const run = runPlan(parsePlan(p), d);
  return Object.fromEntries(run.statements.map((s) => [s.person.id, s.kpis.map((line) => line.actual)]));
}

describe("list indicators through runPlan, worked by hand", () => {
  it("pipeline value, stage conversion and CSAT per person", () => {
    // p01: pipeline Σ amount·probability = 50 000 + 10 000 + 3 000 + 20 000 = 83 000;
    //      reached quote: quote, won, won = 3; reached won: 2 → 2/3 = 0.6667 (4 places);
    //      ratings 5, 4, 3, 2 → satisfied (≥ 4) 2 of 4 = 0.5.
    // p02: pipeline 2 500; no deal reached quote → no conversion; one rating 5 → 1.
    // p03: no deals → pipeline 0; no conversion; no responses → no CSAT.
    expect(actuals(plan(), data())).toEqual({
      p01: ["83000", "0.6667", "0.5"],
      p02: ["2500", null, "1"],
      p03: ["0", null, null],
    });
  });

  it("the other values: total pipeline and mean rating, a custom scale", () => {
    const kpis = [
      { id: "pipeline", weight: "0.4", actual: { indicator: "pipeline-value", from: "deals", value: "total" }, target: 100000 },
      { id: "mean", weight: "0.3", actual: { indicator: "csat", from: "responses", value: "mean" }, target: 4 },
      { id: "top", weight: "0.3", actual: { indicator: "csat", from: "responses", satisfiedAtLeast: 5 }, target: "0.5" },
    ];
    // p01: Σ amount = 200 000; mean (5+4+3+2)/4 = 3.5; ratings of 5: 1 of 4 = 0.25.
    expect(actuals(plan(kpis), data())).toEqual({
      p01: ["200000", "3.5", "0.25"],
      p02: ["10000", "5", "1"],
      p03: ["0", null, null],
    });
  });

  it("a later stage passes through the earlier ones (lead → won)", () => {
    const kpis = [{ id: "c", weight: 1, actual: { ...conversion, fromStage: "lead" }, target: "0.5" }];
    // p01: reached lead 4, reached won 2 → 0.5; p02: reached lead 1, won 0 → 0.
    expect(actuals(plan(kpis), data())).toEqual({ p01: ["0.5"], p02: ["0"], p03: [null] });
  });

  it("shows the indicator, the number of events and the inputs in the statement and the trace", () => {
    const run = runPlan(parsePlan(plan()), data());
    const p01 = run.statements[0];
    expect(p01?.indicators).toEqual([
      { kpi: "pipeline", indicator: "pipeline-value", inputs: { from: "deals", events: "4", total: "200000", weighted: "83000" }, value: "83000" },
      { kpi: "conversion", indicator: "stage-conversion", inputs: { from: "deals", events: "4", fromStage: "quote", toStage: "won", reachedFrom: "3", reachedTo: "2" }, value: "0.6667" },
      { kpi: "satisfaction", indicator: "csat", inputs: { from: "responses", events: "4", satisfied: "2", scoreSum: "14" }, value: "0.5" },
    ]);
    const step = p01?.trace?.find((s) => s.step === "kpi.satisfaction.actual");
    expect(step?.formula).toBe("csat: round(satisfied / events, 4)");
    expect(step?.inputs).toMatchObject({ events: "4" });
    expect(explain(p01 as Statement, { locale: "en" })).toContain("customer satisfaction (CSAT)");
    expect(explain(p01 as Statement, { locale: "zh-CN" })).toContain("客户满意度（CSAT）");
    // Every list indicator step has words in both locales.
    for (const [locale, words] of [["en", en.trace], ["zh-CN", zhCN.trace]] as const) {
      for (const s of run.statements) {
        for (const step of s.trace ?? []) {
          if (!step.step.endsWith(".actual")) continue;
          expect(traceText(step, locale, words, { currency: "CNY" }).untranslated).toEqual([]);
        }
      }
    }
  });

  it("with score.missing error, a person with no events stops the run naming them", () => {
    const error = fault(() => runPlan(parsePlan(plan(undefined, "error")), data()));
    expect(error.code).toBe("INVALID_DATA");
    expect(error.message).toBe('deals: person "p02" has no deals that reached the stage "quote", so KPI "conversion" (stage-conversion) has no value (or set score.missing)');
    const sat = [{ id: "s", weight: 1, actual: { indicator: "csat", from: "responses" }, target: "0.8" }];
    expect(fault(() => runPlan(parsePlan(plan(sat, "error")), data())).message).toBe('responses: person "p03" has no responses, so KPI "s" (csat) has no value (or set score.missing)');
  });
});

describe("list indicators: bad input", () => {
  const bad = (more: Partial<PlanData>, p: PlanInput = plan()): PayscoreError => fault(() => runPlan(parsePlan(p), data(more)));

  it("names the list, the row and the column of a bad cell", () => {
    const cases: [Partial<PlanData>, (string | number)[], string][] = [
      [{ deals: [deals[0] as DealRow, deal("p01", "12,000", "0.5", "won")] }, ["deals", 1, "amount"], 'deals[1].amount: expected a plain number such as "1200.50"; got "12,000"'],
      [{ deals: [deal("p01", "-5", "0.5", "won")] }, ["deals", 0, "amount"], "deals[0].amount: a deal's amount must not be negative; got -5"],
      [{ deals: [deal("p01", "5", "60", "won")] }, ["deals", 0, "probability"], "deals[0].probability: must be from 0 to 1 (write 60 % as 0.6); got 60"],
      [{ deals: [deal("p01", "5", "", "won")] }, ["deals", 0, "probability"], "deals[0].probability: the probability is empty"],
      [{ deals: [deal("p09", "5", "0.5", "won")] }, ["deals", 0, "person"], 'deals[0].person: "p09" is not on the roster'],
      [{ deals: [deal("p01", "5", "0.5", "demo")] }, ["deals", 0, "stage"], 'deals[0].stage: "demo" is not a stage of KPI "conversion" (its stages are "lead", "quote", "won")'],
      [{ deals: [deal("p01", "5", "0.5", "")] }, ["deals", 0, "stage"], "deals[0].stage: the stage is empty"],
      [{ responses: [{ person: "p01", score: "9" }] }, ["responses", 0, "score"], 'responses[0].score: 9 is off the scale of KPI "satisfaction" (1 to 5)'],
      [{ responses: [{ person: "p01", score: "4.5" }] }, ["responses", 0, "score"], 'responses[0].score: expected a whole-number rating such as 4; got "4.5"'],
      [{ responses: [{ person: "", score: "4" }] }, ["responses", 0, "person"], "responses[0].person: the person id is empty"],
    ];
    for (const [more, path, message] of cases) {
      const error = bad(more);
      expect(error.code).toBe("INVALID_DATA");
      expect(error.path).toEqual(path);
      expect(error.message).toBe(message);
    }
  });

  it("refuses a list KPI without its list, and rows of the wrong shape", () => {
    const error = bad({ responses: undefined });
    expect(error.path).toEqual(["responses"]);
    expect(error.message).toContain("none were given");
    expect(bad({ deals: [{ amount: "5" } as unknown as DealRow] }).code).toBe("INVALID_DATA");
    expect(bad({ responses: "x" as never }).path[0]).toBe("responses");
  });

  it("refuses a funnel or scale that does not hold together", () => {
    const conv = (over: Record<string, unknown>) => plan([{ id: "c", weight: 1, actual: { ...conversion, ...over }, target: "0.5" }]);
    const cases: [PlanInput, (string | number)[]][] = [
      [conv({ fromStage: "demo" }), ["kpis", 0, "actual", "fromStage"]],
      [conv({ toStage: "lead" }), ["kpis", 0, "actual", "toStage"]],
      [conv({ stages: ["lead", "quote", "lead", "won"] }), ["kpis", 0, "actual", "stages"]],
      [plan([{ id: "s", weight: 1, actual: { indicator: "csat", from: "responses", min: 5, max: 5 }, target: 1 }]), ["kpis", 0, "actual", "max"]],
      [plan([{ id: "s", weight: 1, actual: { indicator: "csat", from: "responses", satisfiedAtLeast: 7 }, target: 1 }]), ["kpis", 0, "actual", "satisfiedAtLeast"]],
    ];
    for (const [p, path] of cases) {
      const error = bad({}, p);
      expect(error.code).toBe("INVALID_PLAN");
      expect(error.path).toEqual(path);
    }
    expect(() => parsePlan(plan([{ id: "c", weight: 1, actual: { indicator: "pipeline-value", from: "responses" }, target: 1 }]))).toThrow(PayscoreError);
  });
});

describe("listIndicatorStage", () => {
  it("aggregates each list once, by person", () => {
    const p = parsePlan(plan());
    const given = readInputs(p, data());
    const lists = listIndicatorStage(runContext(p, given.people, false), given.deals, given.responses);
    expect(lists.map((kpi) => kpi?.map((x) => x.value))).toEqual([
      ["83000", "2500", "0"],
      ["0.6667", null, null],
      ["0.5", "1", null],
    ]);
  });

  it("gives nothing for a plan without list KPIs", () => {
    const p = parsePlan(plan([{ id: "sales", weight: 1, actual: "sales", target: 1 }]));
    expect(listIndicatorStage(runContext(p, [], false), undefined, undefined)).toEqual([undefined]);
  });
});
