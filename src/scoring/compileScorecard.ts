import { Decimal, type Numeric } from "../numeric/index.js";
import { readDifficulty, readKpis, scoreChecked } from "./checkScorecard.js";
import type { Curve } from "./curve.js";
import { readChoice, readOptions } from "./internal.js";
import { guard, guardReadingFunction } from "../errors/index.js";

/**
 * One KPI of a scorecard (考核指标): its weight, how its attainment is measured and how
 * attainment becomes points.
 *
 * Beyond the contract: `lowerFormula` and `zeroTarget` are passed to `attainment`, and
 * `difficulty` (难度系数, default 1) multiplies the KPI's attainment before the curve. Any other
 * field is ignored, so a plan's KPI object (with its data column, label…) can be passed as it is.
 */
export interface KpiSpec {
  /** The KPI's id; `values` is keyed by it. Unique within a scorecard. */
  readonly id: string;
  /** The weight, ≥ 0; the weights of a scorecard sum to 1 (within 1e-12). */
  readonly weight: Numeric;
  /** `"higher"` (default) when more is better, `"lower"` for cost, complaints, days. */
  readonly direction?: "higher" | "lower" | undefined;
  /** The greatest attainment counted (e.g. 1.5). */
  readonly cap?: Numeric | undefined;
  /** The least attainment counted (e.g. 0). Not above `cap`. */
  readonly floor?: Numeric | undefined;
  /** Turns attainment into points; without one, points = 100 · attainment. */
  readonly curve?: Curve | undefined;
  /** Extension: the lower-is-better formula, `"reflect"` (default) or `"inverse"`. */
  readonly lowerFormula?: "reflect" | "inverse" | undefined;
  /** Extension: what a target of 0 scores, `"error"` (default), `"zero"` or `"full"`. */
  readonly zeroTarget?: "error" | "zero" | "full" | undefined;
  /** Extension: a difficulty coefficient > 0 (default 1); points = curve(attainment · difficulty). */
  readonly difficulty?: Numeric | undefined;
}

/** A KPI's actual and target for one person (extra fields are ignored). */
export interface KpiValue {
  readonly actual: Numeric;
  readonly target: Numeric;
}

/** One line of a scorecard's breakdown. */
export interface KpiLine {
  readonly id: string;
  /** `attainment(actual, target, { direction, cap, floor })`, or `null` when the KPI is missing. */
  readonly attainment: Decimal | null;
  /** The KPI's difficulty coefficient (1 when none is set). */
  readonly difficulty: Decimal;
  /** `curve(attainment · difficulty)`, or `100 · attainment · difficulty` without a curve; 0 when missing. */
  readonly points: Decimal;
  /** The weight used: the KPI's weight, rescaled under `missing: "reweight"` (0 for a dropped KPI). */
  readonly weight: Decimal;
  /** `weight · points`. */
  readonly contribution: Decimal;
}

/** A scored scorecard. */
export interface KpiScorecard {
  /** `difficulty · Σ contribution` (just `Σ contribution` without a total difficulty). */
  readonly score: Decimal;
  /** One line per KPI, in the order of `kpis`. */
  readonly lines: KpiLine[];
  /** The total difficulty coefficient applied to the sum (1 when none is set). */
  readonly difficulty: Decimal;
  /** `Σ contribution`, before the total difficulty. */
  readonly baseScore: Decimal;
}

/** Options for {@link scoreKpis} and {@link compileScorecard}. */
export interface ScoreKpisOptions {
  /**
   * A KPI absent from `values` (or given as `undefined` or `null`): `"error"` (default) throws
   * `INVALID_DATA`; `"zero"` scores it 0 at its weight; `"reweight"` gives it weight 0 and
   * rescales the present KPIs' weights to sum 1 (`wᵢ / Σ present w`).
   */
  readonly missing?: "error" | "zero" | "reweight" | undefined;
  /**
   * Extension: a difficulty coefficient > 0 for the whole scorecard (a person's region or
   * market); `score = difficulty · Σ contribution`. Default 1.
   */
  readonly difficulty?: Numeric | undefined;
}

/** Per-call options of a compiled scorecard. */
export interface ScorecardCallOptions {
  /** The total difficulty for this person, overriding the compiled one. */
  readonly difficulty?: Numeric | undefined;
}

/** A checked scorecard, ready to score many people: `values ↦ scorecard`. */
export type Scorecard = (values: Readonly<Record<string, KpiValue | undefined>>, options?: ScorecardCallOptions | undefined) => KpiScorecard;

const MISSING = ["error", "zero", "reweight"] as const;
const ONE = new Decimal(1);

/**
 * Checks a scorecard once — ids, weights summing to 1, attainment options, curves, difficulty —
 * and returns a function that scores one person's values: {@link scoreKpis} for bulk runs,
 * without checking the KPIs and curves again for every person. Only the values (and a per-call
 * difficulty) are checked per call.
 *
 * @category Scoring
 * @param kpis - the KPIs: unique ids, weights ≥ 0 summing to 1 (within 1e-12)
 * @param options - `missing` (default `"error"`), `difficulty` (default 1)
 * @returns `(values, { difficulty }?) ↦ scoreKpis(kpis, values, options)`
 * @throws {PayscoreError} as {@link scoreKpis} for the KPIs and options
 *
 * @example
 * ```ts
 * const score = compileScorecard([
 *   { id: "revenue", weight: 0.6 },
 *   { id: "collection", weight: 0.4, cap: 1 },
 * ]);
 * score({ revenue: { actual: 110, target: 100 }, collection: { actual: 95, target: 100 } }).score.toString(); // "104"
 * ```
 */
export function compileScorecard(kpis: readonly KpiSpec[], options?: ScoreKpisOptions | undefined): Scorecard {
  return guard(computeCompileScorecard, [kpis, options]);
}

function computeCompileScorecard(kpis: readonly KpiSpec[], options?: ScoreKpisOptions | undefined): Scorecard {
  const o = readOptions(options, ["options"]);
  const missing = readChoice(o["missing"], ["options", "missing"], MISSING, "error");
  const totalDifficulty = o["difficulty"] === undefined ? ONE : readDifficulty(o["difficulty"], ["options", "difficulty"]);
  const checked = readKpis(kpis);
  // Called once per person: its input is walked only after a throw (see guardReading).
  return guardReadingFunction((values: Readonly<Record<string, KpiValue | undefined>>, callOptions?: ScorecardCallOptions | undefined) => {
    const c = readOptions(callOptions, ["options"]);
    const difficulty = c["difficulty"] === undefined ? totalDifficulty : readDifficulty(c["difficulty"], ["options", "difficulty"]);
    return scoreChecked(checked, missing, difficulty, values);
  });
}

