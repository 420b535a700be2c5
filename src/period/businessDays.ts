import { getDay } from "date-fns/getDay";
import * as z from "zod";
import { PayscoreError, describeValue, formatPath, parseWith, guard } from "../errors/index.js";
import { isoDateSchema, type Period } from "./Period.js";
import { readPeriod } from "./calendar.js";
import { dayCount, toDay } from "./day.js";

/** Options for {@link businessDays}. */
export interface BusinessDaysOptions {
  /** Days off (public holidays), `yyyy-MM-dd`. Dates outside the period, repeats and holidays that fall on a weekend day change nothing. */
  readonly holidays?: readonly string[] | undefined;
  /** Weekend days that are worked (调休 make-up working days), `yyyy-MM-dd`. Dates outside the period, repeats and dates that are not weekend days change nothing. */
  readonly workdays?: readonly string[] | undefined;
  /** The weekly days off, 0 (Sunday) to 6 (Saturday); default `[0, 6]`. `[]` means every day is a working day; repeats count once. */
  readonly weekend?: readonly number[] | undefined;
}

const dateList = (what: string) =>
  z.array(isoDateSchema, { error: (issue) => `must be an array of ${what} dates written yyyy-MM-dd; got ${describeValue(issue.input)}` }).optional();

const weekday = z.custom<number>((value) => typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 6, {
  error: (issue) => `must be a day of the week from 0 (Sunday) to 6 (Saturday); got ${describeValue(issue.input)}`,
});

const optionsSchema = z
  .object(
    {
      holidays: dateList("holiday"),
      workdays: dateList("make-up working"),
      weekend: z.array(weekday, { error: (issue) => `must be an array of days of the week (0 = Sunday … 6 = Saturday); got ${describeValue(issue.input)}` }).optional(),
    },
    { error: (issue) => (issue.code === "invalid_type" ? `must be an object or undefined; got ${describeValue(issue.input)}` : undefined) },
  )
  .optional();

/** The default weekend: Sunday and Saturday. */
const DEFAULT_WEEKEND: readonly number[] = [0, 6];

/**
 * The number of working days (工作日) in a period: days that are not weekend days, minus holidays,
 * plus weekend days that are worked (调休上班日, such as the Saturday worked before China's
 * National Day week).
 *
 * `businessDays = days − weekend days − holidays on weekdays + make-up workdays on weekend days`,
 * all counted inside the period, both ends inclusive. The weekend days are counted with a formula
 * (whole weeks plus the remainder), not day by day, so the cost grows with the number of
 * holidays, not with the length of the period.
 *
 * @category Periods
 * @param period - the period
 * @param options - `holidays`, `workdays` (make-up working days) and `weekend` (default `[0, 6]`)
 * @returns the number of working days, from 0 to the number of days in the period
 * @throws {PayscoreError} `INVALID_ARGUMENT` for an impossible date (in the period or the lists), an end before the start, a weekend day outside 0–6, or a date that is in both `holidays` and `workdays`
 *
 * @example
 * ```ts
 * businessDays({ start: "2026-03-01", end: "2026-03-31", label: "2026-03" }); // 22
 * // China, National Day 2026: 1–7 October off, Saturday 10 October worked
 * businessDays(
 *   { start: "2026-09-28", end: "2026-10-11", label: "" },
 *   { holidays: ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"], workdays: ["2026-09-20", "2026-10-10"] },
 * ); // 6  (10 weekdays − 5 holidays on weekdays + 1 make-up Saturday; 20 September is outside)
 * ```
 */
export function businessDays(period: Period, options?: BusinessDaysOptions | undefined): number {
  return guard(computeBusinessDays, [period, options]);
}

function computeBusinessDays(period: Period, options?: BusinessDaysOptions | undefined): number {
  const { start, end } = readPeriod(period, ["period"]);
  const opts = parseWith(optionsSchema, options, "INVALID_ARGUMENT", ["options"]) ?? {};
  const holidays = new Set(opts.holidays ?? []);
  const workdays = opts.workdays ?? [];
  workdays.forEach((day, i) => {
    if (holidays.has(day)) {
      const path = ["options", "workdays", i];
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(path)} ${JSON.stringify(day)} is also in options.holidays; a day cannot be both a holiday and a make-up working day`, { path });
    }
  });
  const weekend = new Set(opts.weekend ?? DEFAULT_WEEKEND);

  const first = toDay(start);
  const days = dayCount(first, toDay(end));
  const firstWeekday = getDay(first);
  const wholeWeeks = Math.floor(days / 7);
  const rest = days % 7;
  let count = days;
  for (const weekday of weekend) {
    // The days in the period that fall on `weekday`: one per whole week, plus one if it occurs in the rest.
    count -= wholeWeeks + ((weekday - firstWeekday + 7) % 7 < rest ? 1 : 0);
  }
  for (const day of holidays) {
    if (day >= start && day <= end && !weekend.has(getDay(toDay(day)))) count--;
  }
  for (const day of new Set(workdays)) {
    if (day >= start && day <= end && weekend.has(getDay(toDay(day)))) count++;
  }
  return count;
}
