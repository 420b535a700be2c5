import { Decimal, readInteger } from "../numeric/index.js";
import { describeValue, guard } from "../errors/index.js";
import { fault, readList, readOptions } from "./internal.js";

/** Options for {@link csat}: the rating scale, whole numbers. */
export interface CsatOptions {
  /** The lowest rating (default 1). */
  readonly min?: number | undefined;
  /** The highest rating (default 5); greater than `min`. */
  readonly max?: number | undefined;
  /** The lowest rating that counts as satisfied (default `max − 1`: 4 and 5 on a 1–5 scale). */
  readonly satisfiedAtLeast?: number | undefined;
}

/** The result of {@link csat}. */
export interface CsatResult {
  /** The share of ratings ≥ `satisfiedAtLeast`, 0–1 (the usual CSAT %, as a ratio). */
  readonly satisfied: Decimal;
  /** The mean rating, on the rating scale. */
  readonly mean: Decimal;
  /** The number of ratings. */
  readonly total: number;
}

const SCALE_LIMIT = 1_000_000;

/**
 * Customer satisfaction (客户满意度, CSAT) from ratings on a whole-number scale (1–5 by default).
 *
 * - `satisfied = count(rating ≥ satisfiedAtLeast) / total` — the CSAT score as a ratio;
 * - `mean = Σ rating / total`.
 *
 * Both are exact to the library's precision, not rounded.
 *
 * @category Metrics
 * @param ratings - whole-number ratings within the scale, at least one
 * @param options - `min` (default 1), `max` (default 5), `satisfiedAtLeast` (default `max − 1`); whole numbers from −1 000 000 to 1 000 000
 * @returns the satisfied share, the mean rating and the number of ratings
 * @throws {PayscoreError} `EMPTY_INPUT` for no ratings; `OUT_OF_RANGE` for a rating outside the scale or not a whole number, or a `satisfiedAtLeast` outside the scale; `INVALID_ARGUMENT` for a scale bound that is not a whole number, `min ≥ max`, or `ratings` that is not an array
 *
 * @example
 * ```ts
 * const result = csat([5, 4, 4, 3, 5, 2, 5, 4]);
 * result.satisfied.toString(); // "0.75"   (6 of 8 rated 4 or 5)
 * result.mean.toString(); // "4"         (32 / 8)
 * csat([9, 10, 6], { min: 0, max: 10, satisfiedAtLeast: 8 }).satisfied.toString(); // "0.6666666666666666666666666666666666666667"
 * ```
 */
export function csat(ratings: readonly number[], options?: CsatOptions | undefined): CsatResult {
  return guard(computeCsat, [ratings, options]);
}

function computeCsat(ratings: readonly number[], options?: CsatOptions | undefined): CsatResult {
  const o = readOptions(options, ["options"]);
  const bounds = { min: -SCALE_LIMIT, max: SCALE_LIMIT };
  const min = o?.["min"] === undefined ? 1 : readInteger(o["min"], ["options", "min"], bounds);
  const max = o?.["max"] === undefined ? 5 : readInteger(o["max"], ["options", "max"], bounds);
  if (min >= max) throw fault("INVALID_ARGUMENT", ["options", "max"], `must be greater than min; got min ${min} and max ${max}`);
  const threshold = o?.["satisfiedAtLeast"] === undefined ? max - 1 : readInteger(o["satisfiedAtLeast"], ["options", "satisfiedAtLeast"], { min, max });
  const list = readList(ratings, ["ratings"]);
  if (list.length === 0) throw fault("EMPTY_INPUT", ["ratings"], "must contain at least one rating");
  let sum = 0; // exact: |rating| ≤ 10^6 and fewer than 2^32 ratings
  let satisfied = 0;
  for (let i = 0; i < list.length; i++) {
    const rating = list[i];
    if (typeof rating !== "number" || !Number.isInteger(rating) || rating < min || rating > max) {
      throw fault("OUT_OF_RANGE", ["ratings", i], `must be a whole number from ${min} to ${max}; got ${describeValue(rating)}`);
    }
    sum += rating;
    if (rating >= threshold) satisfied++;
  }
  const total = list.length;
  return {
    satisfied: satisfied === 0 ? new Decimal(0) : new Decimal(satisfied).div(total),
    mean: sum === 0 ? new Decimal(0) : new Decimal(sum).div(total),
    total,
  };
}
