/**
 * Day arithmetic shared inside src/period/ (not exported from the package). Dates are built at
 * local midnight through date-fns and formatted back with `format(d, "yyyy-MM-dd")`; day counts
 * use calendar-day differences, so nothing depends on the machine's time zone or on DST.
 */
import { addDays } from "date-fns/addDays";
import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { format } from "date-fns/format";
import { getDaysInMonth } from "date-fns/getDaysInMonth";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Local midnight of a calendar day, for any year 1–9999 (no 19xx mapping of small years).
 *
 * @internal
 * @param year - the full year
 * @param monthIndex - 0 for January
 * @param day - day of the month
 * @returns the day
 * @example
 * ```ts
 * localDay(2026, 3, 1); // 1 April 2026, local midnight
 * ```
 */
export function localDay(year: number, monthIndex: number, day: number): Date {
  const date = new Date(2000, 0, 1);
  date.setFullYear(year, monthIndex, day);
  date.setHours(0, 0, 0, 0);
  return date;
}

/**
 * Reads a `yyyy-MM-dd` string as local midnight of that day.
 *
 * @internal
 * @param text - the date text
 * @returns the day, or undefined when the text is not a real date written yyyy-MM-dd
 *
 * @example
 * ```ts
 * parseDay("2024-02-29"); // Date (29 Feb 2024, local midnight)
 * parseDay("2026-02-30"); // undefined
 * ```
 */
export function parseDay(text: string): Date | undefined {
  const match = ISO_DATE.exec(text);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > getDaysInMonth(localDay(year, month - 1, 1))) return undefined;
  return localDay(year, month - 1, day);
}

/**
 * A day that is known to be valid (already checked by a schema).
 *
 * @internal
 * @param text - a valid `yyyy-MM-dd` date
 * @returns local midnight of that day
 * @example
 * ```ts
 * toDay("2026-03-01"); // Date
 * ```
 */
export function toDay(text: string): Date {
  return parseDay(text) as Date;
}

/**
 * Formats a day back to `yyyy-MM-dd`.
 *
 * @internal
 * @param date - a day
 * @returns the ISO text
 * @example
 * ```ts
 * formatDay(toDay("2026-03-01")); // "2026-03-01"
 * ```
 */
export function formatDay(date: Date): string {
  return format(date, "yyyy-MM-dd");
}

/**
 * The number of days from `start` to `end`, both inclusive (1 for a one-day period).
 *
 * @internal
 * @param start - the first day
 * @param end - the last day, not before `start`
 * @returns the count
 * @example
 * ```ts
 * dayCount(toDay("2026-01-01"), toDay("2026-12-31")); // 365
 * ```
 */
export function dayCount(start: Date, end: Date): number {
  return differenceInCalendarDays(end, start) + 1;
}

/**
 * The day after `day`.
 *
 * @internal
 * @param day - a valid `yyyy-MM-dd` date
 * @returns the next day, `yyyy-MM-dd`
 * @example
 * ```ts
 * nextDay("2024-02-28"); // "2024-02-29"
 * ```
 */
export function nextDay(day: string): string {
  return formatDay(addDays(toDay(day), 1));
}
