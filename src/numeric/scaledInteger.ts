import type { Numeric } from "./decimal.js";

const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * The fast exact gate for bulk paths: a value as a whole number of `10^-scale` steps, as a safe
 * JavaScript integer — or `undefined` whenever that is not certain (more decimals than `scale`,
 * an exponent, a result beyond ±2^53, a Decimal or bigint, anything malformed). Callers fall back
 * to the Decimal path on `undefined`, which also produces the proper error for bad input.
 *
 * Exact by construction: the digits are read from the number's shortest round-trip text (the
 * same text `toDecimal` reads), never from floating-point multiplication, so `0.29` at scale 2
 * is 29, not 28.999999999999996.
 *
 * @internal
 * @param value - a number or decimal string
 * @param scale - decimal places of a step, 0–15
 * @returns the integer number of steps, or `undefined` when the fast path does not apply
 *
 * @example
 * ```ts
 * scaledInteger("1234.5", 2); // 123450
 * scaledInteger(0.29, 2); // 29
 * scaledInteger("0.125", 2); // undefined (three decimals)
 * scaledInteger(-0, 2); // 0
 * ```
 */
export function scaledInteger(value: Numeric | unknown, scale: number): number | undefined {
  if (typeof value === "number") {
    if (Number.isInteger(value)) {
      const scaled = value * (POW10[scale] as number);
      return Number.isSafeInteger(scaled) ? scaled + 0 : undefined;
    }
    if (!Number.isFinite(value)) return undefined;
    return parseScaled(String(value), scale);
  }
  if (typeof value === "string") return parseScaled(value, scale);
  return undefined;
}

function parseScaled(text: string, scale: number): number | undefined {
  const length = text.length;
  if (length === 0 || length > 22) return undefined;
  let i = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 45 /* - */ || first === 43 /* + */) {
    negative = first === 45;
    i = 1;
  }
  let integer = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      integer = integer * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 /* . */ && decimals < 0) {
      decimals = 0;
    } else {
      return undefined; // exponents, separators, signs in the middle: the Decimal path decides
    }
  }
  if (digits === 0) return undefined;
  if (decimals < 0) decimals = 0;
  if (decimals > scale) {
    // Trailing zeros beyond the scale are harmless ("1.500" at scale 2).
    while (decimals > scale && integer % 10 === 0) {
      integer /= 10;
      decimals--;
    }
    if (decimals > scale) return undefined;
  }
  const scaled = integer * (POW10[scale - decimals] as number);
  if (!Number.isSafeInteger(scaled) || digits > 15) return undefined;
  return negative ? -scaled + 0 : scaled;
}
