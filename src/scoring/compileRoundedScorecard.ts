import { PayscoreError, describeValue, formatPath, guard, guardReadingFunction, type ErrorPath } from "../errors/index.js";
import { Decimal, roundDecimal, type Numeric } from "../numeric/index.js";
import { readDifficulty, readKpis, scoreChecked, type CheckedKpi, type CheckedKpis, type CheckedRounding } from "./checkScorecard.js";
import type { KpiScorecard, KpiSpec } from "./compileScorecard.js";
import type { CheckedCurve } from "./curve.js";
import { fault, hasOwn, readChoice, readOptions, readRecord } from "./internal.js";
import { readRoundingPoints, type ScoreRoundedOptions } from "./scoreRounded.js";
import { MODE_CODE, decimalUnits, divideRounded, fits, rescaleUnits, unitsOf } from "./scaledUnits.js";

/** One column of numbers, one cell per person: an array or a typed array; `undefined`, `null` or `""` is an empty cell. */
export type NumericColumn = ArrayLike<Numeric | null | undefined>;

/** A KPI's input columns. */
export interface KpiColumns {
  readonly actual: NumericColumn;
  readonly target: NumericColumn;
}

/** The input of a bulk run: per KPI id an actual and a target column, all of one length. */
export interface ScorecardColumns {
  readonly kpis: Readonly<Record<string, KpiColumns | undefined>>;
  /** Each person's total difficulty (an empty cell takes the compiled one, default 1). */
  readonly difficulty?: NumericColumn | undefined;
}

/** A KPI's result columns, in integer units (see {@link RoundedScales}). */
export interface RoundedKpiColumns {
  readonly id: string;
  /** 1 when the KPI was scored, 0 when it was missing (then its other cells are 0). */
  readonly present: Uint8Array;
  /** The rounded attainment, in units of 10^-attainmentScale. */
  readonly attainment: Float64Array;
  /** The rounded points, in units of 10^-pointsScale. */
  readonly points: Float64Array;
  /** `weight · points` exactly, in units of 10^-contributionScale. */
  readonly contribution: Float64Array;
}

/** The decimal places of the result columns: a cell `k` means `k · 10^-scale`. */
export interface RoundedScales {
  readonly attainment: number;
  readonly points: number;
  /** The most decimals of any KPI weight, plus `pointsScale`. */
  readonly contribution: number;
  readonly score: number;
}

/** A row scored on the Decimal path, with its result. */
export interface DecimalRow {
  readonly row: number;
  readonly scorecard: KpiScorecard;
}

/** The result of a bulk run, columnar. */
export interface RoundedScores {
  readonly size: number;
  readonly scales: RoundedScales;
  /** The rounded score, in units of 10^-scoreScale. */
  readonly score: Float64Array;
  /** One entry per KPI, in the order of `kpis`. */
  readonly kpis: readonly RoundedKpiColumns[];
  /**
   * The rows whose values left the exact integer domain, in row order, with their results from
   * the Decimal path ({@link scoreRounded}). Their cells in the columns above hold 0: read
   * these rows from here.
   */
  readonly decimalRows: readonly DecimalRow[];
}

/** A compiled bulk scorer: `columns ↦ scores`. */
export type RoundedScorecard = (columns: ScorecardColumns) => RoundedScores;

/** How one KPI is scored with integers; `undefined` in its place sends every row to the Decimal path. */
interface FastKpi {
  readonly id: string;
  /** 0 higher, 1 lower reflect, 2 lower inverse. */
  readonly formula: number;
  /** 0 error, 1 zero, 2 full. */
  readonly zeroTarget: number;
  readonly cap: number;
  readonly floor: number;
  readonly hasCap: boolean;
  /** 10^attainmentScale. */
  readonly attainmentPow: number;
  /** round(1) at the attainment scale. */
  readonly one: number;
  /** The KPI difficulty in units of 10^-difficultyScale. */
  readonly difficulty: number;
  readonly hasDifficulty: boolean;
  /** `pointsScale − (attainmentScale + difficultyScale − 2)`, for points = 100 · a · difficulty. */
  readonly pointsShift: number;
  readonly curve: FastCurve | undefined;
  readonly weight: number;
}

interface FastCurve {
  /** 10^(xScale − attainmentScale − difficultyScale): the adjusted attainment in x units. */
  readonly xMul: number;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  /** The y values rounded to pointsScale. */
  readonly ry: Float64Array;
  /** 0 zero, 1 clamp, 2 extrapolate. */
  readonly below: number;
  readonly extrapolateAbove: boolean;
  readonly step: boolean;
  /** `pointsScale − yScale`. */
  readonly yShift: number;
  /** 10^|yShift|. */
  readonly yPow: number;
}

const MISSING = ["error", "zero", "reweight"] as const;
const ONE = new Decimal(1);
const DIFFICULTY_SCALE = 6;
const DIFFICULTY_ONE = 10 ** DIFFICULTY_SCALE;

/**
 * Checks a scorecard once and returns a bulk scorer for columnar data (批量计分): a million
 * people × 8 KPIs in well under a second, with results identical digit for digit to
 * {@link scoreRounded} — the rounding points `attainmentScale`, `pointsScale`, `scoreScale`
 * and `mode` (defaults 4, 2, 2, `"half-even"`):
 *
 * `a = round(attainment, attainmentScale)` → `points = round(curve(a · difficulty) or 100 · a · difficulty, pointsScale)`
 * → `contribution = weight · points` → `score = round(difficulty_total · Σ contribution, scoreScale)`.
 *
 * Each cell is read as an exact integer count of cents (or of 10^-6 steps) and every step is
 * exact integer arithmetic; a row whose values leave that domain (an exponent, more than 6
 * decimals, magnitudes near 2^53, a Decimal or bigint cell, a missing KPI under `"reweight"`)
 * is scored on the Decimal path instead and listed in `decimalRows`.
 *
 * - Columns: `columns.kpis[id]` holds the KPI's `actual` and `target` columns; every column has
 *   the length of the first KPI's `actual`. A KPI is missing in a row when its actual cell is
 *   empty (`undefined`, `null`, `""`); `missing` then decides as in `scoreKpis`. An empty target
 *   next to an actual is an `INVALID_NUMBER`.
 * - Results: Float64Arrays of integer units, `scales` giving their decimal places (a
 *   contribution's scale is the most decimals of any weight plus `pointsScale`).
 * - Errors: the first bad row throws, with a path `["rows", i, kpiId, "actual"]`
 *   (`["rows", i, kpiId]` for a missing KPI, `["rows", i, "difficulty"]`); bad columns throw
 *   `INVALID_ARGUMENT` with a path `["columns", "kpis", kpiId, "actual"]`.
 *
 * @category Scoring
 * @param kpis - the KPIs, as for `scoreKpis`
 * @param options - as {@link scoreRounded}: `missing`, `difficulty`, `attainmentScale`, `pointsScale`, `scoreScale`, `mode`
 * @returns `columns ↦ { size, scales, score, kpis: [{ id, present, attainment, points, contribution }], decimalRows }`
 * @throws {PayscoreError} as {@link scoreRounded} for the KPIs and options; the scorer throws as
 *   `scoreRounded` for a row's values (with the row paths above) and `INVALID_ARGUMENT` for bad columns
 *
 * @example
 * ```ts
 * const score = compileRoundedScorecard([
 *   { id: "revenue", weight: 0.6 },
 *   { id: "collection", weight: 0.4, cap: 1 },
 * ]);
 * const r = score({
 *   kpis: {
 *     revenue: { actual: [110, "2"], target: [100, "3"] }, // 1.1 → 110 points; 0.6667 → 66.67
 *     collection: { actual: [95, 5], target: [100, 4] }, // 0.95 → 95 points; 1.25 capped → 100
 *   },
 * });
 * r.score; // Float64Array [10400, 8000]: 104.00 (0.6·110 + 0.4·95) and 80.00 (0.6·66.67 + 0.4·100 = 80.002)
 * r.scales; // { attainment: 4, points: 2, contribution: 3, score: 2 }
 * ```
 */
export function compileRoundedScorecard(kpis: readonly KpiSpec[], options?: ScoreRoundedOptions | undefined): RoundedScorecard {
  return guard(computeCompileRoundedScorecard, [kpis, options]);
}

function computeCompileRoundedScorecard(kpis: readonly KpiSpec[], options?: ScoreRoundedOptions | undefined): RoundedScorecard {
  const o = readOptions(options, ["options"]);
  const missing = readChoice(o["missing"], ["options", "missing"], MISSING, "error");
  const totalDifficulty = o["difficulty"] === undefined ? ONE : readDifficulty(o["difficulty"], ["options", "difficulty"]);
  const rounding = readRoundingPoints(o);
  const checked = readKpis(kpis);
  const weightScale = Math.max(...checked.kpis.map((k) => Math.max(0, k.weight.decimalPlaces())));
  const scales: RoundedScales = Object.freeze({
    attainment: rounding.attainmentScale,
    points: rounding.pointsScale,
    contribution: weightScale + rounding.pointsScale,
    score: rounding.scoreScale,
  });
  const plan = fastPlan(checked, rounding, weightScale, totalDifficulty);
  // Its columns are walked only after a throw (see guardReading): the scorer reads every cell it uses.
  return guardReadingFunction((columns: ScorecardColumns) => scoreColumns(checked, missing, totalDifficulty, rounding, scales, plan, columns));
}

interface FastPlan {
  readonly kpis: readonly FastKpi[];
  readonly defaultDifficulty: number;
}

/** The integer form of the scorecard, or undefined when some part of it has no exact integer form. */
function fastPlan(checked: CheckedKpis, r: CheckedRounding, weightScale: number, totalDifficulty: Decimal): FastPlan | undefined {
  if (r.attainmentScale < 0 || r.pointsScale < 0 || r.scoreScale < 0 || r.attainmentScale > 15) return undefined;
  const defaultDifficulty = decimalUnits(totalDifficulty, DIFFICULTY_SCALE);
  // Stryker disable next-line ConditionalExpression: a NaN default difficulty fails the row loop's own fits test, sending every row to the Decimal path
  if (!fits(defaultDifficulty)) return undefined;
  const result: FastKpi[] = [];
  for (const kpi of checked.kpis) {
    const fast = fastKpi(kpi, r, weightScale);
    if (fast === undefined) return undefined;
    result.push(fast);
  }
  return { kpis: result, defaultDifficulty };
}

function fastKpi(kpi: CheckedKpi, r: CheckedRounding, weightScale: number): FastKpi | undefined {
  const S = r.attainmentScale;
  const o = kpi.attainmentOptions;
  const rounded = (d: Decimal | undefined, fallback: number): number => (d === undefined ? fallback : decimalUnits(roundDecimal(d, S, r.mode), S));
  const cap = rounded(o.cap === undefined ? undefined : new Decimal(o.cap), Infinity);
  const floor = rounded(o.floor === undefined ? undefined : new Decimal(o.floor), -Infinity);
  const one = decimalUnits(roundDecimal(ONE, S, r.mode), S);
  const difficultyScale = Math.max(0, kpi.difficulty.decimalPlaces());
  const difficulty = decimalUnits(kpi.difficulty, difficultyScale);
  const weight = decimalUnits(kpi.weight, weightScale);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a cap or floor past 2^52 units never binds (|R| ≤ 2^52), 10^S always fits, and an unfit difficulty or weight fails the row loop's fits tests, sending the row to the Decimal path
  if (Number.isNaN(cap) || Number.isNaN(floor) || !fits(one) || !fits(difficulty) || !fits(weight)) return undefined;
  const adjustedScale = S + difficultyScale;
  let curve: FastCurve | undefined;
  if (kpi.curve !== undefined) {
    curve = fastCurve(kpi.curve, adjustedScale, r);
    if (curve === undefined) return undefined;
  }
  return {
    id: kpi.id,
    formula: o.direction === "higher" ? 0 : o.lowerFormula === "reflect" ? 1 : 2,
    zeroTarget: o.zeroTarget === "error" ? 0 : o.zeroTarget === "zero" ? 1 : 2,
    cap,
    floor,
    // Stryker disable next-line ConditionalExpression: without a cap f.cap is Infinity, which sends the row to the Decimal path just as NaN does
    hasCap: o.cap !== undefined,
    attainmentPow: 10 ** S,
    one,
    difficulty,
    hasDifficulty: !kpi.difficulty.eq(1),
    pointsShift: r.pointsScale - (adjustedScale - 2),
    curve,
    weight,
  };
}

function fastCurve(c: CheckedCurve, adjustedScale: number, r: CheckedRounding): FastCurve | undefined {
  const xScale = Math.max(adjustedScale, ...c.xs.map((x) => x.decimalPlaces()));
  const yScale = Math.max(0, ...c.ys.map((y) => y.decimalPlaces()));
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,ArithmeticOperator: x units that do not fit fail the checks below or curveUnits' fits test, and long y units stay exact integers; both give scoreRounded's results
  if (xScale - adjustedScale > 15 || yScale > 15) return undefined;
  const xs = Float64Array.from(c.xs, (x) => decimalUnits(x, xScale));
  const ys = Float64Array.from(c.ys, (y) => decimalUnits(y, yScale));
  const ry = Float64Array.from(c.ys, (y) => decimalUnits(roundDecimal(y, r.pointsScale, r.mode), r.pointsScale));
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: curve units that do not fit also fail curveUnits' and onLine's own fits tests, which send the row to the Decimal path
  for (let i = 0; i < xs.length; i++) {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: curve units that do not fit also fail curveUnits' and onLine's own fits tests, which send the row to the Decimal path
    if (!fits(xs[i] as number) || !fits(ys[i] as number) || !fits(ry[i] as number)) return undefined;
    // Each segment's y0 · dx must fit too.
    // Stryker disable next-line ConditionalExpression,ArithmeticOperator: onLine tests y₀ · dx + (X − x₀) · dy for fit itself, sending the row to the Decimal path
    if (i > 0 && !fits((ys[i - 1] as number) * ((xs[i] as number) - (xs[i - 1] as number)))) return undefined;
  }
  return {
    xMul: 10 ** (xScale - adjustedScale),
    xs,
    ys,
    ry,
    below: c.below === "zero" ? 0 : c.below === "clamp" ? 1 : 2,
    extrapolateAbove: c.above === "extrapolate",
    step: c.step,
    yShift: r.pointsScale - yScale,
    yPow: 10 ** Math.abs(r.pointsScale - yScale),
  };
}

function scoreColumns(
  checked: CheckedKpis,
  missing: "error" | "zero" | "reweight",
  totalDifficulty: Decimal,
  rounding: CheckedRounding,
  scales: RoundedScales,
  plan: FastPlan | undefined,
  columns: unknown,
): RoundedScores {
  const table = readRecord(columns, ["columns"]);
  const kpiTable = readRecord(table["kpis"], ["columns", "kpis"]);
  const count = checked.kpis.length;
  const actuals: ArrayLike<unknown>[] = [];
  const targets: ArrayLike<unknown>[] = [];
  let size = -1;
  for (const kpi of checked.kpis) {
    const path: ErrorPath = ["columns", "kpis", kpi.id];
    const entry = readRecord(hasOwn(kpiTable, kpi.id) ? kpiTable[kpi.id] : undefined, path);
    const actual = readColumn(entry["actual"], [...path, "actual"], size);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: readColumn has just checked that this column has `size` cells
    if (size < 0) size = actual.length;
    actuals.push(actual);
    targets.push(readColumn(entry["target"], [...path, "target"], size));
  }
  const difficulties = table["difficulty"] === undefined ? undefined : readColumn(table["difficulty"], ["columns", "difficulty"], size);
  const n = size;
  const score = new Float64Array(n);
  const out: RoundedKpiColumns[] = checked.kpis.map((kpi) => ({
    id: kpi.id,
    present: new Uint8Array(n),
    attainment: new Float64Array(n),
    points: new Float64Array(n),
    contribution: new Float64Array(n),
  }));
  const decimalRows: DecimalRow[] = [];
  const mode = MODE_CODE[rounding.mode];
  // Column by column (each KPI's loop sees one column type and one plan: the JIT keeps it
  // monomorphic), summing contributions per row; a row any step cannot do exactly is marked.
  const sums = new Float64Array(n);
  const slow = new Uint8Array(n);
  if (plan === undefined) slow.fill(1);
  else {
    for (let k = 0; k < count; k++) {
      scoreKpiColumn(plan.kpis[k] as FastKpi, actuals[k] as ArrayLike<unknown>, targets[k] as ArrayLike<unknown>, out[k] as RoundedKpiColumns, sums, slow, missing === "zero", mode);
    }
  }
  const scoreShift = scales.score - scales.contribution;
  const defaultDifficulty = plan === undefined ? 0 : plan.defaultDifficulty;
  for (let i = 0; i < n; i++) {
    if (slow[i] === 0) {
      const sum = sums[i] as number;
      let D = defaultDifficulty;
      if (difficulties !== undefined) {
        const cell = difficulties[i];
        if (!(cell === undefined || cell === null || cell === "")) D = unitsOf(cell, DIFFICULTY_SCALE);
      }
      let s = Number.NaN;
      // Stryker disable next-line ConditionalExpression: a fast path: sum · 10^6 rescaled by 6 more places is the same integer, or leaves the integers for the Decimal path
      if (D === DIFFICULTY_ONE) s = rescaleUnits(sum, scoreShift, mode);
      else if (D > 0 && fits(D) && fits(sum * D)) s = rescaleUnits(sum * D, scoreShift - DIFFICULTY_SCALE, mode);
      if (fits(s)) {
        score[i] = s;
        continue;
      }
    }
    decimalRows.push({ row: i, scorecard: decimalRow(checked, missing, totalDifficulty, rounding, actuals, targets, difficulties, i) });
    for (const cols of out) {
      cols.present[i] = 0;
      cols.attainment[i] = 0;
      cols.points[i] = 0;
      cols.contribution[i] = 0;
    }
  }
  return { size: n, scales, score, kpis: out, decimalRows };
}

/**
 * One KPI over every row: writes its columns and adds its contribution to `sums`; marks in `slow`
 * the rows it cannot score exactly with integers (or that hold a missing KPI it may not zero).
 */
function scoreKpiColumn(
  f: FastKpi,
  actual: ArrayLike<unknown>,
  target: ArrayLike<unknown>,
  cols: RoundedKpiColumns,
  sums: Float64Array,
  slow: Uint8Array,
  zeroMissing: boolean,
  mode: number,
): void {
  const n = sums.length;
  const { present, attainment, points, contribution } = cols;
  const curve = f.curve;
  // Stryker disable next-line EqualityOperator: one step past the end reads an undefined cell (missing) and writes past the typed arrays, which JavaScript ignores
  for (let i = 0; i < n; i++) {
    // Stryker disable next-line ConditionalExpression: a row already marked slow has its cells zeroed and is scored on the Decimal path whatever later KPIs write
    if (slow[i] !== 0) continue;
    const a = actual[i];
    if (a === undefined || a === null || a === "") {
      if (!zeroMissing) slow[i] = 1;
      continue; // cells stay 0, present 0
    }
    const t = target[i];
    let A = unitsOf(a, 2);
    let T = unitsOf(t, 2);
    if (A !== A || T !== T) {
      A = unitsOf(a, 6);
      T = unitsOf(t, 6);
    }
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a NaN cell makes attainmentUnits give NaN too
    const R = A === A && T === T ? attainmentUnits(f, A, T, mode) : Number.NaN;
    // Stryker disable next-line ConditionalExpression: without a difficulty its units are 1 (scale 0), and R · 1 = R
    const adjusted = f.hasDifficulty ? R * f.difficulty : R;
    let P = Number.NaN;
    if (fits(adjusted)) P = curve === undefined ? rescaleUnits(adjusted, f.pointsShift, mode) : curveUnits(curve, adjusted * curve.xMul, mode);
    const C = P * f.weight;
    const sum = (sums[i] as number) + C;
    if (!fits(P) || !fits(C) || !fits(sum)) {
      slow[i] = 1;
      continue;
    }
    sums[i] = sum;
    present[i] = 1;
    attainment[i] = R;
    points[i] = P;
    contribution[i] = C + 0;
  }
}

/** The rounded attainment in units of 10^-S, or NaN for the Decimal path (which also throws for bad values). */
function attainmentUnits(f: FastKpi, A: number, T: number, mode: number): number {
  const pow = f.attainmentPow;
  if (T < 0 || (f.formula === 2 && A < 0)) return Number.NaN;
  let R: number;
  if (T === 0) {
    if (f.zeroTarget === 0) return Number.NaN;
    R = f.zeroTarget === 1 ? 0 : f.one;
  } else if (f.formula === 0) {
    const N = A * pow;
    if (!fits(N)) return Number.NaN;
    R = divideRounded(N, T, mode);
  } else if (f.formula === 1) {
    const N = (2 * T - A) * pow;
    if (!fits(N)) return Number.NaN;
    R = divideRounded(N, T, mode);
    // Stryker disable next-line EqualityOperator: at R = 0 the assignment keeps 0
    if (R < 0) R = 0;
  } else if (A === 0) {
    // Stryker disable next-line ConditionalExpression: without a cap f.cap is Infinity, which sends the row to the Decimal path just as NaN does
    return f.hasCap ? f.cap : Number.NaN;
  } else {
    const N = T * pow;
    if (!fits(N)) return Number.NaN;
    R = divideRounded(N, A, mode);
  }
  // round(min(max(x, floor), cap)) = min(max(round x, round floor), round cap): rounding is monotone.
  // Stryker disable next-line EqualityOperator: at equality the floor is the same value
  if (R < f.floor) R = f.floor;
  // Stryker disable next-line EqualityOperator: at equality the cap is the same value
  if (R > f.cap) R = f.cap;
  return R;
}

/** A curve's rounded value at X (in the curve's x units), in units of 10^-pointsScale, or NaN. */
function curveUnits(c: FastCurve, X: number, mode: number): number {
  const { xs, ry } = c;
  const last = xs.length - 1;
  if (!fits(X)) return Number.NaN;
  if (X < (xs[0] as number)) {
    if (c.below === 0) return 0;
    if (c.below === 1) return ry[0] as number;
    return onLine(c, 0, X, mode);
  }
  if (X >= (xs[last] as number)) {
    // Stryker disable next-line EqualityOperator: at the last x the integer line gives round(yₙ) exactly, which is ry[last]
    if (c.extrapolateAbove && X > (xs[last] as number)) return onLine(c, last - 1, X, mode);
    return ry[last] as number;
  }
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] as number) <= X) lo = mid;
    else hi = mid;
  }
  // Stryker disable next-line ConditionalExpression: at X = xᵢ the integer line gives round(yᵢ) exactly, which is ry[i]
  if (c.step || X === xs[lo]) return ry[lo] as number;
  return onLine(c, lo, X, mode);
}

/** `round(y₀ + (X − x₀) · dy / dx)`: numerator `y₀·dx + (X − x₀)·dy` over `dx`, one exact rounding. */
function onLine(c: FastCurve, i: number, X: number, mode: number): number {
  const x0 = c.xs[i] as number;
  const y0 = c.ys[i] as number;
  const dx = (c.xs[i + 1] as number) - x0;
  const dy = (c.ys[i + 1] as number) - y0;
  const part = (X - x0) * dy;
  let N = y0 * dx + part;
  if (!fits(part) || !fits(N)) return Number.NaN;
  let D = dx;
  // Stryker disable next-line EqualityOperator: at yShift 0, yPow is 1 either way
  if (c.yShift >= 0) N *= c.yPow;
  else D *= c.yPow;
  return fits(N) && fits(D) ? divideRounded(N, D, mode) : Number.NaN;
}

/** Scores row `i` on the Decimal path, its errors re-pathed from `values` to the row. */
function decimalRow(
  checked: CheckedKpis,
  missing: "error" | "zero" | "reweight",
  totalDifficulty: Decimal,
  rounding: CheckedRounding,
  actuals: readonly ArrayLike<unknown>[],
  targets: readonly ArrayLike<unknown>[],
  difficulties: ArrayLike<unknown> | undefined,
  i: number,
): KpiScorecard {
  const values: Record<string, { actual: unknown; target: unknown } | undefined> = {};
  checked.kpis.forEach((kpi, k) => {
    const a = (actuals[k] as ArrayLike<unknown>)[i];
    values[kpi.id] = a === undefined || a === null || a === "" ? undefined : { actual: a, target: (targets[k] as ArrayLike<unknown>)[i] };
  });
  const cell = difficulties === undefined ? undefined : difficulties[i];
  const difficulty = cell === undefined || cell === null || cell === "" ? totalDifficulty : readDifficulty(cell, ["rows", i, "difficulty"]);
  try {
    return scoreChecked(checked, missing, difficulty, values, rounding);
  } catch (error) {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: scoreChecked throws only PayscoreErrors, and for rows (the KPIs were checked when compiled) only with paths under "values"
    if (!(error instanceof PayscoreError) || error.path[0] !== "values") throw error;
    const path: ErrorPath = ["rows", i, ...error.path.slice(1)];
    const own = formatPath(error.path);
    const message = error.message.startsWith(own) ? formatPath(path) + error.message.slice(own.length) : error.message;
    throw new PayscoreError(error.code, message, { path, cause: error });
  }
}

/** Checks a column: an array or typed array, of `size` cells when size ≥ 0. */
function readColumn(value: unknown, path: ErrorPath, size: number): ArrayLike<unknown> {
  const isColumn = Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
  if (!isColumn) throw fault("INVALID_ARGUMENT", path, `must be an array or a typed array (one cell per person); got ${describeValue(value)}`);
  const column = value as ArrayLike<unknown>;
  if (size >= 0 && column.length !== size) {
    throw fault("INVALID_ARGUMENT", path, `must have one cell per person (${size}, the length of the first KPI's actual column); got ${column.length}`);
  }
  return column;
}
