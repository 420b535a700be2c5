import * as z from "zod";
import { PayscoreError, parseWith, guard } from "../errors/index.js";
import { readDecimal, readRoundingMode, readScale, roundDecimal, type Decimal, type Numeric, type RoundingMode } from "../numeric/index.js";
import { evaluateCurve, type Curve } from "../scoring/index.js";

/** Options for {@link targetIncentive}. */
export interface TargetIncentiveOptions {
  /** Decimal places of the result (default 2). */
  readonly scale?: number | undefined;
  /** How to round (default `"half-even"`). */
  readonly rounding?: RoundingMode | undefined;
}

const optionsSchema = z.object({ scale: z.unknown().optional(), rounding: z.unknown().optional() }).optional();

/**
 * A target incentive (目标奖金 × 达成系数): the target amount times the payout rate the curve
 * gives for the attainment.
 *
 * `incentive = round(targetAmount · curve(attainment), scale)`, half-even by default.
 *
 * @category Compensation
 * @param targetAmount - the incentive at 100 % (目标奖金), ≥ 0
 * @param attainment - the attainment ratio (1 = 100 %)
 * @param curve - the payout curve (attainment → payout rate), see `evaluateCurve`
 * @param options - `scale` (default 2), `rounding` (default `"half-even"`)
 * @returns the incentive, rounded
 * @throws {PayscoreError} `INVALID_NUMBER` for a malformed number; `INVALID_ARGUMENT` for a negative target amount, a bad curve or a bad rounding mode; `EMPTY_INPUT` for a curve without points; `OUT_OF_RANGE` for a bad scale
 *
 * @example
 * ```ts
 * const curve = { points: [{ x: 0.8, y: 0.5 }, { x: 1, y: 1 }, { x: 1.5, y: 2 }], below: "zero" as const };
 * targetIncentive(20000, 1.1, curve).toString(); // "24000"  (curve(1.1) = 1.2; 20000 · 1.2)
 * targetIncentive(20000, 0.7, curve).toString(); // "0"  (below the 80 % gate)
 * targetIncentive("12345.67", 0.85, curve).toString(); // "7716.04"  (curve(0.85) = 0.625; 7716.04375 → 7716.04)
 * ```
 */
export function targetIncentive(targetAmount: Numeric, attainment: Numeric, curve: Curve, options?: TargetIncentiveOptions | undefined): Decimal {
  return guard(computeTargetIncentive, [targetAmount, attainment, curve, options]);
}

function computeTargetIncentive(targetAmount: Numeric, attainment: Numeric, curve: Curve, options?: TargetIncentiveOptions | undefined): Decimal {
  const amount = readDecimal(targetAmount, ["targetAmount"]);
  if (amount.isNegative()) {
    throw new PayscoreError("INVALID_ARGUMENT", `targetAmount must not be negative; got ${amount.toString()}`, { path: ["targetAmount"] });
  }
  const ratio = readDecimal(attainment, ["attainment"]);
  const parsed = parseWith(optionsSchema, options, "INVALID_ARGUMENT", ["options"]);
  const scale = readScale(parsed?.scale, ["options", "scale"], 2);
  const rounding = parsed?.rounding === undefined ? "half-even" : readRoundingMode(parsed.rounding, ["options", "rounding"]);
  return roundDecimal(amount.times(evaluateCurve(curve, ratio)), scale, rounding);
}
