import type { Period, PeriodUnit } from "./Period.js";
import { readPeriod, readUnit, unitAt } from "./calendar.js";
import { nextDay } from "./day.js";
import { guard } from "../errors/index.js";

/**
 * Cuts a period into halves, quarters, calendar months or ISO weeks: contiguous, no gaps, no
 * overlaps, exactly covering the period (期间拆分：年 → 半年 → 季 → 月 → 周).
 *
 * - `"half"` / `"quarter"`: blocks of 6 / 3 calendar months counted from the period's own start
 *   month, so a fiscal year starting in April has Q1 = Apr–Jun. Labelled parent label + unit,
 *   numbered from 1: `FY2026-H2`, `FY2026-Q1`; a parent labelled `2026` gives `2026-Q1`; an empty
 *   parent label gives plain `Q1`. A period longer than a year keeps counting (`Q5`, `H3`), so
 *   labels stay distinct.
 * - `"month"`: calendar months, labelled `yyyy-MM` (`2026-03`).
 * - `"week"`: ISO weeks, Monday to Sunday, labelled with the ISO week-numbering year and week
 *   (`2026-W09`; 2027-01-01 falls in `2026-W53`).
 *
 * A unit cut by the start or end of the period is trimmed to it (a period starting on 15 March
 * has a first month of 15–31 March, still labelled `2026-03`).
 *
 * @category Periods
 * @param period - the period to cut
 * @param unit - `"half" | "quarter" | "month" | "week"`
 * @returns the sub-periods in order; the first starts on `period.start`, the last ends on `period.end`
 * @throws {PayscoreError} `INVALID_ARGUMENT` for an impossible date, an end before the start or an unknown unit
 *
 * @example
 * ```ts
 * splitPeriod(fiscalYear(2026, { startMonth: 4 }), "quarter");
 * // [{ start: "2026-04-01", end: "2026-06-30", label: "FY2026-Q1" }, … ,
 * //  { start: "2027-01-01", end: "2027-03-31", label: "FY2026-Q4" }]
 * splitPeriod({ start: "2026-02-25", end: "2026-03-04", label: "" }, "week");
 * // [{ start: "2026-02-25", end: "2026-03-01", label: "2026-W09" },
 * //  { start: "2026-03-02", end: "2026-03-04", label: "2026-W10" }]
 * ```
 */
export function splitPeriod(period: Period, unit: PeriodUnit): Period[] {
  return guard(computeSplitPeriod, [period, unit]);
}

function computeSplitPeriod(period: Period, unit: PeriodUnit): Period[] {
  const whole = readPeriod(period, ["period"]);
  const by = readUnit(unit, ["unit"]);
  const parts: Period[] = [];
  let cursor = whole.start;
  for (;;) {
    const part = unitAt(whole, by, cursor);
    parts.push(part);
    if (part.end === whole.end) return parts;
    cursor = nextDay(part.end);
  }
}
