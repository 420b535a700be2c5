import { Decimal, MAX_EXPONENT } from "./decimal.js";

// Exact, allocation-free reading of numbers and Decimals as `mantissa × 10^exponent`, for the
// fast paths of grading and compensation. Internal.

/** Scratch output of {@link splitDecimal} and {@link splitNumber}: value = mantissa × 10^exponent. @internal */
export interface Digits {
  /** An integer with |mantissa| < 10^15. */
  mantissa: number;
  exponent: number;
}

const BASE = 1e7; // decimal.js stores digits in words of 7
const MANTISSA_LIMIT = 1e15;

/**
 * Splits one of the library's Decimals into a mantissa of at most 15 significant digits and a
 * power of ten, read from the Decimal's documented digit words (`d`, `e`, `s`) without creating
 * objects. At most 15 significant digits means the value is also exactly the shortest text of
 * the double nearest it.
 *
 * @internal
 * @param value - a Decimal of the library's clone
 * @param out - where the digits go
 * @returns false when the value is not finite, is a foreign Decimal, has more than 15 significant
 *   digits, or lies outside the inputs the library accepts (an exponent past ±{@link MAX_EXPONENT}),
 *   so a caller's quick path never takes a value its checked path would refuse
 * @example
 * ```ts
 * const out = { mantissa: 0, exponent: 0 };
 * splitDecimal(new Decimal("87.50"), out); // true; out = { mantissa: 875, exponent: -1 }
 * ```
 */
export function splitDecimal(value: Decimal, out: Digits): boolean {
  if (!(value instanceof Decimal)) return false;
  const words = value.d as number[] | null;
  if (!words) return false;
  if ((words[0] as number) !== 0 && Math.abs(value.e) > MAX_EXPONENT) return false;
  const length = words.length;
  // Word k is worth BASE^(⌊e/7⌋ − k); the last word's trailing zeros are dropped before the
  // words are joined, so 12.5 (words 12, 5000000) reads as 125 × 10^-1.
  let mantissa = 0;
  for (let k = 0; k < length - 1; k++) {
    // Exact while the true value is a safe integer; past it, rounding keeps it past it.
    mantissa = mantissa * BASE + (words[k] as number);
    if (mantissa > Number.MAX_SAFE_INTEGER) return false;
  }
  let last = words[length - 1] as number;
  let exponent = 7 * (Math.floor(value.e / 7) - (length - 1));
  if (mantissa === 0 && last === 0) {
    out.mantissa = 0;
    out.exponent = 0;
    return true;
  }
  let width = 7;
  while (last !== 0 && last % 10 === 0) {
    last /= 10;
    width--;
    exponent++;
  }
  mantissa = mantissa * (POW10[width] as number) + last;
  if (mantissa >= MANTISSA_LIMIT) return false;
  out.mantissa = value.s < 0 ? -mantissa : mantissa;
  out.exponent = exponent;
  return true;
}

/**
 * Splits a finite number, read as its shortest round-trip text (as `toDecimal` reads it), into
 * a mantissa of at most 15 significant digits and a power of ten.
 *
 * @internal
 * @param value - a number
 * @param out - where the digits go
 * @returns false when the number is not finite, has more than 15 significant digits, or is below 1e-15
 * @example
 * ```ts
 * const out = { mantissa: 0, exponent: 0 };
 * splitNumber(0.29, out); // true; out = { mantissa: 29, exponent: -2 }
 * ```
 */
export function splitNumber(value: number, out: Digits): boolean {
  if (Number.isInteger(value)) {
    if (Math.abs(value) >= MANTISSA_LIMIT) return false;
    out.mantissa = value + 0;
    out.exponent = 0;
    return true;
  }
  if (!Number.isFinite(value)) return false;
  // The fewest decimal places whose integer rounds back to the number. With at most 15
  // significant digits such a decimal is unique, so it is the shortest round-trip text: no
  // String(value) and no parsing. (Math.round finds it: the scaled product is off by far less
  // than a half below 2^52, and the division is correctly rounded.)
  const magnitude = value < 0 ? -value : value;
  for (let places = 1; places <= 15; places++) {
    const scale = POW10[places] as number;
    const scaled = magnitude * scale;
    if (scaled >= MANTISSA_LIMIT) return false;
    const mantissa = Math.round(scaled);
    if (mantissa / scale === magnitude) {
      out.mantissa = value < 0 ? -mantissa : mantissa;
      out.exponent = -places;
      return true;
    }
  }
  return false;
}

const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * `mantissa × 10^(exponent + scale)` as a safe integer, or `undefined` when it is not a whole
 * number or not safe.
 *
 * @internal
 * @param mantissa - from {@link splitDecimal} / {@link splitNumber}
 * @param exponent - likewise
 * @param scale - decimal places of a unit
 * @returns the value in units of `10^-scale`
 * @example
 * ```ts
 * unitsAt(875, -1, 2); // 8750
 * ```
 */
export function unitsAt(mantissa: number, exponent: number, scale: number): number | undefined {
  const shift = exponent + scale;
  if (mantissa === 0) return 0;
  if (shift < 0 || shift > 22) return undefined;
  const units = mantissa * (POW10[shift] as number);
  return Number.isSafeInteger(units) ? units : undefined;
}
