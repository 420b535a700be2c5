import * as z from "zod";
import { PayscoreError, formatPath, guard, type ErrorPath } from "../errors/index.js";
import { Decimal, compareDecimal, differenceDecimal, numericSchema, productDecimal, readDecimal, splitDecimal, sumDecimal, type Digits, type Numeric } from "../numeric/index.js";
import { fault, pathTo, readChoice, readFlag, readList, readRecord, refuseUnknownKeys } from "./internal.js";

/** One point of a {@link Curve}: input `x` (usually an attainment ratio) pays `y`. */
export interface CurvePoint {
  readonly x: Numeric;
  readonly y: Numeric;
}

/**
 * A payout or scoring curve (计分曲线 / 奖金系数曲线): threshold, target and excellence points,
 * linear between them, or tiers with `step: true`.
 *
 * - `points` — at least one, strictly increasing in `x`;
 * - `below` — under the first point: `"clamp"` (default) pays the first `y`, `"zero"` pays 0
 *   (a gate: nothing below the threshold), `"extrapolate"` continues the first segment's line;
 * - `above` — over the last point: `"clamp"` (default) pays the last `y`, `"extrapolate"`
 *   continues the last segment's line;
 * - `step` — `true` for tiers: the `y` of the last point with `x ≤ input`.
 *
 * `"extrapolate"` is refused on a step curve (tiers have no line to continue) and on a curve
 * with a single point (one point has no slope). Unknown keys are refused, so a misspelt option
 * is not silently ignored.
 */
export interface Curve {
  readonly points: readonly CurvePoint[];
  readonly below?: "zero" | "clamp" | "extrapolate" | undefined;
  readonly above?: "clamp" | "extrapolate" | undefined;
  readonly step?: boolean | undefined;
}

/**
 * A {@link Curve} after checking: Decimals, defaults filled in.
 *
 * @internal
 */
export interface CheckedCurve {
  readonly xs: readonly Decimal[];
  readonly ys: readonly Decimal[];
  readonly below: "zero" | "clamp" | "extrapolate";
  readonly above: "clamp" | "extrapolate";
  readonly step: boolean;
  /**
   * Each segment's slope `(yᵢ₊₁ − yᵢ) / (xᵢ₊₁ − xᵢ)` when that quotient is exact (terminates
   * within the library's precision), else `undefined`: then the value is computed multiplying
   * first and dividing last, so the one rounding comes at the end.
   */
  readonly slopes: readonly (Decimal | undefined)[];
}

const CURVE_KEYS = ["points", "below", "above", "step"] as const;
const POINT_KEYS = ["x", "y"] as const;
const BELOW = ["zero", "clamp", "extrapolate"] as const;
const ABOVE = ["clamp", "extrapolate"] as const;
const ZERO = new Decimal(0);
/** Wide enough to hold the product of two 40-digit numbers exactly (to test a slope for exactness). */
const Wide = Decimal.clone({ precision: 100 });

/**
 * Checks a curve once: its shape, its numbers, `x` strictly increasing, and the option rules.
 *
 * @internal
 * @param value - the caller's curve (anything: it is checked)
 * @param path - where it sits (`["curve"]`, `["kpis", 2, "curve"]`)
 * @returns the checked curve
 * @throws {PayscoreError} `INVALID_ARGUMENT`, `EMPTY_INPUT`, `INVALID_NUMBER`
 *
 * @example
 * ```ts
 * const checked = readCurve({ points: [{ x: 0.8, y: 0.5 }, { x: 1, y: 1 }, { x: 1.5, y: 2 }], below: "zero" }, ["curve"]);
 * curveValue(checked, new Decimal("1.1")).toString(); // "1.2"
 * readCurve({ points: [] }, ["kpis", 2, "curve"]); // throws EMPTY_INPUT: kpis[2].curve.points must hold at least one point
 * ```
 */
export function readCurve(value: unknown, path: ErrorPath): CheckedCurve {
  const curve = readRecord(value, path);
  refuseUnknownKeys(curve, path, CURVE_KEYS);
  const points = readList(curve["points"], pathTo(path, "points"));
  if (points.length === 0) throw fault("EMPTY_INPUT", pathTo(path, "points"), "must hold at least one point");
  const xs: Decimal[] = [];
  const ys: Decimal[] = [];
  for (let i = 0; i < points.length; i++) {
    const pointPath = pathTo(path, "points", i);
    const point = readRecord(points[i], pointPath);
    refuseUnknownKeys(point, pointPath, POINT_KEYS);
    const x = readDecimal(point["x"], pathTo(pointPath, "x"));
    const y = readDecimal(point["y"], pathTo(pointPath, "y"));
    const previous = xs[i - 1];
    if (previous !== undefined && !x.gt(previous)) {
      throw fault(
        "INVALID_ARGUMENT",
        pathTo(pointPath, "x"),
        `must be greater than the previous point's x (${previous.toString()}): points must be strictly increasing in x; got ${x.toString()}`,
      );
    }
    xs.push(x);
    ys.push(y);
  }
  const below = readChoice(curve["below"], pathTo(path, "below"), BELOW, "clamp");
  const above = readChoice(curve["above"], pathTo(path, "above"), ABOVE, "clamp");
  const step = readFlag(curve["step"], pathTo(path, "step"), false);
  for (const [key, choice] of [["below", below], ["above", above]] as const) {
    if (choice !== "extrapolate") continue;
    if (step) throw fault("INVALID_ARGUMENT", pathTo(path, key), `is "extrapolate", which a step curve (tiers) cannot do; use "clamp"${key === "below" ? ' or "zero"' : ""}`);
    if (xs.length === 1) throw fault("INVALID_ARGUMENT", pathTo(path, key), `is "extrapolate", which needs at least two points (one point has no slope)`);
  }
  const slopes: (Decimal | undefined)[] = [];
  for (let i = 0; i + 1 < xs.length; i++) slopes.push(exactSlope(xs, ys, i));
  return { xs, ys, below, above, step, slopes };
}

/**
 * A curve's value at `x`, on a checked curve: the arithmetic of {@link evaluateCurve}.
 *
 * @internal
 * @param c - a checked curve
 * @param x - the input
 * @returns the curve's value (never `-0`)
 *
 * @example
 * ```ts
 * const checked = readCurve({ points: [{ x: 0.8, y: 0.5 }, { x: 1, y: 1 }, { x: 1.5, y: 2 }], below: "zero" }, ["curve"]);
 * curveValue(checked, new Decimal("1.1")).toString(); // "1.2"  (1 + (1.1 − 1) · (2 − 1) / (1.5 − 1))
 * curveValue(checked, new Decimal("0.7")).toString(); // "0"  (below the first point: "zero")
 * curveValue(checked, new Decimal("2")).toString(); // "2"  (above the last point: clamped)
 * ```
 */
export function curveValue(c: CheckedCurve, x: Decimal): Decimal {
  const { xs, ys } = c;
  const last = xs.length - 1;
  const first = xs[0] as Decimal;
  if (compareDecimal(x, first) < 0) {
    if (c.below === "zero") return ZERO;
    if (c.below === "clamp") return ys[0] as Decimal;
    return onLine(c, 0, x);
  }
  const end = xs[last] as Decimal;
  const atEnd = compareDecimal(x, end);
  if (atEnd >= 0) {
    if (c.above === "extrapolate" && atEnd > 0) return onLine(c, last - 1, x);
    return ys[last] as Decimal;
  }
  // first ≤ x < end: find i with xs[i] ≤ x < xs[i + 1] (binary search; curves may have many tiers).
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (compareDecimal(xs[mid] as Decimal, x) <= 0) lo = mid;
    else hi = mid;
  }
  // Stryker disable next-line ConditionalExpression: at x = xᵢ the line gives yᵢ + 0 = yᵢ exactly, so skipping the equality test changes nothing
  if (c.step || compareDecimal(x, xs[lo] as Decimal) === 0) return ys[lo] as Decimal;
  return onLine(c, lo, x);
}

/** Segment `i`'s slope when `dy / dx` is exact, else undefined. */
function exactSlope(xs: readonly Decimal[], ys: readonly Decimal[], i: number): Decimal | undefined {
  const dy = (ys[i + 1] as Decimal).minus(ys[i] as Decimal);
  const dx = (xs[i + 1] as Decimal).minus(xs[i] as Decimal);
  const slope = dy.div(dx);
  return new Wide(slope).times(dx).eq(dy) ? slope : undefined;
}

const SLOPE: Digits = { mantissa: 0, exponent: 0 };

/**
 * `y0 + (x − x0) · slope` by the exact word arithmetic of numeric/ (the same Decimals as
 * decimal.js's minus, times and plus) for `x > x0 ≥ 0`, a slope of at most 15 digits and terms
 * of one sign; `undefined` otherwise.
 */
function quickOnLine(x: Decimal, x0: Decimal, y0: Decimal, slope: Decimal): Decimal | undefined {
  const run = differenceDecimal(x, x0);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: productDecimal refuses a negative multiplier itself, and every refusal here falls back to decimal.js, which gives the same Decimal
  if (run === undefined || !splitDecimal(slope, SLOPE) || SLOPE.mantissa < 0) return undefined;
  const rise = productDecimal(run, SLOPE.mantissa, SLOPE.exponent);
  return rise === undefined ? undefined : sumDecimal(y0, rise);
}

/**
 * `yᵢ + (x − xᵢ) · slope` with an exact slope, else `yᵢ + (x − xᵢ) · (yᵢ₊₁ − yᵢ) / (xᵢ₊₁ − xᵢ)`,
 * multiplying first and dividing last.
 */
function onLine(c: CheckedCurve, i: number, x: Decimal): Decimal {
  const x0 = c.xs[i] as Decimal;
  const y0 = c.ys[i] as Decimal;
  const slope = c.slopes[i];
  let result: Decimal;
  if (slope !== undefined) {
    result = quickOnLine(x, x0, y0, slope) ?? y0.plus(x.minus(x0).times(slope));
  } else {
    const dy = (c.ys[i + 1] as Decimal).minus(y0);
    const dx = (c.xs[i + 1] as Decimal).minus(x0);
    result = y0.plus(x.minus(x0).times(dy).div(dx));
  }
  // Stryker disable next-line ConditionalExpression: y₀ is never −0 (readDecimal) and decimal.js adds a zero sum as +0, so the line never gives −0
  return result.isZero() ? ZERO : result;
}

/**
 * The value of a payout or scoring curve at `x` (计分曲线取值): linear interpolation between
 * points, or tiers with `step: true`.
 *
 * - linear, `xᵢ ≤ x ≤ xᵢ₊₁`: `yᵢ + (x − xᵢ) · (yᵢ₊₁ − yᵢ) / (xᵢ₊₁ − xᵢ)`;
 * - step: `yᵢ` of the last point with `xᵢ ≤ x`;
 * - `x < x₀`: `below` — `"clamp"` (default) `y₀`, `"zero"` 0, `"extrapolate"` the first
 *   segment's line; at `x = x₀` exactly the curve pays `y₀` (the gate is open at the threshold);
 * - `x > xₙ`: `above` — `"clamp"` (default) `yₙ`, `"extrapolate"` the last segment's line.
 *
 * Exact Decimal arithmetic (the division is the only rounding, at 40 significant digits). The
 * curve is checked on every call; to evaluate one curve many times, check it once with
 * {@link compileCurve}.
 *
 * @category Scoring
 * @param curve - the curve: points strictly increasing in `x`, at least one
 * @param x - the input, usually an attainment ratio (1 = 100 %)
 * @returns the curve's value at `x`
 * @throws {PayscoreError} `EMPTY_INPUT` for a curve without points; `INVALID_ARGUMENT` for
 *   points not strictly increasing in `x`, an unknown option value or key, or `"extrapolate"` on a
 *   step curve or a one-point curve; `INVALID_NUMBER` for a malformed number in the curve or `x`
 *
 * @example
 * ```ts
 * // threshold 80 % pays 50, target 100 % pays 100, excellence 120 % pays 150; nothing under 80 %
 * const curve = { points: [{ x: 0.8, y: 50 }, { x: 1, y: 100 }, { x: 1.2, y: 150 }], below: "zero" } as const;
 * evaluateCurve(curve, 0.9).toString(); // "75"   (50 + 0.1 · 50 / 0.2)
 * evaluateCurve(curve, 0.79).toString(); // "0"
 * evaluateCurve(curve, 1.5).toString(); // "150"  (clamped)
 * evaluateCurve({ ...curve, step: true }, 1.1).toString(); // "100"
 * ```
 */
export function evaluateCurve(curve: Curve, x: Numeric): Decimal {
  return guard(computeEvaluateCurve, [curve, x]);
}

function computeEvaluateCurve(curve: Curve, x: Numeric): Decimal {
  const checked = readCurve(curve, ["curve"]);
  return curveValue(checked, readDecimal(x, ["x"]));
}

/**
 * The zod schema of a {@link Curve}, for object inputs that hold one (a plan's KPI, a bonus
 * rule). It enforces every rule {@link evaluateCurve} does: at least one point, `x` strictly
 * increasing, no `"extrapolate"` on a step curve or a one-point curve, no unknown keys.
 *
 * @example
 * ```ts
 * curveSchema.safeParse({ points: [{ x: 1, y: 100 }, { x: 1, y: 120 }] }).success; // false
 * curveSchema.parse({ points: [{ x: 0.8, y: 50 }, { x: 1.2, y: 150 }], below: "zero" }); // the curve
 * ```
 */
export const curveSchema = z
  .strictObject({
    points: z.array(z.strictObject({ x: numericSchema, y: numericSchema })).min(1, { message: "a curve needs at least one point" }),
    below: z.enum(BELOW).optional(),
    above: z.enum(ABOVE).optional(),
    step: z.boolean().optional(),
  })
  .superRefine((curve, ctx) => {
    try {
      readCurve(curve, []);
    } catch (error) {
      if (!(error instanceof PayscoreError)) throw error;
      const where = formatPath(error.path);
      const message = error.message.startsWith(`${where} `) ? error.message.slice(where.length + 1) : error.message;
      ctx.addIssue({ code: "custom", path: [...error.path], message });
    }
  });
