import { getDaysInMonth } from "date-fns/getDaysInMonth";
import * as z from "zod";
import { PayscoreError, describeValue, formatPath, parseWith, guard } from "../errors/index.js";
import { Decimal, divideRounded, readDecimal, readRoundingMode, readScale, type Numeric, type RoundingMode } from "../numeric/index.js";
import { calendarDays, isoDateSchema, periodSchema, splitPeriod, type Period } from "../period/index.js";
import { fractionOf, moneyOf } from "./cashInput.js";

/** Options for {@link rampTarget}. */
export interface RampTargetOptions {
  /** Decimal places of the ramped target (default 2). */
  readonly scale?: number | undefined;
  /** How the ramped target is rounded (default `"half-even"`). */
  readonly rounding?: RoundingMode | undefined;
}

/** One calendar month of the period, as the ramp sees it. */
export interface RampMonth {
  /** The month, `yyyy-MM`. */
  readonly month: string;
  /** The month of tenure: 1 for the month of the start date, 2 for the next, …; 0 or less before it. */
  readonly tenureMonth: number;
  /** The schedule's factor for that month: 0 before the start month, 1 after the schedule ends. */
  readonly factor: Decimal;
  /** Days of the month inside the period. */
  readonly days: number;
  /** Days in the whole month. */
  readonly daysInMonth: number;
}

/** A ramped target with everything that went into it. */
export interface RampedTarget {
  /** `round(fullTarget · factor)`, rounded once from the exact product. */
  readonly target: Decimal;
  /** The ramp factor for the period (1 = the full target), to 40 significant digits. */
  readonly factor: Decimal;
  /** The full target, as given. */
  readonly fullTarget: Decimal;
  /** The start date, as given. */
  readonly start: string;
  /** The period, as given. */
  readonly period: Period;
  /** The schedule, as given. */
  readonly schedule: Decimal[];
  /** Every calendar month the period touches, in order. */
  readonly months: RampMonth[];
}

const optionsSchema = z.strictObject({ scale: z.unknown().optional(), rounding: z.unknown().optional() }).optional();

/** Divisible by every month length 28–31: lcm(28, 29, 30, 31). */
const MONTH_LCM = 377580n;

/**
 * A new hire's ramped target (新人爬坡指标): the full target times the ramp factor of the
 * months of tenure the period covers.
 *
 * Months of tenure are calendar months: the month containing `start` is month 1 (whatever day
 * of it the person starts), the next month 2, and so on. Month `k` has factor `schedule[k − 1]`;
 * after the schedule ends the factor is 1; months before the start month have factor 0 (the
 * person was not there yet — so do not prorate those months again). For a period of several
 * months each month counts by the share of it inside the period:
 *
 * `factor = Σₘ wₘ · fₘ / Σₘ wₘ` with `wₘ = days of month m in the period / days in month m`,
 * and `target = round(fullTarget · factor, scale)`, computed from the exact fraction (the
 * reported `factor` is that fraction to 40 significant digits). So a month's target is the
 * month's factor times its full target, and a quarter of whole months is the mean of its
 * three factors. The first month is not prorated by the start day; combine with
 * `prorateTarget` for that.
 *
 * @category Compensation
 * @param target - the full (unramped) target for the period, ≥ 0
 * @param schedule - the factor of each month of tenure from month 1, each from 0 to 1 (`[0.25, 0.5, 0.75]`); empty means no ramp
 * @param start - the start (hire) date, `yyyy-MM-dd`
 * @param period - the period the target is for
 * @param options - `scale` (default 2), `rounding` (default `"half-even"`)
 * @returns `{ target, factor, fullTarget, start, period, schedule, months }`
 * @throws {PayscoreError} `INVALID_NUMBER` for a malformed number; `INVALID_ARGUMENT` for a negative target, a malformed schedule, date or period, or bad options; `OUT_OF_RANGE` for a factor outside [0, 1] or a bad scale
 *
 * @example
 * ```ts
 * const schedule = ["0.25", "0.5", "0.75"]; // months 1–3 of tenure, then 100 %
 * const april = { start: "2026-04-01", end: "2026-04-30", label: "2026-04" };
 * const m2 = rampTarget(100000, schedule, "2026-03-16", april);
 * [m2.months[0]?.tenureMonth, m2.factor.toString(), m2.target.toString()]; // [2, "0.5", "50000"]  (April is month 2)
 * const q2 = { start: "2026-04-01", end: "2026-06-30", label: "2026-Q2" };
 * rampTarget(300000, schedule, "2026-03-16", q2).target.toString(); // "225000"  (months 2, 3, 4: (0.5 + 0.75 + 1) / 3 = 0.75)
 * ```
 */
export function rampTarget(target: Numeric, schedule: readonly Numeric[], start: string, period: Period, options?: RampTargetOptions | undefined): RampedTarget {
  return guard(computeRampTarget, [target, schedule, start, period, options]);
}

function computeRampTarget(target: Numeric, schedule: readonly Numeric[], start: string, period: Period, options?: RampTargetOptions | undefined): RampedTarget {
  const parsed = parseWith(optionsSchema, options, "INVALID_ARGUMENT", ["options"]);
  const scale = readScale(parsed?.scale, ["options", "scale"], 2);
  const rounding = parsed?.rounding === undefined ? "half-even" : readRoundingMode(parsed.rounding, ["options", "rounding"]);
  const full = readDecimal(target, ["target"]);
  if (full.isNegative()) {
    throw new PayscoreError("INVALID_ARGUMENT", `target must not be negative; got ${full.toString()}`, { path: ["target"] });
  }
  const factors = readSchedule(schedule);
  const hired = parseWith(isoDateSchema, start, "INVALID_ARGUMENT", ["start"]);
  const span = parseWith(periodSchema, period, "INVALID_ARGUMENT", ["period"]);

  const hiredMonth = monthIndex(hired);
  const months: RampMonth[] = [];
  // factor = num / den exactly: num = Σ days·F·(LCM/len), den = 10^p · Σ days·(LCM/len).
  let places = 0;
  for (const f of factors) places = Math.max(places, f.decimalPlaces());
  const unit = 10n ** BigInt(places);
  let num = 0n;
  let den = 0n;
  for (const part of splitPeriod(span, "month")) {
    const tenureMonth = monthIndex(part.start) - hiredMonth + 1;
    const factor = tenureMonth < 1 ? new Decimal(0) : (factors[tenureMonth - 1] ?? new Decimal(1));
    const days = calendarDays(part);
    const daysInMonth = getDaysInMonth(dayOf(part.start));
    const weight = BigInt(days) * (MONTH_LCM / BigInt(daysInMonth));
    const { num: fNum, den: fDen } = fractionOf(factor);
    num += weight * fNum * (unit / fDen);
    den += weight * unit;
    months.push({ month: part.start.slice(0, 7), tenureMonth, factor, days, daysInMonth });
  }
  const { num: tNum, den: tDen } = fractionOf(full);
  const shift = 10n ** BigInt(Math.abs(scale));
  const steps = scale >= 0 ? divideRounded(tNum * num * shift, tDen * den, rounding) : divideRounded(tNum * num, tDen * den * shift, rounding);
  return {
    target: moneyOf(steps, scale),
    factor: num === 0n ? new Decimal(0) : new Decimal(num.toString()).div(den.toString()),
    fullTarget: full,
    start: hired,
    period: span,
    schedule: factors,
    months,
  };
}

function readSchedule(schedule: unknown): Decimal[] {
  if (!Array.isArray(schedule)) {
    throw new PayscoreError("INVALID_ARGUMENT", `schedule must be an array of factors, month 1 of tenure first; got ${describeValue(schedule)}`, { path: ["schedule"] });
  }
  const list: readonly unknown[] = schedule;
  const factors: Decimal[] = [];
  for (let i = 0; i < list.length; i++) {
    const factor = readDecimal(list[i], ["schedule", i]);
    if (factor.isNegative() || factor.gt(1)) {
      throw new PayscoreError("OUT_OF_RANGE", `${formatPath(["schedule", i])} must be from 0 to 1 (100 % is 1); got ${factor.toString()}`, { path: ["schedule", i] });
    }
    factors.push(factor);
  }
  return factors;
}

/** Months since year 0 of a valid `yyyy-MM-dd` date. */
function monthIndex(day: string): number {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

/** Local midnight of a valid `yyyy-MM-dd` date (any year 1–9999, no 19xx mapping of small years). */
function dayOf(day: string): Date {
  const date = new Date(2000, 0, 1);
  date.setFullYear(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return date;
}
