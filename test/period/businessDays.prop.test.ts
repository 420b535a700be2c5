import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { businessDays, calendarDays, splitPeriod } from "../../src/period/index.js";
import { daysOf, isoDay, periodArb, unitArb } from "./arbitraries.js";

const weekdayOf = (day: string): number => {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
};

const lists = fc
  .tuple(fc.array(isoDay, { maxLength: 20 }), fc.array(isoDay, { maxLength: 10 }), fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }))
  .map(([holidays, workdays, weekend]) => ({ holidays, workdays: workdays.filter((day) => !holidays.includes(day)), weekend }));

describe("businessDays properties", () => {
  it("matches a day-by-day count", () => {
    fc.assert(
      fc.property(periodArb(120), lists, (period, { holidays, workdays, weekend }) => {
        // put some of the list days inside the period
        const inside = daysOf(period);
        const h = [...holidays, ...inside.filter((_, i) => i % 11 === 3)];
        const w = [...workdays, ...inside.filter((_, i) => i % 13 === 5)].filter((day) => !h.includes(day));
        const expected = inside.filter((day) => (weekend.includes(weekdayOf(day)) ? w.includes(day) : !h.includes(day))).length;
        expect(businessDays(period, { holidays: h, workdays: w, weekend })).toBe(expected);
      }),
      { numRuns: 120 },
    );
  });

  it("business days add up across a split", () => {
    fc.assert(
      fc.property(periodArb(), unitArb, lists, (period, unit, options) => {
        const parts = splitPeriod(period, unit);
        const sum = parts.reduce((total, part) => total + businessDays(part, options), 0);
        expect(sum).toBe(businessDays(period, options));
      }),
      { numRuns: 100 },
    );
  });

  it("lies between 0 and the number of calendar days", () => {
    fc.assert(
      fc.property(periodArb(), lists, (period, options) => {
        const count = businessDays(period, options);
        expect(count).toBeGreaterThanOrEqual(0);
        expect(count).toBeLessThanOrEqual(calendarDays(period));
      }),
      { numRuns: 100 },
    );
  });
});
