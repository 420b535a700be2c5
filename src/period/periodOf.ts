import { PayscoreError, parseWith, guard } from "../errors/index.js";
import { isoDateSchema, type Period, type PeriodUnit } from "./Period.js";
import { readPeriod, readUnit, unitAt } from "./calendar.js";

/**
 * The sub-period a date falls in: the element of `splitPeriod(period, unit)` that contains
 * `date`, found without building the whole split (which month, quarter or week a deal belongs to).
 *
 * @category Periods
 * @param date - the day, `yyyy-MM-dd`
 * @param period - the period that is cut
 * @param unit - `"half" | "quarter" | "month" | "week"`
 * @returns the sub-period, equal (same start, end and label) to the one `splitPeriod` gives
 * @throws {PayscoreError} `INVALID_ARGUMENT` for an impossible date, an end before the start or an unknown unit; `OUT_OF_RANGE` when `date` is outside `period`
 *
 * @example
 * ```ts
 * periodOf("2026-11-11", fiscalYear(2026, { startMonth: 4 }), "quarter");
 * // { start: "2026-10-01", end: "2026-12-31", label: "FY2026-Q3" }
 * periodOf("2026-02-26", fiscalYear(2026), "week");
 * // { start: "2026-02-23", end: "2026-03-01", label: "2026-W09" }
 * ```
 */
export function periodOf(date: string, period: Period, unit: PeriodUnit): Period {
  return guard(computePeriodOf, [date, period, unit]);
}

function computePeriodOf(date: string, period: Period, unit: PeriodUnit): Period {
  const day = parseWith(isoDateSchema, date, "INVALID_ARGUMENT", ["date"]);
  const whole = readPeriod(period, ["period"]);
  const by = readUnit(unit, ["unit"]);
  if (day < whole.start || day > whole.end) {
    throw new PayscoreError("OUT_OF_RANGE", `date ${JSON.stringify(day)} is outside the period ${whole.start} to ${whole.end}`, { path: ["date"] });
  }
  return unitAt(whole, by, day);
}
