import { PayscoreError, describeValue, formatPath, type ErrorPath } from "../errors/index.js";

/** Bounds for {@link readInteger}, both inclusive. */
export interface IntegerBounds {
  readonly min?: number | undefined;
  readonly max?: number | undefined;
}

/**
 * Checks that a value is a safe JavaScript integer within bounds (scales, counts, years, months).
 *
 * @internal
 * @param value - the value to check
 * @param path - where the value sits in the caller's input
 * @param bounds - inclusive bounds
 * @returns the integer
 * @throws {PayscoreError} `INVALID_ARGUMENT` when it is not an integer, `OUT_OF_RANGE` when outside bounds
 *
 * @example
 * ```ts
 * readInteger(2, ["options", "scale"], { min: 0 }); // 2
 * ```
 */
export function readInteger(value: unknown, path: ErrorPath, bounds: IntegerBounds = {}): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(path)} must be a whole number; got ${describeValue(value)}`, { path });
  }
  const { min, max } = bounds;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    const range = min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
    throw new PayscoreError("OUT_OF_RANGE", `${formatPath(path)} must be ${range}; got ${describeValue(value)}`, { path });
  }
  return Object.is(value, -0) ? 0 : value;
}

/** The range of decimal places (scales) the library accepts: 10^6 down to 10^-20. */
export const MIN_SCALE = -6;
/** The largest scale: steps of 10^-20. */
export const MAX_SCALE = 20;

/**
 * Reads an optional `scale` option (number of decimal places), defaulting as given.
 *
 * @internal
 * @param value - the option's value, or undefined
 * @param path - where the option sits
 * @param fallback - the default scale (2 for money)
 * @returns the scale
 * @throws {PayscoreError} `INVALID_ARGUMENT` / `OUT_OF_RANGE`
 *
 * @example
 * ```ts
 * readScale(undefined, ["options", "scale"], 2); // 2
 * ```
 */
export function readScale(value: unknown, path: ErrorPath, fallback: number): number {
  if (value === undefined) return fallback;
  return readInteger(value, path, { min: MIN_SCALE, max: MAX_SCALE });
}
