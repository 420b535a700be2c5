import { readDecimal, type Decimal, type Numeric } from "../numeric/index.js";
import { fault, nonZero, plain } from "./internal.js";
import { guard } from "../errors/index.js";

/** The result of {@link shareChange}. */
export interface ShareChange {
  /** The change in percentage points, `100 · (current − previous)`: 0.25 → 0.28 is `3`. */
  readonly points: Decimal;
  /** The relative change, `(current − previous) / previous`: 0.25 → 0.28 is `0.12` (+12 %). */
  readonly relative: Decimal;
}

/**
 * How a market share moved (份额变化): in percentage points (百分点) and relative to the
 * previous share.
 *
 * - `points = 100 · (current − previous)`
 * - `relative = (current − previous) / previous`
 *
 * Shares are ratios from 0 to 1, as {@link marketShare} returns them. Both results are exact to
 * the library's precision, not rounded.
 *
 * @category Metrics
 * @param current - this period's share, 0–1
 * @param previous - the comparison period's share, 0 < previous ≤ 1
 * @returns the change in points and the relative change (never `-0`)
 * @throws {PayscoreError} `INVALID_NUMBER` for a malformed number; `OUT_OF_RANGE` for a share outside 0–1; `ZERO_DENOMINATOR` when `previous` is 0 (no relative change from nothing)
 *
 * @example
 * ```ts
 * const change = shareChange(0.28, 0.25);
 * change.points.toString(); // "3"     (28 % − 25 % = 3 points)
 * change.relative.toString(); // "0.12"  (0.03 / 0.25)
 * ```
 */
export function shareChange(current: Numeric, previous: Numeric): ShareChange {
  return guard(computeShareChange, [current, previous]);
}

function computeShareChange(current: Numeric, previous: Numeric): ShareChange {
  const c = readShare(current, "current");
  const p = readShare(previous, "previous");
  nonZero(p, [], "previous", "(current - previous) / previous");
  const difference = c.minus(p);
  return { points: plain(difference.times(100)), relative: plain(difference.div(p)) };
}

function readShare(value: Numeric, name: string): Decimal {
  const share = readDecimal(value, [name]);
  if (share.isNegative() || share.gt(1)) {
    throw fault("OUT_OF_RANGE", [name], `must be a share from 0 to 1 (write 25 % as 0.25); got ${share.toString()}`);
  }
  return share;
}
