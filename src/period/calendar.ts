/**
 * Period validation and the sub-period rule shared by splitPeriod and periodOf (internal).
 */
import { addDays } from "date-fns/addDays";
import { addMonths } from "date-fns/addMonths";
import { differenceInCalendarMonths } from "date-fns/differenceInCalendarMonths";
import { format } from "date-fns/format";
import { lastDayOfISOWeek } from "date-fns/lastDayOfISOWeek";
import { lastDayOfMonth } from "date-fns/lastDayOfMonth";
import { startOfISOWeek } from "date-fns/startOfISOWeek";
import { startOfMonth } from "date-fns/startOfMonth";
import { PayscoreError, describeValue, formatPath, parseWith, type ErrorPath } from "../errors/index.js";
import { periodSchema, periodUnitSchema, type Period, type PeriodUnit } from "./Period.js";
import { formatDay, toDay } from "./day.js";

/**
 * Validates a period argument (a copy of its three fields is returned).
 *
 * @internal
 * @param value - the caller's period
 * @param path - where it sits in the caller's input
 * @returns the period
 * @throws {PayscoreError} `INVALID_ARGUMENT` naming the field and value
 * @example
 * ```ts
 * readPeriod({ start: "2026-01-01", end: "2026-12-31", label: "2026" }, ["period"]); // { start: "2026-01-01", end: "2026-12-31", label: "2026" }
 * readPeriod({ start: "2026-02-01", end: "2026-01-31", label: "" }, ["period"]); // throws INVALID_ARGUMENT at ["period", "end"]
 * ```
 */
export function readPeriod(value: unknown, path: ErrorPath): Period {
  return parseWith(periodSchema, value, "INVALID_ARGUMENT", path);
}

/**
 * Validates a unit argument.
 *
 * @internal
 * @param value - the caller's unit
 * @param path - where it sits
 * @returns the unit
 * @throws {PayscoreError} `INVALID_ARGUMENT` naming the allowed units
 * @example
 * ```ts
 * readUnit("month", ["unit"]); // "month"
 * ```
 */
export function readUnit(value: unknown, path: ErrorPath): PeriodUnit {
  return parseWith(periodUnitSchema, value, "INVALID_ARGUMENT", path);
}

/**
 * The sub-period of `period` (cut by `unit`) that contains `day`, trimmed to `period`.
 * Halves and quarters are blocks of 6 and 3 calendar months counted from the period's start
 * month, numbered from 1 (`<label>-H1`, `<label>-Q5` for a period longer than a year); months
 * are calendar months (`yyyy-MM`); weeks are ISO weeks (`RRRR-Www`).
 *
 * @internal
 * @param period - a valid period
 * @param unit - a valid unit
 * @param day - a valid day inside the period, `yyyy-MM-dd`
 * @returns the sub-period
 * @example
 * ```ts
 * unitAt({ start: "2026-04-01", end: "2027-03-31", label: "FY2026" }, "quarter", "2026-05-20");
 * // { start: "2026-04-01", end: "2026-06-30", label: "FY2026-Q1" }
 * ```
 */
export function unitAt(period: Period, unit: PeriodUnit, day: string): Period {
  const date = toDay(day);
  let first: Date;
  let last: Date;
  let label: string;
  if (unit === "half" || unit === "quarter") {
    const months = unit === "half" ? 6 : 3;
    const anchor = startOfMonth(toDay(period.start));
    const index = Math.floor(differenceInCalendarMonths(date, anchor) / months);
    first = addMonths(anchor, index * months);
    last = addDays(addMonths(anchor, (index + 1) * months), -1);
    const name = `${unit === "half" ? "H" : "Q"}${index + 1}`;
    label = period.label === "" ? name : `${period.label}-${name}`;
  } else if (unit === "month") {
    first = startOfMonth(date);
    last = lastDayOfMonth(date);
    label = format(date, "yyyy-MM");
  } else {
    first = startOfISOWeek(date);
    last = lastDayOfISOWeek(date);
    label = format(date, "RRRR-'W'II");
  }
  const start = formatDay(first);
  const end = formatDay(last);
  return {
    start: start < period.start ? period.start : start,
    end: end > period.end ? period.end : end,
    label,
  };
}


/**
 * Checks that an options argument is an object (or undefined) before its fields are read.
 *
 * @internal
 * @param value - the caller's options
 * @param path - where they sit (usually `["options"]`)
 * @returns the options as a record (empty when undefined)
 * @throws {PayscoreError} `INVALID_ARGUMENT` when options is not an object
 * @example
 * ```ts
 * readOptions(undefined, ["options"]); // {}
 * ```
 */
export function readOptions(value: unknown, path: ErrorPath): Readonly<Record<string, unknown>> {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(path)} must be an object or undefined; got ${describeValue(value)}`, { path });
  }
  return value as Readonly<Record<string, unknown>>;
}
