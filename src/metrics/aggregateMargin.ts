import { Decimal, type Numeric } from "../numeric/index.js";
import { fault, nonNegativeField, nonZero, plain, readEntry, readField, readList } from "./internal.js";
import { guard } from "../errors/index.js";

/** One order line for {@link aggregateMargin}. */
export interface MarginLine {
  /** The line's revenue, ≥ 0. */
  readonly revenue: Numeric;
  /** The line's cost, ≥ 0. */
  readonly cost: Numeric;
}

/**
 * The gross margin of many orders together (综合毛利率): `Σ(revenue − cost) / Σrevenue`.
 *
 * This is the revenue-weighted mean of the line margins, so a large order counts for more than a
 * small one (unlike the plain mean of {@link orderMargin}s). Revenue and cost are amounts ≥ 0; a
 * line with revenue 0 (a free sample with a cost) is allowed as long as the total revenue is
 * not 0. The result is exact to the library's precision, not rounded.
 *
 * @category Metrics
 * @param lines - the order lines, at least one
 * @returns the margin (0.3 = 30 %; never `-0`)
 * @throws {PayscoreError} `INVALID_ARGUMENT` when `lines` is not an array of objects or an amount is negative; `INVALID_NUMBER` for a malformed number; `EMPTY_INPUT` for no lines; `ZERO_DENOMINATOR` when the total revenue is 0
 *
 * @example
 * ```ts
 * aggregateMargin([
 *   { revenue: 100_000, cost: 70_000 }, // margin 0.3
 *   { revenue: 300_000, cost: 180_000 }, // margin 0.4
 * ]).toString(); // "0.375"  ((30 000 + 120 000) / 400 000)
 * ```
 */
export function aggregateMargin(lines: readonly MarginLine[]): Decimal {
  return guard(computeAggregateMargin, [lines]);
}

function computeAggregateMargin(lines: readonly MarginLine[]): Decimal {
  const list = readList(lines, ["lines"]);
  if (list.length === 0) throw fault("EMPTY_INPUT", ["lines"], "must contain at least one line");
  let revenue = new Decimal(0);
  let cost = new Decimal(0);
  for (let i = 0; i < list.length; i++) {
    const line = readEntry(list[i], "lines", i);
    revenue = revenue.plus(nonNegativeField(readField(line["revenue"], "lines", i, "revenue"), "lines", i, "revenue"));
    cost = cost.plus(nonNegativeField(readField(line["cost"], "lines", i, "cost"), "lines", i, "cost"));
  }
  nonZero(revenue, [], "lines", "Σ(revenue - cost) / Σrevenue (the total revenue is 0)");
  return plain(revenue.minus(cost).div(revenue));
}
