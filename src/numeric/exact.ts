import { PayscoreError, formatPath, type ErrorPath } from "../errors/index.js";
import { Decimal } from "./decimal.js";

/** The library's precision: every exact result must fit in this many significant digits. */
const PRECISION = 40;

/**
 * A clone wide enough for the exact sum or product of two inputs (exponents within ±1000, at
 * most 40 digits each), used only to measure what an exact result needs.
 */
let wide: typeof Decimal | undefined;
function Wide(): typeof Decimal {
  wide ??= Decimal.clone({ precision: 2200 });
  return wide;
}

function exceeded(path: ErrorPath, what: string, digits: number): PayscoreError {
  const where = path.length === 0 ? "the result" : formatPath(path);
  return new PayscoreError(
    "PRECISION_EXCEEDED",
    `${where}: ${what} needs ${digits} significant digits; payscore computes exactly with at most ${PRECISION} and will not round it silently`,
    { path },
  );
}

/** The position of a finite Decimal's lowest digit (10^k) and its highest (10^e). */
function lowest(x: Decimal): number {
  return x.e - x.sd() + 1;
}

/**
 * `a · b`, exactly, or `PRECISION_EXCEEDED` when the exact product has more than 40 significant
 * digits (the library's Decimal would round it).
 *
 * @internal
 * @param a - a factor
 * @param b - a factor
 * @param path - where the product is in the caller's input, for the error
 * @returns the exact product
 * @throws {PayscoreError} `PRECISION_EXCEEDED`
 *
 * @example
 * ```ts
 * exactProduct(new Decimal("1234567.89"), new Decimal("0.05"), ["amount"]).toString(); // "61728.3945"
 * ```
 */
export function exactProduct(a: Decimal, b: Decimal, path: ErrorPath): Decimal {
  if (a.isZero() || b.isZero()) return new Decimal(0);
  if (a.sd() + b.sd() <= PRECISION) return a.times(b);
  const exact = wideProduct(a, b);
  if (exact.sd() > PRECISION) throw exceeded(path, `the product ${a.toString()} × ${b.toString()}`, exact.sd());
  return exact;
}

/** The exact product of two factors whose digits add up to more than 40 (formed in the wide clone, up to 80 digits; a Decimal made from a string is not rounded). */
function wideProduct(a: Decimal, b: Decimal): Decimal {
  return new Decimal(new (Wide())(a.toString()).times(b.toString()).toString());
}

/**
 * `a + b`, exactly, or `PRECISION_EXCEEDED` when the exact sum has more than 40 significant digits.
 *
 * @internal
 * @param a - a term
 * @param b - a term
 * @param path - where the sum is in the caller's input, for the error
 * @returns the exact sum
 * @throws {PayscoreError} `PRECISION_EXCEEDED`
 *
 * @example
 * ```ts
 * exactSum(new Decimal("1e39"), new Decimal("0.5"), ["amount"]); // throws PRECISION_EXCEEDED (41 digits)
 * ```
 */
export function exactSum(a: Decimal, b: Decimal, path: ErrorPath): Decimal {
  if (a.isZero()) return b;
  return exactCombination(a, b, 1, path);
}

/**
 * `a − b`, exactly, or `PRECISION_EXCEEDED` when the exact difference has more than 40
 * significant digits: {@link exactSum} of `a` and `−b`, without making `−b` first.
 *
 * @internal
 * @param a - the term subtracted from
 * @param b - the term subtracted
 * @param path - where the difference is in the caller's input, for the error
 * @returns the exact difference
 * @throws {PayscoreError} `PRECISION_EXCEEDED`
 *
 * @example
 * ```ts
 * exactDifference(new Decimal("250000"), new Decimal("100000.5"), ["tiers", 1]).toString(); // "149999.5"
 * exactDifference(new Decimal("1e39"), new Decimal("0.5"), ["tiers", 1]); // throws PRECISION_EXCEEDED (41 digits)
 * ```
 */
export function exactDifference(a: Decimal, b: Decimal, path: ErrorPath): Decimal {
  if (a.isZero()) return b.negated();
  return exactCombination(a, b, -1, path);
}

/** `a + sign · b` for a non-zero `a`: {@link exactSum} (sign 1) and {@link exactDifference} (sign −1). */
function exactCombination(a: Decimal, b: Decimal, sign: 1 | -1, path: ErrorPath): Decimal {
  if (b.isZero()) return a;
  // The sum's digits lie between the lower of the lowest digits and one above the higher top.
  if (Math.max(a.e, b.e) + 1 - Math.min(lowest(a), lowest(b)) + 1 <= PRECISION) return sign === 1 ? a.plus(b) : a.minus(b);
  const wideA = new (Wide())(a.toString());
  const exact = sign === 1 ? wideA.plus(b.toString()) : wideA.minus(b.toString());
  if (exact.sd() > PRECISION) throw exceeded(path, `the sum ${a.toString()} + ${(sign === 1 ? b : b.negated()).toString()}`, exact.sd());
  return new Decimal(exact.toString());
}

/**
 * Checks that an amount can be carried to `scale` decimal places (the minor unit) within 40
 * significant digits, so that rounding it to the minor unit and allocating it are exact.
 *
 * @internal
 * @param value - the amount
 * @param scale - its decimal places (2 for fen and cents)
 * @param path - where it is in the caller's input
 * @returns the amount
 * @throws {PayscoreError} `PRECISION_EXCEEDED` naming the path
 *
 * @example
 * ```ts
 * fitsAtScale(new Decimal("12345678901234567890123456789012345678901.23"), 2, ["total"]); // throws PRECISION_EXCEEDED
 * ```
 */
export function fitsAtScale(value: Decimal, scale: number, path: ErrorPath): Decimal {
  if (value.isZero()) return value;
  const digits = Math.max(value.e + 1, 1) + Math.max(scale, 0);
  if (digits > PRECISION) throw exceeded(path, `the amount ${value.toString()} to ${scale} decimal places`, digits);
  return value;
}

/**
 * The product `a · b` rounded once, exactly, to `scale` places: the product is formed in full
 * (up to 80 digits) and rounded from there, never first to 40 digits and then again to the
 * minor unit. The rounded amount must fit in 40 significant digits.
 *
 * @internal
 * @param a - a factor (an amount)
 * @param b - a factor (a rate)
 * @param round - rounds a Decimal to the minor unit in the caller's mode
 * @param scale - the minor unit's places
 * @param path - where the amount is in the caller's input
 * @returns the rounded product
 * @throws {PayscoreError} `PRECISION_EXCEEDED` when the rounded amount needs more than 40 digits
 *
 * @example
 * ```ts
 * roundedProduct(new Decimal("100.05"), new Decimal("0.3333"), (x) => roundDecimal(x, 2, "half-up"), 2, ["budget"]).toString(); // "33.35"
 * ```
 */
export function roundedProduct(a: Decimal, b: Decimal, round: (x: Decimal) => Decimal, scale: number, path: ErrorPath): Decimal {
  if (a.isZero() || b.isZero()) return new Decimal(0);
  const full = a.sd() + b.sd() <= PRECISION ? a.times(b) : wideProduct(a, b);
  return fitsAtScale(round(full), scale, path);
}
