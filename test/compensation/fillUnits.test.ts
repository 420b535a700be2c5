import { describe, expect, it } from "vitest";
import { compareProducts } from "../../src/compensation/fillUnits.js";
import { fillUnitsOf, waterFillOf } from "./helpers.js";
import { breakpointKiller, fillUnitsRounds, kthLargestKiller, largestInMiddle, largestLast, middleOut } from "./quickselectKillers.js";

const SAFE = Number.MAX_SAFE_INTEGER;

describe("compareProducts", () => {
  it("orders products that differ as doubles without BigInt", () => {
    expect(compareProducts(3, 4, 2, 7)).toBe(-1); // 12 < 14
    expect(compareProducts(3, 5, 2, 7)).toBe(1); // 15 > 14
    expect(compareProducts(3, 4, 2, 6)).toBe(0); // 12 = 12
  });

  it("falls back to BigInt when the doubles tie past 2^53", () => {
    // (2^53−1)·5 and (2^53−2)·5 round to the same double, but differ by 5
    expect(SAFE * 5).toBe((SAFE - 1) * 5);
    expect(compareProducts(SAFE, 5, SAFE - 1, 5)).toBe(1);
    expect(compareProducts(SAFE - 1, 5, SAFE, 5)).toBe(-1);
    // (2^53−2)·(2^53−1) both ways round: a true tie
    expect(compareProducts(SAFE - 1, SAFE, SAFE, SAFE - 1)).toBe(0);
  });
});

describe("fillUnits", () => {
  it("shares by weight with the caps of the example", () => {
    // λ = 30: 1·30 capped at 10; the other 90 go 1:2 → 30, 60
    expect(fillUnitsOf(100, [1, 1, 2], [10, Infinity, Infinity], 0)).toEqual({ amounts: [10, 30, 60], unallocated: 0 });
  });

  it("gives nothing and leaves the pool when every weight is zero", () => {
    expect(fillUnitsOf(7, [0, 0], [Infinity, 3], 0)).toEqual({ amounts: [0, 0], unallocated: 7 });
    expect(fillUnitsOf(0, [1, 2], [Infinity, 3], 0)).toEqual({ amounts: [0, 0], unallocated: 0 });
  });

  it("leaves what the caps cannot take unallocated", () => {
    // caps 3 + 4 = 7 of 10 → 3 left
    expect(fillUnitsOf(10, [1, 1], [3, 4], 0)).toEqual({ amounts: [3, 4], unallocated: 3 });
  });

  it("orders two caps whose ratios tie as doubles by their exact ratio", () => {
    // (2^51+1)/2^51 and (2^51+2)/(2^51+1) are the same double, but the first is larger by
    // 1/(2^51·(2^51+1)); the pool is one step short of both caps, so the order decides who is short.
    const h1 = 2 ** 51 + 1;
    const w1 = 2 ** 51;
    const h2 = 2 ** 51 + 2;
    const w2 = 2 ** 51 + 1;
    expect(h1 / w1).toBe(h2 / w2);
    const pool = h1 + h2 - 1;
    const result = fillUnitsOf(pool, [w1, w2], [h1, h2], 0);
    expect(result).toEqual(waterFillOf(pool, [w1, w2], [h1, h2], 0));
    expect(result.amounts[0]! + result.amounts[1]!).toBe(pool);
    // the second cap (the smaller ratio) is met first; the first person is the one short
    expect(result.amounts).toEqual([h1 - 1, h2]);
  });

  it("splits shares exactly when rest·weight passes 2^53 (limbs)", () => {
    // F = 10^12 + 7 + 3·10^11 + 1 ≈ 1.3·10^12 ≤ 2^53/5, so the limb split is used
    const weights = [1e12 + 7, 3e11 + 1];
    const pool = 9e15 + 123;
    const result = fillUnitsOf(pool, weights, [Infinity, Infinity], 0);
    expect(result).toEqual(waterFillOf(pool, weights, [Infinity, Infinity], 0));
    expect(result.amounts[0]! + result.amounts[1]!).toBe(pool);
  });

  it("splits shares exactly when Σ weights is too large for limbs (BigInt)", () => {
    // F = 7·10^15 + 1 > 2^53/5: one limb is not enough, BigInt takes over
    const weights = [3e15, 4e15 + 1];
    const pool = 9e15 - 1;
    const result = fillUnitsOf(pool, weights, [Infinity, Infinity], 0);
    expect(result).toEqual(waterFillOf(pool, weights, [Infinity, Infinity], 0));
    // 3·10^15·(9·10^15−1)/(7·10^15+1) = 3857142857142856.5… → 3857142857142856 + the one leftover step
    expect(result.amounts[0]! + result.amounts[1]!).toBe(pool);
  });

  it("hands problems whose weights sum past 2^53 to the BigInt fill, with the minimum and zero weights", () => {
    // equal weights 2^53−1: 5 each, but the second is capped at 3 → 7, 3; weight 0 gets nothing
    expect(fillUnitsOf(10, [SAFE, SAFE, 0], [Infinity, 3, 5], 2)).toEqual({ amounts: [7, 3, 0], unallocated: 0 });
    // a cap of 1 below the minimum 2 is that person's lower bound too: 1, and 9 for the other
    expect(fillUnitsOf(10, [SAFE, SAFE], [Infinity, 1], 2)).toEqual({ amounts: [9, 1], unallocated: 0 });
    // without a minimum
    expect(fillUnitsOf(10, [SAFE, SAFE], [Infinity, 3], 0)).toEqual({ amounts: [7, 3], unallocated: 0 });
    // caps summing past 2^53 also go the BigInt way: the minimum 4 lifts the light person
    expect(fillUnitsOf(10, [1, 1000], [SAFE, SAFE], 4)).toEqual(waterFillOf(10, [1, 1000], [SAFE, SAFE], 4));
    expect(fillUnitsOf(10, [1, 1000], [SAFE, SAFE], 4).amounts).toEqual([4, 6]);
  });

  it("gives the leftover steps only among positive remainders", () => {
    // 3 over weights 2, 2, 1, 1 (F = 6): 6/6 = 1 r 0 twice, 3/6 = 0 r 3 twice; one step left, to the
    // earlier of the two remainders 3 (the zeros before them take no part)
    expect(fillUnitsOf(3, [2, 2, 1, 1], [Infinity, Infinity, Infinity, Infinity], 0)).toEqual({ amounts: [1, 1, 1, 0], unallocated: 0 });
  });

  it("pins at the cap a person whose cap is the minimum or below, whichever bound is passed first", () => {
    // Minimum 1, so people capped at 1 have both breakpoints at one ratio (1/w), and the cap 0
    // person none below it. λ = 5/4: 1 + 1 + 2.5 + 0 + min(2.5, 2) + 2.5 + min(2.5, 1) + 2 = 12.
    // The two uncapped people of weight 2 share the 5 left: 2.5 each, the step to the earlier.
    const weights = [1, 1, 2, 1, 2, 2, 2, 2];
    const highs = [1, 1, Infinity, 0, 2, Infinity, 1, 2];
    expect(fillUnitsOf(12, weights, highs, 1)).toEqual({ amounts: [1, 1, 3, 0, 2, 2, 1, 2], unallocated: 0 });
    expect(fillUnitsOf(12, weights, highs, 1)).toEqual(waterFillOf(12, weights, highs, 1));
  });

  it("orders caps whose ratios are one double by their exact ratio when λ lies between them", () => {
    // A: weight 2^52 + 1, cap 3·2^51 + 1, ratio 3/2 − 1/(2·(2^52 + 1)): the same double as B's
    // 3/2 (weight 2, cap 3). Minimum 1, so no cap is pinned before the walk. With A at its cap,
    // B (2), C (3) and D (1) share the 9 left at λ = 3/2: 3, 4.5 and 1.5, the step to C (earlier
    // of the tie). Taking B's cap first would leave A free, λ a hair below 3/2, and the step to D.
    const wA = 2 ** 52 + 1;
    const hA = 3 * 2 ** 51 + 1;
    expect(hA / wA).toBe(3 / 2);
    const weights = [2, wA, 3, 1];
    const highs = [3, hA, Infinity, Infinity];
    expect(fillUnitsOf(hA + 9, weights, highs, 1)).toEqual({ amounts: [3, hA, 5, 1], unallocated: 0 });
    expect(fillUnitsOf(hA + 9, weights, highs, 1)).toEqual(waterFillOf(hA + 9, weights, highs, 1));
  });

  it("ranks exact remainders when shares are divided in BigInt", () => {
    // F = 2·10^15 + 1 is too large for limbs. 10^15 + 2 over weights 1 and 2·10^15: the first
    // gets 0 r 10^15 + 2, the second 10^15 + 1 r 10^15 − 1 (2·10^30 + 4·10^15 − (10^15 + 1)·F);
    // the one step left goes to the first, the larger remainder.
    expect(fillUnitsOf(1e15 + 2, [1, 2e15], [Infinity, Infinity], 0)).toEqual({ amounts: [1, 1e15 + 1], unallocated: 0 });
  });

  it("splits a weight that is a power of the limb base into limbs", () => {
    // F = 2^49 − 1: the largest K with (4K + 1)·F ≤ 2^53 is 2. 16 = 2^4 has the digits 10000;
    // 16·(2^49 − 2) = 15·F + 2^49 − 17 → 15 r 2^49 − 17.
    const weights = [16, 2 ** 49 - 17];
    const pool = 2 ** 49 - 2;
    const result = fillUnitsOf(pool, weights, [Infinity, Infinity], 0);
    expect(result).toEqual(waterFillOf(pool, weights, [Infinity, Infinity], 0));
    expect(result.amounts[0]).toBe(16); // 15 and the step for the larger remainder
  });

  it("splits shares exactly for two long weights, in limbs of 2 and in BigInt", () => {
    // F = 626161426933343: K = 2 (9·F ≤ 2^53 < 17·F), products ra·w near 2^98
    const limbs = { pool: 371738292770193, weights: [468498129988217, 157663296945126] };
    expect(fillUnitsOf(limbs.pool, limbs.weights, [Infinity, Infinity], 0)).toEqual(waterFillOf(limbs.pool, limbs.weights, [Infinity, Infinity], 0));
    // F = 4415971683446946 > 2^53/5: BigInt
    const big = { pool: 1754188448663363, weights: [2165162125046587, 2250809558400359] };
    expect(fillUnitsOf(big.pool, big.weights, [Infinity, Infinity], 0)).toEqual(waterFillOf(big.pool, big.weights, [Infinity, Infinity], 0));
  });

  describe("when its quickselects keep splitting badly (the sorting fallbacks)", () => {
    // 120 breakpoints: the search runs fillUnitsRounds(120) = 30 rounds, decides ranks 1…60 and
    // leaves 60 for the fallback, whose list order starts and ends with high ranks.
    const m = 120;
    const ranks = breakpointKiller(m, middleOut);
    const R = 90; // λ lies just below the breakpoint of rank R, among those the fallback walks

    it("walks the caps left over in ratio order", () => {
      expect(fillUnitsRounds(m)).toBe(30);
      // weight 1 and cap 100000 + rank each, plus a weight of 10^9 capped at 0 (pinned at once,
      // so pool/Σw stays below every other cap and all 120 caps are breakpoints). The pool fills
      // ranks 1…R−1 to their caps and leaves the other m−R+1 one step short of cap R each.
      const caps = ranks.map((r) => 100000 + r);
      const capOf = (r: number) => 100000 + r;
      let pool = (m - R + 1) * capOf(R) - 1;
      for (let r = 1; r < R; r++) pool += capOf(r);
      const weights = [...ranks.map(() => 1), 1e9];
      const highs = [...caps, 0];
      const result = fillUnitsOf(pool, weights, highs, 0);
      expect(result).toEqual(waterFillOf(pool, weights, highs, 0));
      // the m−R+1 free people get cap R − 1, and the m−R leftover steps go to the earliest of them
      const free = ranks.map((r, i) => [r, i] as const).filter(([r]) => r >= R);
      const firstFree = free.slice(0, m - R).map(([, i]) => i);
      expect(result.amounts.slice(0, m)).toEqual(ranks.map((r, i) => (r < R ? capOf(r) : capOf(R) - 1 + (firstFree.includes(i) ? 1 : 0))));
      expect(result.amounts[m]).toBe(0);
      expect(result.unallocated).toBe(0);
    });

    it("walks the minimums left over in ratio order", () => {
      // No caps and a minimum of 1000: one lower breakpoint 1000/wᵢ each, rank r at weight
      // 1000 − r, so the ranks are the ratio order. λ lies just below the breakpoint of rank R:
      // ranks below R share in proportion, the others stay at the minimum.
      const M = 1000;
      const weights = ranks.map((r) => 1000 - r);
      const wR = 1000 - R;
      const S = weights.filter((w) => w > wR).reduce((a, b) => a + b, 0);
      // f(λ_R) = M·(people at rank ≥ R) + λ_R·S with λ_R = M/w_R; the pool is just below it
      const pool = Math.floor((M * (m - R + 1) * wR + M * S - 1) / wR);
      const highs = ranks.map(() => Infinity);
      const result = fillUnitsOf(pool, weights, highs, M);
      expect(result).toEqual(waterFillOf(pool, weights, highs, M));
      expect(ranks.filter((r, i) => r >= R && result.amounts[i] !== M)).toEqual([]);
      expect(ranks.filter((r, i) => r < R && result.amounts[i]! <= M)).toEqual([]);
    });

    it("finds the largest remainder with a sort when selecting it goes badly", () => {
      // Remainders equal to the weights: with F = Σw and pool F + 1, wᵢ·(F + 1) = wᵢ·F + wᵢ, so
      // each share is wᵢ with remainder wᵢ, and the one leftover step goes to the largest weight.
      // 64 remainders: kthLargest runs 2·7 + 8 = 22 rounds and sorts the 20 left, the largest
      // in the middle of that range and small ones at both ends.
      const weights = kthLargestKiller(64, largestInMiddle);
      const F = weights.reduce((a, b) => a + b, 0);
      const highs = weights.map(() => Infinity);
      const result = fillUnitsOf(F + 1, weights, highs, 0);
      expect(result).toEqual(waterFillOf(F + 1, weights, highs, 0));
      expect(result.amounts).toEqual(weights.map((w) => (w === 64 ? w + 1 : w)));
    });

    it("finds the largest remainder with a sort when it ends the sorted range", () => {
      // As above, with the 20 left for the sort in increasing order: the largest is the range's last
      const weights = kthLargestKiller(64, largestLast);
      const F = weights.reduce((a, b) => a + b, 0);
      const highs = weights.map(() => Infinity);
      expect(fillUnitsOf(F + 1, weights, highs, 0).amounts).toEqual(weights.map((w) => (w === 64 ? w + 1 : w)));
    });
  });
});
