/**
 * Exact proportional sharing with per-person lower and upper bounds, in whole steps (minor
 * units): the engine under `allocatePool` and `allocateTeamPool`. Internal to src/compensation/.
 *
 * The continuous solution is `xᵢ = clamp(λ·wᵢ, loᵢ, hiᵢ)` with the one λ for which `Σ xᵢ = pool`
 * (or every entry at its cap when even that does not use the pool up). λ is found by walking the
 * bounds' breakpoints `loᵢ/wᵢ` and `hiᵢ/wᵢ` in increasing order — O(n log n) for the sort, which
 * holds only the breakpoints that can matter — with every comparison exact (BigInt
 * cross-multiplication wherever doubles cannot decide). The people between their bounds then
 * share what is left by largest remainder (ties to the earlier index), picking the largest
 * remainders by selection rather than a full sort. No one passes a cap: a free person's exact
 * share λ·wᵢ is ≤ hiᵢ, and hiᵢ is a whole number of steps, so rounding up cannot cross it.
 *
 * @internal
 */

/** Bounds and weights for {@link waterFill}, all in whole steps / integer weights. */
export interface FillProblem {
  /** The steps to share, ≥ 0. */
  readonly pool: bigint;
  /** Integer weights ≥ 0; a weight of 0 takes no part and gets 0. */
  readonly weights: readonly bigint[];
  /** Lower bounds (0 for none), each ≤ its upper bound; Σ over weight > 0 must be ≤ pool. */
  readonly lows: readonly bigint[];
  /** Upper bounds (caps), `undefined` for none. */
  readonly highs: readonly (bigint | undefined)[];
}

/** What {@link waterFill} returns. */
export interface FillResult {
  readonly amounts: bigint[];
  readonly unallocated: bigint;
}

const LOWER = 0;
const UPPER = 1;

/**
 * Shares `pool` steps (see the module comment).
 *
 * @internal
 * @param problem - the pool, weights and bounds
 * @returns the amounts (in input order) and the steps nobody could take
 * @example
 * ```ts
 * waterFill({ pool: 100n, weights: [1n, 1n, 2n], lows: [0n, 0n, 0n], highs: [10n, undefined, undefined] });
 * // { amounts: [10n, 30n, 60n], unallocated: 0n }
 * ```
 */
export function waterFill(problem: FillProblem): FillResult {
  const { pool, weights, lows, highs } = problem;
  const n = weights.length;
  const amounts: bigint[] = new Array<bigint>(n).fill(0n);
  if (pool === 0n) return { amounts, unallocated: 0n };

  // State of the segment of λ being looked at: pinned-low sum, pinned-high sum, free weight.
  const state = new Array<number>(n).fill(-1); // -1 inactive, 0 free, 1 pinned low, 2 pinned high
  let lowSum = 0n;
  let highSum = 0n;
  let freeWeight = 0n;
  let uncappedWeight = 0n;
  let anyLow = false;
  let totalWeight = 0n;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as bigint;
    if (w === 0n) continue;
    totalWeight += w;
    if (highs[i] === undefined) uncappedWeight += w;
    const lo = lows[i] as bigint;
    if (lo > 0n) {
      anyLow = true;
      state[i] = 1;
      lowSum += lo;
    } else {
      state[i] = 0;
      freeWeight += w;
    }
  }
  if (totalWeight === 0n) return { amounts, unallocated: pool };

  // Breakpoints. Without lower bounds λ ≥ pool/Σw, so a cap below that line is certainly
  // reached and is pinned at once; with uncapped weight λ ≤ pool/Σw(uncapped), so a cap above
  // that line is never reached and needs no place in the sort.
  const eventEntry: number[] = [];
  const eventKind: number[] = [];
  const poolNumber = Number(pool);
  const totalNumber = Number(totalWeight);
  const uncappedNumber = Number(uncappedWeight);
  for (let i = 0; i < n; i++) {
    if (state[i] === -1) continue;
    const w = weights[i] as bigint;
    const lo = lows[i] as bigint;
    const hi = highs[i];
    if (lo > 0n) {
      eventEntry.push(i);
      eventKind.push(LOWER);
    }
    if (hi === undefined) continue;
    const hiNumber = Number(hi);
    const wNumber = Number(w);
    if (!anyLow && productsCompare(hi, totalWeight, pool, w, hiNumber * totalNumber, poolNumber * wNumber) < 0) {
      state[i] = 2;
      freeWeight -= w;
      highSum += hi;
      continue;
    }
    if (uncappedWeight > 0n && productsCompare(hi, uncappedWeight, pool, w, hiNumber * uncappedNumber, poolNumber * wNumber) >= 0) continue;
    eventEntry.push(i);
    eventKind.push(UPPER);
  }

  const m = eventEntry.length;
  const numerator: bigint[] = new Array<bigint>(m);
  const approx = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    const i = eventEntry[e] as number;
    const num = eventKind[e] === LOWER ? (lows[i] as bigint) : (highs[i] as bigint);
    numerator[e] = num;
    approx[e] = ratioApprox(num, weights[i] as bigint);
  }
  const before = (a: number, b: number): number => {
    const fa = approx[a] as number;
    const fb = approx[b] as number;
    if (Math.abs(fa - fb) > 1e-9 * Math.max(Math.abs(fa), Math.abs(fb))) return fa < fb ? -1 : 1;
    const ia = eventEntry[a] as number;
    const ib = eventEntry[b] as number;
    const left = (numerator[a] as bigint) * (weights[ib] as bigint);
    const right = (numerator[b] as bigint) * (weights[ia] as bigint);
    if (left !== right) return left < right ? -1 : 1;
    return (eventKind[a] as number) - (eventKind[b] as number) || ia - ib;
  };
  // f(r)·w = (low + high)·w + num·free ≥ pool·w: λ lies at or before the breakpoint.
  const reached = (e: number): boolean => {
    const w = weights[eventEntry[e] as number] as bigint;
    return (lowSum + highSum) * w + (numerator[e] as bigint) * freeWeight >= pool * w;
  };
  // Usually no breakpoint is passed at all (no cap binds): then the walk stops at the first
  // breakpoint in order, which one pass finds (`before` is a total order, so its least event is
  // the sort's first), and the sort is not needed.
  let first = 0;
  for (let e = 1; e < m; e++) if (before(e, first) < 0) first = e;
  const order = new Uint32Array(m);
  const walk = m > 0 && reached(first) ? 0 : m;
  if (walk > 0) {
    for (let e = 0; e < m; e++) order[e] = e;
    order.sort(before);
  }

  for (let k = 0; k < walk; k++) {
    const e = order[k] as number;
    const i = eventEntry[e] as number;
    const w = weights[i] as bigint;
    if (reached(e)) break;
    if (eventKind[e] === LOWER) {
      state[i] = 0;
      lowSum -= lows[i] as bigint;
      freeWeight += w;
    } else {
      state[i] = 2;
      freeWeight -= w;
      highSum += highs[i] as bigint;
    }
  }

  const rest = pool - lowSum - highSum;
  for (let i = 0; i < n; i++) {
    if (state[i] === 1) amounts[i] = lows[i] as bigint;
    else if (state[i] === 2) amounts[i] = highs[i] as bigint;
  }
  if (freeWeight === 0n) return { amounts, unallocated: rest };

  if (!shareByDoubles(rest, weights, state, freeWeight, amounts)) shareExactly(rest, weights, state, freeWeight, amounts);
  return { amounts, unallocated: 0n };
}

/**
 * Shares `rest` steps among the free people (`state[i] === 0`) in proportion to their weights,
 * `⌊rest·wᵢ/F⌋` each and one more step to each of the `rest − Σ⌊…⌋` largest remainders (ties
 * to the earlier index), in BigInt: the definition {@link shareByDoubles} must match.
 *
 * @internal
 * @param rest - the steps to share, ≥ 0
 * @param weights - integer weights
 * @param state - 0 marks a free person
 * @param freeWeight - F, the sum of the free people's weights, > 0
 * @param amounts - where each free person's share is written
 * @example
 * ```ts
 * const amounts = [0n, 0n, 0n];
 * shareExactly(10n, [1n, 1n, 1n], [0, 0, 0], 3n, amounts); // amounts: [4n, 3n, 3n]
 * ```
 */
export function shareExactly(rest: bigint, weights: readonly bigint[], state: ArrayLike<number>, freeWeight: bigint, amounts: bigint[]): void {
  const n = weights.length;
  const free: number[] = [];
  const remainder: bigint[] = [];
  let left = rest;
  for (let i = 0; i < n; i++) {
    if (state[i] !== 0) continue;
    const product = rest * (weights[i] as bigint);
    const share = product / freeWeight;
    amounts[i] = share;
    left -= share;
    const r = product - share * freeWeight;
    if (r > 0n) {
      free.push(i);
      remainder.push(r);
    }
  }
  if (left > 0n) {
    for (const slot of largest(remainder, free, Number(left))) {
      const i = free[slot] as number;
      amounts[i] = (amounts[i] as bigint) + 1n;
    }
  }
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** Quotients from here up are left to BigInt (their fractions lose bits in a double). */
const LARGEST_QUOTIENT = 2 ** 51;

/**
 * {@link shareExactly}'s result from doubles where doubles decide it, with BigInt only for the
 * few people they cannot: the long weights of a bulk run (40-digit scores times multipliers)
 * otherwise cost a BigInt product, quotient and remainder each.
 *
 * `qᵢ = rest·wᵢ/F` is computed as `Number(wᵢ) · (Number(rest) / Number(F))`: four correctly
 * rounded steps, so `|q̃ᵢ − qᵢ| < 6·2⁻⁵³·qᵢ < ε = max(1, max q̃) · 2⁻⁵⁰`. A share `⌊q̃ᵢ⌋` is then
 * exact unless `q̃ᵢ` lies within ε of a whole number (those people are divided in BigInt), and
 * each fraction `q̃ᵢ − ⌊q̃ᵢ⌋` (exact in doubles) is within ε of the true `rᵢ/F`. With `T` the k-th
 * largest approximate fraction (k = the steps left over): a person whose fraction exceeds
 * `T + 2ε` is among the k largest remainders, one below `T − 2ε` is not (k others are surely
 * larger); only the people between are ranked by exact BigInt remainders, ties to the earlier
 * index, as {@link shareExactly} ranks them.
 *
 * @internal
 * @returns false, leaving `amounts` untouched, when doubles cannot carry the problem (a rest
 *   past 2^53, quotients past 2^51, weights or sums beyond the double range)
 * @example
 * ```ts
 * const amounts = [0n, 0n, 0n];
 * shareByDoubles(10n, [1n, 1n, 1n], [0, 0, 0], 3n, amounts); // true; amounts: [4n, 3n, 3n]
 * ```
 */
export function shareByDoubles(rest: bigint, weights: readonly bigint[], state: ArrayLike<number>, freeWeight: bigint, amounts: bigint[]): boolean {
  if (rest > SAFE || rest < 0n) return false;
  const n = weights.length;
  const restNumber = Number(rest);
  const freeNumber = Number(freeWeight);
  const ratio = restNumber / freeNumber;
  if (!Number.isFinite(freeNumber) || !(freeNumber > 0) || (restNumber > 0 && !(ratio > 1e-290))) return false;
  const shares = new Float64Array(n);
  const fractions = new Float64Array(n);
  let largestQuotient = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (state[i] !== 0) continue;
    const w = weights[i] as bigint;
    const q = Number(w) * ratio;
    // (a positive quotient that underflows would have no relative error bound)
    if (!(q < LARGEST_QUOTIENT) || (q < 1e-290 && q !== 0) || (q === 0 && w !== 0n && rest !== 0n)) return false;
    if (q > largestQuotient) largestQuotient = q;
    const share = Math.floor(q);
    shares[i] = share;
    fractions[i] = q - share;
    count++;
  }
  const epsilon = Math.max(1, largestQuotient) * 2 ** -50;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (state[i] !== 0) continue;
    const f = fractions[i] as number;
    if (f < epsilon || f > 1 - epsilon) {
      // Too close to a whole number for the double to tell which side: divide exactly.
      const product = rest * (weights[i] as bigint);
      const share = product / freeWeight;
      shares[i] = Number(share);
      fractions[i] = Number(product - share * freeWeight) / freeNumber;
    }
    total += shares[i] as number;
  }
  const left = restNumber - total;
  if (!(left >= 0 && left < count) && !(left === 0 && count === 0)) return false;
  const bonus = new Uint8Array(n);
  if (left > 0) {
    const sorted = new Float64Array(count);
    for (let i = 0, k = 0; i < n; i++) if (state[i] === 0) sorted[k++] = fractions[i] as number;
    sorted.sort();
    const threshold = sorted[count - left] as number;
    const undecided: number[] = [];
    let given = 0;
    for (let i = 0; i < n; i++) {
      if (state[i] !== 0) continue;
      const f = fractions[i] as number;
      if (f > threshold + 2 * epsilon) {
        bonus[i] = 1;
        given++;
      } else if (f >= threshold - 2 * epsilon) {
        undecided.push(i);
      }
    }
    const remainders = undecided.map((i) => rest * (weights[i] as bigint) - BigInt(shares[i] as number) * freeWeight);
    const ranked = undecided.map((_, slot) => slot);
    ranked.sort((a, b) => {
      const ra = remainders[a] as bigint;
      const rb = remainders[b] as bigint;
      return ra !== rb ? (ra > rb ? -1 : 1) : (undecided[a] as number) - (undecided[b] as number);
    });
    const need = left - given;
    if (need < 0 || need > ranked.length) return false; // (cannot happen: see above)
    for (let k = 0; k < need; k++) bonus[undecided[ranked[k] as number] as number] = 1;
  }
  for (let i = 0; i < n; i++) if (state[i] === 0) amounts[i] = BigInt((shares[i] as number) + (bonus[i] as number));
  return true;
}

/**
 * The sign of `a·b − c·d` for integers ≥ 0, from the doubles `ab ≈ a·b` and `cd ≈ c·d` (each
 * operand and product correctly rounded, so each within 3·2⁻⁵³ of the true product) where they
 * are more than 2⁻⁴⁰ apart relatively, else from the exact BigInt products: the caps of a
 * million entries are checked against λ's bounds without two BigInt products each.
 *
 * @internal
 * @example
 * ```ts
 * productsCompare(3n, 4n, 2n, 6n, 12, 12); // 0
 * ```
 */
export function productsCompare(a: bigint, b: bigint, c: bigint, d: bigint, ab: number, cd: number): number {
  if (Number.isFinite(ab) && Number.isFinite(cd) && Math.abs(ab - cd) > 2 ** -40 * Math.max(ab, cd)) return ab < cd ? -1 : 1;
  const left = a * b;
  const right = c * d;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** A double close to num/den, or NaN where doubles would mislead (the exact path decides). */
function ratioApprox(num: bigint, den: bigint): number {
  const a = Number(num);
  const b = Number(den);
  const ratio = a / b;
  if (!Number.isFinite(ratio) || !Number.isFinite(b) || (num > 0n && ratio < 1e-290)) return Number.NaN;
  return ratio;
}

/**
 * The slots of the `k` largest remainders (ties to the lower entry index), by quickselect with
 * a median-of-three pivot; a range that keeps splitting badly is sorted instead, so the worst
 * case stays O(n log n) without randomness.
 */
function largest(remainder: readonly bigint[], entry: readonly number[], k: number): Uint32Array {
  const size = remainder.length;
  const slots = new Uint32Array(size);
  for (let s = 0; s < size; s++) slots[s] = s;
  const approx = new Float64Array(size);
  for (let s = 0; s < size; s++) approx[s] = Number(remainder[s] as bigint);
  // Number(bigint) rounds monotonically, so unequal doubles order exactly.
  const before = (a: number, b: number): number => {
    const fa = approx[a] as number;
    const fb = approx[b] as number;
    if (fa !== fb) return fa > fb ? -1 : 1;
    const ra = remainder[a] as bigint;
    const rb = remainder[b] as bigint;
    if (ra !== rb) return ra > rb ? -1 : 1;
    return (entry[a] as number) - (entry[b] as number);
  };
  let lo = 0;
  let hi = size - 1;
  // Stryker disable next-line ArithmeticOperator: the budget only bounds the time; with any other (or none) the quickselect or the sort finds the same k largest
  let budget = 2 * Math.ceil(Math.log2(size + 1)) + 8;
  while (lo < hi) {
    // Stryker disable next-line BlockStatement,ConditionalExpression,EqualityOperator,UpdateOperator: falling back sooner, later or never, the quickselect or the sort finds the same k largest; the budget only bounds the time
    if (budget-- === 0) {
      const part = slots.subarray(lo, hi + 1);
      part.sort(before);
      break;
    }
    const mid = (lo + hi) >>> 1;
    // median of three to slots[hi]
    // Stryker disable ConditionalExpression,EqualityOperator: these swaps only choose the pivot among three slots of the range; any pivot from the range partitions it correctly
    if (before(slots[mid] as number, slots[lo] as number) < 0) swap(slots, mid, lo);
    if (before(slots[hi] as number, slots[lo] as number) < 0) swap(slots, hi, lo);
    if (before(slots[mid] as number, slots[hi] as number) < 0) swap(slots, mid, hi);
    // Stryker restore ConditionalExpression,EqualityOperator
    const pivot = slots[hi] as number;
    let store = lo;
    for (let s = lo; s < hi; s++) {
      if (before(slots[s] as number, pivot) < 0) swap(slots, s, store++);
    }
    swap(slots, store, hi);
    if (store === k - 1 || store === k) break;
    if (store < k) lo = store + 1;
    else hi = store - 1;
  }
  return slots.subarray(0, k);
}

function swap(array: Uint32Array, a: number, b: number): void {
  const t = array[a] as number;
  array[a] = array[b] as number;
  array[b] = t;
}
