import { guard, type ErrorPath } from "../errors/index.js";
import { readDecimal, type Decimal, type Numeric } from "../numeric/index.js";
import { nonNegative, nonZero } from "./internal.js";

/**
 * The collection rate (回款率): the share of the amount billed that was collected,
 * `collected / billed`.
 *
 * Both are amounts ≥ 0. The rate may exceed 1: collecting old receivables in this period on
 * top of this period's billing is real and is reported as it is. The result is exact to the
 * library's precision, not rounded.
 *
 * @category Metrics
 * @param collected - the cash collected (回款额), ≥ 0
 * @param billed - the amount billed or due (应收/开票额), > 0
 * @returns the collection rate (0.95 = 95 %)
 * @throws {PayscoreError} `INVALID_NUMBER` for a malformed number; `INVALID_ARGUMENT` for a negative amount; `ZERO_DENOMINATOR` when `billed` is 0
 *
 * @example
 * ```ts
 * collectionRate(950_000, 1_000_000).toString(); // "0.95"
 * collectionRate("1100000", "1000000").toString(); // "1.1"
 * ```
 */
export function collectionRate(collected: Numeric, billed: Numeric): Decimal {
  return guard(computeCollectionRate, [collected, billed]);
}

function computeCollectionRate(collected: Numeric, billed: Numeric): Decimal {
  return collectionRateOf(readDecimal(collected, ["collected"]), readDecimal(billed, ["billed"]), []);
}

/**
 * {@link collectionRate} on read values.
 *
 * @internal
 * @param collected - the amount collected
 * @param billed - the amount billed
 * @param base - where the values sit in the caller's input
 * @returns the rate
 * @throws {PayscoreError} as {@link collectionRate}
 */
export function collectionRateOf(collected: Decimal, billed: Decimal, base: ErrorPath): Decimal {
  nonNegative(collected, base, "collected");
  nonNegative(billed, base, "billed");
  nonZero(billed, base, "billed", "collected / billed");
  return collected.div(billed);
}
