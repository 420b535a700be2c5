import type { RoundingMode } from "./roundTo.js";

/**
 * `num / den` rounded to a whole number in the given mode, exactly (BigInt, one rounding): the
 * one place where an exact quotient of integers is rounded, for proration, ramps, draws and
 * credit shares alike.
 *
 * @internal
 * @param num - the numerator, any sign
 * @param den - the denominator, > 0
 * @param mode - the rounding mode
 * @returns the rounded quotient
 *
 * @example
 * ```ts
 * divideRounded(5n, 2n, "half-even"); // 2n
 * divideRounded(-5n, 2n, "half-up"); // -3n
 * divideRounded(7n, 3n, "ceil"); // 3n
 * ```
 */
export function divideRounded(num: bigint, den: bigint, mode: RoundingMode): bigint {
  const q = num / den;
  const r = num - q * den;
  if (r === 0n) return q;
  const away = num < 0n ? q - 1n : q + 1n;
  switch (mode) {
    case "down":
      return q;
    case "up":
      return away;
    case "ceil":
      return num > 0n ? away : q;
    case "floor":
      return num < 0n ? away : q;
    default: {
      const twice = 2n * (r < 0n ? -r : r);
      if (twice > den) return away;
      if (twice < den) return q;
      if (mode === "half-up") return away;
      if (mode === "half-down") return q;
      return q % 2n === 0n ? q : away;
    }
  }
}
