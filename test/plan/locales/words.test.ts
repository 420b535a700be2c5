import { describe, expect, it } from "vitest";
import { en } from "../../../src/plan/locales/en.js";
import type { ExplainWords, FormulaId, StepLabel } from "../../../src/plan/locales/words.js";
import { zhCN } from "../../../src/plan/locales/zh-CN.js";

// words.ts is the shape every locale fills in: these tests hold both tables to the same shape,
// so a word added to one locale (or to the type) cannot be missed in the other.

const locales: readonly [string, ExplainWords][] = [
  ["en", en],
  ["zh-CN", zhCN],
];

/** The step kinds without an id or KPI, as StepLabel lists them. */
const plainKinds = [
  "scoreKpi", "score360", "score", "grade", "prorate", "fixed", "incentiveMeasure", "incentive", "commission",
  "promotionMeasure", "promotion", "total", "calibration360", "competencies360", "trainingNeeds",
  "commissionRelease", "commissionClawback", "commissionForgiven", "draw", "trueUp",
] as const satisfies readonly Extract<StepLabel, { kind: string; kpi?: never; id?: never }>["kind"][];

describe("the locale tables of words.ts", () => {
  it("give both locales the same formulas, inputs, values, indicators and curve flags", () => {
    const keys = (words: ExplainWords) => ({
      formulas: Object.keys(words.trace.formulas).sort(),
      inputs: Object.keys(words.trace.inputs).sort(),
      values: Object.keys(words.trace.values).sort(),
      indicators: Object.keys(words.trace.indicators).sort(),
      curveFlags: Object.keys(words.trace.curveFlags).sort(),
      components: Object.keys(words.components).sort(),
      commissionLines: Object.keys(words.commissionLines).sort(),
    });
    expect(keys(zhCN)).toEqual(keys(en));
  });

  it("word every formula as a non-empty text in each locale", () => {
    const params = { kpi: "sales", column: "sales", places: "2", mode: "half-even", measure: "collected / billed", id: "bonus", basis: "calendar-days" };
    for (const [, words] of locales) {
      for (const id of Object.keys(words.trace.formulas) as FormulaId[]) {
        const text = words.trace.formulas[id](params);
        expect(typeof text, `${id}`).toBe("string");
        expect(text.length, `${id}`).toBeGreaterThan(0);
      }
    }
  });

  it("label every kind of step in each locale, the KPI's and the pool's with their names", () => {
    for (const [, words] of locales) {
      for (const kind of plainKinds) expect(words.trace.label({ kind }).length, kind).toBeGreaterThan(0);
      expect(words.trace.label({ kind: "kpi", kpi: "revenue", part: "actual" })).toContain("revenue");
      expect(words.trace.label({ kind: "pool", id: "bonus" })).toContain("bonus");
    }
    // The Chinese table speaks Chinese: 实际值 for an actual.
    expect(zhCN.trace.label({ kind: "kpi", kpi: "revenue", part: "actual" })).toContain("实际");
  });

  it("words a statement's lines in each locale", () => {
    expect(en.title("Li Na (p01)")).toBe("Performance and pay statement: Li Na (p01)");
    expect(en.kpiLine({ name: "Sales", actual: "90", target: "100", attainment: "0.9", points: "90", weight: "0.6", contribution: "54", difficulty: null })).toBe(
      "Sales: actual 90, target 100, attainment 0.9, points 90 × weight 0.6 = 54",
    );
    expect(en.kpiLine({ name: "Sales", actual: "90", target: "100", attainment: "0.9", points: "90", weight: "0.6", contribution: "59.4", difficulty: "1.1" })).toContain("× difficulty 1.1 = 59.4");
    for (const [, words] of locales) {
      expect(words.rank(3)).toContain("3");
      expect(words.promotionLine(true, 2, 3).length).toBeGreaterThan(0);
    }
  });
});
