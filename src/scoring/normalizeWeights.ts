import { Decimal, type Numeric } from "../numeric/index.js";
import { fault, readList, readWeight } from "./internal.js";
import { guard } from "../errors/index.js";

/**
 * Rescales weights to sum 1 (权重归一化): `wᵢ / Σw`.
 *
 * Each part is the exact ratio when it terminates within the library's 40 significant digits
 * (20/30/50 → 0.2/0.3/0.5); otherwise it is rounded half-even at the 40th digit, so the parts
 * sum to 1 within 1e-39 (well inside the 1e-12 that {@link scoreKpis} and {@link combineScores}
 * allow). Equal weights always get equal parts, and a zero weight gets exactly 0.
 *
 * @category Scoring
 * @param weights - the weights, each ≥ 0, at least one > 0
 * @returns the rescaled weights, in the same order
 * @throws {PayscoreError} `EMPTY_INPUT` for no weights; `INVALID_WEIGHTS` for a negative weight
 *   or all weights 0; `INVALID_ARGUMENT` when `weights` is not an array; `INVALID_NUMBER` for a
 *   malformed number
 *
 * @example
 * ```ts
 * normalizeWeights([20, 30, 50]).map(String); // ["0.2", "0.3", "0.5"]
 * normalizeWeights([1, 3]).map(String); // ["0.25", "0.75"]
 * ```
 */
export function normalizeWeights(weights: readonly Numeric[]): Decimal[] {
  return guard(computeNormalizeWeights, [weights]);
}

function computeNormalizeWeights(weights: readonly Numeric[]): Decimal[] {
  const list = readList(weights, ["weights"]);
  if (list.length === 0) throw fault("EMPTY_INPUT", ["weights"], "must hold at least one weight");
  const read = list.map((w, i) => readWeight(w, ["weights", i]));
  // Sum in ascending order, so the total (hence every part) does not depend on the list's order.
  const total = [...read].sort((a, b) => a.comparedTo(b)).reduce((sum, w) => sum.plus(w), new Decimal(0));
  if (total.isZero()) throw fault("INVALID_WEIGHTS", ["weights"], "are all 0; at least one weight must be greater than 0");
  return read.map((w) => (w.isZero() ? new Decimal(0) : w.div(total)));
}
