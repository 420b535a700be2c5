import { PayscoreError, describeValue, formatPath, guard, type ErrorPath } from "../errors/index.js";
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
 * Negative zero becomes zero. Values whose exponent is beyond ±1000 are refused, and so are values
 * with more than 40 significant digits (`PRECISION_EXCEEDED`): they could not be computed with
 * exactly, and payscore never rounds an input silently. A look-alike of a Decimal (an object
 * that only carries decimal.js's tag or prototype) is refused.
 *
 * @category Numbers and money
 * @param value - the number to convert
 * @returns the value as a Decimal
 * @throws {PayscoreError} `INVALID_NUMBER` for NaN, ±Infinity, malformed strings and any other type;
 * `PRECISION_EXCEEDED` for more than 40 significant digits
 *
 * @example
 * ```ts
 * toDecimal(0.1).plus(0.2).toString(); // "0.3"
 * toDecimal("1200000.50").toString(); // "1200000.5"
 * toDecimal(10n ** 20n).toString(); // "100000000000000000000"
 * ```
 */
export function toDecimal(value: Numeric): Decimal {
  return guard(computeToDecimal, [value]);
}

function computeToDecimal(value: Numeric): Decimal {
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
  } else if (typeof value === "object" && value !== null) {
    result = readDecimalObject(value, path);
  } else {
    throw invalidNumber(value, path);
  }
  if (!result.isFinite() || (!result.isZero() && Math.abs(result.e) > MAX_EXPONENT)) throw tooLarge(value, path);
  if (result.sd() > Decimal.precision) throw precisionExceeded(value, result, path);
  return result.isZero() && result.isNegative() ? new Decimal(0) : result;
}

/**
 * Reads a Decimal from any decimal.js (this library's clone, another clone, another copy of
 * decimal.js). Anything that only looks like one — `{ toStringTag: "[object Decimal]" }`, an
 * object made from `Decimal.prototype` with broken digits, a proxy — is refused: its fields are
 * checked (digits a list of integers 0 … 9 999 999, a safe integer exponent, a sign ±1) before
 * any of its methods is trusted.
 */
function readDecimalObject(value: object, path: ErrorPath): Decimal {
  let digits: unknown;
  let exponent: unknown;
  let sign: unknown;
  let own: boolean;
  try {
    if ((value as { toStringTag?: unknown }).toStringTag !== "[object Decimal]") throw invalidNumber(value, path);
    ({ d: digits, e: exponent, s: sign } = value as { d?: unknown; e?: unknown; s?: unknown });
    own = value instanceof Decimal && (value as Decimal).constructor === Decimal;
  } catch (error) {
    throw error instanceof PayscoreError ? error : invalidNumber(value, path);
  }
  // NaN and ±Infinity have no digits (decimal.js keeps `d` null); refused as not finite.
  if (!Array.isArray(digits) || digits.length === 0 || !Number.isSafeInteger(exponent) || (sign !== 1 && sign !== -1)) throw invalidNumber(value, path);
  if (Math.abs(exponent as number) > MAX_EXPONENT + 1) throw tooLarge(value, path);
  for (let i = 0; i < digits.length; i++) {
    const word: unknown = digits[i];
    if (!Number.isInteger(word) || (word as number) < 0 || (word as number) >= 1e7) throw invalidNumber(value, path);
  }
  // This library's own Decimal is taken as it is; any other is re-read from its digits so it
  // carries this library's settings (decimal.js reads precision and rounding from the constructor).
  if (own) return value as Decimal;
  const text = Decimal.prototype.toString.call(Object.assign(Object.create(Decimal.prototype) as Decimal, { d: [...(digits as number[])], e: exponent, s: sign }));
  if (!DECIMAL_LITERAL.test(text)) throw invalidNumber(value, path);
  return new Decimal(text);
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

function tooLarge(value: unknown, path: ErrorPath): PayscoreError {
  return new PayscoreError("INVALID_NUMBER", `${formatPath(path)} is too large or too small to be an amount or a ratio: ${describeValue(value)}`, { path });
}

function precisionExceeded(value: unknown, result: Decimal, path: ErrorPath): PayscoreError {
  const where = path.length === 0 ? "value" : formatPath(path);
  return new PayscoreError(
    "PRECISION_EXCEEDED",
    `${where} has ${result.sd()} significant digits; payscore computes exactly with at most ${Decimal.precision} and will not round an input: ${describeValue(value)}`,
    { path },
  );
}

function invalidNumber(value: unknown, path: ErrorPath): PayscoreError {
  const where = path.length === 0 ? "value" : formatPath(path);
  return new PayscoreError(
    "INVALID_NUMBER",
    `${where} must be a finite number or a plain decimal string such as "1200.50"; got ${describeValue(value)}`,
    { path },
  );
}
