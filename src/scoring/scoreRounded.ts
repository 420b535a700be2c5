import { Decimal, readRoundingMode, readScale, type RoundingMode } from "../numeric/index.js";
import { readDifficulty, readKpis, scoreChecked, type CheckedRounding } from "./checkScorecard.js";
import type { KpiScorecard, KpiSpec, KpiValue, ScoreKpisOptions } from "./compileScorecard.js";
import { readChoice, readOptions } from "./internal.js";
import { guardReading } from "../errors/index.js";

/** Where a bulk run rounds: attainment, points and the score, each to its own scale. */
export interface RoundingPoints {
  /** Decimal places of the attainment ratio (default 4: 0.01 %). */
  readonly attainmentScale?: number | undefined;
  /** Decimal places of a KPI's points (default 2). */
  readonly pointsScale?: number | undefined;
  /** Decimal places of the score (default 2). */
  readonly scoreScale?: number | undefined;
  /** The rounding mode at every point (default `"half-even"`). */
  readonly mode?: RoundingMode | undefined;
}

/** Options for {@link scoreRounded} and `compileRoundedScorecard`: {@link ScoreKpisOptions} plus {@link RoundingPoints}. */
export interface ScoreRoundedOptions extends ScoreKpisOptions, RoundingPoints {}

const MISSING = ["error", "zero", "reweight"] as const;
const ONE = new Decimal(1);

/**
 * Scores one person's KPI scorecard rounded at the documented rounding points (四舍六入 by
 * default: banker's rounding) — the reference path of bulk runs, which
 * `compileRoundedScorecard` reproduces digit for digit with exact integers.
 *
 * - `a = round(attainment(actual, target, { direction, lowerFormula, zeroTarget, cap, floor }), attainmentScale)` (达成率);
 * - `points = round(curve ? evaluateCurve(curve, a · difficulty) : 100 · a · difficulty, pointsScale)`;
 * - `contribution = weight · points` (exact); `score = round(difficulty_total · Σ contribution, scoreScale)`.
 *
 * Missing KPIs as in `scoreKpis` (`missing`: `"error"`, `"zero"`, `"reweight"`, where the
 * rescaled weights `wᵢ / Σ present w` are Decimals at 40 significant digits and contributions
 * are not rounded). The lines carry the rounded attainment and points; `baseScore` is the exact
 * `Σ contribution`, `score` the rounded total. Repeated calls with the same `kpis` array reuse
 * its checked scorecard until anything the check reads changes, as for `scoreKpis`.
 *
 * @category Scoring
 * @param kpis - the KPIs, as for `scoreKpis`
 * @param values - each KPI's `{ actual, target }`, keyed by KPI id
 * @param options - `missing` (default `"error"`), `difficulty` (default 1), `attainmentScale`
 *   (default 4), `pointsScale` (default 2), `scoreScale` (default 2), `mode` (default `"half-even"`)
 * @returns `{ score, lines, difficulty, baseScore }` as `scoreKpis`, rounded at the rounding points
 * @throws {PayscoreError} as `scoreKpis`; `INVALID_ARGUMENT` / `OUT_OF_RANGE` for a scale that
 *   is not a whole number from −6 to 20; `INVALID_ARGUMENT` for an unknown mode
 *
 * @example
 * ```ts
 * scoreRounded(
 *   [
 *     { id: "revenue", weight: 0.7, curve: { points: [{ x: 0.8, y: 60 }, { x: 1, y: 100 }], below: "zero" } },
 *     { id: "complaints", weight: 0.3, direction: "lower" },
 *   ],
 *   {
 *     revenue: { actual: 2, target: 3 }, // 0.6666… → 0.6667 → below 0.8 → 0 points
 *     complaints: { actual: 1, target: 3 }, // 2 − 0.3333… = 1.6666… → 1.6667 → 166.67 points
 *   },
 * ).score.toString(); // "50"  (0.7 · 0 + 0.3 · 166.67 = 50.001 → 50.00)
 * ```
 */
export function scoreRounded(
  kpis: readonly KpiSpec[],
  values: Readonly<Record<string, KpiValue | undefined>>,
  options?: ScoreRoundedOptions | undefined,
): KpiScorecard {
  // Called once per person: the input is walked only after a throw (see guardReading).
  return guardReading(computeScoreRounded, [kpis, values, options]);
}

function computeScoreRounded(
  kpis: readonly KpiSpec[],
  values: Readonly<Record<string, KpiValue | undefined>>,
  options?: ScoreRoundedOptions | undefined,
): KpiScorecard {
  const o = readOptions(options, ["options"]);
  const missing = readChoice(o["missing"], ["options", "missing"], MISSING, "error");
  const difficulty = o["difficulty"] === undefined ? ONE : readDifficulty(o["difficulty"], ["options", "difficulty"]);
  const rounding = readRoundingPoints(o);
  return scoreChecked(readKpis(kpis), missing, difficulty, values, rounding);
}

/**
 * Reads the {@link RoundingPoints} of an options object.
 *
 * @internal
 * @param o - the checked options record
 * @returns the rounding points with defaults filled in
 * @throws {PayscoreError} `INVALID_ARGUMENT`, `OUT_OF_RANGE`
 *
 * @example
 * ```ts
 * readRoundingPoints({}); // { attainmentScale: 4, pointsScale: 2, scoreScale: 2, mode: "half-even" }
 * readRoundingPoints({ scoreScale: 1, mode: "half-up" }); // { attainmentScale: 4, pointsScale: 2, scoreScale: 1, mode: "half-up" }
 * ```
 */
export function readRoundingPoints(o: Readonly<Record<string, unknown>>): CheckedRounding {
  return {
    attainmentScale: readScale(o["attainmentScale"], ["options", "attainmentScale"], 4),
    pointsScale: readScale(o["pointsScale"], ["options", "pointsScale"], 2),
    scoreScale: readScale(o["scoreScale"], ["options", "scoreScale"], 2),
    mode: o["mode"] === undefined ? "half-even" : readRoundingMode(o["mode"], ["options", "mode"]),
  };
}
