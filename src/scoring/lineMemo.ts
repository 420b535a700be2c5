// A KPI's results remembered by (actual, target), so people with the same plain-number pair —
// counts such as visits, new customers or complaints against a common target — share the
// result's Decimals instead of each computing and holding their own. Internal: nothing here is
// re-exported from index.ts.
import type { Decimal } from "../numeric/index.js";

/**
 * The Decimals of one KPI line at the KPI's own weight (the line object itself is made per call).
 *
 * @internal
 */
export interface MemoLine {
  readonly attainment: Decimal;
  readonly points: Decimal;
  readonly contribution: Decimal;
}

/** How many (actual, target) pairs one KPI remembers at most. */
export const MEMO_LIMIT = 4096;

/**
 * One KPI's lines by `(actual, target)`, both plain numbers, for the unrounded scoring of
 * `scoreKpis`. A line is remembered only once it has been computed (a pair that throws is never
 * remembered), and it is a function of the pair alone on a checked scorecard, so a remembered
 * line is the line the pair gives (Decimals are immutable: sharing an instance is safe). It
 * keeps at most {@link MEMO_LIMIT} pairs; when it fills up with fewer hits than pairs (the KPI's
 * pairs are mostly distinct, like revenue against a personal target), it stops being consulted.
 * `-0` and `0` are one key, as they are one value (both read as the text `"0"`).
 *
 * @internal
 * @example
 * ```ts
 * const memo = new LineMemo();
 * memo.find(3, 5); // undefined
 * const line = { attainment: new Decimal("0.6"), points: new Decimal(60), contribution: new Decimal(30) };
 * memo.keep(3, 5, line);
 * memo.find(3, 5) === line; // true
 * memo.find(3, 4); // undefined: another target
 * ```
 */
export class LineMemo {
  /** Whether the memo is still consulted. */
  on = true;
  private readonly byTarget = new Map<number, Map<number, MemoLine>>();
  private size = 0;
  private hits = 0;

  /**
   * The line remembered for a pair.
   *
   * @param actual - the actual, a number
   * @param target - the target, a number
   * @returns the remembered line, or `undefined`
   */
  find(actual: number, target: number): MemoLine | undefined {
    const inner = this.byTarget.get(target);
    if (inner === undefined) return undefined;
    const line = inner.get(actual);
    if (line !== undefined) this.hits++;
    return line;
  }

  /**
   * The line remembered for a pair, not counted as a hit: for building the lines of a result
   * scored before (its pair was counted then), so reading them does not keep the memo on.
   *
   * @param actual - the actual, a number
   * @param target - the target, a number
   * @returns the remembered line, or `undefined`
   */
  peek(actual: number, target: number): MemoLine | undefined {
    return this.byTarget.get(target)?.get(actual);
  }

  /**
   * Remembers the line a pair gave, while there is room; on filling up with fewer hits than
   * pairs, turns the memo off and lets its lines go.
   *
   * @param actual - the actual, a number
   * @param target - the target, a number
   * @param line - the line's Decimals at the KPI's own weight
   */
  keep(actual: number, target: number, line: MemoLine): void {
    if (this.size >= MEMO_LIMIT) {
      if (this.hits < this.size) {
        this.on = false;
        this.byTarget.clear();
      }
      return;
    }
    let inner = this.byTarget.get(target);
    if (inner === undefined) {
      inner = new Map<number, MemoLine>();
      this.byTarget.set(target, inner);
    }
    inner.set(actual, line);
    this.size++;
  }
}
