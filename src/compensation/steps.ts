import { Decimal, decimalOf, scaledBigInt } from "../numeric/index.js";

/**
 * Whole steps of `10^-scale` in a non-negative Decimal, rounded as asked, or `undefined` when
 * `"exact"` is asked and the value is not a whole number of steps. Exact at any size (no
 * Decimal arithmetic, which would round at 40 digits). Internal to src/compensation/.
 *
 * @internal
 * @param value - a Decimal ≥ 0
 * @param scale - decimal places of a step (may be negative)
 * @param mode - `"exact"`, `"floor"` or `"ceil"`
 * @returns the number of steps
 * @example
 * ```ts
 * toSteps(new Decimal("12.345"), 2, "floor"); // 1234n
 * ```
 */
export function toSteps(value: Decimal, scale: number, mode: "exact" | "floor" | "ceil"): bigint | undefined {
  const places = Math.max(scale, 0);
  const rounding = mode === "ceil" ? Decimal.ROUND_UP : Decimal.ROUND_DOWN;
  const fixed = value.toFixed(places, rounding);
  const units = BigInt(places === 0 ? fixed : fixed.replace(".", ""));
  const exact = value.decimalPlaces() <= places;
  if (scale < 0) {
    // floor(floor(v)/s) = floor(v/s) and ceil(ceil(v)/s) = ceil(v/s) for a whole step s.
    const step = 10n ** BigInt(-scale);
    if (mode === "ceil") return (units + step - 1n) / step;
    if (mode === "exact" && (!exact || units % step !== 0n)) return undefined;
    return units / step;
  }
  if (!exact && mode === "exact") return undefined;
  return units;
}

/**
 * The Decimal for a whole number of steps of `10^-scale`, built from its digits (exact, and
 * much faster than dividing).
 *
 * @internal
 * @param steps - a whole number of steps ≥ 0
 * @param scale - decimal places of a step
 * @returns the amount (never `-0`)
 * @example
 * ```ts
 * fromSteps(1234n, 2).toString(); // "12.34"
 * ```
 */
export function fromSteps(steps: bigint, scale: number): Decimal {
  if (steps === 0n) return new Decimal(0);
  const digits = steps.toString();
  if (scale <= 0) return new Decimal(scale === 0 ? digits : `${digits}e${-scale}`);
  const padded = digits.length > scale ? digits : "0".repeat(scale - digits.length + 1) + digits;
  return new Decimal(`${padded.slice(0, padded.length - scale)}.${padded.slice(padded.length - scale)}`);
}

/**
 * Integer weights with a common scale: each weight times `10^p`, where `p` is the most decimal
 * places any weight has, so ratios between them are exact.
 *
 * @internal
 * @param weights - Decimals ≥ 0
 * @returns the weights as BigInts
 * @example
 * ```ts
 * integerWeights([new Decimal("0.5"), new Decimal(2)]); // [5n, 20n]
 * ```
 */
export function integerWeights(weights: readonly Decimal[]): bigint[] {
  let places = 0;
  for (const w of weights) {
    const dp = w.decimalPlaces();
    if (dp > places) places = dp;
  }
  return weights.map((w) => (w.isZero() ? 0n : (scaledBigInt(w, places) ?? BigInt(places === 0 ? w.toFixed(0) : w.toFixed(places).replace(".", "")))));
}

/**
 * The Decimal for a safe whole number of steps of `10^-scale` — {@link fromSteps} for numbers,
 * several times faster: the digit words are laid out directly in decimal.js's form by the word
 * arithmetic of numeric/ (`decimalOf`), without text or the constructor's copy.
 *
 * @internal
 * @param units - a safe integer ≥ 0
 * @param scale - decimal places of a step, 0–20
 * @returns the amount (never `-0`; equal amounts may be one shared instance)
 * @example
 * ```ts
 * fromUnits(123456, 2).toString(); // "1234.56"
 * ```
 */
export function fromUnits(units: number, scale: number): Decimal {
  return decimalOf(units, -scale) ?? fromSteps(BigInt(units), scale);
}
