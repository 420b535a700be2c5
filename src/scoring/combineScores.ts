import { Decimal, readDecimal, type Numeric } from "../numeric/index.js";
import { canonicalOrder, fault, pathTo, readList, readName, readRecord, readWeight, requireSumOfOne } from "./internal.js";
import { guard } from "../errors/index.js";

/** One part of a composite score. */
export interface ScorePart {
  /** The part's name (`"kpi"`, `"review360"`); unique. */
  readonly id: string;
  /** The part's score, on the common scale. */
  readonly score: Numeric;
  /** The part's weight, ≥ 0; the weights sum to 1 (within 1e-12). */
  readonly weight: Numeric;
}

/**
 * A composite score from weighted parts (综合得分), such as 70 % KPI scorecard + 30 % 360 review:
 * `Σ weightᵢ · scoreᵢ`.
 *
 * Weights are ≥ 0 and sum to 1 within 1e-12, and are used as given. Scores are not checked
 * against a scale: bring them onto one first with {@link rescale}. The sum is taken in the
 * order of the ids, so the result does not depend on the order of `parts`.
 *
 * @category Scoring
 * @param parts - `{ id, score, weight }`, ids unique, at least one
 * @returns the composite score
 * @throws {PayscoreError} `INVALID_WEIGHTS` for a negative weight or weights not summing to 1
 *   (the message gives the sum); `EMPTY_INPUT` for no parts; `INVALID_ARGUMENT` for a repeated
 *   or empty id or a part that is not an object; `INVALID_NUMBER` for a malformed number
 *
 * @example
 * ```ts
 * combineScores([
 *   { id: "kpi", score: 110.7, weight: 0.7 },
 *   { id: "review360", score: 85, weight: 0.3 },
 * ]).toString(); // "102.99"  (0.7 · 110.7 + 0.3 · 85 = 77.49 + 25.5)
 * ```
 */
export function combineScores(parts: readonly ScorePart[]): Decimal {
  return guard(computeCombineScores, [parts]);
}

function computeCombineScores(parts: readonly ScorePart[]): Decimal {
  const list = readList(parts, ["parts"]);
  if (list.length === 0) throw fault("EMPTY_INPUT", ["parts"], "must hold at least one part");
  const seen = new Set<string>();
  const ids: string[] = [];
  const scores: Decimal[] = [];
  const weights: Decimal[] = [];
  for (let i = 0; i < list.length; i++) {
    const part = readRecord(list[i], ["parts", i]);
    const id = readName(part["id"], ["parts", i, "id"]);
    if (seen.has(id)) throw fault("INVALID_ARGUMENT", pathTo(["parts", i], "id"), `repeats the id "${id}"; part ids must be unique`);
    seen.add(id);
    ids.push(id);
    scores.push(readDecimal(part["score"], ["parts", i, "score"]));
    weights.push(readWeight(part["weight"], ["parts", i, "weight"]));
  }
  const order = canonicalOrder(ids);
  let weightSum = new Decimal(0);
  for (const i of order) weightSum = weightSum.plus(weights[i] as Decimal);
  requireSumOfOne(weightSum, ["parts"], "part weights");
  let total = new Decimal(0);
  for (const i of order) total = total.plus((weights[i] as Decimal).times(scores[i] as Decimal));
  return total.isZero() ? new Decimal(0) : total;
}
