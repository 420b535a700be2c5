import { describe, expect, it } from "vitest";
import { compileRoundedScorecard, scoreKpis, scoreRounded, type KpiSpec } from "../../src/scoring/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

const KPIS: KpiSpec[] = [
  { id: "revenue", weight: 0.6 },
  { id: "collection", weight: 0.4, cap: 1 },
];

describe("scoreRounded", () => {
  it("rounds attainment, points and score at their points", () => {
    // revenue 2/3 = 0.6667 → 66.67 points; collection 5/4 capped at 1 → 100 points
    // 0.6 · 66.67 + 0.4 · 100 = 40.002 + 40 = 80.002 → 80.00
    const r = scoreRounded(KPIS, { revenue: { actual: 2, target: 3 }, collection: { actual: 5, target: 4 } });
    expectDecimal(r.lines[0]?.attainment, "0.6667");
    expectDecimal(r.lines[0]?.points, "66.67");
    expectDecimal(r.baseScore, "80.002");
    expectDecimal(r.score, "80");
  });

  it("breaks exact halves by the mode", () => {
    // 1/8 = 0.125 at attainmentScale 2: half-even 0.12, half-up 0.13
    const one = [{ id: "k", weight: 1 }];
    expectDecimal(scoreRounded(one, { k: { actual: 1, target: 8 } }, { attainmentScale: 2 }).score, "12");
    expectDecimal(scoreRounded(one, { k: { actual: 1, target: 8 } }, { attainmentScale: 2, mode: "half-up" }).score, "13");
  });

  it("refuses a bad scale", () => {
    expectFault(() => scoreRounded(KPIS, {}, { pointsScale: 1.5 }), "INVALID_ARGUMENT", ["options", "pointsScale"]);
    expectFault(() => scoreRounded(KPIS, {}, { scoreScale: 21 }), "OUT_OF_RANGE", ["options", "scoreScale"]);
  });
});

describe("compileRoundedScorecard", () => {
  it("scores columns into integer units", () => {
    const r = compileRoundedScorecard(KPIS)({
      kpis: {
        revenue: { actual: [110, "2"], target: [100, "3"] }, // 1.1 → 110.00; 0.6667 → 66.67
        collection: { actual: [95, 5], target: [100, 4] }, // 0.95 → 95.00; 1.25 capped → 100.00
      },
    });
    expect([...r.score]).toEqual([10400, 8000]); // 104.00, 80.00
    expect(r.scales).toEqual({ attainment: 4, points: 2, contribution: 3, score: 2 });
    expect([...(r.kpis[0]?.attainment ?? [])]).toEqual([11000, 6667]);
    expect([...(r.kpis[0]?.contribution ?? [])]).toEqual([66000, 40002]); // 66.000, 40.002
    expect(r.decimalRows).toEqual([]);
  });

  it("scores a row it cannot do with integers on the Decimal path", () => {
    const r = compileRoundedScorecard(KPIS)({ kpis: { revenue: { actual: ["1e3", 1], target: [1000, 1] }, collection: { actual: [1, 1], target: [1, 1] } } });
    expect(r.decimalRows.map((d) => d.row)).toEqual([0]);
    expectDecimal(r.decimalRows[0]?.scorecard.score, "100");
    expect(r.score[0]).toBe(0);
    expect(r.score[1]).toBe(10000);
  });

  it("applies a per-person difficulty column", () => {
    const r = compileRoundedScorecard(KPIS)({ kpis: { revenue: { actual: [1], target: [1] }, collection: { actual: [1], target: [1] } }, difficulty: [1.05] });
    expect(r.score[0]).toBe(10500); // 1.05 · 100
  });

  it("zeroes a missing KPI under missing: zero and marks it absent", () => {
    const r = compileRoundedScorecard(KPIS, { missing: "zero" })({ kpis: { revenue: { actual: [""], target: [100] }, collection: { actual: [1], target: [1] } } });
    expect(r.score[0]).toBe(4000);
    expect(r.kpis[0]?.present[0]).toBe(0);
  });

  it("throws at the first bad row with a path naming the row and the KPI", () => {
    const score = compileRoundedScorecard(KPIS);
    expectFault(() => score({ kpis: { revenue: { actual: [1, 1], target: [1, 0] }, collection: { actual: [1, 1], target: [1, 1] } } }), "ZERO_DENOMINATOR", ["rows", 1, "revenue", "target"]);
    expectFault(() => score({ kpis: { revenue: { actual: [1, "x"], target: [1, 1] }, collection: { actual: [1, 1], target: [1, 1] } } }), "INVALID_NUMBER", ["rows", 1, "revenue", "actual"]);
    expectFault(() => score({ kpis: { revenue: { actual: [null], target: [1] }, collection: { actual: [1], target: [1] } } }), "INVALID_DATA", ["rows", 0, "revenue"]);
    expectFault(() => score({ kpis: { revenue: { actual: [1], target: [1] }, collection: { actual: [1], target: [1] } }, difficulty: [0] }), "OUT_OF_RANGE", ["rows", 0, "difficulty"]);
  });

  it("refuses columns that are not arrays or differ in length", () => {
    const score = compileRoundedScorecard(KPIS);
    expectFault(() => score({ kpis: { revenue: { actual: [1], target: [1] } } } as never), "INVALID_ARGUMENT", ["columns", "kpis", "collection"]);
    expectFault(() => score({ kpis: { revenue: { actual: [1], target: [1, 2] }, collection: { actual: [1], target: [1] } } }), "INVALID_ARGUMENT", ["columns", "kpis", "revenue", "target"]);
  });

  it("keeps the integer path at the edge scales 0 and 15", () => {
    // Scales 0: 1.1 → 1, 0.95 → 1, 2/3 → 1, 1.25 → 1 (cap): every KPI 100 points, every score 100
    const zero = compileRoundedScorecard(KPIS, { attainmentScale: 0, pointsScale: 0, scoreScale: 0 })({
      kpis: { revenue: { actual: [110, 2], target: [100, 3] }, collection: { actual: [95, 5], target: [100, 4] } },
    });
    expect([...zero.score]).toEqual([100, 100]);
    expect([...(zero.kpis[0]?.attainment ?? [])]).toEqual([1, 1]);
    expect(zero.decimalRows).toEqual([]);
    // attainmentScale 15, row 0: 0.01 / 0.03 = 0.333333333333333 → 33.33 points; 0.01 / 0.02 = 0.5 → 50
    // 0.6 · 33.33 + 0.4 · 50 = 19.998 + 20 = 39.998 → 40.00. Row 1 (1 / 1 = 10^15 units · 100) leaves the integers.
    const fifteen = compileRoundedScorecard(KPIS, { attainmentScale: 15 })({
      kpis: { revenue: { actual: [0.01, 0.02], target: [0.03, 0.03] }, collection: { actual: [0.01, 1], target: [0.02, 1] } },
    });
    expect(fifteen.score[0]).toBe(4000);
    expect(fifteen.kpis[0]?.attainment[0]).toBe(333333333333333);
    expect(fifteen.decimalRows.map((d) => d.row)).toEqual([1]);
  });

  describe("on the integer path (no row falls back to the Decimal path)", () => {
    const HALVES = [{ id: "a", weight: 0.5 }, { id: "b", weight: 0.5 }];
    const ones = (n: number): number[] => new Array<number>(n).fill(1);

    it("takes an undefined, null or empty actual as missing under missing: zero", () => {
      // a missing → 0; b 1 / 1 → 100 points · 0.5 = 50.00
      const r = compileRoundedScorecard(HALVES, { missing: "zero" })({ kpis: { a: { actual: [undefined, null, ""], target: ones(3) }, b: { actual: ones(3), target: ones(3) } } });
      expect([...r.score]).toEqual([5000, 5000, 5000]);
      expect([...(r.kpis[0]?.present ?? [])]).toEqual([0, 0, 0]);
      expect(r.decimalRows).toEqual([]);
    });

    it("reads a cell with up to 6 decimals", () => {
      // 1 / 0.001 = 1000 → 100 000 points; 0.5 · 100 000 + 0.5 · 100 = 50 050.00
      // 0.001 / 0.003 = 0.3333 → 33.33; 0.5 · 33.33 + 50 = 66.665 → 66.66 (half-even)
      const r = compileRoundedScorecard(HALVES)({ kpis: { a: { actual: [1, 0.001], target: [0.001, 0.003] }, b: { actual: ones(2), target: ones(2) } } });
      expect([...r.score]).toEqual([5005000, 6666]);
      expect(r.decimalRows).toEqual([]);
    });

    it("scores a target of 0 by zeroTarget", () => {
      // zero → 0 points, full → 100 points: 0.5 · 0 + 0.5 · 100 = 50.00
      const r = compileRoundedScorecard([{ id: "a", weight: 0.5, zeroTarget: "zero" }, { id: "b", weight: 0.5, zeroTarget: "full" }])({ kpis: { a: { actual: [5], target: [0] }, b: { actual: [5], target: [0] } } });
      expect([...r.score]).toEqual([5000]);
      expect([...(r.kpis[1]?.attainment ?? [])]).toEqual([10000]);
      expect(r.decimalRows).toEqual([]);
    });

    it("gives an actual of 0 the cap under lower-is-better inverse", () => {
      // target / 0 → cap 1.5 → 150 points; 3 / 4 = 0.75 → 75 points
      const r = compileRoundedScorecard([{ id: "a", weight: 1, direction: "lower", lowerFormula: "inverse", cap: 1.5 }])({ kpis: { a: { actual: [0, 4], target: [3, 3] } } });
      expect([...r.score]).toEqual([15000, 7500]);
      expect(r.decimalRows).toEqual([]);
    });

    it("hits curve points exactly: the gate's threshold, a tier's start and the last point", () => {
      const gated = { points: [{ x: 0.8, y: 60 }, { x: 1, y: 100 }, { x: 1.2, y: 130 }], below: "zero" as const };
      const tiers = { points: [{ x: 0.8, y: 60 }, { x: 1, y: 100 }, { x: 1.2, y: 130 }], step: true };
      const r = compileRoundedScorecard([{ id: "a", weight: 0.5, curve: gated }, { id: "b", weight: 0.5, curve: tiers }])({
        kpis: { a: { actual: [80, 100, 120, 79], target: ones(4).map(() => 100) }, b: { actual: [80, 100, 120, 119], target: ones(4).map(() => 100) } },
      });
      // 0.8 → 60 and 60; 1 → 100 and 100; 1.2 → 130 and 130; 0.79 → 0 (gate) and 1.19 → 100 (tier 1)
      expect([...(r.kpis[0]?.points ?? [])]).toEqual([6000, 10000, 13000, 0]);
      expect([...(r.kpis[1]?.points ?? [])]).toEqual([6000, 10000, 13000, 10000]);
      expect([...r.score]).toEqual([6000, 10000, 13000, 5000]);
      expect(r.decimalRows).toEqual([]);
    });

    it("takes the compiled difficulty for an empty or undefined difficulty cell", () => {
      // 100 · 1.1 = 110.00 twice, then 100 · 2 = 200.00
      const r = compileRoundedScorecard(HALVES, { difficulty: 1.1 })({ kpis: { a: { actual: ones(3), target: ones(3) }, b: { actual: ones(3), target: ones(3) } }, difficulty: ["", undefined, 2] });
      expect([...r.score]).toEqual([11000, 11000, 20000]);
      expect(r.decimalRows).toEqual([]);
    });
  });

  it("zeroes every KPI's cells of a row that a later KPI sends to the Decimal path", () => {
    // row 0: revenue 1.1 is scored with integers first, then collection's "1e2" text sends the row to the Decimal path
    const r = compileRoundedScorecard(KPIS)({ kpis: { revenue: { actual: [110, 110], target: [100, 100] }, collection: { actual: ["1e2", 95], target: [100, 100] } } });
    expect(r.decimalRows.map((d) => d.row)).toEqual([0]);
    const revenue = r.kpis[0];
    expect([revenue?.present[0], revenue?.attainment[0], revenue?.points[0], revenue?.contribution[0]]).toEqual([0, 0, 0, 0]);
    expect([revenue?.present[1], revenue?.attainment[1]]).toEqual([1, 11000]);
    expect([...r.score]).toEqual([0, 10400]);
  });

  it("writes a plain 0 contribution for negative points at weight 0", () => {
    // a: −5 / 10 = −0.5 → −50.00 points at weight 0 (−5000 · 0 would be −0); b: 100 points at weight 1
    const r = compileRoundedScorecard([{ id: "a", weight: 0 }, { id: "b", weight: 1 }])({ kpis: { a: { actual: [-5], target: [10] }, b: { actual: [1], target: [1] } } });
    expect(r.kpis[0]?.points[0]).toBe(-5000);
    expect(Object.is(r.kpis[0]?.contribution[0], 0)).toBe(true);
    expect([...r.score]).toEqual([10000]);
  });

  it("refuses a negative target in a row the integers could read", () => {
    const error = expectFault(() => compileRoundedScorecard(KPIS)({ kpis: { revenue: { actual: [1], target: [-1] }, collection: { actual: [1], target: [1] } } }), "INVALID_ARGUMENT", ["rows", 0, "revenue", "target"]);
    expect(error.message).toMatch(/^rows\[0\]\.revenue\.target /);
  });

  it("refuses columns that are not objects, naming them", () => {
    const score = compileRoundedScorecard(KPIS);
    expectFault(() => score(null as never), "INVALID_ARGUMENT", ["columns"]);
    expectFault(() => score({ kpis: 3 } as never), "INVALID_ARGUMENT", ["columns", "kpis"]);
  });

  it("refuses a column longer than an empty first actual column", () => {
    const error = expectFault(
      () => compileRoundedScorecard([{ id: "a", weight: 0.5 }, { id: "b", weight: 0.5 }])({ kpis: { a: { actual: [], target: [] }, b: { actual: [1], target: [1] } } }),
      "INVALID_ARGUMENT",
      ["columns", "kpis", "b", "actual"],
    );
    expect(error.message).toBe("columns.kpis.b.actual must have one cell per person (0, the length of the first KPI's actual column); got 1");
  });

  it("reads typed-array columns as arrays", () => {
    // the first example's rows from Float64Arrays and Int32Arrays: 104.00 and 80.00
    const r = compileRoundedScorecard(KPIS)({
      kpis: {
        revenue: { actual: Float64Array.of(110, 2), target: Int32Array.of(100, 3) },
        collection: { actual: Uint16Array.of(95, 5), target: Float32Array.of(100, 4) },
      },
      difficulty: Float64Array.of(1, 1),
    });
    expect([...r.score]).toEqual([10400, 8000]);
    expect(r.decimalRows).toEqual([]);
  });

  it("refuses a column that is not an array or a typed array, naming it", () => {
    const score = compileRoundedScorecard(KPIS);
    const view = new DataView(new ArrayBuffer(8));
    const error = expectFault(() => score({ kpis: { revenue: { actual: view, target: [1] }, collection: { actual: [1], target: [1] } } } as never), "INVALID_ARGUMENT", ["columns", "kpis", "revenue", "actual"]);
    expect(error.message).toMatch(/^columns\.kpis\.revenue\.actual must be an array or a typed array \(one cell per person\); got /);
    expectFault(() => score({ kpis: { revenue: { actual: { length: 1, 0: 1 }, target: [1] }, collection: { actual: [1], target: [1] } } } as never), "INVALID_ARGUMENT", ["columns", "kpis", "revenue", "actual"]);
    expectFault(() => score({ kpis: { revenue: { actual: [1], target: [1] }, collection: { actual: [1], target: [1] } }, difficulty: "1" } as never), "INVALID_ARGUMENT", ["columns", "difficulty"]);
    const short = expectFault(() => score({ kpis: { revenue: { actual: [1, 2], target: [1, 2] }, collection: { actual: [1], target: [1] } } }), "INVALID_ARGUMENT", ["columns", "kpis", "collection", "actual"]);
    expect(short.message).toBe("columns.kpis.collection.actual must have one cell per person (2, the length of the first KPI's actual column); got 1");
  });

  it("does not mutate its input", () => {
    const columns = { kpis: { revenue: { actual: [1, 2], target: [1, 3] }, collection: { actual: [1, 1], target: [1, 1] } } };
    const copy = structuredClone(columns);
    compileRoundedScorecard(KPIS)(columns);
    expect(columns).toEqual(copy);
  });
});

describe("scoreKpis on a frozen KPI list", () => {
  it("gives the same result as on an unfrozen copy, call after call", () => {
    const frozen = Object.freeze(KPIS.map((k) => Object.freeze({ ...k })));
    const values = { revenue: { actual: 2, target: 3 }, collection: { actual: 5, target: 4 } };
    const expected = scoreKpis(KPIS, values).score.toString();
    expect(scoreKpis(frozen, values).score.toString()).toBe(expected);
    expect(scoreKpis(frozen, values).score.toString()).toBe(expected);
  });
});
