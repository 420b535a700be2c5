import { Decimal } from "./decimal.js";
import { divideRounded } from "./divideRounded.js";
import type { RoundingMode } from "./roundTo.js";

/**
 * `round(amount × part / whole)` to `scale` decimal places in `mode`, exactly: the product and
 * the quotient in integers, one rounding (a Decimal division would round at 40 digits first).
 * Used for shares of a period by days: prorated targets and prorated pay.
 *
 * @internal
 * @param amount - the whole amount (a finite Decimal)
 * @param part - the share's numerator, e.g. active days (an integer ≥ 0)
 * @param whole - the denominator, e.g. the period's days (an integer > 0)
 * @param scale - decimal places of the result (negative: tens, hundreds…)
 * @param mode - the rounding mode
 * @returns the rounded share, never `-0`
 *
 * @example
 * ```ts
 * roundedShare(new Decimal("42000"), 31, 90, 2, "half-even").toString(); // "14466.67"
 * roundedShare(new Decimal("100"), 1, 3, 0, "ceil").toString(); // "34"
 * ```
 */
export function roundedShare(amount: Decimal, part: number, whole: number, scale: number, mode: RoundingMode): Decimal {
  const places = Math.max(amount.decimalPlaces(), 0);
  const units = BigInt(amount.toFixed(places).replace(".", "")); // amount = units · 10^-places
  let top = units * BigInt(part);
  let bottom = BigInt(whole) * 10n ** BigInt(places);
  if (scale >= 0) top *= 10n ** BigInt(scale);
  else bottom *= 10n ** BigInt(-scale);
  const quotient = divideRounded(top, bottom, mode);
  return quotient === 0n ? new Decimal(0) : new Decimal(`${quotient}e${-scale}`);
}
