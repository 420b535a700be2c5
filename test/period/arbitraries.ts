import fc from "fast-check";
import { addDays, format } from "date-fns";
import type { Period } from "../../src/period/index.js";

/** A day from 1901 to about 2099, as yyyy-MM-dd (built at local midnight, like the library). */
export const isoDay = fc.integer({ min: 0, max: 72000 }).map((n) => format(addDays(new Date(1901, 0, 1), n), "yyyy-MM-dd"));

/** A period of 1 to `maxDays` days. */
export const periodArb = (maxDays = 500): fc.Arbitrary<Period> =>
  fc
    .tuple(fc.integer({ min: 0, max: 72000 }), fc.integer({ min: 0, max: maxDays - 1 }), fc.constantFrom("", "FY2026", "2026", "P"))
    .map(([from, length, label]) => {
      const start = addDays(new Date(1901, 0, 1), from);
      return { start: format(start, "yyyy-MM-dd"), end: format(addDays(start, length), "yyyy-MM-dd"), label };
    });

export const unitArb = fc.constantFrom("half" as const, "quarter" as const, "month" as const, "week" as const);

/** The day after `day`. */
export const dayAfter = (day: string): string => {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new Date(2000, 0, 1);
  date.setFullYear(y, m - 1, d);
  return format(addDays(date, 1), "yyyy-MM-dd");
};

/** Every day of a period, one by one (the slow reference). */
export const daysOf = (period: Period): string[] => {
  const days: string[] = [];
  for (let day = period.start; day <= period.end; day = dayAfter(day)) days.push(day);
  return days;
};
