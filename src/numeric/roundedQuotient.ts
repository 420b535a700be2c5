import type { RoundingMode } from "./roundTo.js";

/**
 * `round(p / q, places)` for integers, exactly, as integer units of `10^-places` — the same
 * value `roundDecimal(new Decimal(p).div(q), places, mode)` gives (a 40-digit quotient cannot
 * land on a rounding boundary the exact one misses when `q` is a safe integer), without a
 * Decimal. `undefined` when `p · 10^places` or `q` is not a safe integer, or `q` is 0.
 *
 * @param p - the numerator, a safe integer
 * @param q - the denominator, a safe integer ≠ 0
 * @param places - decimal places, 0 … 15
 * @param mode - the rounding mode
 * @returns the rounded quotient in units, or `undefined` outside the safe domain
 *
 * @example
 * ```ts
 * roundedQuotient(2, 3, 4, "half-even"); // 6667 (0.6667)
 * roundedQuotient(1, 8, 2, "half-even"); // 12 (0.125 → 0.12)
 * roundedQuotient(-1, 8, 2, "half-up"); // -13 (−0.125 → −0.13, half away from zero)
 * ```
 */
export function roundedQuotient(p: number, q: number, places: number, mode: RoundingMode): number | undefined {
  const n = p * 10 ** places;
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(q) || q === 0 || places < 0 || places > 15) return undefined;
  const negative = n < 0 !== q < 0 && n !== 0;
  const a = Math.abs(n);
  const b = Math.abs(q);
  const whole = Math.floor(a / b);
  // Math.floor of a double quotient can be off by one near 2^53: correct it with the exact remainder.
  let quotient = whole;
  let remainder = a - quotient * b;
  while (remainder < 0) {
    quotient -= 1;
    remainder += b;
  }
  while (remainder >= b) {
    quotient += 1;
    remainder -= b;
  }
  if (remainder !== 0) {
    const twice = remainder * 2;
    const half = twice === b ? 0 : twice > b ? 1 : -1;
    let away: boolean;
    switch (mode) {
      case "up":
        away = true;
        break;
      case "down":
        away = false;
        break;
      case "ceil":
        away = !negative;
        break;
      case "floor":
        away = negative;
        break;
      case "half-up":
        away = half >= 0;
        break;
      case "half-down":
        away = half > 0;
        break;
      default:
        away = half > 0 || (half === 0 && quotient % 2 === 1);
    }
    if (away) quotient += 1;
  }
  return negative && quotient !== 0 ? -quotient : quotient;
}
