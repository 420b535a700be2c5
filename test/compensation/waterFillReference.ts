// src/compensation/waterFill.ts as it stood before the double-first sharing and the
// first-breakpoint shortcut (BigInt throughout, every breakpoint sorted): a fixed reference, so
// the property tests compare the library against the old exact arithmetic, not against itself.
import type { FillProblem, FillResult } from "../../src/compensation/waterFill.js";

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
export function waterFillReference(problem: FillProblem): FillResult {
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
    if (!anyLow && hi * totalWeight < pool * w) {
      state[i] = 2;
      freeWeight -= w;
      highSum += hi;
      continue;
    }
    if (uncappedWeight > 0n && hi * uncappedWeight >= pool * w) continue;
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
  const order = new Uint32Array(m);
  for (let e = 0; e < m; e++) order[e] = e;
  order.sort((a, b) => {
    const fa = approx[a] as number;
    const fb = approx[b] as number;
    if (Math.abs(fa - fb) > 1e-9 * Math.max(Math.abs(fa), Math.abs(fb))) return fa < fb ? -1 : 1;
    const ia = eventEntry[a] as number;
    const ib = eventEntry[b] as number;
    const left = (numerator[a] as bigint) * (weights[ib] as bigint);
    const right = (numerator[b] as bigint) * (weights[ia] as bigint);
    if (left !== right) return left < right ? -1 : 1;
    return (eventKind[a] as number) - (eventKind[b] as number) || ia - ib;
  });

  for (let k = 0; k < m; k++) {
    const e = order[k] as number;
    const i = eventEntry[e] as number;
    const w = weights[i] as bigint;
    // f(r)·w = (low + high)·w + num·free ≥ pool·w: λ lies at or before this breakpoint.
    if ((lowSum + highSum) * w + (numerator[e] as bigint) * freeWeight >= pool * w) break;
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

  // Largest remainder among the free people.
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
  return { amounts, unallocated: 0n };
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
  let budget = 2 * Math.ceil(Math.log2(size + 1)) + 8;
  while (lo < hi) {
    if (budget-- === 0) {
      const part = slots.subarray(lo, hi + 1);
      part.sort(before);
      break;
    }
    const mid = (lo + hi) >>> 1;
    // median of three to slots[hi]
    if (before(slots[mid] as number, slots[lo] as number) < 0) swap(slots, mid, lo);
    if (before(slots[hi] as number, slots[lo] as number) < 0) swap(slots, hi, lo);
    if (before(slots[mid] as number, slots[hi] as number) < 0) swap(slots, mid, hi);
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
