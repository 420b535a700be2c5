import { guard, type ErrorPath } from "../errors/index.js";
import { readDecimal, type Decimal, type Numeric } from "../numeric/index.js";
import { fault, nonNegative, nonZero, pathTo } from "./internal.js";

/**
 * The share of a market held (市场占有率, 市场份额): `sales / market`.
 *
 * Both are amounts ≥ 0 in the same unit (money or units sold) and the market includes the sales,
 * so `sales > market` is refused as inconsistent data rather than reported as a share above 1.
 * The result is exact to the library's precision, not rounded.
 *
 * @category Metrics
 * @param sales - the sales of the person, team or company, ≥ 0
 * @param market - the size of the whole market, > 0
 * @returns the share, from 0 to 1
 * @throws {PayscoreError} `INVALID_NUMBER` for a malformed number; `INVALID_ARGUMENT` for a negative value; `ZERO_DENOMINATOR` when `market` is 0; `INVALID_DATA` when `sales` exceeds `market`
 *
 * @example
 * ```ts
 * marketShare(2_500_000, 10_000_000).toString(); // "0.25"
 * marketShare(1, 3).toString(); // "0.3333333333333333333333333333333333333333"
 * ```
 */
export function marketShare(sales: Numeric, market: Numeric): Decimal {
  return guard(computeMarketShare, [sales, market]);
}

function computeMarketShare(sales: Numeric, market: Numeric): Decimal {
  return marketShareOf(readDecimal(sales, ["sales"]), readDecimal(market, ["market"]), []);
}

/**
 * {@link marketShare} on read values.
 *
 * @internal
 * @param sales - the sales
 * @param market - the market size
 * @param base - where the values sit in the caller's input
 * @returns the share
 * @throws {PayscoreError} as {@link marketShare}
 */
export function marketShareOf(sales: Decimal, market: Decimal, base: ErrorPath): Decimal {
  nonNegative(sales, base, "sales");
  nonNegative(market, base, "market");
  nonZero(market, base, "market", "sales / market");
  if (sales.gt(market)) {
    throw fault("INVALID_DATA", pathTo(base, "sales"), `(${sales.toString()}) is greater than the market (${market.toString()}) it is part of`);
  }
  return sales.div(market);
}
