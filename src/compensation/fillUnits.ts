import { waterFill } from "./waterFill.js";

/**
 * The water fill of `waterFill.ts` in safe-integer numbers instead of BigInts: the engine under
 * `allocatePool`'s fast path and `allocatePoolColumns`. Internal to src/compensation/.
 *
 * Same problem, same answer, step for step: `xᵢ = clamp(λ·wᵢ, loᵢ, hiᵢ)` with the one λ for which
 * `Σ xᵢ = pool`, where `loᵢ = min(minimum, hiᵢ)` for weight > 0; then largest remainder (ties to
 * the earlier index) among the people between their bounds. λ's segment is found by the same
 * walk over the breakpoints `loᵢ/wᵢ`, `hiᵢ/wᵢ` in the same order (ratio, lower before upper,
 * index), but by quickselect on that order — expected O(n), no sort — with every comparison
 * exact (doubles where they decide, BigInt where they do not). Shares `⌊rest·wᵢ/F⌋` and their
 * remainders are exact integer arithmetic in doubles (a product past 2^53 is split into limbs);
 * the leftover steps go to the k largest remainders, found by selecting the k-th largest.
 *
 * When the pool, Σ weights or Σ caps passes 2^53 it hands the problem to the BigInt `waterFill`.
 *
 * @internal
 */

/** A fill problem in safe integers. @internal */
export interface UnitsProblem {
  /** The steps to share, a safe integer ≥ 0. */
  readonly pool: number;
  /** Integer weights ≥ 0 (0 takes no part and gets 0), safe integers. */
  readonly weights: Float64Array;
  /** Caps in steps, `Infinity` for none. */
  readonly highs: Float64Array;
  /** The minimum in steps (0 for none); Σ of the lower bounds must be ≤ pool. */
  readonly minimum: number;
}

/** What {@link fillUnits} returns. @internal */
export interface UnitsResult {
  readonly amounts: Float64Array;
  readonly unallocated: number;
}

const SAFE = Number.MAX_SAFE_INTEGER;
const LOWER = 0;
const UPPER = 1;

/**
 * Shares `pool` steps (see the module comment).
 *
 * @internal
 * @param problem - pool, weights, caps and minimum
 * @returns the amounts in steps (input order) and the steps nobody could take
 * @example
 * ```ts
 * fillUnits({ pool: 100, weights: Float64Array.of(1, 1, 2), highs: Float64Array.of(10, Infinity, Infinity), minimum: 0 });
 * // { amounts: Float64Array [10, 30, 60], unallocated: 0 }
 * ```
 */
export function fillUnits(problem: UnitsProblem): UnitsResult {
  const { pool, weights, highs, minimum } = problem;
  const n = weights.length;
  const amounts = new Float64Array(n);
  if (pool === 0) return { amounts, unallocated: 0 };

  // Sums must stay safe integers for every partial sum below to be exact.
  let weightSum = 0;
  let capSum = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    if (w === 0) continue;
    weightSum += w;
    const hi = highs[i] as number;
    if (hi !== Infinity) capSum += hi;
  }
  if (weightSum > SAFE || capSum > SAFE || pool > SAFE) return viaBigInt(problem);
  if (weightSum === 0) return { amounts, unallocated: pool };

  // -1 inactive, 0 free, 1 pinned low, 2 pinned high
  const state = new Int8Array(n).fill(-1);
  let lowSum = 0;
  let highSum = 0;
  let freeWeight = 0;
  let uncappedWeight = 0;
  let anyLow = false;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    if (w === 0) continue;
    const hi = highs[i] as number;
    if (hi === Infinity) uncappedWeight += w;
    const lo = hi < minimum ? hi : minimum;
    if (lo > 0) {
      anyLow = true;
      state[i] = 1;
      lowSum += lo;
    } else {
      state[i] = 0;
      freeWeight += w;
    }
  }
  const lowOf = (i: number): number => {
    const hi = highs[i] as number;
    return hi < minimum ? hi : minimum;
  };

  // Breakpoints, with the same shortcuts as waterFill: without lower bounds a cap below
  // pool/Σw is pinned at once; with uncapped weight a cap above pool/Σw(uncapped) is never met.
  const eventEntry = new Int32Array(anyLow ? 2 * n : n);
  const eventKind = new Uint8Array(eventEntry.length);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (state[i] === -1) continue;
    const w = weights[i] as number;
    const hi = highs[i] as number;
    if (lowOf(i) > 0) {
      eventEntry[m] = i;
      eventKind[m++] = LOWER;
    }
    if (hi === Infinity) continue;
    if (!anyLow && compareProducts(hi, weightSum, pool, w) < 0) {
      state[i] = 2;
      freeWeight -= w;
      highSum += hi;
      continue;
    }
    if (uncappedWeight > 0 && compareProducts(hi, uncappedWeight, pool, w) >= 0) continue;
    eventEntry[m] = i;
    eventKind[m++] = UPPER;
  }
  const numerator = new Float64Array(m);
  const approx = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    const i = eventEntry[e] as number;
    const num = eventKind[e] === LOWER ? lowOf(i) : (highs[i] as number);
    numerator[e] = num;
    approx[e] = num / (weights[i] as number);
  }

  // The breakpoint order: exact ratio, then lower before upper, then entry.
  const before = (a: number, b: number): boolean => {
    const fa = approx[a] as number;
    const fb = approx[b] as number;
    // Division of exact integers is correctly rounded, hence monotone: unequal doubles decide.
    if (fa !== fb) return fa < fb;
    const ia = eventEntry[a] as number;
    const ib = eventEntry[b] as number;
    const c = compareProducts(numerator[a] as number, weights[ib] as number, numerator[b] as number, weights[ia] as number);
    if (c !== 0) return c < 0;
    const ka = eventKind[a] as number;
    const kb = eventKind[b] as number;
    return ka !== kb ? ka < kb : ia < ib;
  };
  // f(ratio of e) ≥ pool, i.e. (low + high)·w + num·free ≥ pool·w: λ lies at or before e.
  const reached = (e: number, low: number, high: number, free: number): boolean => {
    const w = BigInt(weights[eventEntry[e] as number] as number);
    return BigInt(low + high) * w + BigInt(numerator[e] as number) * BigInt(free) >= BigInt(pool) * w;
  };

  // Quickselect for the first breakpoint that is reached: every breakpoint before it is passed
  // (its entry changes state), the rest are not — exactly the sequential walk's outcome.
  const candidates = new Int32Array(m);
  for (let e = 0; e < m; e++) candidates[e] = e;
  let lo = 0;
  let hi = m;
  // The usual case first: no bound binds, and the first breakpoint is already reached.
  if (m > 0) {
    let first = 0;
    for (let e = 1; e < m; e++) if (before(e, first)) first = e;
    if (reached(first, lowSum, highSum, freeWeight)) hi = 0;
  }
  // Stryker disable next-line ArithmeticOperator: the budget only bounds the time; with any other (or none) the search or the walk finds the same breakpoint
  let budget = 2 * Math.ceil(Math.log2(m + 1)) + 16;
  while (lo < hi) {
    // Stryker disable next-line BlockStatement,ConditionalExpression,EqualityOperator,UpdateOperator: falling back sooner, later or never, the search or the walk finds the same breakpoint; the budget only bounds the time
    if (budget-- === 0) {
      // Splitting keeps going badly: walk the rest in order (O(k log k)), as waterFill does.
      const rest = Array.from(candidates.subarray(lo, hi)).sort((a, b) => (before(a, b) ? -1 : 1));
      for (const e of rest) {
        if (reached(e, lowSum, highSum, freeWeight)) break;
        pass(e);
        const i = eventEntry[e] as number;
        if (eventKind[e] === LOWER) {
          lowSum -= lowOf(i);
          freeWeight += weights[i] as number;
        } else {
          highSum += highs[i] as number;
          freeWeight -= weights[i] as number;
        }
      }
      break;
    }
    const pivot = medianOfThree(candidates[lo] as number, candidates[(lo + hi) >>> 1] as number, candidates[hi - 1] as number, before);
    // Partition [lo, hi) into events before the pivot, then the rest (pivot included).
    let split = lo;
    let low = lowSum;
    let high = highSum;
    let free = freeWeight;
    for (let s = lo; s < hi; s++) {
      const e = candidates[s] as number;
      if (e !== pivot && before(e, pivot)) {
        candidates[s] = candidates[split] as number;
        candidates[split++] = e;
        const i = eventEntry[e] as number;
        if (eventKind[e] === LOWER) {
          low -= lowOf(i);
          free += weights[i] as number;
        } else {
          high += highs[i] as number;
          free -= weights[i] as number;
        }
      }
    }
    if (reached(pivot, low, high, free)) {
      hi = split;
      continue;
    }
    // Pass every event before the pivot and the pivot itself.
    for (let s = lo; s < split; s++) pass(candidates[s] as number);
    pass(pivot);
    lowSum = low;
    highSum = high;
    freeWeight = free;
    const i = eventEntry[pivot] as number;
    if (eventKind[pivot] === LOWER) {
      lowSum -= lowOf(i);
      freeWeight += weights[i] as number;
    } else {
      highSum += highs[i] as number;
      freeWeight -= weights[i] as number;
    }
    // Keep the events after the pivot.
    let keep = split;
    for (let s = split; s < hi; s++) {
      const e = candidates[s] as number;
      if (e !== pivot) candidates[keep++] = e;
    }
    lo = split;
    hi = keep;
  }
  // Passed events are applied in no particular order: an entry whose lower and upper bounds
  // were both passed ends pinned high whichever comes first.
  function pass(e: number): void {
    const i = eventEntry[e] as number;
    if (eventKind[e] === UPPER) state[i] = 2;
    else if (state[i] === 1) state[i] = 0;
  }

  const rest = pool - lowSum - highSum;
  for (let i = 0; i < n; i++) {
    if (state[i] === 1) amounts[i] = lowOf(i);
    else if (state[i] === 2) amounts[i] = highs[i] as number;
  }
  if (freeWeight === 0) return { amounts, unallocated: rest };
  shareFree(rest, freeWeight, weights, state, amounts);
  return { amounts, unallocated: 0 };
}

/**
 * The free people share `rest` by largest remainder: `⌊rest·wᵢ/F⌋`, then one step each to the
 * `rest − Σ` largest remainders (ties to the earlier index).
 */
function shareFree(rest: number, free: number, weights: Float64Array, state: Int8Array, amounts: Float64Array): void {
  const n = weights.length;
  const quotient = new ExactQuotient(rest, free);
  const remainders = new Float64Array(n);
  let given = 0;
  let positive = 0;
  for (let i = 0; i < n; i++) {
    if (state[i] !== 0) continue;
    quotient.of(weights[i] as number);
    amounts[i] = quotient.share;
    given += quotient.share;
    remainders[i] = quotient.remainder;
    if (quotient.remainder > 0) positive++;
  }
  const left = rest - given;
  if (left === 0) return;
  // The `left`-th largest remainder t: everyone above t gets a step, then those at t in index order.
  const positives = new Float64Array(positive);
  let p = 0;
  for (let i = 0; i < n; i++) {
    const r = remainders[i] as number;
    if (state[i] === 0 && r > 0) positives[p++] = r;
  }
  const threshold = kthLargest(positives, left);
  let atThreshold = left;
  for (let i = 0; i < n; i++) {
    if (state[i] === 0 && (remainders[i] as number) > threshold) {
      amounts[i] = (amounts[i] as number) + 1;
      atThreshold--;
    }
  }
  for (let i = 0; i < n && atThreshold > 0; i++) {
    if (state[i] === 0 && remainders[i] === threshold) {
      amounts[i] = (amounts[i] as number) + 1;
      atThreshold--;
    }
  }
}

/**
 * `a·w = share·d + remainder` exactly, for a fixed `a`, `d` and many `w ≤ d`, in doubles: with
 * `a = qa·d + ra`, `share = qa·w + ⌊ra·w/d⌋`; `ra·w` is split into limbs of `w` when it passes 2^53.
 */
class ExactQuotient {
  share = 0;
  remainder = 0;
  private readonly qa: number;
  private readonly ra: number;
  private readonly d: number;
  private readonly direct: number;
  private readonly limb: number;
  private readonly bigA: bigint;
  private readonly bigD: bigint;

  constructor(a: number, d: number) {
    // Exact: for integers 0 ≤ p < 2^53 and d ≥ 1, ⌊fl(p/d)⌋ = ⌊p/d⌋ — a non-integer p/d is at
    // least 1/d from the next integer, and fl errs by at most (p/d)·2^-53 < 1/d. The same holds
    // for every quotient below (each dividend stays under 2^53), so none needs a ±1 correction.
    const qa = Math.floor(a / d);
    const ra = a - qa * d;
    this.qa = qa;
    this.ra = ra;
    this.d = d;
    this.direct = SAFE - d;
    // The largest power of two K with 2·d·K + d ≤ 2^53, so r·K + ra·limb and its correction stay exact.
    let limb = 1;
    while ((2 * limb * 2 + 1) * d <= 2 ** 53) limb *= 2;
    this.limb = limb;
    this.bigA = BigInt(a);
    this.bigD = BigInt(d);
  }

  of(w: number): void {
    const { ra, d } = this;
    const product = ra * w;
    if (product <= this.direct) {
      const q = Math.floor(product / d);
      const r = product - q * d;
      this.share = this.qa * w + q;
      this.remainder = r;
      return;
    }
    const K = this.limb;
    if (K < 2) {
      const big = this.bigA * BigInt(w);
      const q = big / this.bigD;
      this.share = Number(q);
      this.remainder = Number(big - q * this.bigD);
      return;
    }
    let power = 1;
    while (power * K <= w) power *= K;
    let q = 0;
    let r = 0;
    for (;;) {
      const digit = Math.floor(w / power) % K;
      const v = r * K + ra * digit;
      const t = Math.floor(v / d); // v < 2·d·K ≤ 2^53 − d: exact, as above
      const rr = v - t * d;
      q = q * K + t;
      r = rr;
      if (power === 1) break;
      power /= K;
    }
    this.share = this.qa * w + q;
    this.remainder = r;
  }
}

/**
 * The sign of `a·b − c·d` for safe integers ≥ 0: doubles when they differ (rounding is
 * monotone), BigInt when they tie.
 *
 * @internal
 * @param a - a factor
 * @param b - a factor
 * @param c - a factor
 * @param d - a factor
 * @returns -1, 0 or 1
 * @example
 * ```ts
 * compareProducts(3, 4, 2, 6); // 0
 * ```
 */
export function compareProducts(a: number, b: number, c: number, d: number): number {
  const left = a * b;
  const right = c * d;
  if (left !== right) return left < right ? -1 : 1;
  if (left <= SAFE) return 0;
  const bigLeft = BigInt(a) * BigInt(b);
  const bigRight = BigInt(c) * BigInt(d);
  return bigLeft === bigRight ? 0 : bigLeft < bigRight ? -1 : 1;
}

// The median only chooses the pivot: every branch returns one of the three candidates of the range,
// and any of them partitions it correctly (hence the Stryker marks below).
function medianOfThree(a: number, b: number, c: number, before: (x: number, y: number) => boolean): number {
  // Stryker disable next-line ConditionalExpression,BlockStatement: only chooses which candidate is the pivot (see above)
  if (before(a, b)) {
    // Stryker disable next-line ConditionalExpression: only chooses which candidate is the pivot (see above)
    if (before(b, c)) return b;
    return before(a, c) ? c : a;
  }
  // Stryker disable next-line ConditionalExpression: only chooses which candidate is the pivot (see above)
  if (before(a, c)) return a;
  return before(b, c) ? c : b;
}

/**
 * The k-th largest value (1 ≤ k ≤ length) of exact integers, by quickselect in place; a range
 * that keeps splitting badly is sorted instead (native typed-array sort).
 */
function kthLargest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1; // index in descending order
  // Stryker disable next-line ArithmeticOperator: the budget only bounds the time; with any other (or none) the quickselect or the sort finds the same value
  let budget = 2 * Math.ceil(Math.log2(values.length + 1)) + 8;
  while (lo < hi) {
    // Stryker disable next-line BlockStatement,ConditionalExpression,EqualityOperator,UpdateOperator: falling back sooner, later or never, the quickselect or the sort finds the same value; the budget only bounds the time
    if (budget-- === 0) {
      const part = values.subarray(lo, hi + 1);
      part.sort();
      part.reverse();
      return part[target - lo] as number;
    }
    const mid = (lo + hi) >>> 1;
    const x = values[lo] as number;
    const y = values[mid] as number;
    const z = values[hi] as number;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the median only chooses the pivot; every branch gives one of the range's values, and any of them partitions it correctly
    const pivot = x > y ? (y > z ? y : x > z ? z : x) : x > z ? x : y > z ? z : y;
    // Three-way partition, descending: > pivot | = pivot | < pivot.
    let lt = lo;
    let gt = hi;
    let s = lo;
    while (s <= gt) {
      const v = values[s] as number;
      if (v > pivot) {
        values[s] = values[lt] as number;
        values[lt++] = v;
        s++;
      } else if (v < pivot) {
        values[s] = values[gt] as number;
        values[gt--] = v;
      } else s++;
    }
    if (target < lt) hi = lt - 1;
    else if (target > gt) lo = gt + 1;
    else return pivot;
  }
  return values[lo] as number;
}

/** The BigInt water fill, for sums past 2^53. */
function viaBigInt(problem: UnitsProblem): UnitsResult {
  const { pool, weights, highs, minimum } = problem;
  const n = weights.length;
  const bigWeights: bigint[] = new Array<bigint>(n);
  const bigHighs: (bigint | undefined)[] = new Array<bigint | undefined>(n);
  const lows: bigint[] = new Array<bigint>(n);
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    const hi = highs[i] as number;
    bigWeights[i] = BigInt(w);
    bigHighs[i] = hi === Infinity ? undefined : BigInt(hi);
    lows[i] = w === 0 || minimum === 0 ? 0n : BigInt(hi < minimum ? hi : minimum);
  }
  const { amounts, unallocated } = waterFill({ pool: BigInt(pool), weights: bigWeights, lows, highs: bigHighs });
  return { amounts: Float64Array.from(amounts, Number), unallocated: Number(unallocated) };
}
