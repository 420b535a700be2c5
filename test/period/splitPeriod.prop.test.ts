import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { calendarDays, periodOf, splitPeriod } from "../../src/period/index.js";
import { dayAfter, periodArb, unitArb } from "./arbitraries.js";

describe("splitPeriod properties", () => {
  it("partitions any period for any unit: contiguous, no overlap, exact cover", () => {
    fc.assert(
      fc.property(periodArb(), unitArb, (period, unit) => {
        const parts = splitPeriod(period, unit);
        expect(parts[0]?.start).toBe(period.start);
        expect(parts[parts.length - 1]?.end).toBe(period.end);
        parts.forEach((part, i) => {
          expect(part.start <= part.end).toBe(true);
          const next = parts[i + 1];
          if (next !== undefined) expect(next.start).toBe(dayAfter(part.end));
        });
        expect(parts.reduce((sum, part) => sum + calendarDays(part), 0)).toBe(calendarDays(period));
      }),
      { numRuns: 120 },
    );
  });

  it("labels are distinct and periodOf finds each part from any of its ends", () => {
    fc.assert(
      fc.property(periodArb(), unitArb, (period, unit) => {
        const parts = splitPeriod(period, unit);
        expect(new Set(parts.map((part) => part.label)).size).toBe(parts.length);
        for (const part of parts) {
          expect(periodOf(part.start, period, unit)).toEqual(part);
          expect(periodOf(part.end, period, unit)).toEqual(part);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("every unit fits its kind: months within one calendar month, weeks within one ISO week, quarters within three months", () => {
    fc.assert(
      fc.property(periodArb(), unitArb, (period, unit) => {
        for (const part of splitPeriod(period, unit)) {
          const days = calendarDays(part);
          const limit = { week: 7, month: 31, quarter: 92, half: 184 }[unit];
          expect(days).toBeLessThanOrEqual(limit);
          if (unit === "month") expect(part.start.slice(0, 7)).toBe(part.end.slice(0, 7));
          if (unit === "month") expect(part.label).toBe(part.start.slice(0, 7));
        }
      }),
      { numRuns: 100 },
    );
  });
});
