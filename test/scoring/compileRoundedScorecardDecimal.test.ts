import { describe, expect, it } from "vitest";
import { compileRoundedScorecard, scoreRounded, type Curve } from "../../src/scoring/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

// Two KPIs at half weight each; row 0: 110/100 and 95/100, row 1: 2/3 and 1/8.
const HALVES = [{ id: "a", weight: 0.5 }, { id: "b", weight: 0.5 }];
const COLUMNS = { kpis: { a: { actual: [110, 2], target: [100, 3] }, b: { actual: [95, 1], target: [100, 8] } } };

function decimalScores(r: ReturnType<ReturnType<typeof compileRoundedScorecard>>): [number, string][] {
  return r.decimalRows.map((d) => [d.row, d.scorecard.score.toString()]);
}

describe("compileRoundedScorecard when the scorecard has no integer form", () => {
  it("scores every row on the Decimal path when a rounding point is negative", () => {
    // row 0: 0.5 · 110 + 0.5 · 95 = 102.5 → to the ten: 100; row 1: 0.5 · 66.67 + 0.5 · 12.5 = 39.585 → 40
    const r = compileRoundedScorecard(HALVES, { scoreScale: -1 })(COLUMNS);
    expect(decimalScores(r)).toEqual([[0, "100"], [1, "40"]]);
    expect(Array.from(r.score)).toEqual([0, 0]);
    expectDecimal(scoreRounded(HALVES, { a: { actual: 110, target: 100 }, b: { actual: 95, target: 100 } }, { scoreScale: -1 }).score, "100");
  });

  it("scores every row on the Decimal path when the attainment or points scale is negative", () => {
    for (const options of [{ attainmentScale: -1 }, { pointsScale: -1 }]) {
      const r = compileRoundedScorecard(HALVES, options)(COLUMNS);
      expect(r.decimalRows.map((d) => d.row)).toEqual([0, 1]);
      expect(Array.from(r.score)).toEqual([0, 0]);
      const rows = [{ a: { actual: 110, target: 100 }, b: { actual: 95, target: 100 } }, { a: { actual: 2, target: 3 }, b: { actual: 1, target: 8 } }];
      expect(decimalScores(r)).toEqual(rows.map((values, i) => [i, scoreRounded(HALVES, values, options).score.toString()]));
    }
    // attainment to the ten: 1.1 → 0, 0.95 → 0, 2/3 → 0, 1/8 → 0; every score 0
    expect(decimalScores(compileRoundedScorecard(HALVES, { attainmentScale: -1 })(COLUMNS))).toEqual([[0, "0"], [1, "0"]]);
  });

  it("refuses bad options with their paths", () => {
    expectFault(() => compileRoundedScorecard(HALVES, 3 as never), "INVALID_ARGUMENT", ["options"]);
    expectFault(() => compileRoundedScorecard(HALVES, { missing: "skip" as never }), "INVALID_ARGUMENT", ["options", "missing"]);
    expectFault(() => compileRoundedScorecard(HALVES, { difficulty: 0 }), "OUT_OF_RANGE", ["options", "difficulty"]);
  });

  it("scores every row on the Decimal path when attainment has more than 15 places", () => {
    // 2/3 at 16 places still gives 66.67 points: 39.585 → 39.58 half-even, as scoreRounded says
    const r = compileRoundedScorecard(HALVES, { attainmentScale: 16 })(COLUMNS);
    expect(decimalScores(r)).toEqual([[0, "102.5"], [1, "39.58"]]);
    expectDecimal(scoreRounded(HALVES, { a: { actual: 2, target: 3 }, b: { actual: 1, target: 8 } }, { attainmentScale: 16 }).score, "39.58");
    // at 8 places the integer path takes the same rows to the same scores
    const fast = compileRoundedScorecard(HALVES, { attainmentScale: 8 })(COLUMNS);
    expect(Array.from(fast.score)).toEqual([10250, 3958]);
    expect(fast.decimalRows).toEqual([]);
  });

  it("scores on the Decimal path with a difficulty too large for integers", () => {
    // 102.5 · 10^20 and 39.585 · 10^20 (the difficulty applies before the score is rounded)
    const r = compileRoundedScorecard(HALVES, { difficulty: "1e20" })(COLUMNS);
    expect(decimalScores(r)).toEqual([[0, "10250000000000000000000"], [1, "3958500000000000000000"]]);
    const big = compileRoundedScorecard([{ id: "a", weight: 1, difficulty: "1e17" }])({ kpis: { a: { actual: [1], target: [2] } } });
    expect(decimalScores(big)).toEqual([[0, "5000000000000000000"]]); // 50 · 10^17
  });

  it("scores on the Decimal path with a curve whose points have no integer form", () => {
    const one = (curve: Curve) => compileRoundedScorecard([{ id: "a", weight: 1, curve }])({ kpis: { a: { actual: [1], target: [2] } } });
    // x with 20 places: 0.5 on a line from (0, 0) to (≈1, 100) → 50
    expect(decimalScores(one({ points: [{ x: 0, y: 0 }, { x: "1.00000000000000000001", y: 100 }] }))).toEqual([[0, "50"]]);
    // y = 10^17 at x = 1: 0.5 → 5·10^16
    expect(decimalScores(one({ points: [{ x: 0, y: 0 }, { x: 1, y: "1e17" }] }))).toEqual([[0, "50000000000000000"]]);
    // y with 16 places: 0.5 · 10^-16 rounds to 0 points
    expect(decimalScores(one({ points: [{ x: 0, y: 0 }, { x: 1, y: "0.0000000000000001" }] }))).toEqual([[0, "0"]]);
  });

  it("reads a row's difficulty cell on the Decimal path, and the default for an empty cell", () => {
    // row 0 ("1e3" text) is a Decimal row: 100 · 1.1 = 110; row 1 takes the default 1 → 100.00
    const r = compileRoundedScorecard(HALVES)({ kpis: { a: { actual: ["1e3", 1], target: [1000, 1] }, b: { actual: [1, 1], target: [1, 1] } }, difficulty: [1.1, null] });
    expect(decimalScores(r)).toEqual([[0, "110"]]);
    expect(Array.from(r.score)).toEqual([0, 10000]);
  });

  it("names the row in an error from the Decimal path", () => {
    expectFault(
      () => compileRoundedScorecard(HALVES)({ kpis: { a: { actual: ["1e3", 1], target: [0, 1] }, b: { actual: [1, 1], target: [1, 1] } } }),
      "ZERO_DENOMINATOR",
      ["rows", 0, "a", "target"],
    );
    expect(() => compileRoundedScorecard(HALVES)({ kpis: { a: { actual: ["1e3", 1], target: [0, 1] }, b: { actual: [1, 1], target: [1, 1] } } })).toThrow(/^rows\[0\]\.a\.target is 0/);
    expectFault(
      () => compileRoundedScorecard(HALVES)({ kpis: { a: { actual: ["1e3", 1], target: [10, 1] }, b: { actual: [1, 1], target: [1, 1] } }, difficulty: ["x", 1] }),
      "INVALID_NUMBER",
      ["rows", 0, "difficulty"],
    );
  });

  it("counts a missing cell on the Decimal path as zero with missing: zero", () => {
    // row 0: a = 10000 % → 0.5 · 10000 + 0.5 · 100 = 5050; row 1: a missing → 0 + 0.5 · 100 = 50.00
    const r = compileRoundedScorecard(HALVES, { missing: "zero" })({ kpis: { a: { actual: ["1e3", ""], target: [10, 1] }, b: { actual: [1, 1], target: [1, 1] } } });
    expect(decimalScores(r)).toEqual([[0, "5050"]]);
    expect(Array.from(r.score)).toEqual([0, 5000]);
  });
});
