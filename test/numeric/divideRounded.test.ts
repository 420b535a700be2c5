import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal, ROUNDING_MODES, roundTo } from "../../src/index.js";
import { divideRounded } from "../../src/numeric/divideRounded.js";

describe("divideRounded (internal)", () => {
  it("divideRounded rounds a quotient as roundTo rounds it, in every mode", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.constantFrom(...ROUNDING_MODES), (num, den, mode) => {
        const exact = new Decimal(num.toString()).div(den.toString());
        expect(divideRounded(num, den, mode).toString()).toBe(roundTo(exact, 0, mode).toString());
      }),
      { numRuns: 1000, seed: 20260425 },
    );
  });

  it("divideRounded settles halves and exact quotients in every mode", () => {
    expect(ROUNDING_MODES.map((m) => divideRounded(5n, 2n, m))).toEqual([2n, 3n, 2n, 3n, 2n, 3n, 2n]);
    expect(ROUNDING_MODES.map((m) => divideRounded(-5n, 2n, m))).toEqual([-2n, -3n, -2n, -3n, -2n, -2n, -3n]);
    expect(ROUNDING_MODES.map((m) => divideRounded(-6n, 3n, m))).toEqual(Array.from(ROUNDING_MODES, () => -2n));
  });

  it("rounds toward ceiling and floor by the sign of the quotient", () => {
    // 7 / 3 = 2.33…: ceil 3, floor 2; −7 / 3 = −2.33…: ceil −2, floor −3.
    expect([divideRounded(7n, 3n, "ceil"), divideRounded(7n, 3n, "floor"), divideRounded(-7n, 3n, "ceil"), divideRounded(-7n, 3n, "floor")]).toEqual([3n, 2n, -2n, -3n]);
  });
});
