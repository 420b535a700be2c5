import type { Period } from "./Period.js";
import { readPeriod } from "./calendar.js";
import { dayCount, toDay } from "./day.js";
import { guard } from "../errors/index.js";

/**
 * The number of calendar days in a period, both ends counted (自然日天数).
 *
 * `calendarDays = end − start + 1` in whole days. The basis of calendar-day proration and of the
 * `"calendar-days"` split; it does not depend on the machine's time zone or on DST changes.
 *
 * @category Periods
 * @param period - the period
 * @returns the number of days, at least 1
 * @throws {PayscoreError} `INVALID_ARGUMENT` for an impossible date or an end before the start
 *
 * @example
 * ```ts
 * calendarDays({ start: "2026-01-01", end: "2026-12-31", label: "2026" }); // 365
 * calendarDays({ start: "2024-02-01", end: "2024-02-29", label: "2024-02" }); // 29 (leap year)
 * calendarDays({ start: "2026-03-31", end: "2026-03-31", label: "" }); // 1
 * ```
 */
export function calendarDays(period: Period): number {
  return guard(computeCalendarDays, [period]);
}

function computeCalendarDays(period: Period): number {
  const { start, end } = readPeriod(period, ["period"]);
  return dayCount(toDay(start), toDay(end));
}
