import { PayscoreError, describeValue, formatPath, guard } from "../errors/index.js";
import { Decimal, type Numeric } from "./decimal.js";
import { readDecimal } from "./toDecimal.js";
import { readScale } from "./readInteger.js";
import { apportion } from "./apportion.js";
import { fitsAtScale } from "./exact.js";

/** Options for {@link allocate}. */
export interface AllocateOptions {
  /** Decimal places of one step: 2 (the default) shares in cents/fen, 0 in whole units. */
  readonly scale?: number | undefined;
}

/**
 * Splits `total` in proportion to `weights` so that the parts add up to `total` exactly, in
 * steps of `10^-scale`: largest-remainder (Hamilton) apportionment.
 *
 * Each part is first `floor(total·wᵢ/Σw)` steps; the steps left over go one each to the
 * parts with the largest remainders, ties to the earlier index. So every part differs from its
 * exact share `total·wᵢ/Σw` by less than one step, a zero weight gets exactly 0, and
 * `allocate(−t, w)` is `−allocate(t, w)` part by part.
 *
 * @category Numbers and money
 * @param total - the amount to split; must be a whole number of steps
 * @param weights - one weight per part, each ≥ 0, at least one > 0
 * @param options - `scale`: decimal places of a step (default 2)
 * @returns one part per weight, in the order of `weights`
 * @throws {PayscoreError} `INVALID_ARGUMENT` when `total` is not a multiple of the step or `weights` is not an array; `INVALID_WEIGHTS` for a negative weight or none > 0; `INVALID_NUMBER` for a malformed number; `PRECISION_EXCEEDED` when `total` to `scale` places needs more than 40 digits
 *
 * @example
 * ```ts
 * allocate(100, [1, 1, 1]).map(String); // ["33.34", "33.33", "33.33"]
 * allocate("0.05", [3, 7]).map(String); // ["0.02", "0.03"]  (shares 1.5 and 3.5 fen: equal remainders, the earlier index gets the spare fen)
 * allocate(10, [1, 2], { scale: 0 }).map(String); // ["3", "7"]
 * ```
 */
export function allocate(total: Numeric, weights: readonly Numeric[], options?: AllocateOptions | undefined): Decimal[] {
  return guard(computeAllocate, [total, weights, options]);
}

function computeAllocate(total: Numeric, weights: readonly Numeric[], options?: AllocateOptions | undefined): Decimal[] {
  const scale = readScale(options?.scale, ["options", "scale"], 2);
  const amount = fitsAtScale(readDecimal(total, ["total"]), scale, ["total"]);
  if (!Array.isArray(weights)) {
    throw new PayscoreError("INVALID_ARGUMENT", `weights must be an array; got ${describeValue(weights)}`, { path: ["weights"] });
  }
  const ws = weights.map((w, i) => readDecimal(w, ["weights", i]));
  return allocateDecimal(amount, ws, scale, ["weights"]);
}

/**
 * {@link allocate} on validated Decimals (the internal entry point for other modules).
 *
 * @internal
 * @param total - the amount
 * @param weights - the weights as Decimals
 * @param scale - a valid scale
 * @param weightsPath - where the weights sit in the caller's input, for errors
 * @returns the parts
 * @throws {PayscoreError} `INVALID_ARGUMENT` / `INVALID_WEIGHTS` as {@link allocate}
 *
 * @example
 * ```ts
 * allocateDecimal(new Decimal(1), [new Decimal(1), new Decimal(2)], 2, ["weights"]).map(String); // ["0.33", "0.67"]
 * ```
 */
export function allocateDecimal(
  total: Decimal,
  weights: readonly Decimal[],
  scale: number,
  weightsPath: readonly (string | number)[] = ["weights"],
): Decimal[] {
  const stepsPerUnit = new Decimal(10).pow(scale);
  const stepsDecimal = total.times(stepsPerUnit);
  if (!stepsDecimal.isInteger()) {
    throw new PayscoreError(
      "INVALID_ARGUMENT",
      `total ${total.toString()} is not a whole number of steps of ${new Decimal(10).pow(-scale).toString()}; round it to ${scale} decimal places first`,
      { path: ["total"] },
    );
  }
  let places = 0;
  let positive = false;
  weights.forEach((w, i) => {
    if (w.isNegative() && !w.isZero()) {
      throw new PayscoreError("INVALID_WEIGHTS", `${formatPath([...weightsPath, i])} must not be negative; got ${w.toString()}`, { path: [...weightsPath, i] });
    }
    if (!w.isZero()) positive = true;
    places = Math.max(places, w.decimalPlaces());
  });
  if (!positive) {
    throw new PayscoreError("INVALID_WEIGHTS", `${formatPath(weightsPath)} must contain at least one weight greater than 0`, { path: [...weightsPath] });
  }
  // Scale weights to integers so remainders compare exactly (float fractions misallocate).
  const weightScale = new Decimal(10).pow(places);
  const integerWeights = weights.map((w) => BigInt(w.times(weightScale).toFixed(0)));
  const negative = stepsDecimal.isNegative();
  const units = BigInt(stepsDecimal.abs().toFixed(0));
  const shares = apportion(units, integerWeights);
  return shares.map((share) => {
    if (share === 0n) return new Decimal(0);
    const part = new Decimal(share.toString()).div(stepsPerUnit);
    return negative ? part.negated() : part;
  });
}
