import { PayscoreError, formatPath, type ErrorPath } from "../errors/index.js";
import { attainment, type AttainmentOptions } from "../metrics/index.js";
import { Decimal, readDecimal, type Numeric } from "../numeric/index.js";
import { curveValue, readCurve, type CheckedCurve, type Curve } from "./curve.js";
import { canonicalOrder, fault, hasOwn, pathTo, readChoice, readList, readName, readOptions, readRecord, readWeight, requireSumOfOne } from "./internal.js";

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

interface CheckedKpi {
  readonly id: string;
  readonly weight: Decimal;
  readonly attainmentOptions: AttainmentOptions;
  readonly curve: CheckedCurve | undefined;
  readonly difficulty: Decimal;
}

const MISSING = ["error", "zero", "reweight"] as const;
const DIRECTIONS = ["higher", "lower"] as const;
const LOWER_FORMULAS = ["reflect", "inverse"] as const;
const ZERO_TARGETS = ["error", "zero", "full"] as const;
const ZERO = new Decimal(0);
const ONE = new Decimal(1);
const HUNDRED = new Decimal(100);
const NO_PATH: ErrorPath = Object.freeze([]);

/**
 * Checks a scorecard once — ids, weights summing to 1, attainment options, curves, difficulty —
 * and returns a function that scores one person's values: {@link scoreKpis} for bulk runs,
 * without checking the KPIs and curves again for every person. Only the values (and a per-call
 * difficulty) are checked per call.
 *
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
  const o = readOptions(options, ["options"]);
  const missing = readChoice(o["missing"], ["options", "missing"], MISSING, "error");
  const totalDifficulty = o["difficulty"] === undefined ? ONE : readDifficulty(o["difficulty"], ["options", "difficulty"]);
  const checked = readKpis(kpis);
  const order = canonicalOrder(checked.map((k) => k.id));
  return (values, callOptions) => {
    const c = readOptions(callOptions, ["options"]);
    const difficulty = c["difficulty"] === undefined ? totalDifficulty : readDifficulty(c["difficulty"], ["options", "difficulty"]);
    return scoreChecked(checked, order, missing, difficulty, values);
  };
}

function readKpis(kpis: unknown): CheckedKpi[] {
  const list = readList(kpis, ["kpis"]);
  if (list.length === 0) throw fault("EMPTY_INPUT", ["kpis"], "must hold at least one KPI");
  const seen = new Set<string>();
  const checked: CheckedKpi[] = [];
  for (let i = 0; i < list.length; i++) {
    const path: ErrorPath = ["kpis", i];
    const kpi = readRecord(list[i], path);
    const id = readName(kpi["id"], pathTo(path, "id"));
    if (seen.has(id)) throw fault("INVALID_ARGUMENT", pathTo(path, "id"), `repeats the id "${id}"; KPI ids must be unique`);
    seen.add(id);
    const weight = readWeight(kpi["weight"], pathTo(path, "weight"));
    const direction = readChoice(kpi["direction"], pathTo(path, "direction"), DIRECTIONS, "higher");
    const lowerFormula = readChoice(kpi["lowerFormula"], pathTo(path, "lowerFormula"), LOWER_FORMULAS, "reflect");
    const zeroTarget = readChoice(kpi["zeroTarget"], pathTo(path, "zeroTarget"), ZERO_TARGETS, "error");
    const cap = kpi["cap"] === undefined ? undefined : readDecimal(kpi["cap"], pathTo(path, "cap"));
    const floor = kpi["floor"] === undefined ? undefined : readDecimal(kpi["floor"], pathTo(path, "floor"));
    if (cap !== undefined && floor !== undefined && floor.gt(cap)) {
      throw fault("INVALID_ARGUMENT", pathTo(path, "floor"), `must not be greater than cap; got floor ${floor.toString()} and cap ${cap.toString()}`);
    }
    const curve = kpi["curve"] === undefined ? undefined : readCurve(kpi["curve"], pathTo(path, "curve"));
    const difficulty = kpi["difficulty"] === undefined ? ONE : readDifficulty(kpi["difficulty"], pathTo(path, "difficulty"));
    checked.push({ id, weight, attainmentOptions: { direction, lowerFormula, zeroTarget, cap, floor }, curve, difficulty });
  }
  let sum = ZERO;
  for (const i of canonicalOrder(checked.map((k) => k.id))) sum = sum.plus((checked[i] as CheckedKpi).weight);
  requireSumOfOne(sum, ["kpis"], "KPI weights");
  return checked;
}

function readDifficulty(value: unknown, path: ErrorPath): Decimal {
  const d = readDecimal(value, path);
  if (!d.gt(0)) throw fault("OUT_OF_RANGE", path, `must be a coefficient greater than 0 (1 = no adjustment); got ${d.toString()}`);
  return d;
}

function scoreChecked(
  kpis: readonly CheckedKpi[],
  order: readonly number[],
  missing: "error" | "zero" | "reweight",
  difficulty: Decimal,
  values: unknown,
): KpiScorecard {
  const table = readRecord(values, ["values"]);
  const attainments: (Decimal | null)[] = kpis.map((kpi) => {
    const entry = hasOwn(table, kpi.id) ? table[kpi.id] : undefined;
    if (entry === undefined || entry === null) {
      if (missing === "error") {
        throw fault("INVALID_DATA", ["values", kpi.id], `is missing: no actual and target for the KPI "${kpi.id}" (set missing to "zero" or "reweight" to score without it)`);
      }
      return null;
    }
    return attainmentOf(kpi, entry);
  });
  let weights = kpis.map((kpi) => kpi.weight);
  if (missing === "reweight") {
    let present = ZERO;
    for (const i of order) if (attainments[i] !== null) present = present.plus(weights[i] as Decimal);
    if (present.isZero()) {
      throw fault(
        "INVALID_DATA",
        ["values"],
        `holds no KPI with a weight above 0, so there is nothing to reweight (missing: ${kpis
          .filter((_, i) => attainments[i] === null)
          .map((k) => `"${k.id}"`)
          .join(", ")})`,
      );
    }
    weights = weights.map((w, i) => (attainments[i] === null || w.isZero() ? ZERO : w.div(present)));
  }
  const lines: KpiLine[] = kpis.map((kpi, i) => {
    const a = attainments[i] ?? null;
    const weight = weights[i] as Decimal;
    const points = a === null ? ZERO : pointsOf(kpi, a);
    return { id: kpi.id, attainment: a, difficulty: kpi.difficulty, points, weight, contribution: nonNegativeZero(weight.times(points)) };
  });
  let baseScore = ZERO;
  for (const i of order) baseScore = baseScore.plus((lines[i] as KpiLine).contribution);
  baseScore = nonNegativeZero(baseScore);
  const score = difficulty.eq(1) ? baseScore : nonNegativeZero(baseScore.times(difficulty));
  return { score, lines, difficulty, baseScore };
}

function attainmentOf(kpi: CheckedKpi, entry: unknown): Decimal {
  const base: ErrorPath = ["values", kpi.id];
  const value = readRecord(entry, base);
  const actual = readValue(value["actual"], kpi.id, "actual");
  const target = readValue(value["target"], kpi.id, "target");
  try {
    return attainment(actual, target, kpi.attainmentOptions);
  } catch (error) {
    if (!(error instanceof PayscoreError)) throw error;
    // attainment names its own arguments (`target`); name them where they sit in `values`.
    const path = [...base, ...error.path];
    const own = formatPath(error.path);
    const message = error.message.startsWith(own) ? formatPath(path) + error.message.slice(own.length) : error.message;
    throw new PayscoreError(error.code, message, { path, cause: error });
  }
}

/** `readDecimal` for `values[id][key]`, building the error path only when the value is bad (the hot path). */
function readValue(value: unknown, id: string, key: string): Decimal {
  try {
    return readDecimal(value, NO_PATH);
  } catch {
    return readDecimal(value, ["values", id, key]); // throws again, now with the path
  }
}

function pointsOf(kpi: CheckedKpi, a: Decimal): Decimal {
  const adjusted = kpi.difficulty.eq(1) ? a : a.times(kpi.difficulty);
  return nonNegativeZero(kpi.curve === undefined ? adjusted.times(HUNDRED) : curveValue(kpi.curve, adjusted));
}

function nonNegativeZero(x: Decimal): Decimal {
  return x.isZero() ? ZERO : x;
}
