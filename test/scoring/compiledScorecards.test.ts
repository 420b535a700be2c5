// The compiled scorers from their own modules: worked numbers, and faults reported after the fact
// (they walk their input only after a throw) exactly as the other exports report them.
import { describe, expect, it } from "vitest";
import { compileCurve } from "../../src/scoring/compileCurve.js";
import { compileScorecard } from "../../src/scoring/compileScorecard.js";
import { scoreRounded } from "../../src/scoring/scoreRounded.js";

describe("compiled scorers", () => {
  it("compileCurve evaluates the curve's TSDoc example", () => {
    const pay = compileCurve({ points: [{ x: 0.8, y: 0.5 }, { x: 1, y: 1 }, { x: 1.5, y: 2 }], below: "zero" });
    expect([pay(0.9), pay(1.25), pay(0.5)].map(String)).toEqual(["0.75", "1.5", "0"]);
  });

  it("compileScorecard: 0.6·110 + 0.4·95 = 104, and a hole in the values' entry is named where it is", () => {
    const score = compileScorecard([{ id: "revenue", weight: 0.6 }, { id: "collection", weight: 0.4, cap: 1 }]);
    expect(score({ revenue: { actual: 110, target: 100 }, collection: { actual: 95, target: 100 } }).score.toString()).toBe("104");
    const throwing = Object.defineProperty({ target: 100 }, "actual", { get: () => { throw new Error("locked"); }, enumerable: true });
    expect(() => score({ revenue: throwing as { actual: number; target: number }, collection: { actual: 1, target: 1 } })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["values", "revenue", "actual"] }),
    );
  });

  it("scoreRounded rounds at each point: 2/3 → 66.67", () => {
    expect(scoreRounded([{ id: "a", weight: 1 }], { a: { actual: 2, target: 3 } }).score.toString()).toBe("66.67");
  });
});
