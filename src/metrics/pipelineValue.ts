import { Decimal, type Numeric } from "../numeric/index.js";
import { fault, nonNegativeField, readEntry, readField, readList } from "./internal.js";
import { guard } from "../errors/index.js";

/** One open opportunity for {@link pipelineValue}. */
export interface Opportunity {
  /** The deal's amount if won, ≥ 0. */
  readonly amount: Numeric;
  /** The chance of winning it, a ratio from 0 to 1 (60 % is `0.6`). */
  readonly probability: Numeric;
}

/** The result of {@link pipelineValue}. */
export interface PipelineValue {
  /** `Σ amount`: the pipeline at face value. */
  readonly total: Decimal;
  /** `Σ amount · probability`: the probability-weighted (expected) pipeline. */
  readonly weighted: Decimal;
}

/**
 * The value of a sales pipeline (销售漏斗金额 / 商机金额): at face value and weighted by each
 * opportunity's chance of closing (加权商机金额).
 *
 * - `total = Σ amount`
 * - `weighted = Σ amount · probability`
 *
 * An empty pipeline is worth 0 (both sums are 0), not an error. Exact, not rounded.
 *
 * @category Metrics
 * @param opportunities - open opportunities (may be empty)
 * @returns the face-value and weighted totals
 * @throws {PayscoreError} `INVALID_ARGUMENT` when `opportunities` is not an array of objects or an amount is negative; `INVALID_NUMBER` for a malformed number; `OUT_OF_RANGE` for a probability outside 0–1
 *
 * @example
 * ```ts
 * const value = pipelineValue([
 *   { amount: 500_000, probability: 0.6 },
 *   { amount: 200_000, probability: 0.25 },
 * ]);
 * value.total.toString(); // "700000"
 * value.weighted.toString(); // "350000"  (300 000 + 50 000)
 * ```
 */
export function pipelineValue(opportunities: readonly Opportunity[]): PipelineValue {
  return guard(computePipelineValue, [opportunities]);
}

function computePipelineValue(opportunities: readonly Opportunity[]): PipelineValue {
  const list = readList(opportunities, ["opportunities"]);
  let total = new Decimal(0);
  let weighted = new Decimal(0);
  for (let i = 0; i < list.length; i++) {
    const opportunity = readEntry(list[i], "opportunities", i);
    const amount = nonNegativeField(readField(opportunity["amount"], "opportunities", i, "amount"), "opportunities", i, "amount");
    const probability = readField(opportunity["probability"], "opportunities", i, "probability");
    if (probability.isNegative() || probability.gt(1)) {
      throw fault("OUT_OF_RANGE", ["opportunities", i, "probability"], `must be from 0 to 1 (write 60 % as 0.6); got ${probability.toString()}`);
    }
    total = total.plus(amount);
    weighted = weighted.plus(amount.times(probability));
  }
  return { total, weighted };
}
