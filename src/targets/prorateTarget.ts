import * as z from "zod";
import { PayscoreError, describeValue, parseWith, guard } from "../errors/index.js";
import { Decimal, readDecimal, readScale, roundedShare, type Numeric } from "../numeric/index.js";
import { businessDays, calendarDays, isoDateSchema, periodSchema, type BusinessDaysOptions, type Period } from "../period/index.js";
import { readOptions } from "./read.js";

/** When a person was active: from `from` to `to`, both inclusive; no `to` means still active at the period's end. */
export interface ActiveSpan {
  /** The first active day, `yyyy-MM-dd` (the joining date). */
  readonly from: string;
  /** The last active day, `yyyy-MM-dd` (the leaving date); omitted when still active. */
  readonly to?: string | undefined;
}

/** What {@link prorateTarget} counts: calendar days (the default) or business days. */
export type ProrateBasis = "calendar-days" | "business-days";

/** Options for {@link prorateTarget}. */
export interface ProrateTargetOptions {
  /** Count calendar days (default) or business days. */
  readonly basis?: ProrateBasis | undefined;
  /** Decimal places of the result (default 2), rounded half-even. */
  readonly scale?: number | undefined;
  /** Holidays for `"business-days"` (see `businessDays`). */
  readonly holidays?: readonly string[] | undefined;
  /** Make-up working days for `"business-days"` (see `businessDays`). */
  readonly workdays?: readonly string[] | undefined;
  /** Weekly days off for `"business-days"`, 0 = Sunday … 6 = Saturday (default `[0, 6]`); an extension. */
  readonly weekend?: readonly number[] | undefined;
}

const activeSchema = z
  .object(
    { from: isoDateSchema, to: isoDateSchema.optional() },
    { error: (issue) => (issue.code === "invalid_type" ? `must be { from, to? } with yyyy-MM-dd dates; got ${describeValue(issue.input)}` : undefined) },
  )
  .check((ctx) => {
    const { from, to } = ctx.value;
    if (to !== undefined && to < from) {
      ctx.issues.push({ code: "custom", path: ["to"], input: to, message: `must not be before from ${JSON.stringify(from)}; got ${JSON.stringify(to)}` });
    }
  });

const basisSchema = z.enum(["calendar-days", "business-days"], {
  error: (issue) => `must be "calendar-days" or "business-days"; got ${describeValue(issue.input)}`,
});

/**
 * The share of a target for a person active only part of the period (按在岗天数折算目标): a new
 * hire, a leaver, a transfer.
 *
 * `prorated = round(target · activeDays / periodDays, scale, half-even)`, where `activeDays`
 * counts the days of `[active.from, active.to]` inside the period and `periodDays` the days of
 * the period, both inclusive, as calendar days or (with `basis: "business-days"`) as business
 * days with the given holidays and make-up working days. Active over the whole period →
 * the whole target (rounded to `scale`); active entirely outside the period → 0. The arithmetic
 * is exact: one rounding at the end.
 *
 * @category Targets
 * @param target - the full-period target; may be negative
 * @param period - the target's period
 * @param active - `{ from, to? }`, `yyyy-MM-dd`, both inclusive; no `to` means active to the end
 * @param options - `basis` (default `"calendar-days"`), `scale` (default 2), and `holidays`, `workdays`, `weekend` for business days
 * @returns the prorated target
 * @throws {PayscoreError} `INVALID_ARGUMENT` for an impossible date, an end before a start (`period.end` or `active.to`), an unknown basis or a date in both `holidays` and `workdays`; `ZERO_DENOMINATOR` when the period has no business day on the `"business-days"` basis; `INVALID_NUMBER` for a malformed target
 *
 * @example
 * ```ts
 * const q1 = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" }; // 90 days
 * prorateTarget(900000, q1, { from: "2026-02-15" }).toString(); // "450000"  (900000 · 45 / 90: 14 days of February + 31 of March)
 * prorateTarget(1000, q1, { from: "2026-01-01", to: "2026-01-31" }).toString(); // "344.44"  (1000 · 31 / 90 = 344.444…)
 * prorateTarget(1000, { start: "2026-03-01", end: "2026-03-31", label: "2026-03" }, { from: "2026-03-16" }, { basis: "business-days" }).toString();
 * // "545.45"  (1000 · 12 / 22)
 * ```
 */
export function prorateTarget(target: Numeric, period: Period, active: ActiveSpan, options?: ProrateTargetOptions | undefined): Decimal {
  return guard(computeProrateTarget, [target, period, active, options]);
}

function computeProrateTarget(target: Numeric, period: Period, active: ActiveSpan, options?: ProrateTargetOptions | undefined): Decimal {
  const amount = readDecimal(target, ["target"]);
  const whole = parseWith(periodSchema, period, "INVALID_ARGUMENT", ["period"]);
  const span = parseWith(activeSchema, active, "INVALID_ARGUMENT", ["active"]);
  const opts = readOptions(options, ["options"], false);
  const basis = opts["basis"] === undefined ? "calendar-days" : parseWith(basisSchema, opts["basis"], "INVALID_ARGUMENT", ["options", "basis"]);
  const scale = readScale(opts["scale"], ["options", "scale"], 2);
  const days: BusinessDaysOptions = { holidays: opts["holidays"] as BusinessDaysOptions["holidays"], workdays: opts["workdays"] as BusinessDaysOptions["workdays"], weekend: opts["weekend"] as BusinessDaysOptions["weekend"] };
  const periodBusinessDays = businessDays(whole, days); // also checks the day lists, whatever the basis
  const periodDays = basis === "business-days" ? periodBusinessDays : calendarDays(whole);

  const from = span.from > whole.start ? span.from : whole.start;
  const to = span.to === undefined || span.to > whole.end ? whole.end : span.to;
  if (from > to) return new Decimal(0);
  const overlap: Period = { start: from, end: to, label: whole.label };
  const activeDays = basis === "business-days" ? businessDays(overlap, days) : calendarDays(overlap);
  if (periodDays === 0) {
    throw new PayscoreError("ZERO_DENOMINATOR", `the period ${whole.start} to ${whole.end} has no business day, so a target cannot be prorated by business days`, {
      path: ["period"],
    });
  }
  return roundedShare(amount, activeDays, periodDays, scale, "half-even");
}
