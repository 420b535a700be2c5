import { guardReading } from "../errors/index.js";
import { Decimal } from "../numeric/index.js";
import { readDifficulty, readKpis, scoreChecked } from "./checkScorecard.js";
import type { KpiScorecard, KpiSpec, KpiValue, ScoreKpisOptions } from "./compileScorecard.js";
import { readChoice, readOptions } from "./internal.js";

const MISSING = ["error", "zero", "reweight"] as const;
const ONE = new Decimal(1);

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
 *
 * Repeated calls with the same `kpis` array (`people.map((p) => scoreKpis(kpis, p.values))`)
 * reuse the scorecard checked on the first call; it need not be frozen. On every call the array
 * is compared with a snapshot of what the check read — its length, the same KPI, curve and
 * point objects, the value of every field the check reads (`id`, `weight`, `direction`,
 * `lowerFormula`, `zeroTarget`, `cap`, `floor`, `difficulty`, `curve`; a curve's `points`,
 * `below`, `above`, `step`; each point's `x`, `y`) and no unknown key on a curve or point — and
 * any difference (a KPI added, removed or replaced, a weight or a curve point changed in place, a
 * getter returning another value) invalidates it: the list is checked afresh, exactly as on a
 * first call. A Decimal in a field is compared by identity (Decimals are immutable). Other
 * fields of a KPI (labels, data columns) are not read and do not invalidate it. A KPI's lines
 * for plain-number `(actual, target)` pairs seen before are reused too (their Decimals are shared
 * between results; each result has its own line objects). The results are those of a first call,
 * digit for digit. {@link compileScorecard} checks once and reads no snapshot at all.
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
  // Called once per person: the input is walked only after a throw (see guardReading).
  return guardReading(computeScoreKpis, [kpis, values, options]);
}

function computeScoreKpis(
  kpis: readonly KpiSpec[],
  values: Readonly<Record<string, KpiValue | undefined>>,
  options?: ScoreKpisOptions | undefined,
): KpiScorecard {
  const o = readOptions(options, ["options"]);
  const missing = readChoice(o["missing"], ["options", "missing"], MISSING, "error");
  const difficulty = o["difficulty"] === undefined ? ONE : readDifficulty(o["difficulty"], ["options", "difficulty"]);
  return scoreChecked(readKpis(kpis), missing, difficulty, values);
}
