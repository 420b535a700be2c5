import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal } from "../../src/numeric/index.js";
import { attainment, type AttainmentOptions } from "../../src/metrics/index.js";

const amount = fc.integer({ min: -1_000_000, max: 10_000_000 }).map((n) => new Decimal(n).div(100));
const target = fc.integer({ min: 1, max: 10_000_000 }).map((n) => new Decimal(n).div(100));
const bound = fc.option(fc.integer({ min: -100, max: 300 }).map((n) => new Decimal(n).div(100)), { nil: undefined });
const options = fc
  .record({
    direction: fc.constantFrom("higher" as const, "lower" as const),
    lowerFormula: fc.constantFrom("reflect" as const, "inverse" as const),
    cap: bound,
    floor: bound,
  })
  .map(({ cap, floor, ...rest }): AttainmentOptions => {
    // keep floor ≤ cap
    if (cap !== undefined && floor !== undefined && floor.gt(cap)) return { ...rest, cap: floor, floor: cap };
    return { ...rest, cap, floor };
  });

function usable(actual: Decimal, o: AttainmentOptions): boolean {
  // the inverse formula refuses negative actuals, and an actual of 0 needs a cap
  if (o.direction === "lower" && o.lowerFormula === "inverse") return actual.gt(0) || (actual.isZero() && o.cap !== undefined);
  return true;
}

describe("attainment properties", () => {
  it("is monotone in actual: non-decreasing when higher is better, non-increasing when lower is better", () => {
    fc.assert(
      fc.property(amount, amount, target, options, (a, b, t, o) => {
        const [low, high] = a.lte(b) ? [a, b] : [b, a];
        fc.pre(usable(low, o) && usable(high, o));
        const atLow = attainment(low, t, o);
        const atHigh = attainment(high, t, o);
        if (o.direction === "higher") expect(atLow.lte(atHigh)).toBe(true);
        else expect(atLow.gte(atHigh)).toBe(true);
      }),
      { numRuns: 300, seed: 4 },
    );
  });

  it("respects cap and floor", () => {
    fc.assert(
      fc.property(amount, target, options, (a, t, o) => {
        fc.pre(usable(a, o));
        const result = attainment(a, t, o);
        if (o.cap !== undefined) expect(result.lte(o.cap as Decimal)).toBe(true);
        if (o.floor !== undefined) expect(result.gte(o.floor as Decimal)).toBe(true);
      }),
      { numRuns: 300, seed: 4 },
    );
  });

  it("equals the unclamped value clamped to [floor, cap]", () => {
    fc.assert(
      fc.property(amount, target, options, (a, t, o) => {
        fc.pre(usable(a, o) && !a.isZero());
        const raw = attainment(a, t, { direction: o.direction, lowerFormula: o.lowerFormula });
        let expected = raw;
        if (o.floor !== undefined && expected.lt(o.floor as Decimal)) expected = o.floor as Decimal;
        if (o.cap !== undefined && expected.gt(o.cap as Decimal)) expected = o.cap as Decimal;
        expect(attainment(a, t, o).eq(expected)).toBe(true);
      }),
      { numRuns: 200, seed: 4 },
    );
  });

  it("is exactly 1 when actual equals target, in every direction and formula", () => {
    fc.assert(
      fc.property(target, fc.constantFrom("higher" as const, "lower" as const), fc.constantFrom("reflect" as const, "inverse" as const), (t, direction, lowerFormula) => {
        expect(attainment(t, t, { direction, lowerFormula }).toString()).toBe("1");
      }),
      { numRuns: 100, seed: 4 },
    );
  });
});
