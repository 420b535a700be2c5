import { PayscoreError } from "../../errors/index.js";
import { roundedShare, type Decimal, type RoundingMode } from "../../numeric/index.js";
import * as D from "../domains.js";
import type { RosterPerson } from "../roster.js";
import type { Plan } from "../schema.js";
import { tracerOf, type RunContext } from "./RunContext.js";

/** How a person's pay is prorated: the days counted and on which basis. */
export interface PayProration {
  readonly basis: "calendar-days" | "business-days";
  /** The person's active days inside the period (calendar or business days). */
  readonly activeDays: number;
  /** The period's days on the same basis. */
  readonly periodDays: number;
}

/**
 * The plan's calendar as `businessDays` and `prorateTarget` options (`holidays`, `workdays`).
 *
 * @internal
 * @param p - the parsed plan
 * @returns the options; empty without a calendar
 *
 * @example
 * ```ts
 * calendarOptions(plan); // { holidays: ["2026-10-01", …], workdays: ["2026-10-10"] }
 * ```
 */
export function calendarOptions(p: Plan): { holidays?: readonly string[]; workdays?: readonly string[] } {
  const calendar = p.calendar;
  if (calendar === undefined) return {};
  return { ...(calendar.holidays === undefined ? {} : { holidays: calendar.holidays }), ...(calendar.workdays === undefined ? {} : { workdays: calendar.workdays }) };
}

/**
 * Each person's pay proration under `pay.prorate` (stage 7): `null` for someone active over the
 * whole period, or when the plan prorates nothing (`"none"`, the default); otherwise the days
 * counted, and a `pay.prorate` step in their trace (the days and the fraction). Computed on first
 * use per person.
 *
 * @internal
 * @param ctx - the run
 * @returns person `j`'s proration, or `null`
 * @throws {PayscoreError} `ZERO_DENOMINATOR` (path `["pay", "prorate"]`) when the period has no business day
 *
 * @example
 * ```ts
 * // Q1 2026 (90 days), pay.prorate "calendar-days", a person who joined on 15 February:
 * payProrations(ctx)(0); // { basis: "calendar-days", activeDays: 45, periodDays: 90 }
 * ```
 */
export function payProrations(ctx: RunContext): (j: number) => PayProration | null {
  const basis = ctx.p.pay?.prorate ?? "none";
  if (basis === "none") return () => null;
  const period = ctx.p.period;
  const options = calendarOptions(ctx.p);
  const count = (start: string, end: string): number => (basis === "business-days" ? D.businessDays({ start, end, label: period.label }, options) : D.calendarDays({ start, end, label: period.label }));
  let periodDays: number | undefined;
  const found = new Map<number, PayProration>();
  return (j) => {
    const person = ctx.people[j] as RosterPerson;
    if (!person.partial) return null;
    const known = found.get(j);
    if (known !== undefined) return known;
    if (periodDays === undefined) {
      periodDays = count(period.start, period.end);
      if (periodDays === 0) {
        throw new PayscoreError("ZERO_DENOMINATOR", `pay.prorate: the period ${period.start} to ${period.end} has no business day, so pay cannot be prorated by business days`, { path: ["pay", "prorate"] });
      }
    }
    const proration: PayProration = { basis, activeDays: count(person.activeFrom, person.activeTo), periodDays };
    found.set(j, proration);
    tracerOf(ctx, j).add(
      "pay.prorate",
      `activeDays / periodDays, ${basis}`,
      () => ({ activeFrom: person.activeFrom, activeTo: person.activeTo, periodStart: period.start, periodEnd: period.end, activeDays: String(proration.activeDays), periodDays: String(proration.periodDays) }),
      `${proration.activeDays}/${proration.periodDays}`,
    );
    return proration;
  };
}

/**
 * `round(amount × activeDays / periodDays)` to `scale` places in `mode`, exactly: the product and
 * the quotient in integers, one rounding.
 *
 * @internal
 * @param amount - the full-period amount (exact)
 * @param proration - the days
 * @param scale - decimal places (the currency's minor units)
 * @param mode - the plan's rounding mode
 * @returns the prorated amount
 *
 * @example
 * ```ts
 * proratedAmount(new Decimal("42000"), { basis: "calendar-days", activeDays: 31, periodDays: 90 }, 2, "half-even").toString(); // "14466.67"
 * ```
 */
export function proratedAmount(amount: Decimal, proration: PayProration, scale: number, mode: RoundingMode): Decimal {
  return roundedShare(amount, proration.activeDays, proration.periodDays, scale, mode);
}
