import { guard, type ErrorPath } from "../errors/index.js";
import { Decimal, readDecimal, type Numeric } from "../numeric/index.js";
import { fault, readRecord } from "./internal.js";

/** A rating scale's ends. */
export interface ScaleRange {
  readonly min: Numeric;
  readonly max: Numeric;
}

/**
 * Maps a value linearly from one rating scale onto another (分制换算), such as a 1–5 section
 * rating onto a 0–100 form scale:
 * `to.min + (value − from.min) · (to.max − to.min) / (from.max − from.min)`.
 *
 * `from.min` must be below `from.max`. `to` may run either way: `{ min: 100, max: 0 }` flips the
 * scale (for a rank where the smallest is best). The ends map exactly onto the ends.
 *
 * @category Scoring
 * @param value - the value on the `from` scale, within `[from.min, from.max]`
 * @param from - the scale the value is on
 * @param to - the scale to map it onto
 * @returns the value on the `to` scale
 * @throws {PayscoreError} `OUT_OF_RANGE` for a value outside `from`; `INVALID_ARGUMENT` when
 *   `from.min` is not below `from.max` or a scale is not an object; `INVALID_NUMBER` for a
 *   malformed number
 *
 * @example
 * ```ts
 * rescale(4, { min: 1, max: 5 }, { min: 0, max: 100 }).toString(); // "75"  (0 + (4 − 1) · 100 / 4)
 * rescale(3.5, { min: 1, max: 5 }, { min: 60, max: 100 }).toString(); // "85"  (60 + 2.5 · 40 / 4)
 * ```
 */
export function rescale(value: Numeric, from: ScaleRange, to: ScaleRange): Decimal {
  return guard(computeRescale, [value, from, to]);
}

function computeRescale(value: Numeric, from: ScaleRange, to: ScaleRange): Decimal {
  const x = readDecimal(value, ["value"]);
  const [fromMin, fromMax] = readRange(from, ["from"]);
  const [toMin, toMax] = readRange(to, ["to"]);
  if (!fromMin.lt(fromMax)) {
    throw fault("INVALID_ARGUMENT", ["from", "max"], `must be greater than from.min (${fromMin.toString()}); got ${fromMax.toString()}`);
  }
  if (x.lt(fromMin) || x.gt(fromMax)) {
    throw fault("OUT_OF_RANGE", ["value"], `must lie on the scale from ${fromMin.toString()} to ${fromMax.toString()}; got ${x.toString()}`);
  }
  if (x.eq(fromMin)) return toMin;
  if (x.eq(fromMax)) return toMax;
  const result = toMin.plus(x.minus(fromMin).times(toMax.minus(toMin)).div(fromMax.minus(fromMin)));
  return result.isZero() ? new Decimal(0) : result;
}

function readRange(value: unknown, path: ErrorPath): [Decimal, Decimal] {
  const range = readRecord(value, path);
  return [readDecimal(range["min"], [...path, "min"]), readDecimal(range["max"], [...path, "max"])];
}
