import { PayscoreError, describeValue, formatPath, parseWith, guard } from "../errors/index.js";
import { Decimal, allocateDecimal, readDecimal, readScale, type Numeric } from "../numeric/index.js";
import { businessDays, calendarDays, periodSchema, periodUnitSchema, splitPeriod, type BusinessDaysOptions, type Period, type PeriodUnit } from "../period/index.js";
import { readOptions, readWeight, requireWholeSteps } from "./read.js";

/**
 * How {@link decomposeOverPeriods} weighs the sub-periods: `"equal"` (each the same),
 * `"business-days"` (by working days), `"calendar-days"` (by length in days, an extension useful
 * for trimmed edge weeks), or `{ weights }`, a seasonality or last-year profile with one weight
 * per sub-period.
 */
export type PeriodSplitMethod = "equal" | "business-days" | "calendar-days" | { readonly weights: readonly Numeric[] };

/** Options for {@link decomposeOverPeriods}. */
export interface DecomposeOverPeriodsOptions {
  /** The sub-period: `"half" | "quarter" | "month" | "week"` (see `splitPeriod`). */
  readonly unit: PeriodUnit;
  /** How to weigh the sub-periods (default `"equal"`). */
  readonly method?: PeriodSplitMethod | undefined;
  /** Decimal places of the amounts (default 2). */
  readonly scale?: number | undefined;
  /** Holidays for `"business-days"` (see `businessDays`). */
  readonly holidays?: readonly string[] | undefined;
  /** Make-up working days for `"business-days"` (see `businessDays`). */
  readonly workdays?: readonly string[] | undefined;
  /** Weekly days off for `"business-days"`, 0 = Sunday … 6 = Saturday (default `[0, 6]`); an extension. */
  readonly weekend?: readonly number[] | undefined;
}

/** One sub-period's share from {@link decomposeOverPeriods}. */
export interface PeriodTarget {
  period: Period;
  amount: Decimal;
}

const METHODS = ["equal", "business-days", "calendar-days"] as const;

const PLURAL: Readonly<Record<PeriodUnit, string>> = { half: "halves", quarter: "quarters", month: "months", week: "weeks" };

/**
 * Spreads a target over the halves, quarters, months or weeks of a period (年度目标分解到季/月/周),
 * so that the amounts add up to the total exactly.
 *
 * `amountᵢ ≈ total · wᵢ / Σw`, where `wᵢ` is 1 (`"equal"`), the business days of sub-period `i`
 * (`"business-days"`), its calendar days (`"calendar-days"`) or the i-th profile weight; the
 * amounts are apportioned with largest remainders in steps of `10^-scale`, so
 * `Σ amountᵢ = total` to the cent. `"equal"` gives each sub-period the same share even when an
 * edge unit is trimmed; use `"calendar-days"` or `"business-days"` to weigh by length.
 *
 * @category Targets
 * @param total - the target; a whole number of steps of `10^-scale`; may be negative
 * @param period - the period to spread over
 * @param options - `unit` (required), `method` (default `"equal"`), `scale` (default 2), and `holidays`, `workdays`, `weekend` for business days
 * @returns one `{ period, amount }` per sub-period of `splitPeriod(period, unit)`, in order
 * @throws {PayscoreError} `INVALID_ARGUMENT` for an impossible date, an end before the start, an unknown unit or method, a profile of the wrong length, a total that is not a whole number of steps, or a date in both `holidays` and `workdays`; `INVALID_WEIGHTS` for a negative profile weight, a profile of zeros, or no business day in the whole period; `INVALID_NUMBER` for a malformed number
 *
 * @example
 * ```ts
 * const year = { start: "2026-01-01", end: "2026-12-31", label: "2026" };
 * decomposeOverPeriods(12000000, year, { unit: "quarter" }).map((p) => p.amount.toString());
 * // ["3000000", "3000000", "3000000", "3000000"]   (labels 2026-Q1 … 2026-Q4)
 * decomposeOverPeriods(12000000, year, { unit: "month" })[0]; // { period: { start: "2026-01-01", end: "2026-01-31", label: "2026-01" }, amount: 1000000 }
 * decomposeOverPeriods(1000, year, { unit: "quarter", method: { weights: [1, 2, 3, 4] } }).map((p) => p.amount.toString());
 * // ["100", "200", "300", "400"]
 * ```
 */
export function decomposeOverPeriods(total: Numeric, period: Period, options: DecomposeOverPeriodsOptions): PeriodTarget[] {
  return guard(computeDecomposeOverPeriods, [total, period, options]);
}

function computeDecomposeOverPeriods(total: Numeric, period: Period, options: DecomposeOverPeriodsOptions): PeriodTarget[] {
  const amount = readDecimal(total, ["total"]);
  const whole = parseWith(periodSchema, period, "INVALID_ARGUMENT", ["period"]);
  const opts = readOptions(options, ["options"], true);
  const unit = parseWith(periodUnitSchema, opts["unit"], "INVALID_ARGUMENT", ["options", "unit"]);
  const method = readMethod(opts["method"]);
  const scale = readScale(opts["scale"], ["options", "scale"], 2);
  const days: BusinessDaysOptions = { holidays: opts["holidays"] as BusinessDaysOptions["holidays"], workdays: opts["workdays"] as BusinessDaysOptions["workdays"], weekend: opts["weekend"] as BusinessDaysOptions["weekend"] };
  // Checks the day lists once, with their paths under options, whatever the method.
  businessDays(whole, days);
  requireWholeSteps(amount, scale, ["total"]);

  const parts = splitPeriod(whole, unit);
  let weights: Decimal[];
  if (method === "equal") {
    weights = parts.map(() => new Decimal(1));
  } else if (method === "calendar-days") {
    weights = parts.map((part) => new Decimal(calendarDays(part)));
  } else if (method === "business-days") {
    weights = parts.map((part) => new Decimal(businessDays(part, days)));
    if (weights.every((w) => w.isZero())) {
      throw new PayscoreError("INVALID_WEIGHTS", `the period ${whole.start} to ${whole.end} has no business day, so it cannot be split by business days`, {
        path: ["options", "method"],
      });
    }
  } else {
    const path = ["options", "method", "weights"];
    if (method.length !== parts.length) {
      throw new PayscoreError(
        "INVALID_ARGUMENT",
        `${formatPath(path)} has ${method.length} weight${method.length === 1 ? "" : "s"}, but the period ${whole.start} to ${whole.end} splits into ${parts.length} ${parts.length === 1 ? unit : PLURAL[unit]}; give one weight per ${unit}`,
        { path },
      );
    }
    weights = method;
    if (weights.every((w) => w.isZero())) {
      throw new PayscoreError("INVALID_WEIGHTS", `${formatPath(path)} must have at least one weight greater than 0`, { path });
    }
  }
  const amounts = allocateDecimal(amount, weights, scale, ["options", "method", "weights"]);
  return parts.map((part, i) => ({ period: part, amount: amounts[i] as Decimal }));
}

/** The method option: a method name, or the profile's weights read as Decimals. */
function readMethod(value: unknown): (typeof METHODS)[number] | Decimal[] {
  if (value === undefined) return "equal";
  if (typeof value === "string" && (METHODS as readonly string[]).includes(value)) return value as (typeof METHODS)[number];
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const weights = (value as { readonly weights?: unknown }).weights;
    if (!Array.isArray(weights)) {
      const path = ["options", "method", "weights"];
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(path)} must be an array of weights, one per sub-period; got ${describeValue(weights)}`, { path });
    }
    return weights.map((w, i) => readWeight(w, ["options", "method", "weights", i]));
  }
  throw new PayscoreError(
    "INVALID_ARGUMENT",
    `options.method must be "equal", "business-days", "calendar-days" or { weights: [...] }; got ${describeValue(value)}`,
    { path: ["options", "method"] },
  );
}
