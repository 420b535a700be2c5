import * as z from "zod";
import { PayscoreError, parseWith, guard } from "../errors/index.js";
import { readDecimal, readRoundingMode, readScale, roundDecimal, roundedProduct, type Decimal, type Numeric, type RoundingMode } from "../numeric/index.js";
import { evaluateCurve, type Curve } from "../scoring/index.js";

/** Options for {@link fundPool}. */
export interface FundPoolOptions {
  /** Decimal places of the pool (default 2). */
  readonly scale?: number | undefined;
  /** How to round (default `"floor"`, so the pool never exceeds what the curve funds). */
  readonly rounding?: RoundingMode | undefined;
}

const optionsSchema = z.object({ scale: z.unknown().optional(), rounding: z.unknown().optional() }).optional();

/**
 * Funds a bonus pool from company results (奖金包 = 预算 × 公司达成系数).
 *
 * `pool = round(budget · curve(companyAttainment), scale)`, rounded once from the exact product,
 * down by default so the pool is never more than the curve funds and is a whole number of steps,
 * ready for `allocatePool`. (A plan run passes the plan's own rounding mode: see
 * docs/plan-format.md, "Funded amount".)
 *
 * @category Compensation
 * @param budget - the pool at 100 % company attainment, ≥ 0
 * @param companyAttainment - the company's (or business unit's) attainment ratio
 * @param curve - the funding curve (attainment → funding rate), see `evaluateCurve`
 * @param options - `scale` (default 2), `rounding` (default `"floor"`)
 * @returns the pool
 * @throws {PayscoreError} `INVALID_NUMBER` for a malformed number; `INVALID_ARGUMENT` for a negative budget, a bad curve or rounding mode; `EMPTY_INPUT` for a curve without points; `OUT_OF_RANGE` for a bad scale; `PRECISION_EXCEEDED` for a pool that needs more than 40 digits to the minor unit
 *
 * @example
 * ```ts
 * const funding = { points: [{ x: 0.9, y: 0.5 }, { x: 1, y: 1 }, { x: 1.2, y: 1.5 }], below: "zero" as const };
 * fundPool(1000000, 1.08, funding).toString(); // "1200000"  (funding(1.08) = 1.2)
 * fundPool(1000000, 0.85, funding).toString(); // "0"  (below the 90 % gate)
 * fundPool("333333.33", 0.95, funding).toString(); // "249999.99"  (0.75 · 333333.33 = 249999.9975, rounded down)
 * ```
 */
export function fundPool(budget: Numeric, companyAttainment: Numeric, curve: Curve, options?: FundPoolOptions | undefined): Decimal {
  return guard(computeFundPool, [budget, companyAttainment, curve, options]);
}

function computeFundPool(budget: Numeric, companyAttainment: Numeric, curve: Curve, options?: FundPoolOptions | undefined): Decimal {
  const amount = readDecimal(budget, ["budget"]);
  if (amount.isNegative()) {
    throw new PayscoreError("INVALID_ARGUMENT", `budget must not be negative; got ${amount.toString()}`, { path: ["budget"] });
  }
  const ratio = readDecimal(companyAttainment, ["companyAttainment"]);
  const parsed = parseWith(optionsSchema, options, "INVALID_ARGUMENT", ["options"]);
  const scale = readScale(parsed?.scale, ["options", "scale"], 2);
  const rounding = parsed?.rounding === undefined ? "floor" : readRoundingMode(parsed.rounding, ["options", "rounding"]);
  const rate = evaluateCurve(curve, ratio);
  if (rate.isNegative()) {
    throw new PayscoreError("INVALID_ARGUMENT", `the funding curve gives ${rate.toString()} at ${ratio.toString()}; a pool cannot be negative`, { path: ["curve"] });
  }
  // One rounding, from the exact product (never 40 digits first, then the minor unit).
  return roundedProduct(amount, rate, (x) => roundDecimal(x, scale, rounding), scale, ["budget"]);
}
