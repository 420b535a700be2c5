import { guard, type ErrorPath } from "../errors/index.js";
import { readDecimal, type Decimal, type Numeric } from "../numeric/index.js";
import { nonNegative, nonZero } from "./internal.js";

/**
 * The complaint rate (投诉率): complaints per interaction (order, visit, ticket or customer —
 * whatever the plan counts), `complaints / interactions`.
 *
 * Both are counts or amounts ≥ 0; fractions are accepted (e.g. weighted complaints). The rate
 * may exceed 1 when one interaction draws several complaints. It is a lower-is-better figure:
 * score it with `attainment(rate, target, { direction: "lower" })`. The result is exact to the
 * library's precision, not rounded.
 *
 * @category Metrics
 * @param complaints - the number of complaints, ≥ 0
 * @param interactions - the number of interactions, > 0
 * @returns the complaint rate (0.004 = 0.4 %)
 * @throws {PayscoreError} `INVALID_NUMBER` for a malformed number; `INVALID_ARGUMENT` for a negative value; `ZERO_DENOMINATOR` when `interactions` is 0
 *
 * @example
 * ```ts
 * complaintRate(3, 750).toString(); // "0.004"
 * complaintRate(0, 120).toString(); // "0"
 * ```
 */
export function complaintRate(complaints: Numeric, interactions: Numeric): Decimal {
  return guard(computeComplaintRate, [complaints, interactions]);
}

function computeComplaintRate(complaints: Numeric, interactions: Numeric): Decimal {
  return complaintRateOf(readDecimal(complaints, ["complaints"]), readDecimal(interactions, ["interactions"]), []);
}

/**
 * {@link complaintRate} on read values.
 *
 * @internal
 * @param complaints - the complaints
 * @param interactions - the interactions
 * @param base - where the values sit in the caller's input
 * @returns the rate
 * @throws {PayscoreError} as {@link complaintRate}
 */
export function complaintRateOf(complaints: Decimal, interactions: Decimal, base: ErrorPath): Decimal {
  nonNegative(complaints, base, "complaints");
  nonNegative(interactions, base, "interactions");
  nonZero(interactions, base, "interactions", "complaints / interactions");
  return complaints.div(interactions);
}
