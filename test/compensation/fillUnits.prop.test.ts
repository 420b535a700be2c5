import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fillUnitsOf, waterFillOf } from "./helpers.js";

const SEED = 20261202;
const SAFE = Number.MAX_SAFE_INTEGER;

interface Problem {
  readonly pool: number;
  readonly weights: number[];
  readonly highs: number[];
  readonly minimum: number;
}

/** fillUnits' answer, and the BigInt water fill's (the reference), to one problem. */
const fast = ({ pool, weights, highs, minimum }: Problem) => fillUnitsOf(pool, weights, highs, minimum);
const reference = ({ pool, weights, highs, minimum }: Problem) => waterFillOf(pool, weights, highs, minimum);

// Small weights and caps, many at or below the minimum (both bounds of a person at one
// breakpoint), and pools from Σ lows up: caps bind, remainders tie, some people are pinned low.
const smallArb = fc
  .tuple(
    fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined })), { minLength: 1, maxLength: 40 }),
    fc.integer({ min: 0, max: 12 }),
    fc.integer({ min: 0, max: 300 }),
  )
  .map(([rows, minimum, extra]): Problem => {
    const weights = rows.map(([w]) => w);
    const highs = rows.map(([, h]) => h ?? Infinity);
    let lowSum = 0;
    for (let i = 0; i < weights.length; i++) if ((weights[i] as number) > 0) lowSum += Math.min(minimum, highs[i] as number);
    return { pool: lowSum + extra, weights, highs, minimum };
  });

// Long weights (up to 2^52 in total) and pools up to 2^53: products rest·w past 2^53, shared in
// limbs or in BigInt, and remainders that rank close.
const longArb = fc
  .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: SAFE }), fc.integer({ min: 0, max: 10 }))
  .chain(([n, bits, pool, shift]) =>
    fc.tuple(fc.array(fc.integer({ min: 0, max: Math.floor(2 ** (bits + 12) / n) }), { minLength: n, maxLength: n }), fc.constant(Math.floor(pool / 2 ** shift))),
  )
  .map(([weights, pool]): Problem => ({ pool, weights, highs: weights.map(() => Infinity), minimum: 0 }));

describe("fillUnits", () => {
  it("equals the BigInt water fill for small weights, tight caps and a minimum", () => {
    fc.assert(
      fc.property(smallArb, (problem) => {
        expect(fast(problem)).toEqual(reference(problem));
      }),
      { numRuns: 2000, seed: SEED },
    );
  });

  it("equals the BigInt water fill when rest·weight passes 2^53", () => {
    fc.assert(
      fc.property(longArb, (problem) => {
        expect(fast(problem)).toEqual(reference(problem));
      }),
      { numRuns: 1000, seed: SEED },
    );
  });
});
