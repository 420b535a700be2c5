// Helpers shared by the files of src/review360/. Not part of the public API: nothing here is
// re-exported from index.ts.
import { fault, pathTo, readRecord, type ErrorPath } from "../errors/index.js";
import { Decimal, readDecimal } from "../numeric/index.js";

// The shape readers live in errors/ (one copy for every domain); re-exported for this folder.
export { pathTo, fault, readRecord, readOptions, readList, readName, hasOwn } from "../errors/index.js";

/**
 * `x` with a negative zero turned into `new Decimal(0)` (decimal.js keeps the sign of zero).
 *
 * @param x - a result
 * @returns `x`, or a fresh positive zero
 */
export function plain(x: Decimal): Decimal {
  return x.isZero() && x.isNegative() ? new Decimal(0) : x;
}

/**
 * Reads a weight: a number ≥ 0.
 *
 * @param value - the caller's weight
 * @param path - where it sits
 * @returns the weight
 * @throws {PayscoreError} `INVALID_NUMBER` for a malformed number, `INVALID_WEIGHTS` for a negative one
 */
export function readWeight(value: unknown, path: ErrorPath): Decimal {
  const weight = readDecimal(value, path);
  if (weight.isNegative()) throw fault("INVALID_WEIGHTS", path, `must not be negative; got ${weight.toString()}`);
  return weight;
}

/** Compares strings by UTF-16 code units (the order sums are taken in). */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A rating scale after checking. */
export interface CheckedScale {
  readonly min: Decimal;
  readonly max: Decimal;
}

/**
 * Reads an optional rating scale `{ min, max }` with `min < max`.
 *
 * @param value - the option's value
 * @param path - where it sits
 * @returns the scale, or undefined
 */
export function readRatingScale(value: unknown, path: ErrorPath): CheckedScale | undefined {
  if (value === undefined) return undefined;
  const scale = readRecord(value, path);
  const min = readDecimal(scale["min"], pathTo(path, "min"));
  const max = readDecimal(scale["max"], pathTo(path, "max"));
  if (!min.lt(max)) throw fault("INVALID_ARGUMENT", pathTo(path, "max"), `must be greater than min (${min.toString()}); got ${max.toString()}`);
  return { min, max };
}

/**
 * Reads a rating's score, checking it against the scale when one is declared.
 *
 * @param value - the score
 * @param path - where it sits
 * @param scale - the declared scale, if any
 * @returns the score
 */
export function readScore(value: unknown, path: ErrorPath, scale: CheckedScale | undefined): Decimal {
  const score = readDecimal(value, path);
  if (scale !== undefined && (score.lt(scale.min) || score.gt(scale.max))) {
    throw fault("OUT_OF_RANGE", path, `must lie on the rating scale from ${scale.min.toString()} to ${scale.max.toString()}; got ${score.toString()}`);
  }
  return score;
}

/**
 * The mean of values summed in the given order.
 *
 * @param values - at least one value
 * @returns `Σ values / n`
 */
export function meanOf(values: readonly Decimal[]): Decimal {
  let sum = new Decimal(0);
  for (const v of values) sum = sum.plus(v);
  return plain(sum.div(values.length));
}
