import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal, ROUNDING_MODES, roundTo, type RoundingMode } from "../../src/index.js";

// The definition of each mode, written independently of decimal.js: take the two neighbouring
// multiples of the step and choose by the mode's rule.
function reference(x: Decimal, scale: number, mode: RoundingMode): Decimal {
  const step = new Decimal(10).pow(-scale);
  const lower = x.div(step).floor().times(step);
  const upper = lower.eq(x) ? lower : lower.plus(step);
  if (lower.eq(x)) return x;
  const towardZero = x.isNegative() ? upper : lower;
  const awayFromZero = x.isNegative() ? lower : upper;
  const distanceLower = x.minus(lower);
  const distanceUpper = upper.minus(x);
  const nearest = distanceLower.lt(distanceUpper) ? lower : distanceUpper.lt(distanceLower) ? upper : undefined;
  switch (mode) {
    case "up":
      return awayFromZero;
    case "down":
      return towardZero;
    case "ceil":
      return upper;
    case "floor":
      return lower;
    case "half-up":
      return nearest ?? awayFromZero;
    case "half-down":
      return nearest ?? towardZero;
    case "half-even": {
      if (nearest) return nearest;
      return lower.div(step).mod(2).isZero() ? lower : upper;
    }
  }
}

const decimals = fc
  .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 8 }))
  .map(([digits, places]) => new Decimal(digits.toString()).div(new Decimal(10).pow(places)));

describe("roundTo properties", () => {
  it("matches each mode's definition on random inputs, negatives and exact halves included", () => {
    fc.assert(
      fc.property(decimals, fc.integer({ min: -3, max: 6 }), fc.constantFrom(...ROUNDING_MODES), (x, scale, mode) => {
        const expected = reference(x, scale, mode);
        expect(roundTo(x, scale, mode).eq(expected)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("lands on a multiple of the step within one step of the input", () => {
    fc.assert(
      fc.property(decimals, fc.integer({ min: -3, max: 6 }), fc.constantFrom(...ROUNDING_MODES), (x, scale, mode) => {
        const step = new Decimal(10).pow(-scale);
        const rounded = roundTo(x, scale, mode);
        expect(rounded.div(step).isInteger()).toBe(true);
        expect(rounded.minus(x).abs().lt(step)).toBe(true);
      }),
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(decimals, fc.integer({ min: 0, max: 6 }), fc.constantFrom(...ROUNDING_MODES), (x, scale, mode) => {
        const once = roundTo(x, scale, mode);
        expect(roundTo(once, scale, mode).eq(once)).toBe(true);
      }),
    );
  });
});
