import { describe, expect, it } from "vitest";
import { waterFill } from "../../src/compensation/waterFill.js";
import { largestKiller, largestLast } from "./quickselectKillers.js";

/** waterFill without bounds: shares of `pool` by `weights`. */
function share(pool: bigint, weights: bigint[]): bigint[] {
  const { amounts, unallocated } = waterFill({ pool, weights, lows: weights.map(() => 0n), highs: weights.map(() => undefined) });
  expect(amounts.reduce((a, b) => a + b, 0n) + unallocated).toBe(pool);
  return amounts;
}

describe("waterFill largest remainders", () => {
  it("gives the leftover steps to the earliest of equal remainders", () => {
    // 100/3 = 33 r 1 each: two of 100 − 99 = 1 … one step left, to the first
    expect(share(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    // 200/3 = 66 r 2 each: two steps left, to the first two
    expect(share(200n, [1n, 1n, 1n])).toEqual([67n, 67n, 66n]);
    // 37/2 = 18 r 1 each: the step goes to the first of two
    expect(share(37n, [1n, 1n])).toEqual([19n, 18n]);
    // Σw = 18: 15·3/18 = 2 r 9 for the five weights of 3, 15·2/18 = 1 r 12, 15·1/18 = 0 r 15;
    // 11 given, 4 left: to the remainders 15 and 12, then to the first two of the 9s
    expect(share(15n, [3n, 3n, 3n, 2n, 1n, 3n, 3n])).toEqual([3n, 3n, 2n, 2n, 1n, 2n, 2n]);
  });

  it("tells remainders apart that are the same double", () => {
    // Weights 2^54 + 1 and 2^54 + 2, pool F + 1 with F = Σw: each share is wᵢ with remainder wᵢ.
    // Both remainders round to the double 2^54; the exact comparison gives the step to the second.
    const a = 2n ** 54n + 1n;
    const b = 2n ** 54n + 2n;
    expect(Number(a)).toBe(Number(b));
    expect(share(a + b + 1n, [a, b])).toEqual([a, b + 1n]);
    expect(share(a + b + 1n, [b, a])).toEqual([b + 1n, a]);
  });

  it("finds the largest remainder with a sort when selecting it goes badly", () => {
    // As above, remainders equal to the weights and one step left. 64 remainders: `largest`
    // runs 2·7 + 8 = 22 rounds and sorts the 20 left, whose largest sits at the end of the range.
    const weights = largestKiller(64, largestLast).map(BigInt);
    const F = weights.reduce((x, y) => x + y, 0n);
    expect(share(F + 1n, weights)).toEqual(weights.map((w) => (w === 64n ? w + 1n : w)));
  });
});
