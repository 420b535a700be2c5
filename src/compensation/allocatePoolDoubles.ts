// allocatePool's sharing for long weights (40-digit scores) without a minimum or a threshold,
// and with caps only where none is reached — the per-call pattern
// `allocatePool(budget, scored.map((s) => ({ id, weight: s.score, cap })))`
// — decided in doubles, with no BigInt at all, wherever doubles decide it; `undefined` hands the
// call back to the exact BigInt path. Internal to src/compensation/.
import { Decimal, compareDecimal } from "../numeric/index.js";
import type { PoolAllocation, PoolResult } from "./allocatePool.js";
import { fromUnits } from "./steps.js";

/**
 * The entries as `allocatePool`'s reader leaves them: each weight either short — `mantissa ·
 * 10^exponent`, at most 15 significant digits, ≥ 0 — or long, a Decimal > 0 in `longs`.
 *
 * @internal
 */
export interface LongWeightEntries {
  readonly ids: readonly string[];
  readonly mantissas: Float64Array;
  readonly exponents: Int32Array;
  readonly longs: readonly (Decimal | undefined)[];
  /**
   * Each entry's cap in steps (`Infinity` for none), or undefined when no entry has one. Caps
   * are taken only when doubles show that none is reached — every exact share clearly below its
   * cap — which makes the capped sharing the uncapped one (a cap is pinned only when the share
   * would pass it, and a whole-step cap at or above a share is at or above its rounded amount).
   */
  readonly highs?: Float64Array | undefined;
}

const BASE = 1e7;
/** 10^0 … 10^22, every one an exact double. */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);
/** Quotients from here up are left to BigInt (their fractions lose bits in a double). */
const LARGEST_QUOTIENT = 2 ** 51;
/** Weights and ratios are kept well inside the normal range of doubles. */
const TINY = 1e-280;
/** A share is clearly below its cap when it stays below after growing by this factor. */
const CAP_MARGIN = 1 + 2 ** -30;
const HUGE = 1e280;
/** How many distinct amounts are shared before sharing stops unless as many have repeated. */
const SHARED_LIMIT = 4096;

/** The number of decimal digits of a word 1 … 9 999 999. */
function wordDigits(word: number): number {
  return word < 1e3 ? (word < 10 ? 1 : word < 100 ? 2 : 3) : word < 1e5 ? (word < 1e4 ? 4 : 5) : word < 1e6 ? 6 : 7;
}

/**
 * A double within `7·2⁻⁵³` (relatively) of a positive Decimal: its first four digit words (at
 * least 22 digits) joined in four correctly rounded steps, scaled by one or two exact powers of
 * ten; NaN outside the range where that holds.
 */
function nearDouble(x: Decimal): number {
  const d = x.d;
  const first = d[0] as number;
  const used = d.length < 4 ? d.length : 4;
  let m = first;
  for (let k = 1; k < used; k++) m = m * BASE + (d[k] as number);
  // The power of ten of the last digit of the last word used.
  return scaled(m, x.e - wordDigits(first) + 1 - 7 * (used - 1));
}

/** `m · 10^power` in at most two correctly rounded steps, or NaN for |power| > 44. */
function scaled(m: number, power: number): number {
  const size = power < 0 ? -power : power;
  if (size > 44) return Number.NaN;
  const once = size > 22 ? 22 : size;
  const twice = size - once;
  if (power >= 0) return twice === 0 ? m * (POW10[once] as number) : m * (POW10[once] as number) * (POW10[twice] as number);
  return twice === 0 ? m / (POW10[once] as number) : m / (POW10[once] as number) / (POW10[twice] as number);
}

/**
 * `allocatePool`'s amounts for entries with no cap and every one eligible, with no minimum: the
 * pool shared by largest remainder, `⌊pool·wᵢ/Σw⌋` steps each and one more to each of the
 * `pool − Σ⌊…⌋` largest remainders (ties to the earlier entry) — computed in doubles.
 *
 * Each weight's double `aᵢ` is within `7u` of it (`u = 2⁻⁵³`), the compensated sum `S` of the
 * `aᵢ` within `2u·Σa`, so `q̃ᵢ = aᵢ · (pool / S)` is within `19u·qᵢ < 2⁻⁴⁸·qᵢ` of the true
 * quotient `qᵢ`, and `ε = max(1, max q̃) · 2⁻⁴⁴` bounds that error sixteen times over. A share
 * `⌊q̃ᵢ⌋` is then exact when `q̃ᵢ` is more than ε from a whole number, and each fraction is
 * within ε of the true remainder over Σw. With `T` the k-th largest fraction (k the steps left
 * over), an entry above `T + 2ε` is surely among the k largest remainders and one below `T − 2ε`
 * surely not; the entries between fill the remaining places when there are just enough of them,
 * or, when there are more, when they all have the same weight (equal weights, equal remainders:
 * ties go to the earlier entries). With caps (`highs`), every `q̃ᵢ · (1 + 2⁻³⁰)` must be below its
 * cap: the exact share is then below it too, so no cap is reached and the sharing is the
 * uncapped one (an amount that comes to exactly its cap is flagged `capped`, as the exact path
 * flags it). Anything else — a share near its cap, a quotient too near a whole number, entries
 * between that doubles cannot rank, weights or a pool outside the range of doubles, no weight
 * above 0 — returns `undefined`, and the caller shares exactly in BigInt.
 *
 * @internal
 * @param pool - the pool in steps, a safe integer ≥ 0
 * @param entries - the entries read by `allocatePool`
 * @param scale - decimal places of a step, 0–15
 * @returns the result `allocatePool` returns, or `undefined` when doubles cannot decide it
 * @example
 * ```ts
 * const third = new Decimal(1).div(3); // 0.3333… (40 digits: a long weight)
 * // 10.01 (1001 steps) over 1/3, 1/3, 2/3: 250.25, 250.25, 500.5 steps; the step left goes to the largest remainder
 * shareByNearDoubles(1001, { ids: ["a", "b", "c"], mantissas: new Float64Array(3), exponents: new Int32Array(3), longs: [third, third, new Decimal(2).div(3)] }, 2)
 *   ?.allocations.map((a) => a.amount.toString()); // ["2.5", "2.5", "5.01"]
 * ```
 */
export function shareByNearDoubles(pool: number, entries: LongWeightEntries, scale: number): PoolResult | undefined {
  const { ids, mantissas, exponents, longs } = entries;
  const n = ids.length;
  const near = new Float64Array(n);
  // Neumaier's compensated sum of the positive weights.
  let sum = 0;
  let compensation = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const long = longs[i];
    let a: number;
    if (long !== undefined) {
      a = nearDouble(long);
    } else {
      const mantissa = mantissas[i] as number;
      if (mantissa === 0) continue;
      a = scaled(mantissa, exponents[i] as number);
    }
    // (NaN fails both tests)
    if (!(a >= TINY && a <= HUGE)) return undefined;
    near[i] = a;
    count++;
    const t = sum + a;
    compensation += sum >= a ? sum - t + a : a - t + sum;
    sum = t;
  }
  if (count === 0) return undefined;
  const total = sum + compensation;
  const ratio = pool / total;
  if (pool > 0 && !(ratio >= TINY && ratio <= HUGE)) return undefined;

  const shares = new Float64Array(n);
  const fractions = new Float64Array(n);
  const highs = entries.highs;
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const a = near[i] as number;
    if (a === 0) continue;
    const q = a * ratio;
    if (!(q < LARGEST_QUOTIENT)) return undefined;
    // A cap the share comes near (q is within about 2⁻⁴⁶ of the exact share) is left to BigInt.
    if (highs !== undefined && !(q * CAP_MARGIN < (highs[i] as number))) return undefined;
    if (q > largest) largest = q;
    const share = Math.floor(q);
    shares[i] = share;
    fractions[i] = q - share;
  }
  const epsilon = (largest > 1 ? largest : 1) * 2 ** -44;
  let given = 0;
  for (let i = 0; i < n; i++) {
    if (near[i] === 0) continue;
    const f = fractions[i] as number;
    // Too close to a whole number for the double to tell which side.
    if (f < epsilon || f > 1 - epsilon) return undefined;
    given += shares[i] as number;
  }
  const left = pool - given;
  if (!(left >= 0 && left < count)) return undefined;
  const bonus = new Uint8Array(n);
  if (left > 0 && !giveBonuses(near, fractions, weightOf(entries), count, left, epsilon, bonus)) return undefined;

  // Stryker disable next-line ArrayDeclaration: pre-sizing only; every slot is written before it is read
  const allocations = new Array<PoolAllocation>(n);
  // Equal amounts share one (immutable) Decimal, as on the other paths, while amounts do repeat:
  // once SHARED_LIMIT distinct amounts have been made with fewer repeats than that, the amounts
  // are mostly distinct (40-digit weights) and a table of every one would cost more than it saves.
  let made: Map<number, Decimal> | undefined = new Map<number, Decimal>();
  let repeats = 0;
  for (let i = 0; i < n; i++) {
    const amount = (shares[i] as number) + (bonus[i] as number);
    let decimal = made?.get(amount);
    if (decimal !== undefined) {
      repeats++;
    } else {
      decimal = fromUnits(amount, scale);
      if (made !== undefined) {
        made.set(amount, decimal);
        if (made.size >= SHARED_LIMIT && repeats < SHARED_LIMIT) made = undefined;
      }
    }
    // Capped as the exact path flags it: an amount that has come to exactly its cap.
    allocations[i] = { id: ids[i] as string, amount: decimal, capped: highs !== undefined && near[i] !== 0 && amount === highs[i], eligible: true };
  }
  return { allocations, unallocated: fromUnits(0, scale) };
}

/** Entry `i`'s exact weight as a Decimal (built only for the few entries doubles cannot rank). */
function weightOf(entries: LongWeightEntries): (i: number) => Decimal {
  return (i) => entries.longs[i] ?? new Decimal(`${entries.mantissas[i] as number}e${entries.exponents[i] as number}`);
}

/**
 * Marks the `left` entries with the largest remainders (see {@link shareByNearDoubles}).
 *
 * @returns false when doubles cannot tell which they are
 */
function giveBonuses(near: Float64Array, fractions: Float64Array, weight: (i: number) => Decimal, count: number, left: number, epsilon: number, bonus: Uint8Array): boolean {
  const n = near.length;
  const sorted = new Float64Array(count);
  for (let i = 0, k = 0; i < n; i++) if (near[i] !== 0) sorted[k++] = fractions[i] as number;
  sorted.sort();
  const threshold = sorted[count - left] as number;
  const between: number[] = [];
  let given = 0;
  for (let i = 0; i < n; i++) {
    if (near[i] === 0) continue;
    const f = fractions[i] as number;
    if (f > threshold + 2 * epsilon) {
      bonus[i] = 1;
      given++;
    } else if (f >= threshold - 2 * epsilon) {
      between.push(i);
    }
  }
  const need = left - given;
  if (need < 0 || need > between.length) return false; // (cannot happen: see shareByNearDoubles)
  if (need < between.length) {
    // More entries between than places: only equal weights (equal remainders) can be ranked, by order.
    const first = weight(between[0] as number);
    for (let k = 1; k < between.length; k++) if (compareDecimal(weight(between[k] as number), first) !== 0) return false;
  }
  for (let k = 0; k < need; k++) bonus[between[k] as number] = 1;
  return true;
}
