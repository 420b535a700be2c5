import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fillUnits } from "../../src/compensation/fillUnits.js";
import { waterFill } from "../../src/compensation/waterFill.js";

const SEED = 20261202;
const SAFE = Number.MAX_SAFE_INTEGER;

interface Problem {
  readonly pool: number;
  readonly weights: number[];
  readonly highs: number[];
  readonly minimum: number;
}

/** fillUnits' answer as plain arrays. */
function fast({ pool, weights, highs, minimum }: Problem): { amounts: number[]; unallocated: number } {
  const result = fillUnits({ pool, weights: Float64Array.from(weights), highs: Float64Array.from(highs), minimum });
  return { amounts: Array.from(result.amounts), unallocated: result.unallocated };
}

/** The BigInt water fill of the same problem, lows = min(minimum, cap) for weight > 0. */
function reference({ pool, weights, highs, minimum }: Problem): { amounts: number[]; unallocated: number } {
  const lows = weights.map((w, i) => (w === 0 || minimum === 0 ? 0n : BigInt(Math.min(highs[i] as number, minimum))));
  const result = waterFill({
    pool: BigInt(pool),
    weights: weights.map((w) => BigInt(w)),
    lows,
    highs: highs.map((h) => (h === Infinity ? undefined : BigInt(h))),
  });
  return { amounts: result.amounts.map(Number), unallocated: Number(result.unallocated) };
}

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
