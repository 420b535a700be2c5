// Exact scaled-integer arithmetic for the bulk scorer. Internal: nothing here is re-exported
// from index.ts. Every value is a JS number holding an integer; NaN marks "does not fit" (the
// caller then takes the Decimal path), and `fits` is the one test for it.
import { Decimal, scaledInteger, type RoundingMode } from "../numeric/index.js";

/** The largest magnitude an intermediate integer may have: q·d and n + d stay exact below 2^53. */
export const LIMIT = 2 ** 52;

/** 10^0 … 10^22, all exact doubles. */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Rounding modes as small integers for the hot loop. */
export const MODE_CODE: Readonly<Record<RoundingMode, number>> = { "half-even": 0, "half-up": 1, "half-down": 2, up: 3, down: 4, ceil: 5, floor: 6 };

/** Whether `x` is an integer of magnitude ≤ {@link LIMIT} (false for NaN). */
export function fits(x: number): boolean {
  return Math.abs(x) <= LIMIT;
}

/**
 * `n / d` rounded to an integer with `mode`, exactly: the floating-point quotient is corrected
 * with the exact remainder, then the mode decides on `(remainder, d)`.
 *
 * @param n - an integer, |n| ≤ 2^52
 * @param d - an integer, 0 < d ≤ 2^52
 * @param mode - a {@link MODE_CODE}
 * @returns the rounded quotient (never -0)
 */
export function divideRounded(n: number, d: number, mode: number): number {
  let q = Math.floor(n / d);
  let r = n - q * d;
  // For |n| ≤ 2^52 the floor of the rounded quotient is already exact (a non-integer n/d is ≥ 1/d
  // from an integer; the division errs by < 1/d), so this guard only matters past the documented
  // range; it is kept for callers that pass an unchecked sum.
  /* v8 ignore next 8 */
  if (r < 0) {
    q -= 1;
    r += d;
  // Stryker disable next-line BlockStatement: without this step the halves and ceil give the same q + 1, and floor, up and down differ only where r ≥ d came from a rounded n − q·d past 2^53
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  if (r === 0) return q + 0;
  // n / d lies strictly between q and q + 1, on the side of zero given by the sign of n.
  switch (mode) {
    case 0:
    case 1:
    case 2: {
      const twice = 2 * r;
      if (twice > d) return q + 1;
      if (twice < d) return q + 0;
      if (mode === 0) return q % 2 === 0 ? q + 0 : q + 1;
      return (mode === 1) === n > 0 ? q + 1 : q + 0; // half-up: away from zero; half-down: toward zero
    }
    case 3:
      return n > 0 ? q + 1 : q + 0; // up: away from zero
    case 4:
      return n > 0 ? q + 0 : q + 1; // down: toward zero
    case 5:
      return q + 1; // ceil
    default:
      return q + 0; // floor
  }
}

/**
 * An integer count of `10^-from` steps re-expressed in `10^-to` steps, rounded with `mode`
 * when `to < from`.
 *
 * @param x - the integer, |x| ≤ 2^52
 * @param shift - `to − from`
 * @param mode - a {@link MODE_CODE}
 * @returns the integer, or NaN when it does not fit
 */
export function rescaleUnits(x: number, shift: number, mode: number): number {
  if (shift >= 0) return shift < POW10.length ? x * (POW10[shift] as number) + 0 : Number.NaN;
  const d = -shift < POW10.length ? (POW10[-shift] as number) : Number.NaN;
  return d <= LIMIT ? divideRounded(x, d, mode) : x === 0 ? 0 : Number.NaN;
}

/**
 * A number or decimal string as an integer count of `10^-scale` steps, exactly, without
 * allocating for numbers: `k = round(x · 10^scale)` is accepted only when `k / 10^scale` gives
 * back `x`, which for |k| < 2^52 means `k · 10^-scale` is the decimal `x` stands for (the one its
 * shortest round-trip text names, the text the Decimal path reads). Strings go through
 * `scaledInteger`.
 *
 * @param value - a cell
 * @param scale - decimal places, 0–15
 * @returns the integer, or NaN when the value is not such a number (the Decimal path decides)
 */
export function unitsOf(value: unknown, scale: number): number {
  const pow = POW10[scale] as number;
  if (typeof value === "number") {
    if (Number.isInteger(value)) {
      const k = value * pow;
      return Math.abs(k) <= LIMIT ? k + 0 : Number.NaN;
    }
    const k = Math.round(value * pow);
    return Math.abs(k) < LIMIT && k / pow === value ? k + 0 : Number.NaN;
  }
  if (typeof value === "string") {
    const k = scaledInteger(value, scale);
    return k !== undefined && Math.abs(k) <= LIMIT ? k : Number.NaN;
  }
  return Number.NaN;
}

/**
 * A checked Decimal as an integer count of `10^-scale` steps.
 *
 * @param d - the value
 * @param scale - decimal places, ≥ 0
 * @returns the integer, or NaN when `d` has more decimals or does not fit
 */
export function decimalUnits(d: Decimal, scale: number): number {
  const u = d.times(new Decimal(10).pow(scale));
  return u.isInteger() && u.abs().lte(LIMIT) ? u.toNumber() + 0 : Number.NaN;
}
