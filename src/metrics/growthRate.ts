import { guard, type ErrorPath } from "../errors/index.js";
import { readDecimal, type Decimal, type Numeric } from "../numeric/index.js";
import { nonZero, plain } from "./internal.js";

/**
 * The growth of a figure over its previous value (增长率; 同比 year over year, 环比 period over
 * period): `(current − previous) / |previous|`.
 *
 * Dividing by `|previous|` keeps the sign meaningful when the previous value was negative: a
 * loss of 100 turning into a profit of 50 is growth of +1.5, not −1.5. Both values may be
 * negative. The result is exact to the library's precision, not rounded.
 *
 * @category Metrics
 * @param current - this period's value
 * @param previous - the comparison period's value, ≠ 0
 * @returns the growth ratio (0.2 = +20 %; never `-0`)
 * @throws {PayscoreError} `INVALID_NUMBER` for a malformed number; `ZERO_DENOMINATOR` when `previous` is 0
 *
 * @example
 * ```ts
 * growthRate(1_200_000, 1_000_000).toString(); // "0.2"
 * growthRate(900, 1000).toString(); // "-0.1"
 * growthRate(50, -100).toString(); // "1.5"   ((50 − (−100)) / 100)
 * ```
 */
export function growthRate(current: Numeric, previous: Numeric): Decimal {
  return guard(computeGrowthRate, [current, previous]);
}

function computeGrowthRate(current: Numeric, previous: Numeric): Decimal {
  return growthRateOf(readDecimal(current, ["current"]), readDecimal(previous, ["previous"]), []);
}

/**
 * {@link growthRate} on read values.
 *
 * @internal
 * @param current - this period's value
 * @param previous - the previous value
 * @param base - where the values sit in the caller's input
 * @returns the growth ratio
 * @throws {PayscoreError} `ZERO_DENOMINATOR`
 */
export function growthRateOf(current: Decimal, previous: Decimal, base: ErrorPath): Decimal {
  nonZero(previous, base, "previous", "(current - previous) / |previous|");
  return plain(current.minus(previous).div(previous.abs()));
}
