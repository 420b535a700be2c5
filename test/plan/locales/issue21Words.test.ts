import { describe, expect, it } from "vitest";
import { explain, runPlan, type PlanInput } from "../../../src/plan/index.js";
import { en } from "../../../src/plan/locales/en.js";
import { traceText } from "../../../src/plan/locales/traceText.js";
import { zhCN } from "../../../src/plan/locales/zh-CN.js";

// Issue 21's new trace steps (a difficulty from a column, 360 calibration, competencies, training
// needs, a two-level pool) have words in both locales.

const plan = {
  version: 1,
  currency: "CNY",
  period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
  kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100, difficulty: { column: "territoryDifficulty" } }],
  score: { kpi: "0.5", review360: "0.5" },
  review360: { weights: { manager: 1 }, scale: { min: 1, max: 5 }, calibration: {}, trainingNeeds: { below: 80, weakest: 1 } },
  teamScores: {},
  pay: { pools: [{ id: "team", budget: 1000, byTeam: {}, cap: 800 }] },
} as PlanInput;
const data = {
  rows: [
    { id: "p01", team: "East", sales: "90", territoryDifficulty: "1.2" },
    { id: "p02", team: "West", sales: "110", territoryDifficulty: "0.9" },
  ],
  ratings: [
    { person: "p01", rater: "m", group: "manager", competency: "focus", score: 4 },
    { person: "p01", rater: "m", group: "manager", competency: "teamwork", score: 2 },
    { person: "p02", rater: "n", group: "manager", competency: "focus", score: 5 },
    { person: "p02", rater: "n", group: "manager", competency: "teamwork", score: 3 },
  ],
};

describe("issue 21's trace steps in words", () => {
  for (const [locale, words] of [["en", en.trace], ["zh-CN", zhCN.trace]] as const) {
    it(`has words for every new step, formula and input (${locale})`, () => {
      const run = runPlan(plan, data, { trace: true });
      const steps = new Set<string>();
      const untranslated = new Set<string>();
      for (const statement of run.statements) {
        for (const step of statement.trace) {
          steps.add(step.step);
          for (const part of traceText(step, locale, words, { currency: "CNY" }).untranslated) untranslated.add(`${step.step}: ${part}`);
        }
        expect(explain(statement, { locale })).not.toContain("undefined");
      }
      for (const step of ["kpi.sales.difficulty", "review360.calibration", "review360.competencies", "review360.trainingNeeds", "pay.pool.team"]) expect(steps).toContain(step);
      expect([...untranslated]).toEqual([]);
    });
  }

  it("reads a team pool's step in Chinese", () => {
    const statement = runPlan(plan, data, { trace: true }).statements[0];
    const step = statement?.trace.find((t) => t.step === "pay.pool.team");
    if (step === undefined) throw new Error("no pool step");
    const text = traceText(step, "zh-CN", zhCN.trace, { currency: "CNY" });
    expect(text.formula).toContain("两级分配");
    expect(text.inputs.map(([name]) => name)).toContain("团队金额");
  });
});
