// Inputs that defeat the median-of-three quickselects of fillUnits.ts and waterFill.ts, so that
// their budget of partitioning rounds runs out and the sorting fallback finishes the job. Each
// generator replays the selection's rounds with a lazy adversary (McIlroy, "A killer adversary
// for quicksort", 1999): values start undecided ("gas", larger than every decided value); each
// round, two of the three sampled values are decided as the two smallest left, so the pivot is
// the second smallest and the round removes only two values. The values still undecided when the
// rounds run out get the values above, in the order the caller asks for: `order(left)` lists the
// inputs left in the fallback's range (given in range order) from the smallest to the largest.

/** Rounds each selection allows itself before it falls back to sorting. */
export const fillUnitsRounds = (events: number): number => 2 * Math.ceil(Math.log2(events + 1)) + 16;
export const kthLargestRounds = (values: number): number => 2 * Math.ceil(Math.log2(values + 1)) + 8;

/**
 * Ranks 1…m of the breakpoints, in event order, on which fillUnits' search for the first reached
 * breakpoint runs out of rounds, provided none of the ranks decided in the rounds is reached:
 * each Lomuto round keeps the candidates after the pivot in order, so it drops the first and
 * the middle one.
 */
export function breakpointKiller(m: number, order: (left: number[]) => number[]): number[] {
  const value = new Array<number>(m).fill(0);
  let list = Array.from({ length: m }, (_, e) => e);
  let next = 1;
  for (let round = 0; round < fillUnitsRounds(m); round++) {
    const a = list[0] as number;
    const b = list[list.length >>> 1] as number; // (lo + hi) >>> 1 with hi exclusive
    value[a] = next++;
    value[b] = next++; // the pivot; only `a` comes before it
    list = list.filter((e) => e !== a && e !== b);
  }
  return decide(value, list, next, order);
}

/**
 * Distinct values 1…n in input order on which fillUnits' kthLargest (three-way partition,
 * descending, target the largest) runs out of rounds.
 */
export function kthLargestKiller(n: number, order: (left: number[]) => number[]): number[] {
  const value = new Array<number>(n).fill(0); // 0 = undecided, larger than every decided value
  const at = Array.from({ length: n }, (_, i) => i); // at[position] = input index
  const bigger = (i: number, pivot: number): boolean => value[i] === 0 || (value[i] as number) > pivot;
  let next = 1;
  const lo = 0;
  let hi = n - 1;
  for (let round = 0; round < kthLargestRounds(n); round++) {
    const mid = (lo + hi) >>> 1;
    value[at[lo] as number] = next++;
    value[at[mid] as number] = next++;
    const pivot = next - 1;
    let lt = lo;
    let gt = hi;
    let s = lo;
    while (s <= gt) {
      const i = at[s] as number;
      if (bigger(i, pivot)) {
        at[s] = at[lt] as number;
        at[lt++] = i;
        s++;
      } else if ((value[i] as number) < pivot) {
        at[s] = at[gt] as number;
        at[gt--] = i;
      } else s++;
    }
    hi = lt - 1;
  }
  return decide(value, at.slice(lo, hi + 1), next, order);
}

/**
 * Distinct values 1…n in input order on which waterFill's `largest` (Lomuto, median of three
 * moved to the end, descending, k = 1) runs out of rounds.
 */
export function largestKiller(n: number, order: (left: number[]) => number[]): number[] {
  const value = new Array<number>(n).fill(0);
  const at = Array.from({ length: n }, (_, i) => i);
  // before(a, b) < 0 when a's value is larger (undecided counts as largest); input index breaks ties
  const before = (a: number, b: number): number => {
    const va = value[a] === 0 ? Infinity : (value[a] as number);
    const vb = value[b] === 0 ? Infinity : (value[b] as number);
    return va !== vb ? (va > vb ? -1 : 1) : a - b;
  };
  const swap = (x: number, y: number): void => {
    const t = at[x] as number;
    at[x] = at[y] as number;
    at[y] = t;
  };
  let next = 1;
  const lo = 0;
  let hi = n - 1;
  for (let round = 0; round < kthLargestRounds(n); round++) {
    const mid = (lo + hi) >>> 1;
    value[at[lo] as number] = next++;
    value[at[mid] as number] = next++;
    if (before(at[mid] as number, at[lo] as number) < 0) swap(mid, lo);
    if (before(at[hi] as number, at[lo] as number) < 0) swap(hi, lo);
    if (before(at[mid] as number, at[hi] as number) < 0) swap(mid, hi);
    const pivot = at[hi] as number;
    let store = lo;
    for (let s = lo; s < hi; s++) if (before(at[s] as number, pivot) < 0) swap(s, store++);
    swap(store, hi);
    hi = store - 1;
  }
  return decide(value, at.slice(lo, hi + 1), next, order);
}

function decide(value: number[], left: number[], next: number, order: (left: number[]) => number[]): number[] {
  let v = next;
  for (const i of order(left)) value[i] = v++;
  return value;
}

/** From the smallest: the middle of the range outwards, so both ends are large. */
export const middleOut = (left: number[]): number[] => left.map((i, p) => [i, Math.abs(2 * p - (left.length - 1))] as const).sort((a, b) => a[1] - b[1]).map(([i]) => i);
/** From the smallest: both ends inwards, so the largest sits mid-range and both ends are small. */
export const largestInMiddle = (left: number[]): number[] => middleOut(left).reverse();
/** From the smallest: range order, so the largest sits at the end of the range. */
export const largestLast = (left: number[]): number[] => left;
