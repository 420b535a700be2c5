import { describe, expect, it } from "vitest";
import { shareByDoubles, shareExactly, waterFill } from "../../src/compensation/waterFill.js";
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

describe("waterFill bounds", () => {
  it("pins a cap met between two breakpoints when there are minimums", () => {
    // weights 1, 1; the first has a minimum of 10, the second a cap of 20. λ + 20 = 100 → λ = 80:
    // the first gets 80, the second its cap (a minimum makes the cap a breakpoint of the walk)
    expect(waterFill({ pool: 100n, weights: [1n, 1n], lows: [10n, 0n], highs: [undefined, 20n] })).toEqual({ amounts: [80n, 20n], unallocated: 0n });
  });

  it("orders two caps whose ratios are within 10⁻⁹ of each other by their exact ratio", () => {
    // Weights 2: caps 2·10¹⁰ + 2 (ratio 10¹⁰ + 1) and 2·10¹⁰ (ratio 10¹⁰), one uncapped, one with a
    // minimum of 2 (ratio 1, so no cap is pinned before the walk). With A = 2·10¹⁰ capped, the
    // other three share 8·10¹⁰ + 3 − 2·10¹⁰ = 6·10¹⁰ + 3, i.e. λ = 10¹⁰ + 1/2, between the caps:
    // 2·10¹⁰ + 1 each, under the first cap.
    const t = 10n ** 10n;
    const problem = { pool: 8n * t + 3n, weights: [2n, 2n, 2n, 2n], lows: [0n, 0n, 0n, 2n], highs: [2n * t + 2n, 2n * t, undefined, undefined] };
    expect(waterFill(problem)).toEqual({ amounts: [2n * t + 1n, 2n * t, 2n * t + 1n, 2n * t + 1n], unallocated: 0n });
    // the same with the caps' people swapped
    const swapped = { ...problem, highs: [2n * t, 2n * t + 2n, undefined, undefined] };
    expect(waterFill(swapped)).toEqual({ amounts: [2n * t, 2n * t + 1n, 2n * t + 1n, 2n * t + 1n], unallocated: 0n });
  });
});

describe("shareExactly", () => {
  it("finds the largest remainder with a sort when selecting it goes badly", () => {
    // Remainders equal to the weights (rest = F + 1) and one step left over; the 20 remainders
    // `largest` sorts after its 22 rounds end with the largest. shareExactly ranks them itself
    // (waterFill would share these small weights by doubles first).
    const weights = largestKiller(64, largestLast).map(BigInt);
    const F = weights.reduce((x, y) => x + y, 0n);
    const amounts = weights.map(() => 0n);
    shareExactly(F + 1n, weights, weights.map(() => 0), F, amounts);
    expect(amounts).toEqual(weights.map((w) => (w === 64n ? w + 1n : w)));
  });
});

describe("shareByDoubles", () => {
  it("ranks equal remainders exactly when their doubles differ by less than the error bound", () => {
    // k = 2^40 + 1 ≡ 2 (mod 5); rest 100·k over weights 6, 1, 493 and a free 0 (F = 500), so
    // rest/F = k/5 = 219902325555.4. Shares: 6k/5 = 1319413953332 r 2/5, k/5 = 219902325555 r 2/5,
    // 493k/5 = 493·219902325555 + 197 r 1/5; one step left, for the tie of 2/5: the earlier person.
    // The doubles put the two fractions 2^-14 apart (0.3999 and 0.39999), inside ε ≈ q₃·2^-50 ≈ 0.1
    // (the largest quotient sets ε), so BigInt breaks the tie, not the doubles.
    const k = 2n ** 40n + 1n;
    const weights = [6n, 1n, 493n, 0n];
    const amounts = weights.map(() => -1n);
    expect(shareByDoubles(100n * k, weights, [0, 0, 0, 0], 500n, amounts)).toBe(true);
    const unit = (k - 2n) / 5n;
    expect(amounts).toEqual([6n * unit + 2n + 1n, unit, 493n * unit + 197n, 0n]);
  });
});

describe("shareByDoubles declines what doubles cannot carry", () => {
  const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
  const ones = (n: number): bigint[] => Array.from({ length: n }, () => 1n);
  /** shareByDoubles' answer and amounts, beside shareExactly's amounts. */
  function both(rest: bigint, weights: bigint[], state = weights.map(() => 0)): { accepted: boolean; amounts: bigint[]; exact: bigint[] } {
    const freeWeight = weights.reduce((sum, w, i) => (state[i] === 0 ? sum + w : sum), 0n);
    const amounts = weights.map(() => -1n);
    const accepted = shareByDoubles(rest, weights, state, freeWeight, amounts);
    const exact = weights.map(() => -1n);
    shareExactly(rest, weights, state, freeWeight, exact);
    return { accepted, amounts, exact };
  }

  it("declines a rest past 2^53 and takes one of exactly 2^53 − 1", () => {
    // 16 equal weights: quotients (2^53 ± …)/16 ≈ 2^49, well below 2^51, so only the rest decides
    const past = both(SAFE + 1n, ones(16));
    expect(past.accepted).toBe(false);
    expect(past.amounts).toEqual(ones(16).map(() => -1n)); // untouched
    const at = both(SAFE, ones(16));
    expect(at.accepted).toBe(true);
    expect(at.amounts).toEqual(at.exact);
  });

  it("declines quotients of 2^51 and takes 2^51 − 1", () => {
    // rest 2^52 over two equal weights: 2^51 each
    expect(both(2n ** 52n, [1n, 1n]).accepted).toBe(false);
    const below = both(2n ** 52n - 2n, [1n, 1n]);
    expect(below.accepted).toBe(true);
    expect(below.amounts).toEqual([2n ** 51n - 1n, 2n ** 51n - 1n]);
  });

  it("declines a sum of weights beyond the double range, even for a rest of 0", () => {
    // each weight 10^308 is a finite double, their sum is not
    const huge = [10n ** 308n, 10n ** 308n];
    expect(both(0n, huge).accepted).toBe(false);
    expect(both(5n, huge).accepted).toBe(false);
  });

  it("declines a ratio rest/F below 10⁻²⁹⁰", () => {
    // 3 / (2·10^300) = 1.5·10^-300: the quotients (1.5 each) would be fine, the ratio is not
    expect(both(3n, [10n ** 300n, 10n ** 300n]).accepted).toBe(false);
  });

  it("shares a rest of 0 as zeros", () => {
    expect(both(0n, [1n, 2n])).toEqual({ accepted: true, amounts: [0n, 0n], exact: [0n, 0n] });
  });

  it("gives a free person of weight 0 nothing", () => {
    // 5 over weights 0, 1, 1: 0, then 2 r 1 each and the one step left to the earlier
    expect(both(5n, [0n, 1n, 1n])).toEqual({ accepted: true, amounts: [0n, 3n, 2n], exact: [0n, 3n, 2n] });
  });
});
