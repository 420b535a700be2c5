import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../../src/errors/index.js";
import { explain, parsePlan, runPlan, type ActivityRow, type DealRow, type PlanData, type PlanInput, type ResponseRow, type TicketRow } from "../../../src/plan/index.js";
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

// Issue 21 point 6, the rest: cycle days from the deals' dates, weighted visits from the
// activities, mean resolution hours from the tickets.

const weights = { byType: { visit: 3, demo: 2, call: 1 }, byTier: { key: 2, A: "1.5", B: 1 } };
const activities: ActivityRow[] = [
  { person: "p01", type: "visit", tier: "key", date: "2026-01-05" }, // 1 · 3 · 2 = 6
  { person: "p01", type: "call", tier: "B", count: "10" }, // 10 · 1 · 1 = 10
  { person: "p01", type: "demo", tier: "A", count: 2, date: "" }, // 2 · 2 · 1.5 = 6
  { person: "p02", type: "visit", tier: "A", date: "2026-03-31" }, // 1 · 3 · 1.5 = 4.5
  { person: "p02", type: "call", tier: "key", count: "0" }, // 0
];
const tickets: TicketRow[] = [
  { person: "p01", openedAt: "2026-03-02T09:00:00+08:00", resolvedAt: "2026-03-02T13:30:00+08:00" }, // 4.5 h
  { person: "p01", openedAt: "2026-03-02T17:00:00+08:00", resolvedAt: "2026-03-03T02:30:00Z" }, // 09:00Z → 02:30Z next day: 17.5 h
  { person: "p01", openedAt: "2026-03-05T10:00+08:00", resolvedAt: "" }, // still open: left out
  { person: "p02", openedAt: "2026-03-01T08:00Z", resolvedAt: "2026-03-01T08:20Z" }, // 20 minutes = 1/3 h
];
const dated = (person: string, openedAt: string, closedAt: string): DealRow => ({ person, openedAt, closedAt });
const datedDeals: DealRow[] = [
  dated("p01", "2026-01-01", "2026-01-31"), // 30 days
  dated("p01", "2026-02-10", "2026-03-02"), // 20
  dated("p01", "2026-03-01", "2026-04-15"), // 45
  dated("p01", "2026-04-01", "2026-04-11"), // 10
  dated("p01", "2026-03-20", ""), // still open: left out
  dated("p02", "2026-01-10", "2026-01-10"), // 0 (closed the day it opened)
];
const moreKpis = [
  { id: "cycle", weight: "0.2", direction: "lower", actual: { indicator: "cycle-days", from: "deals" }, target: 30 },
  { id: "cycleMedian", weight: "0.2", direction: "lower", actual: { indicator: "cycle-days", from: "deals", value: "median" }, target: 30 },
  { id: "visits", weight: "0.3", actual: { indicator: "weighted-visits", from: "activities", weights }, target: 20 },
  { id: "resolution", weight: "0.3", direction: "lower", actual: { indicator: "resolution-hours", from: "tickets" }, target: 24 },
];
const moreData = (more: Partial<PlanData> = {}): PlanData => ({ rows: [{ id: "p01" }, { id: "p02" }, { id: "p03" }], deals: datedDeals, activities, tickets, ...more });

describe("cycle days, weighted visits and resolution hours through runPlan, worked by hand", () => {
  it("gives each person's value", () => {
    // p01: cycles 30, 20, 45, 10 (the open deal left out) → mean 105 / 4 = 26.25, median (20 + 30) / 2 = 25;
    //      visits 6 + 10 + 6 = 22; tickets 4.5 h and 17.5 h (the open one left out) → 22 / 2 = 11.
    // p02: one cycle of 0 days → 0 and 0; visits 4.5 + 0 = 4.5; one ticket of 20 min → 1/3 h = 0.3333.
    // p03: no deals, activities or tickets → no cycle, 0 visits, no resolution time.
    expect(actuals(plan(moreKpis), moreData())).toEqual({
      p01: ["26.25", "25", "22", "11"],
      p02: ["0", "0", "4.5", "0.3333"],
      p03: [null, null, "0", null],
    });
  });

  it("scores the lower-is-better ones lower-is-better", () => {
    const run = runPlan(parsePlan(plan(moreKpis)), moreData());
    const p01 = run.statements[0]?.kpis;
    // cycle: max(0, 2 − 26.25 / 30) = 1.125; resolution: max(0, 2 − 11 / 24) = 1.541666… → 1.5417;
    // visits (higher): 22 / 20 = 1.1.
    expect(p01?.map((line) => line.attainment)).toEqual(["1.125", "1.1667", "1.1", "1.5417"]);
  });

  it("shows the events and aggregates in the statement and the trace, in both locales", () => {
    const run = runPlan(parsePlan(plan(moreKpis)), moreData());
    const p01 = run.statements[0];
    expect(p01?.indicators).toEqual([
      { kpi: "cycle", indicator: "cycle-days", inputs: { from: "deals", events: "5", closed: "4", daysSum: "105" }, value: "26.25" },
      { kpi: "cycleMedian", indicator: "cycle-days", inputs: { from: "deals", events: "5", closed: "4", daysSum: "105" }, value: "25" },
      { kpi: "visits", indicator: "weighted-visits", inputs: { from: "activities", events: "3", activities: "13", weighted: "22" }, value: "22" },
      { kpi: "resolution", indicator: "resolution-hours", inputs: { from: "tickets", events: "3", resolved: "2", hours: "22" }, value: "11" },
    ]);
    expect(p01?.trace?.find((s) => s.step === "kpi.visits.actual")?.formula).toBe("weighted-visits: round(Σ count · byType[type] · byTier[tier], 4)");
    expect(p01?.trace?.find((s) => s.step === "kpi.resolution.actual")?.formula).toBe("resolution-hours: round(hours / resolved, 4)");
    expect(explain(p01 as Statement, { locale: "en" })).toContain("weighted visits");
    expect(explain(p01 as Statement, { locale: "zh-CN" })).toContain("平均处理时长（小时）");
    for (const [locale, words] of [["en", en.trace], ["zh-CN", zhCN.trace]] as const) {
      for (const s of run.statements) {
        for (const step of s.trace ?? []) {
          if (!step.step.endsWith(".actual")) continue;
          expect(traceText(step, locale, words, { currency: "CNY" }).untranslated).toEqual([]);
        }
      }
    }
  });

  it("weighs by type alone without byTier, and a person with no events follows score.missing", () => {
    const byType = [{ id: "visits", weight: 1, actual: { indicator: "weighted-visits", from: "activities", weights: { byType: { visit: 3, demo: 2, call: 1 } } }, target: 20 }];
    // p01: 3 + 10 + 4 = 17 (tiers not weighed); p02: 3 + 0 = 3; p03: 0.
    expect(actuals(plan(byType), moreData())).toEqual({ p01: ["17"], p02: ["3"], p03: ["0"] });
    const error = fault(() => runPlan(parsePlan(plan(moreKpis, "error")), moreData()));
    expect([error.code, error.message]).toEqual(["INVALID_DATA", 'deals: person "p03" has no closed deals (with closedAt), so KPI "cycle" (cycle-days) has no value (or set score.missing)']);
    const hours = [{ id: "resolution", weight: 1, direction: "lower", actual: { indicator: "resolution-hours", from: "tickets" }, target: 24 }];
    expect(fault(() => runPlan(parsePlan(plan(hours, "error")), moreData())).message).toBe('tickets: person "p03" has no resolved tickets (with resolvedAt), so KPI "resolution" (resolution-hours) has no value (or set score.missing)');
  });
});

describe("cycle days, weighted visits and resolution hours: bad input", () => {
  const bad = (more: Partial<PlanData>, p: PlanInput = plan(moreKpis)): PayscoreError => fault(() => runPlan(parsePlan(p), moreData(more)));

  it("names the list, the row and the column of a bad cell", () => {
    const cases: [Partial<PlanData>, (string | number)[], string][] = [
      [{ activities: [{ person: "p09", type: "visit", tier: "key" }] }, ["activities", 0, "person"], 'activities[0].person: "p09" is not on the roster'],
      [{ activities: [activities[0] as ActivityRow, { person: "p01", type: "visit", tier: "C" }] }, ["activities", 1, "tier"], 'activities[1].tier: "C" has no weight in KPI "visits"\'s weights.byTier ("key", "A", "B")'],
      [{ activities: [{ person: "p01", type: "visit" }] }, ["activities", 0, "tier"], 'activities[0].tier: the tier is empty; KPI "visits" weighs activities by customer tier ("key", "A", "B")'],
      [{ activities: [{ person: "p01", type: "email", tier: "A" }] }, ["activities", 0, "type"], 'activities[0].type: "email" has no weight in KPI "visits"\'s weights.byType ("visit", "demo", "call"); add it (0 to leave it out)'],
      [{ activities: [{ person: "p01", type: "visit", tier: "A", date: "2026-02-30" }] }, ["activities", 0, "date"], 'activities[0].date: expected a day written yyyy-MM-dd such as "2026-03-31"; got "2026-02-30"'],
      [{ activities: [{ person: "p01", type: "visit", tier: "A", date: "2026-04-01" }] }, ["activities", 0, "date"], "activities[0].date: 2026-04-01 is outside the plan's period 2026-01-01 to 2026-03-31; give only the period's activities"],
      [{ activities: [{ person: "p01", type: "visit", tier: "A", count: "1.5" }] }, ["activities", 0, "count"], 'activities[0].count: expected a whole number of activities ≥ 0 such as 3; got "1.5"'],
      [{ activities: [{ person: "p01", type: "visit", tier: "A", count: "-1" }] }, ["activities", 0, "count"], 'activities[0].count: expected a whole number of activities ≥ 0 such as 3; got "-1"'],
      [{ tickets: [{ person: "p01", openedAt: "2026-03-02T10:00+08:00", resolvedAt: "2026-03-02T09:00+08:00" }] }, ["tickets", 0, "resolvedAt"], "tickets[0].resolvedAt: 2026-03-02T09:00+08:00 is before the ticket was opened (openedAt 2026-03-02T10:00+08:00)"],
      [{ tickets: [{ person: "p01", openedAt: "2026-03-02 10:00", resolvedAt: "2026-03-02T11:00+08:00" }] }, ["tickets", 0, "openedAt"], 'tickets[0].openedAt: must be a date-time with an offset, written like "2026-03-02T09:30:00+08:00" or "2026-03-02T01:30:00Z"; got "2026-03-02 10:00"'],
      [{ tickets: [{ person: "p01", openedAt: "2026-02-30T10:00Z" }] }, ["tickets", 0, "openedAt"], 'tickets[0].openedAt: is not a real date and time; got "2026-02-30T10:00Z"'],
      [{ tickets: [{ person: "p01", openedAt: "" }] }, ["tickets", 0, "openedAt"], "tickets[0].openedAt: the openedAt is empty"],
      [{ tickets: [{ person: "p07", openedAt: "2026-03-02T10:00Z" }] }, ["tickets", 0, "person"], 'tickets[0].person: "p07" is not on the roster'],
      [{ deals: [dated("p01", "2026-02-01", "2026-01-15")] }, ["deals", 0, "closedAt"], "deals[0].closedAt: 2026-01-15 is before the day the deal was opened (openedAt 2026-02-01)"],
      [{ deals: [dated("p01", "2026/02/01", "2026-03-15")] }, ["deals", 0, "openedAt"], 'deals[0].openedAt: must be a date written yyyy-MM-dd such as "2026-03-31"; got "2026/02/01"'],
      [{ deals: [dated("p01", "", "2026-03-15")] }, ["deals", 0, "openedAt"], "deals[0].openedAt: the openedAt is empty; a closed deal needs the day it was opened"],
    ];
    for (const [more, path, message] of cases) {
      const error = bad(more);
      expect([error.code, error.path, error.message]).toEqual(["INVALID_DATA", path, message]);
    }
  });

  it("refuses a list KPI without its list, and rows of the wrong shape", () => {
    const error = bad({ tickets: undefined });
    expect([error.path, error.message]).toEqual([["tickets"], 'tickets: KPI "resolution" (resolution-hours) reads the data\'s tickets, but none were given (pass --tickets or name them in the plan\'s "inputs")']);
    expect(bad({ activities: undefined }).message).toContain("pass --activities");
    expect(bad({ activities: [{ person: "p01" } as unknown as ActivityRow] }).path[0]).toBe("activities");
    expect(bad({ tickets: [{ person: "p01", openedAt: 5 } as unknown as TicketRow] }).path[0]).toBe("tickets");
  });

  it("refuses a lower-is-better indicator without a direction, and negative weights", () => {
    const undirected = plan([{ id: "resolution", weight: 1, actual: { indicator: "resolution-hours", from: "tickets" }, target: 24 }]);
    const error = bad({}, undirected);
    expect([error.code, error.path]).toEqual(["INVALID_PLAN", ["kpis", 0, "direction"]]);
    expect(error.message).toBe('kpis[0].direction is missing: a resolution-hours KPI measures days or hours, where a faster resolution is better; set "direction": "lower" (or "higher" on purpose)');
    expect(bad({}, plan([{ id: "cycle", weight: 1, actual: { indicator: "cycle-days", from: "deals" }, target: 30 }])).path).toEqual(["kpis", 0, "direction"]);
    const negative = plan([{ id: "visits", weight: 1, actual: { indicator: "weighted-visits", from: "activities", weights: { byType: { visit: 3 }, byTier: { key: "-2" } } }, target: 20 }]);
    const weightError = bad({}, negative);
    expect([weightError.code, weightError.path, weightError.message]).toEqual(["INVALID_PLAN", ["kpis", 0, "actual", "weights", "byTier", "key"], "kpis[0].actual.weights.byTier.key must not be negative; got -2"]);
    expect(() => parsePlan(plan([{ id: "v", weight: 1, actual: { indicator: "weighted-visits", from: "activities" }, target: 1 }]))).toThrow(/weights is missing/);
  });
});

describe("listIndicatorStage, the rest", () => {
  it("aggregates the activities and tickets once, by person", () => {
    const p = parsePlan(plan(moreKpis));
    const given = readInputs(p, moreData());
    const lists = listIndicatorStage(runContext(p, given.people, false), given.deals, given.responses, given.activities, given.tickets);
    expect(lists.map((kpi) => kpi?.map((x) => x.value))).toEqual([
      ["26.25", "0", null],
      ["25", "0", null],
      ["22", "4.5", "0"],
      ["11", "0.3333", null],
    ]);
  });
});
