import { describe, expect, it } from "vitest";
import { compileScorecard, scoreKpis, type Curve, type KpiSpec } from "../../src/scoring/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

// threshold 80 % pays 60 points, target 100 % pays 100, excellence 120 % pays 130; nothing below 80 %
const revenueCurve: Curve = { points: [{ x: 0.8, y: 60 }, { x: 1, y: 100 }, { x: 1.2, y: 130 }], below: "zero" };

const card: readonly KpiSpec[] = [
  { id: "revenue", weight: 0.5, curve: revenueCurve },
  { id: "collection", weight: 0.3, cap: 1 },
  { id: "complaints", weight: 0.2, direction: "lower", floor: 0, cap: 1.5 },
];

const values = {
  revenue: { actual: 1_100_000, target: 1_000_000 },
  collection: { actual: "980000", target: "1000000" },
  complaints: { actual: 3, target: 4 },
};

describe("scoreKpis", () => {
  it("scores the worked scorecard: revenue on a curve, capped collection, lower-is-better complaints", () => {
    // revenue:    1.1 → 100 + (1.1 − 1) · 30 / 0.2 = 115 points · 0.5 = 57.5
    // collection: 0.98 (cap 1) → 98 points · 0.3 = 29.4
    // complaints: 2 − 3/4 = 1.25 → 125 points · 0.2 = 25
    // score = 57.5 + 29.4 + 25 = 111.9
    const result = scoreKpis(card, values);
    expectDecimal(result.score, "111.9");
    expect(result.lines.map((l) => l.id)).toEqual(["revenue", "collection", "complaints"]);
    const [revenue, collection, complaints] = result.lines;
    expectDecimal(revenue?.attainment, "1.1");
    expectDecimal(revenue?.points, "115");
    expectDecimal(revenue?.weight, "0.5");
    expectDecimal(revenue?.contribution, "57.5");
    expectDecimal(collection?.points, "98");
    expectDecimal(collection?.contribution, "29.4");
    expectDecimal(complaints?.attainment, "1.25");
    expectDecimal(complaints?.contribution, "25");
    expectDecimal(result.baseScore, "111.9");
    expectDecimal(result.difficulty, "1");
  });

  it("applies cap and floor to attainment before points", () => {
    // collection 1.2 → cap 1 → 100 points; complaints 10/4 → max(0, 2 − 2.5) = 0
    const result = scoreKpis(card, { ...values, collection: { actual: 120, target: 100 }, complaints: { actual: 10, target: 4 } });
    expectDecimal(result.lines[1]?.points, "100");
    expectDecimal(result.lines[2]?.attainment, "0");
    // 57.5 + 30 + 0
    expectDecimal(result.score, "87.5");
  });

  it("pays nothing on a gated curve below the threshold", () => {
    const result = scoreKpis(card, { ...values, revenue: { actual: 790_000, target: 1_000_000 } });
    expectDecimal(result.lines[0]?.points, "0");
    // 0 + 29.4 + 25
    expectDecimal(result.score, "54.4");
  });

  it("accepts weights that sum to 1 within 1e-12", () => {
    const kpis = [
      { id: "a", weight: "0.333333333333" },
      { id: "b", weight: "0.333333333333" },
      { id: "c", weight: "0.333333333334" },
    ];
    const v = { a: { actual: 1, target: 1 }, b: { actual: 1, target: 1 }, c: { actual: 1, target: 1 } };
    expectDecimal(scoreKpis(kpis, v).score, "100");
    const almost = [{ id: "a", weight: "0.5" }, { id: "b", weight: "0.4999999999995" }];
    expectDecimal(scoreKpis(almost, { a: { actual: 1, target: 1 }, b: { actual: 1, target: 1 } }).score, "99.99999999995");
  });

  describe("missing KPIs", () => {
    const partial = { revenue: values.revenue, complaints: values.complaints };

    it("throws INVALID_DATA naming the KPI by default", () => {
      const error = expectFault(() => scoreKpis(card, partial), "INVALID_DATA", ["values", "collection"]);
      expect(error.message).toContain("collection");
    });

    it("treats undefined and null entries as missing, and does not read inherited keys", () => {
      expectFault(() => scoreKpis(card, { ...partial, collection: undefined }), "INVALID_DATA", ["values", "collection"]);
      const error = expectFault(() => scoreKpis(card, { ...partial, collection: null } as never), "INVALID_DATA", ["values", "collection"]);
      expect(error.message).toBe('values.collection is missing: no actual and target for the KPI "collection" (set missing to "zero" or "reweight" to score without it)');
      // under missing: zero a null entry scores 0 like an absent one: 57.5 + 0 + 25 = 82.5
      const zeroed = scoreKpis(card, { ...partial, collection: null } as never, { missing: "zero" });
      expect(zeroed.lines[1]?.attainment).toBeNull();
      expectDecimal(zeroed.score, "82.5");
      const inherited = Object.create({ collection: { actual: 1, target: 1 } }) as Record<string, { actual: number; target: number }>;
      Object.assign(inherited, partial);
      expectFault(() => scoreKpis(card, inherited), "INVALID_DATA", ["values", "collection"]);
    });

    it("scores a missing KPI 0 at its weight with missing: zero", () => {
      // 57.5 + 0 + 25 = 82.5
      const result = scoreKpis(card, partial, { missing: "zero" });
      expectDecimal(result.score, "82.5");
      expect(result.lines[1]?.attainment).toBeNull();
      expectDecimal(result.lines[1]?.points, "0");
      expectDecimal(result.lines[1]?.weight, "0.3");
      expectDecimal(result.lines[1]?.contribution, "0");
    });

    it("drops a missing KPI and rescales the others with missing: reweight", () => {
      // present weights 0.5 + 0.2 = 0.7 → 5/7 and 2/7; (115 · 5 + 125 · 2) / 7 = 825 / 7 = 117.857…
      const result = scoreKpis(card, partial, { missing: "reweight" });
      expect(result.lines[1]?.attainment).toBeNull();
      expectDecimal(result.lines[1]?.weight, "0");
      expectDecimal(result.lines[0]?.weight, "0.7142857142857142857142857142857142857143");
      expect(result.score.minus("117.857142857142857142857142857142857").abs().lt("1e-30")).toBe(true);
    });

    it("refuses to reweight when nothing with weight is left", () => {
      const error = expectFault(
        () => scoreKpis([{ id: "a", weight: 0.5 }, { id: "b", weight: 0 }, { id: "c", weight: 0.5 }], { b: { actual: 1, target: 1 } }, { missing: "reweight" }),
        "INVALID_DATA",
        ["values"],
      );
      expect(error.message).toBe('values holds no KPI with a weight above 0, so there is nothing to reweight (missing: "a", "c")');
    });

    it("ignores values for KPIs not on the scorecard", () => {
      expectDecimal(scoreKpis(card, { ...values, travel: { actual: 1, target: 0 } }).score, "111.9");
    });
  });

  describe("difficulty coefficients", () => {
    it("multiplies a KPI's attainment before its curve and shows it on the line", () => {
      // revenue 1.1 · 1.1 = 1.21 → clamped at 130 points; 0.5 · 130 = 65; 65 + 29.4 + 25 = 119.4
      const hard = card.map((k) => (k.id === "revenue" ? { ...k, difficulty: 1.1 } : k));
      const result = scoreKpis(hard, values);
      expectDecimal(result.lines[0]?.attainment, "1.1");
      expectDecimal(result.lines[0]?.difficulty, "1.1");
      expectDecimal(result.lines[0]?.points, "130");
      expectDecimal(result.score, "119.4");
    });

    it("multiplies attainment by the difficulty without a curve", () => {
      // 0.98 · 1.05 = 1.029 → 102.9 points
      const result = scoreKpis([{ id: "collection", weight: 1, difficulty: "1.05" }], { collection: values.collection });
      expectDecimal(result.score, "102.9");
    });

    it("multiplies the total by options.difficulty", () => {
      // 111.9 · 1.2 = 134.28
      const result = scoreKpis(card, values, { difficulty: 1.2 });
      expectDecimal(result.baseScore, "111.9");
      expectDecimal(result.difficulty, "1.2");
      expectDecimal(result.score, "134.28");
    });

    it("refuses a difficulty of 0 or less", () => {
      expectFault(() => scoreKpis(card, values, { difficulty: 0 }), "OUT_OF_RANGE", ["options", "difficulty"]);
      expectFault(() => scoreKpis([{ id: "a", weight: 1, difficulty: -1 }], { a: { actual: 1, target: 1 } }), "OUT_OF_RANGE", ["kpis", 0, "difficulty"]);
    });
  });

  it("passes lowerFormula and zeroTarget through to attainment", () => {
    // 4 / 3 = 1.333… → 133.33… points
    const inverse = scoreKpis([{ id: "days", weight: 1, direction: "lower", lowerFormula: "inverse" }], { days: { actual: 30, target: 40 } });
    expectDecimal(inverse.score, "133.3333333333333333333333333333333333333");
    const full = scoreKpis([{ id: "returns", weight: 1, zeroTarget: "full" }], { returns: { actual: 5, target: 0 } });
    expectDecimal(full.score, "100");
  });

  it("ignores extension fields on a KPI", () => {
    const kpis = [{ id: "a", weight: 1, label: "Revenue", measure: { column: "rev" } }] as unknown as KpiSpec[];
    expectDecimal(scoreKpis(kpis, { a: { actual: 1, target: 2 } }).score, "50");
  });

  it("never returns a negative zero", () => {
    const result = scoreKpis([{ id: "a", weight: 1 }], { a: { actual: "-0", target: 5 } });
    expectDecimal(result.score, "0");
    expectDecimal(result.lines[0]?.contribution, "0");
  });

  it("does not mutate its input", () => {
    const kpis = structuredClone(card) as KpiSpec[];
    const v = structuredClone(values);
    const options = { missing: "zero" as const };
    scoreKpis(kpis, v, options);
    expect(kpis).toEqual(card);
    expect(v).toEqual(values);
    expect(options).toEqual({ missing: "zero" });
  });

  describe("bad input", () => {
    it("refuses weights that do not sum to 1, giving the sum", () => {
      const error = expectFault(() => scoreKpis([{ id: "a", weight: 0.5 }, { id: "b", weight: 0.4 }], {}), "INVALID_WEIGHTS", ["kpis"]);
      expect(error.message).toContain("0.9");
      expectFault(() => scoreKpis([{ id: "a", weight: 0.5 }, { id: "b", weight: "0.499999999998" }], {}), "INVALID_WEIGHTS", ["kpis"]);
    });

    it("refuses a negative weight", () => {
      expectFault(() => scoreKpis([{ id: "a", weight: 1.5 }, { id: "b", weight: -0.5 }], {}), "INVALID_WEIGHTS", ["kpis", 1, "weight"]);
    });

    it("refuses an empty scorecard, repeated ids and malformed KPIs", () => {
      expectFault(() => scoreKpis([], {}), "EMPTY_INPUT", ["kpis"]);
      expectFault(() => scoreKpis([{ id: "a", weight: 0.5 }, { id: "a", weight: 0.5 }], {}), "INVALID_ARGUMENT", ["kpis", 1, "id"]);
      expectFault(() => scoreKpis([{ id: "", weight: 1 }], {}), "INVALID_ARGUMENT", ["kpis", 0, "id"]);
      expectFault(() => scoreKpis([null as unknown as KpiSpec], {}), "INVALID_ARGUMENT", ["kpis", 0]);
      expectFault(() => scoreKpis("kpis" as unknown as KpiSpec[], {}), "INVALID_ARGUMENT", ["kpis"]);
      expectFault(() => scoreKpis([{ id: "a", weight: "1,0" }], {}), "INVALID_NUMBER", ["kpis", 0, "weight"]);
      expectFault(() => scoreKpis([{ id: "a", weight: 1, direction: "up" as "higher" }], {}), "INVALID_ARGUMENT", ["kpis", 0, "direction"]);
      expectFault(() => scoreKpis([{ id: "a", weight: 1, cap: 1, floor: 2 }], {}), "INVALID_ARGUMENT", ["kpis", 0, "floor"]);
    });

    it("refuses a bad curve with the KPI's path", () => {
      expectFault(() => scoreKpis([{ id: "a", weight: 1, curve: { points: [] } }], {}), "EMPTY_INPUT", ["kpis", 0, "curve", "points"]);
      expectFault(
        () => scoreKpis([{ id: "a", weight: 1, curve: { points: [{ x: 1, y: 0 }, { x: 0.5, y: 1 }] } }], {}),
        "INVALID_ARGUMENT",
        ["kpis", 0, "curve", "points", 1, "x"],
      );
    });

    it("refuses bad values with the KPI's path", () => {
      const malformed = expectFault(() => scoreKpis(card, { ...values, revenue: { actual: "abc", target: 1 } }), "INVALID_NUMBER", ["values", "revenue", "actual"]);
      expect(malformed.message).toBe('values.revenue.actual must be a finite number or a plain decimal string such as "1200.50"; got "abc"');
      const negative = expectFault(() => scoreKpis(card, { ...values, revenue: { actual: 1, target: -1 } }), "INVALID_ARGUMENT", ["values", "revenue", "target"]);
      expect(negative.message).toMatch(/^values\.revenue\.target /);
      expect(negative.message).toContain("-1");
      const zero = expectFault(() => scoreKpis(card, { ...values, revenue: { actual: 1, target: 0 } }), "ZERO_DENOMINATOR", ["values", "revenue", "target"]);
      expect(zero.message).toMatch(/^values\.revenue\.target is 0/);
      expectFault(() => scoreKpis(card, { ...values, revenue: 5 as unknown as { actual: number; target: number } }), "INVALID_ARGUMENT", ["values", "revenue"]);
      expectFault(() => scoreKpis(card, null as unknown as Record<string, never>), "INVALID_ARGUMENT", ["values"]);
    });

    it("refuses bad options", () => {
      expectFault(() => scoreKpis(card, values, { missing: "skip" as "zero" }), "INVALID_ARGUMENT", ["options", "missing"]);
      expectFault(() => scoreKpis(card, values, 3 as unknown as undefined), "INVALID_ARGUMENT", ["options"]);
    });
  });
});

describe("compileScorecard", () => {
  it("scores like scoreKpis, checking the KPIs once", () => {
    const score = compileScorecard(card);
    expect(score(values)).toEqual(scoreKpis(card, values));
    expectFault(() => compileScorecard([{ id: "a", weight: 0.9 }]), "INVALID_WEIGHTS", ["kpis"]);
  });

  it("takes a per-person total difficulty", () => {
    const score = compileScorecard(card, { difficulty: 2 });
    expectDecimal(score(values).score, "223.8");
    // 111.9 · 1.1 = 123.09
    expectDecimal(score(values, { difficulty: 1.1 }).score, "123.09");
  });

  it("checks the per-call options with their paths", () => {
    const score = compileScorecard(card);
    expectFault(() => score(values, 3 as never), "INVALID_ARGUMENT", ["options"]);
    const error = expectFault(() => score(values, { difficulty: -2 }), "OUT_OF_RANGE", ["options", "difficulty"]);
    expect(error.message).toBe("options.difficulty must be a coefficient greater than 0 (1 = no adjustment); got -2");
  });
});
