import { addDays } from "date-fns/addDays";
import { addMonths } from "date-fns/addMonths";
import { PayscoreError, guard } from "../errors/index.js";
import { readInteger } from "../numeric/index.js";
import type { Period } from "./Period.js";
import { readOptions } from "./calendar.js";
import { formatDay, localDay } from "./day.js";

/** Options for {@link fiscalYear}. */
export interface FiscalYearOptions {
  /** The month the fiscal year starts in, 1 (January, the default) to 12. */
  readonly startMonth?: number | undefined;
}

/**
 * The fiscal year (财年) that starts on the first day of `startMonth` in `year` and lasts twelve
 * calendar months.
 *
 * `start = year-startMonth-01`, `end = start + 12 months − 1 day`, `label = "FY" + year`. The
 * year named is the calendar year the fiscal year starts in, so with `startMonth: 4` FY2026
 * runs from 1 April 2026 to 31 March 2027.
 *
 * @category Periods
 * @param year - the calendar year the fiscal year starts in, a whole number from 1 to 9999
 * @param options - `startMonth`: 1–12 (default 1)
 * @returns the period, labelled `FY<year>`
 * @throws {PayscoreError} `INVALID_ARGUMENT` for a year or month that is not a whole number or options that are not an object; `OUT_OF_RANGE` for a month outside 1–12, a year outside 1–9999 or a fiscal year ending after 9999-12-31
 *
 * @example
 * ```ts
 * fiscalYear(2026); // { start: "2026-01-01", end: "2026-12-31", label: "FY2026" }
 * fiscalYear(2026, { startMonth: 4 }); // { start: "2026-04-01", end: "2027-03-31", label: "FY2026" }
 * fiscalYear(2023, { startMonth: 3 }); // { start: "2023-03-01", end: "2024-02-29", label: "FY2023" } (leap day)
 * ```
 */
export function fiscalYear(year: number, options?: FiscalYearOptions | undefined): Period {
  return guard(computeFiscalYear, [year, options]);
}

function computeFiscalYear(year: number, options?: FiscalYearOptions | undefined): Period {
  const y = readInteger(year, ["year"], { min: 1, max: 9999 });
  const opts = readOptions(options, ["options"]);
  const startMonth = opts["startMonth"] === undefined ? 1 : readInteger(opts["startMonth"], ["options", "startMonth"], { min: 1, max: 12 });
  const first = localDay(y, startMonth - 1, 1);
  const last = addDays(addMonths(first, 12), -1);
  if (last.getFullYear() > 9999) {
    throw new PayscoreError("OUT_OF_RANGE", `year ${y} with startMonth ${startMonth} would end after 9999-12-31`, { path: ["year"] });
  }
  return { start: formatDay(first), end: formatDay(last), label: `FY${y}` };
}
