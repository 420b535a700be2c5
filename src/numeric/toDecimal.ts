import { PayscoreError, describeValue, formatPath, type ErrorPath } from "../errors/index.js";
import { Decimal, MAX_EXPONENT, type Numeric } from "./decimal.js";

const DECIMAL_LITERAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Converts any accepted numeric input into the library's {@link Decimal}: the one gate every
 * number passes through.
 *
 * - a `number` must be finite; it is read through its shortest round-trip text, so `0.1` is
 *   exactly 0.1 (not 0.1000000000000000055…);
 * - a `string` must be a plain decimal literal: optional sign, digits, optional fraction,
 *   optional exponent (`"1200000.50"`, `"-3"`, `"1e6"`); no spaces, thousands separators or
 *   currency signs;
 * - a `bigint` is taken as it is; a `Decimal` (from any decimal.js) must be finite.
 *
 * Negative zero becomes zero. Values whose exponent is beyond ±1000 are refused.
 *
 * @param value - the number to convert
 * @returns the value as a Decimal
 * @throws {PayscoreError} `INVALID_NUMBER` for NaN, ±Infinity, malformed strings and any other type
 *
 * @example
 * ```ts
 * toDecimal(0.1).plus(0.2).toString(); // "0.3"
 * toDecimal("1200000.50").toString(); // "1200000.5"
 * toDecimal(10n ** 20n).toString(); // "100000000000000000000"
 * ```
 */
export function toDecimal(value: Numeric): Decimal {
  return readDecimal(value, []);
}

/**
 * {@link toDecimal} with the location of the value in the caller's input, for the error path.
 *
 * @internal
 * @param value - the value to convert (anything: it is checked)
 * @param path - where the value sits in the caller's input
 * @returns the value as a Decimal
 * @throws {PayscoreError} `INVALID_NUMBER` naming the path and the value
 *
 * @example
 * ```ts
 * readDecimal("12,5", ["people", 0, "target"]); // throws: people[0].target must be …
 * ```
 */
export function readDecimal(value: unknown, path: ErrorPath): Decimal {
  let result: Decimal;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw invalidNumber(value, path);
    result = new Decimal(value);
  } else if (typeof value === "string") {
    if (!DECIMAL_LITERAL.test(value)) throw invalidNumber(value, path);
    result = new Decimal(value);
  } else if (typeof value === "bigint") {
    result = new Decimal(value.toString());
  } else if (Decimal.isDecimal(value)) {
    const foreign = value as Decimal;
    if (!foreign.isFinite()) throw invalidNumber(value, path);
    // A Decimal from another decimal.js clone is re-read so it carries this library's settings.
    // (Every clone of one decimal.js shares a prototype, so `instanceof` cannot tell them apart;
    // the constructor can: it is what decimal.js reads precision and rounding from.)
    result = foreign.constructor === Decimal ? foreign : new Decimal(foreign.toString());
  } else {
    throw invalidNumber(value, path);
  }
  if (!result.isFinite() || (!result.isZero() && Math.abs(result.e) > MAX_EXPONENT)) {
    throw new PayscoreError("INVALID_NUMBER", `${formatPath(path)} is too large or too small to be an amount or a ratio: ${describeValue(value)}`, { path });
  }
  return result.isZero() && result.isNegative() ? new Decimal(0) : result;
}

/**
 * Whether a value would pass {@link toDecimal} (without converting it).
 *
 * @internal
 * @param value - anything
 * @returns true when `toDecimal(value)` would succeed
 *
 * @example
 * ```ts
 * isNumeric("1e6"); // true
 * isNumeric("1,000"); // false
 * ```
 */
export function isNumeric(value: unknown): value is Numeric {
  try {
    readDecimal(value, []);
    return true;
  } catch {
    return false;
  }
}

function invalidNumber(value: unknown, path: ErrorPath): PayscoreError {
  const where = path.length === 0 ? "value" : formatPath(path);
  return new PayscoreError(
    "INVALID_NUMBER",
    `${where} must be a finite number or a plain decimal string such as "1200.50"; got ${describeValue(value)}`,
    { path },
  );
}
