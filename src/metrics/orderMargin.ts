import { guard, type ErrorPath } from "../errors/index.js";
import { readDecimal, type Decimal, type Numeric } from "../numeric/index.js";
import { nonNegative, nonZero, plain } from "./internal.js";

/**
 * The gross margin of an order (毛利率): `(revenue − cost) / revenue`.
 *
 * Revenue and cost are amounts ≥ 0 (net returns and rebates into them first; a negative revenue
 * would flip the sign of the margin). The margin is negative when the order was sold below
 * cost, and at most 1. The result is exact to the library's precision, not rounded.
 *
 * @category Metrics
 * @param revenue - the order's revenue, > 0
 * @param cost - its cost, ≥ 0
 * @returns the margin (0.3 = 30 %; never `-0`)
 * @throws {PayscoreError} `INVALID_NUMBER` for a malformed number; `INVALID_ARGUMENT` for a negative amount; `ZERO_DENOMINATOR` when `revenue` is 0
 *
 * @example
 * ```ts
 * orderMargin(100_000, 70_000).toString(); // "0.3"
 * orderMargin(100, 120).toString(); // "-0.2"
 * ```
 */
export function orderMargin(revenue: Numeric, cost: Numeric): Decimal {
  return guard(computeOrderMargin, [revenue, cost]);
}

function computeOrderMargin(revenue: Numeric, cost: Numeric): Decimal {
  return orderMarginOf(readDecimal(revenue, ["revenue"]), readDecimal(cost, ["cost"]), []);
}

/**
 * {@link orderMargin} on read values.
 *
 * @internal
 * @param revenue - the revenue
 * @param cost - the cost
 * @param base - where the values sit in the caller's input
 * @returns the margin
 * @throws {PayscoreError} as {@link orderMargin}
 */
export function orderMarginOf(revenue: Decimal, cost: Decimal, base: ErrorPath): Decimal {
  nonNegative(revenue, base, "revenue");
  nonNegative(cost, base, "cost");
  nonZero(revenue, base, "revenue", "(revenue - cost) / revenue");
  return plain(revenue.minus(cost).div(revenue));
}
