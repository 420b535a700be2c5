import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { combineScores } from "../../../src/scoring/index.js";
import { Decimal, roundDecimal, type RoundingMode } from "../../../src/numeric/index.js";
import { integerComposite } from "../../../src/plan/stages/compositeStage.js";

const MODES: RoundingMode[] = ["half-even", "half-up", "half-down", "up", "down", "ceil", "floor"];

/** The Decimal path the stage takes otherwise: combineScores, then one rounding. */
function reference(kpiWeight: string, reviewWeight: string, kpiScore: string, points: string, places: number, mode: RoundingMode): string {
  const value = combineScores([
    { id: "kpi", score: kpiScore, weight: kpiWeight },
    { id: "review360", score: points, weight: reviewWeight },
  ]);
  return roundDecimal(value, places, mode).toString();
}

const scoreText = fc.integer({ min: -200_0000, max: 200_0000 }).chain((units) => fc.integer({ min: 0, max: 4 }).map((places) => new Decimal(units).div(10 ** 4).toDecimalPlaces(places, Decimal.ROUND_DOWN).toString()));

describe("integerComposite", () => {
  it("works the example: 0.7 × 88.5 + 0.3 × 91.25 = 89.325 → 89.32 half-even, 89.33 half-up", () => {
    expect(integerComposite("0.7", "0.3", 2, "half-even")?.("88.5", "91.25")).toBe("89.32");
    expect(integerComposite("0.7", "0.3", 2, "half-up")?.("88.5", "91.25")).toBe("89.33");
    expect(integerComposite(0.5, 0.5, 0, "half-even")?.("1", "0")).toBe("0");
  });

  it("declines what it does not decide: weights not summing to exactly 1, long weights, long scores", () => {
    expect(integerComposite("0.6", "0.3", 2, "half-even")).toBeUndefined();
    expect(integerComposite("0.3333333", "0.6666667", 2, "half-even")).toBeUndefined();
    expect(integerComposite("-0.5", "1.5", 2, "half-even")).toBeUndefined();
    expect(integerComposite("0.5", "0.5", 2, "half-even")?.("1.00001", "2")).toBeUndefined();
    expect(integerComposite("0.5", "0.5", 2, "half-even")?.("1e3", "2")).toBeUndefined();
  });

  it("gives combineScores' rounded result whenever it decides", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 3 }), scoreText, scoreText, fc.integer({ min: 0, max: 4 }), fc.constantFrom(...MODES), (w, wPlaces, k, r, places, mode) => {
        const unit = 10 ** wPlaces;
        const kpiWeight = new Decimal(w % (unit + 1)).div(unit).toString();
        const reviewWeight = new Decimal(1).minus(kpiWeight).toString();
        const combine = integerComposite(kpiWeight, reviewWeight, places, mode);
        expect(combine).toBeDefined();
        const fast = combine?.(k, r);
        if (fast !== undefined) expect(fast).toBe(reference(kpiWeight, reviewWeight, k, r, places, mode));
      }),
      { numRuns: 500 },
    );
  });
});
