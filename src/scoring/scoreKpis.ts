import { compileScorecard, type KpiScorecard, type KpiSpec, type KpiValue, type ScoreKpisOptions } from "./compileScorecard.js";
import { guard } from "../errors/index.js";

/**
 * Scores a weighted KPI scorecard (KPI 考核得分, 加权综合得分): each KPI's attainment becomes
 * points, points are weighted and summed.
 *
 * - `attainment = attainment(actual, target, { direction, cap, floor })` (达成率; lower is
 *   better reflects: `max(0, 2 − actual / target)`);
 * - `points = curve ? evaluateCurve(curve, attainment · difficulty) : 100 · attainment · difficulty`
 *   (`difficulty` is the KPI's 难度系数, default 1);
 * - `contribution = weight · points`; `score = difficulty_total · Σ contribution`
 *   (`options.difficulty`, default 1, so by default `score = Σ contribution`).
 *
 * Weights are ≥ 0 and sum to 1 within 1e-12 (they are used as given, not rescaled). A KPI is
 * missing when `values` has no own entry for its id or the entry is `undefined` or `null`;
 * `missing` decides: `"error"` (default) throws `INVALID_DATA`; `"zero"` scores it 0
 * (`attainment: null`, points 0) at its weight; `"reweight"` keeps its line with
 * `attainment: null` and weight 0 and rescales the present KPIs' weights to `wᵢ / Σ present w`.
 * Entries of `values` for ids not in `kpis` are ignored. Lines come in the order of `kpis`; sums
 * are taken in the order of the ids, so the score does not depend on the order of `kpis`.
 * To score many people against one scorecard, check it once with {@link compileScorecard}.
 *
 * @category Scoring
 * @param kpis - the KPIs: unique ids, weights ≥ 0 summing to 1 (within 1e-12); extra fields are ignored
 * @param values - each KPI's `{ actual, target }`, keyed by KPI id
 * @param options - `missing` (default `"error"`), `difficulty` (default 1)
 * @returns `{ score, lines, difficulty, baseScore }`; each line `{ id, attainment, difficulty, points, weight, contribution }`
 * @throws {PayscoreError} `INVALID_WEIGHTS` for a negative weight or weights not summing to 1
 *   (the message gives the sum); `EMPTY_INPUT` for no KPIs; `INVALID_DATA` for a missing KPI
 *   under `"error"`, or nothing left to reweight; `INVALID_ARGUMENT` for a repeated id, a bad
 *   option, a bad curve or a negative target; `ZERO_DENOMINATOR` for a target of 0 (unless the KPI
 *   sets `zeroTarget`); `OUT_OF_RANGE` for a difficulty ≤ 0; `INVALID_NUMBER` for a malformed number
 *
 * @example
 * ```ts
 * scoreKpis(
 *   [
 *     { id: "revenue", weight: 0.5, cap: 1.5 },
 *     { id: "collection", weight: 0.3, cap: 1 },
 *     { id: "complaints", weight: 0.2, direction: "lower" },
 *   ],
 *   {
 *     revenue: { actual: 1_150_000, target: 1_000_000 }, // 1.15 → 115 points
 *     collection: { actual: 940_000, target: 1_000_000 }, // 0.94 → 94 points
 *     complaints: { actual: 3, target: 4 }, // 2 − 3/4 = 1.25 → 125 points
 *   },
 * ).score.toString(); // "110.7"  (0.5·115 + 0.3·94 + 0.2·125 = 57.5 + 28.2 + 25)
 * ```
 */
export function scoreKpis(
  kpis: readonly KpiSpec[],
  values: Readonly<Record<string, KpiValue | undefined>>,
  options?: ScoreKpisOptions | undefined,
): KpiScorecard {
  return guard(computeScoreKpis, [kpis, values, options]);
}

function computeScoreKpis(
  kpis: readonly KpiSpec[],
  values: Readonly<Record<string, KpiValue | undefined>>,
  options?: ScoreKpisOptions | undefined,
): KpiScorecard {
  return compileScorecard(kpis, options)(values);
}
