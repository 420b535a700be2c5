import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocatePool, type PoolEntry } from "../../src/compensation/index.js";
import { productsCompare, shareByDoubles, shareExactly, waterFill } from "../../src/compensation/waterFill.js";
import { Decimal } from "../../src/numeric/index.js";
import { allocatePoolReference } from "./allocatePoolReference.js";
import { waterFillReference } from "./waterFillReference.js";

const SEED = 20261123;
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

// Integer weights as allocatePool makes them: 40-digit scores times multipliers scaled to
// integers, small whole numbers, equal weights (tied remainders), and weights that divide the
// rest evenly (quotients that are whole numbers, where a double cannot tell the side).
const longWeight = fc.bigInt({ min: 10n ** 38n, max: 10n ** 41n });
const weightList = fc.oneof(
  fc.array(fc.oneof(longWeight, fc.constant(0n)), { minLength: 1, maxLength: 60 }),
  fc.array(fc.bigInt({ min: 0n, max: 20n }), { minLength: 1, maxLength: 60 }),
  fc.tuple(longWeight, fc.integer({ min: 1, max: 60 })).map(([w, n]) => Array.from({ length: n }, () => w)),
  fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 30n }), fc.array(fc.constantFrom(1n, 2n, 3n, 5n, 10n), { minLength: 1, maxLength: 60 })).map(([unit, ks]) => ks.map((k) => k * unit)),
);
const restArb = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 9n }),
  fc.constantFrom(0n, 1n, 100n, 10n ** 8n, SAFE, SAFE - 1n, 2n ** 52n, 2n ** 51n, 2n ** 51n - 1n),
  fc.bigInt({ min: 2n ** 50n, max: SAFE + 10n }),
);

/** The free people (state 0) and F = Σ their weights; about one in five is left out (state 2). */
function problemOf(weights: bigint[], leaveOut: boolean[]): { state: number[]; freeWeight: bigint } {
  const state = weights.map((w, i) => (w === 0n ? -1 : leaveOut[i % leaveOut.length] === true ? 2 : 0));
  let freeWeight = 0n;
  for (let i = 0; i < weights.length; i++) if (state[i] === 0) freeWeight += weights[i] as bigint;
  return { state, freeWeight };
}

describe("shareByDoubles", () => {
  it("gives every free person exactly the BigInt share and remainder step, or declines", () => {
    let declined = 0;
    fc.assert(
      fc.property(restArb, weightList, fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), (rest, weights, leaveOut) => {
        const { state, freeWeight } = problemOf(weights, leaveOut);
        if (freeWeight === 0n) return;
        const exact = weights.map(() => -1n);
        shareExactly(rest, weights, state, freeWeight, exact);
        const fast = weights.map(() => -1n);
        if (!shareByDoubles(rest, weights, state, freeWeight, fast)) {
          declined++;
          expect(fast.every((a) => a === -1n)).toBe(true); // untouched
          expect(rest > 2n ** 50n).toBe(true); // only quotients past 2^51 or rests past 2^53 decline
          return;
        }
        expect(fast).toEqual(exact);
      }),
      { numRuns: 1500, seed: SEED },
    );
    expect(declined).toBeLessThan(1500);
  });

  it("breaks ties between equal remainders toward the earlier person", () => {
    // 10 steps over 3 equal weights: 3 each and the 1 left over to the first.
    const w = 12345678901234567890123456789012345678901n;
    const amounts = [0n, 0n, 0n];
    expect(shareByDoubles(10n, [w, w, w], [0, 0, 0], 3n * w, amounts)).toBe(true);
    expect(amounts).toEqual([4n, 3n, 3n]);
    // 7 steps over 6 equal weights, the third left out: 2, 1, –, 1, 1, 1 + the one extra to the first.
    const six = [w, w, w, w, w, w];
    const more = six.map(() => 0n);
    expect(shareByDoubles(7n, six, [0, 0, 2, 0, 0, 0], 5n * w, more)).toBe(true);
    expect(more).toEqual([2n, 2n, 0n, 1n, 1n, 1n]);
  });

  it("divides exactly where a quotient is a whole number a double cannot place", () => {
    // rest·w/F = 1/3 · 3 = 1 exactly; the double of 1/3 times 3 may land just below 1.
    const amounts = [0n, 0n];
    expect(shareByDoubles(3n, [10n ** 40n, 2n * 10n ** 40n], [0, 0], 3n * 10n ** 40n, amounts)).toBe(true);
    expect(amounts).toEqual([1n, 2n]);
  });
});

describe("productsCompare", () => {
  it("orders a·b and c·d as BigInt does, also when they differ by 1 past 2^53", () => {
    const big = fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 45n }), fc.bigInt({ min: 0n, max: 1000n }));
    fc.assert(
      fc.property(big, big, big, big, fc.constantFrom(-1n, 0n, 1n), fc.boolean(), (a, b, c, d, k, nearTie) => {
        // A near tie: a·1 against c·d with a = c·d + k.
        const [x, y] = nearTie && c * d + k >= 0n ? [c * d + k, 1n] : [a, b];
        const exact = x * y < c * d ? -1 : x * y > c * d ? 1 : 0;
        expect(productsCompare(x, y, c, d, Number(x) * Number(y), Number(c) * Number(d))).toBe(exact);
      }),
      { numRuns: 2000, seed: SEED },
    );
  });
});

// Fill problems with long weights, caps that bind or not, and lower bounds.
const fillArb = fc
  .tuple(
    fc.array(fc.tuple(fc.oneof(longWeight, fc.bigInt({ min: 0n, max: 1000n })), fc.option(fc.bigInt({ min: 0n, max: 400_000n }), { nil: undefined }), fc.bigInt({ min: 0n, max: 50_000n })), { minLength: 1, maxLength: 50 }),
    fc.oneof(fc.bigInt({ min: 0n, max: 5_000_000n }), fc.constantFrom(0n, 1n, SAFE, SAFE + 1n)),
    fc.boolean(),
  )
  .map(([rows, pool, withLows]) => {
    const weights = rows.map(([w]) => w);
    const highs = rows.map(([, hi]) => hi);
    // lows within the caps, and only where the pool can pay them all
    let lows = rows.map(([w, hi, lo]) => (!withLows || w === 0n ? 0n : hi !== undefined && hi < lo ? hi : lo));
    if (lows.reduce((a, b) => a + b, 0n) > pool) lows = lows.map(() => 0n);
    return { pool, weights, lows, highs };
  });

describe("waterFill", () => {
  it("equals the BigInt water fill it replaced, amount for amount", () => {
    fc.assert(
      fc.property(fillArb, (problem) => {
        expect(waterFill(problem)).toEqual(waterFillReference(problem));
      }),
      { numRuns: 1500, seed: SEED },
    );
  });
});

describe("allocatePool with long weights", () => {
  // 40-digit weights as a bulk run makes them (score × grade multiplier), caps that bind.
  const entryArb = fc.record({
    score: fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 40n - 1n }), fc.integer({ min: 36, max: 39 })).map(([m, e]) => new Decimal(`${m}e-${e}`)),
    multiplier: fc.constantFrom("1.5", "1", "0.5", "0"),
    cap: fc.option(fc.constantFrom("3000.00", "1500", "0", "250.55"), { nil: undefined }),
  });
  it("allocates as the Decimal/BigInt reference does, capped or not", () => {
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 10_000_000 }), (rows, fen) => {
        const entries: PoolEntry[] = rows.map((r, i) => ({ id: `p${i}`, weight: r.score.times(r.multiplier), ...(r.cap === undefined ? {} : { cap: r.cap }) }));
        const pool = new Decimal(fen).div(100);
        const text = (result: ReturnType<typeof allocatePool>) => ({
          allocations: result.allocations.map((a) => ({ ...a, amount: a.amount.toString() })),
          unallocated: result.unallocated.toString(),
        });
        expect(text(allocatePool(pool, entries))).toEqual(text(allocatePoolReference(pool, entries)));
      }),
      { numRuns: 500, seed: SEED },
    );
  });
});
