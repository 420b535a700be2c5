import { PayscoreError, describeValue, formatPath, guard, type ErrorPath } from "../errors/index.js";
import { Decimal, type DecimalRounding, type Numeric } from "./decimal.js";
import { readDecimal } from "./toDecimal.js";
import { readInteger, MAX_SCALE, MIN_SCALE } from "./readInteger.js";

/**
 * How to round. `half-*` modes round to the nearest step and differ only on exact halves.
 *
 * | mode | direction |
 * |---|---|
 * | `half-even` | nearest; a half goes to the even neighbour (banker's rounding, the default) |
 * | `half-up` | nearest; a half goes away from zero (四舍五入) |
 * | `half-down` | nearest; a half goes toward zero |
 * | `up` | away from zero |
 * | `down` | toward zero (truncate) |
 * | `ceil` | toward +∞ |
 * | `floor` | toward −∞ |
 */
export type RoundingMode = "half-even" | "half-up" | "half-down" | "up" | "down" | "ceil" | "floor";

/** Every rounding mode, in the order of the table above. */
export const ROUNDING_MODES: readonly RoundingMode[] = Object.freeze([
  "half-even",
  "half-up",
  "half-down",
  "up",
  "down",
  "ceil",
  "floor",
]);

const DECIMAL_JS_MODE: Readonly<Record<RoundingMode, DecimalRounding>> = {
  "half-even": Decimal.ROUND_HALF_EVEN,
  "half-up": Decimal.ROUND_HALF_UP,
  "half-down": Decimal.ROUND_HALF_DOWN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
  ceil: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR,
};

/**
 * Rounds a number to `scale` decimal places (a negative scale rounds to tens, hundreds, …).
 *
 * @category Numbers and money
 * @param x - the number to round
 * @param scale - decimal places, a whole number from −6 to 20 (2 for fen/cents, 0 for yuan, −3 for thousands)
 * @param mode - the rounding mode (default `"half-even"`)
 * @returns the rounded value (never `-0`)
 * @throws {PayscoreError} `INVALID_NUMBER` for a bad `x`, `INVALID_ARGUMENT` / `OUT_OF_RANGE` for a bad `scale`, `INVALID_ARGUMENT` for an unknown mode
 *
 * @example
 * ```ts
 * roundTo("2.345", 2).toString(); // "2.34"  (half-even: 4 is even)
 * roundTo("2.345", 2, "half-up").toString(); // "2.35"
 * roundTo("-2.341", 2, "ceil").toString(); // "-2.34"
 * roundTo(1234567, -3).toString(); // "1235000"
 * ```
 */
export function roundTo(x: Numeric, scale: number, mode: RoundingMode = "half-even"): Decimal {
  return guard(computeRoundTo, [x, scale, mode]);
}

function computeRoundTo(x: Numeric, scale: number, mode: RoundingMode = "half-even"): Decimal {
  return roundDecimal(readDecimal(x, ["x"]), readInteger(scale, ["scale"], { min: MIN_SCALE, max: MAX_SCALE }), readRoundingMode(mode, ["mode"]));
}

/**
 * {@link roundTo} for values already validated: the hot path used inside the library.
 *
 * @internal
 * @param x - a Decimal
 * @param scale - a valid scale
 * @param mode - a valid mode
 * @returns the rounded value (never `-0`)
 *
 * @example
 * ```ts
 * roundDecimal(new Decimal("0.125"), 2, "half-even").toString(); // "0.12"
 * ```
 */
export function roundDecimal(x: Decimal, scale: number, mode: RoundingMode): Decimal {
  const rounding = DECIMAL_JS_MODE[mode];
  let result: Decimal;
  if (scale >= 0) {
    result = x.toDecimalPlaces(scale, rounding);
  } else {
    // Shifting by a power of ten is exact, so round at units and shift back.
    const shift = new Decimal(10).pow(-scale);
    result = x.div(shift).toDecimalPlaces(0, rounding).times(shift);
  }
  return result.isZero() ? new Decimal(0) : result;
}

/**
 * Checks a rounding-mode option.
 *
 * @internal
 * @param value - the option's value
 * @param path - where the option sits
 * @returns the mode
 * @throws {PayscoreError} `INVALID_ARGUMENT` naming the allowed modes
 *
 * @example
 * ```ts
 * readRoundingMode("half-up", ["mode"]); // "half-up"
 * ```
 */
export function readRoundingMode(value: unknown, path: ErrorPath): RoundingMode {
  if (typeof value === "string" && (ROUNDING_MODES as readonly string[]).includes(value)) return value as RoundingMode;
  throw new PayscoreError(
    "INVALID_ARGUMENT",
    `${path.length === 0 ? "mode" : formatPath(path)} must be one of ${ROUNDING_MODES.join(", ")}; got ${describeValue(value)}`,
    { path },
  );
}
