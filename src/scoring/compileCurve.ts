import { readDecimal, type Decimal, type Numeric } from "../numeric/index.js";
import { curveValue, readCurve, type Curve } from "./curve.js";
import { guard } from "../errors/index.js";

/** A checked curve, ready to evaluate many times: `x ↦ value`. */
export type CurveEvaluator = (x: Numeric) => Decimal;

/**
 * Checks a curve once and returns a function that evaluates it, for bulk runs (one curve, a
 * million people): the same values as {@link evaluateCurve} without checking the curve on every
 * call. Only `x` is checked per call.
 *
 * The curve's points are copied while checking, so changing the caller's curve afterwards does
 * not change the evaluator.
 *
 * @category Scoring
 * @param curve - the curve: points strictly increasing in `x`, at least one
 * @returns `x ↦ evaluateCurve(curve, x)`; the evaluator throws `INVALID_NUMBER` for a malformed `x`
 * @throws {PayscoreError} as {@link evaluateCurve} for a bad curve: `EMPTY_INPUT`, `INVALID_ARGUMENT`, `INVALID_NUMBER`
 *
 * @example
 * ```ts
 * const pay = compileCurve({ points: [{ x: 0.8, y: 0.5 }, { x: 1, y: 1 }, { x: 1.5, y: 2 }], below: "zero" });
 * pay(0.9).toString(); // "0.75"
 * pay(1.25).toString(); // "1.5"
 * pay(0.5).toString(); // "0"
 * ```
 */
export function compileCurve(curve: Curve): CurveEvaluator {
  return guard(computeCompileCurve, [curve]);
}

function computeCompileCurve(curve: Curve): CurveEvaluator {
  const checked = readCurve(curve, ["curve"]);
  return (x: Numeric): Decimal => curveValue(checked, readDecimal(x, ["x"]));
}
