// Renders every trace step a run can produce, in both locales, and fails on any part the
// locale has no words for, or on an English word left in the Chinese text.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { explain, runPlan, type PayoutRun, type Plan, type PlanData, type Statement } from "../../src/plan/index.js";
import { en } from "../../src/plan/locales/en.js";
import { traceText } from "../../src/plan/locales/traceText.js";
import { zhCN } from "../../src/plan/locales/zh-CN.js";
import { fixtureData, fixturePlan } from "./helpers.js";

const regional = new URL("../../examples/regional-team/", import.meta.url);
const csv = (name: string): Record<string, string>[] =>
  parse(readFileSync(new URL(name, regional), "utf8"), { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];

function regionalRun(): PayoutRun {
  const plan = JSON.parse(readFileSync(new URL("plan.json", regional), "utf8")) as Plan;
  const history = Object.fromEntries(csv("history.csv").map(({ id, ...periods }) => [id as string, Object.values(periods).filter((value) => value !== "")]));
  return runPlan(plan, { rows: csv("data.csv"), ratings: csv("ratings.csv"), history } as unknown as PlanData);
}

/** A plan for the steps the other two runs do not reach: indicators, difficulty, step curves, lower-is-better inverse, missing values, other pools and modes. */
const featurePlan = {
  version: 1,
  currency: "USD",
  rounding: { score: 1 },
  period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
  kpis: [
    { id: "growth", weight: "0.3", difficulty: "1.2", actual: { indicator: "growth", current: "cur", previous: "prev" }, target: "0.1", cap: "2" },
    {
      id: "share",
      weight: "0.3",
      difficulty: "1.1",
      actual: { indicator: "market-share", sales: "sales", market: "market" },
      target: { column: "shareTarget" },
      prorate: "business-days",
      curve: { points: [{ x: "0.5", y: "0" }, { x: "1", y: "100" }], step: true, below: "clamp", above: "clamp" },
    },
    { id: "calls", weight: "0.4", direction: "lower", lowerFormula: "inverse", actual: "calls", target: "100", cap: "1.5", curve: { points: [{ x: "0.5", y: "0" }, { x: "1", y: "100" }], below: "extrapolate", above: "extrapolate" } },
  ],
  score: { kpi: "1", missing: "zero" },
  grading: { method: "bands", bands: [{ grade: "A", min: 90 }, { grade: "B", min: 0 }] },
  pay: {
    targetIncentive: { amount: "1000", measure: { kpi: "growth" }, curve: { points: [{ x: "0", y: "0" }, { x: "1", y: "1" }] } },
    commission: { base: { column: "sales" }, tiers: [{ from: "0", rate: "0.01" }, { from: "50000", rate: "0.02" }], mode: "retroactive" },
    pools: [{ id: "team", budget: "3000", weightBy: "equal", cap: { multipleOfBasePay: "0.1" } }],
    awards: [{ id: "star", amount: "250", people: ["a1"] }],
  },
  // a2 has no history: not eligible (the default would refuse the run).
  promotion: { measure: "score", threshold: "0.9", count: 2, missingHistory: "not-eligible" },
} as unknown as Plan;

const featureData = {
  rows: [
    { id: "a1", basePay: "10000", cur: "120", prev: "100", sales: "60000", market: "600000", shareTarget: "0.1", calls: "80", activeFrom: "2026-02-01" },
    { id: "a2", basePay: "12000", cur: "100", prev: "100", sales: "40000", market: "600000", shareTarget: "0.1", calls: "" },
  ],
  history: { a1: ["0.95"] },
} as unknown as PlanData;

/** The worked example without a rating scale, and with p03 and p04 left without usable ratings. */
function fewRatingsRun(): PayoutRun {
  const plan = fixturePlan();
  const { scale: _scale, ...review360 } = plan.review360 as NonNullable<Plan["review360"]>;
  const data = fixtureData();
  const ratings = (data.ratings ?? []).filter((r) => r.person === "p01" || r.person === "p02");
  return runPlan({ ...plan, review360 } as Plan, { ...data, ratings });
}

function kpiOnlyRun(): PayoutRun {
  const { review360: _r, score: _s, ...rest } = fixturePlan();
  return runPlan(rest as Plan, fixtureData());
}

/** The worked example with pay prorated by business days over a holiday calendar (issue 18): the proration steps. */
function proratedPayRun(): PayoutRun {
  const plan = fixturePlan();
  return runPlan({ ...plan, pay: { ...plan.pay, prorate: "business-days" }, calendar: { holidays: ["2026-02-16", "2026-02-17"], workdays: ["2026-02-28"] } } as Plan, fixtureData());
}

const runs: readonly PayoutRun[] = [regionalRun(), runPlan(fixturePlan(), fixtureData()), runPlan(featurePlan, featureData), fewRatingsRun(), kpiOnlyRun(), proratedPayRun()];
const everyone: readonly { run: PayoutRun; statement: Statement }[] = runs.flatMap((run) => run.statements.map((statement) => ({ run, statement })));

/** The formula patterns reached, by the label and formula kind: every kind the run writes must appear. */
function kindOf(step: string, formula: string): string {
  return `${step.replace(/^kpi\.[^.]+\./, "kpi.*.").replace(/^pay\.(pool|award)\.[^.]+/, "pay.$1.*")} | ${formula.replace(/\d+/g, "N").replace(/column .*/, "column C").replace(/KPI .+ \(/, "KPI K (")}`;
}

/** Words the Chinese text may carry in Latin letters: ids, names and other data from the plan and the rows, and the acronym KPI. */
function dataWords(run: PayoutRun, statement: Statement): Set<string> {
  const words = new Set<string>(["KPI"]);
  const add = (text: string | null | undefined): void => {
    for (const word of (text ?? "").match(/[A-Za-z][A-Za-z'’-]*/g) ?? []) words.add(word);
  };
  const p = statement.person;
  // the currency's symbol in Chinese (US$ for USD)
  const symbol = new Intl.NumberFormat("zh-CN", { style: "currency", currency: run.currency }).formatToParts(1).find((part) => part.type === "currency")?.value;
  for (const text of [p.id, p.name, p.team, p.region, p.role, statement.grade?.reason, statement.grade?.by, statement.grade?.initial, statement.grade?.final, symbol]) add(text);
  for (const k of statement.kpis) {
    add(k.id);
    add(k.name);
  }
  for (const line of statement.pay) add(line.id);
  for (const step of statement.trace) {
    add(step.step); // ids inside step names (kpi.<id>.…, pay.pool.<id>)
    for (const [key, value] of Object.entries(step.inputs)) {
      if (/^column /.test(step.formula) || step.step === "score.kpi") add(key); // data columns and KPI ids
      if (key === "reason" || key === "name" || key === "grade" || key === "calibratedFrom") add(value);
      if (key === "source") add(/^column (.+)$/.exec(value)?.[1]);
    }
    const column = /^column (.+)$/.exec(step.formula);
    if (column !== null) add(column[1]);
    if (step.step === "score.review360") for (const key of Object.keys(step.inputs)) if (!["manager", "peer", "subordinate"].includes(key)) add(key);
  }
  return words;
}

describe("explain in both locales, every trace step", () => {
  it("reaches every kind of step the runs write (the test plans cover the engine's branches)", () => {
    const kinds = new Set(everyone.flatMap(({ statement }) => statement.trace.map((step) => kindOf(step.step, step.formula))));
    // Each formula kind in traceText's table (30) is reached by at least one step.
    const formulas = new Set(everyone.flatMap(({ statement }) => statement.trace.map((step) => step.formula.replace(/\d+/g, "N").replace(/^column .*/, "column C").replace(/KPI .+ \(/, "KPI K ("))));
    expect(formulas.size).toBeGreaterThanOrEqual(30);
    expect(kinds.size).toBeGreaterThanOrEqual(35);
    const results = new Set(everyone.flatMap(({ statement }) => statement.trace.map((step) => step.result)));
    for (const word of ["missing", "none"]) expect(results).toContain(word);
  });

  for (const [locale, words] of [["en", en.trace], ["zh-CN", zhCN.trace]] as const) {
    it(`has words for every step, formula, input and value (${locale})`, () => {
      const untranslated = new Set<string>();
      for (const { run, statement } of everyone) {
        const rateKpis = new Set(statement.indicators.filter((i) => i.indicator !== "nps").map((i) => i.kpi));
        for (const step of statement.trace) {
          for (const part of traceText(step, locale, words, { currency: run.currency, rateKpis }).untranslated) untranslated.add(`${step.step}: ${part}`);
        }
      }
      expect([...untranslated]).toEqual([]);
    });
  }

  it("leaves no English word in the Chinese text outside ids, names and other data", () => {
    const leftovers = new Set<string>();
    for (const { run, statement } of everyone) {
      const text = explain(statement, { locale: "zh-CN", currency: run.currency });
      const allowed = dataWords(run, statement);
      for (const word of text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? []) if (!allowed.has(word)) leftovers.add(`${statement.person.id}: ${word}`);
    }
    expect([...leftovers]).toEqual([]);
  });

  it("writes amounts as money for the locale and currency, and rates as percentages", () => {
    const run = runs[0] as PayoutRun;
    const r01 = run.statements.find((s) => s.person.id === "R01") as Statement;
    const zh = explain(r01, { locale: "zh-CN", currency: run.currency });
    const english = explain(r01, { locale: "en", currency: run.currency });
    expect(zh).toContain("应发合计：¥82,596.14");
    expect(english).toContain("Total payout: CN¥82,596.14");
    // collection rate 0.94 → 94 %, margin 0.31 → 31 %
    expect(zh).toContain("Collection rate 回款率 (collection)：实际 94%，目标 95%，达成率 98.95%");
    expect(english).toContain("Gross margin 毛利率 (margin): actual 31%, target 30%, attainment 103.33%");
    expect(zh).toContain("  collection · 回款率：94% (已回款=1,240,800；开票额=1,320,000)");
    // rater groups and the exclusion reason in words
    expect(zh).toContain("  上级：1 人评估，均分 4.1，权重 0.5");
    expect(zh).toContain("  下属：3 人评估，均分 3.5，权重 0.2");
    expect(zh).toContain("  提成：提成基数按阶梯提成（超额累进）计算，按货币最小单位舍入 = ¥8,200.00  [提成基数=¥1,320,000.00；提成阶梯=0 以上 0.5%，1,000,000 以上 1%]");
    // a funding ratio is shown exactly, not rounded to two places
    expect(zh).toContain("资金比例=107.809375%");
    const dollars = (runs[2] as PayoutRun).statements[1] as Statement;
    const inUsd = explain(dollars, { locale: "en", currency: "USD" });
    expect(inUsd).toContain("calls · actual: the data column calls = missing  [calls=empty]");
    expect(inUsd).toContain("Commission: commission on the base by the tiers (retroactive), rounded to the minor unit = $400.00");
  });

  it("words a trace step as the run wrote it when the locale has no words for it, and says so", () => {
    const text = traceText({ step: "bonus.extra", formula: "given", inputs: { x: "1" }, result: "1" }, "zh-CN", zhCN.trace);
    expect(text.label).toBe("bonus.extra");
    expect(text.untranslated).toEqual(["step bonus.extra", "formula given"]);
    const unknownFormula = traceText({ step: "pay.fixed", formula: "basePay", inputs: { odd: "x" }, result: "1.00" }, "en", en.trace);
    expect(unknownFormula.untranslated).toEqual(["input odd", "value x", "formula basePay"]);
  });
});
