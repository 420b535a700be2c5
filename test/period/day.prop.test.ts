import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { dayCount, formatDay, localDay, nextDay, parseDay, toDay } from "../../src/period/day.js";

/** Days from 0001-01-01 to 9999-12-31. */
const LAST = 3_652_058;

/** The day `n` days after 0001-01-01, as yyyy-MM-dd, by UTC arithmetic (no time zone, no date-fns). */
function dayAfterYearOne(n: number): string {
  const utc = new Date(Date.UTC(2000, 0, 1));
  utc.setUTCFullYear(1, 0, 1);
  utc.setUTCDate(utc.getUTCDate() + n);
  return `${String(utc.getUTCFullYear()).padStart(4, "0")}-${String(utc.getUTCMonth() + 1).padStart(2, "0")}-${String(utc.getUTCDate()).padStart(2, "0")}`;
}

/** A real day from 0001-01-01 to the `last`-th day after it, with its number `n` of days since 0001-01-01. */
const dayIn = (last: number): fc.Arbitrary<{ text: string; n: number }> =>
  fc.integer({ min: 0, max: last }).map((n) => ({ text: dayAfterYearOne(n), n }));
const dayArb = dayIn(LAST);

/** Whether year-month-day exists, by UTC arithmetic (independent of date-fns). */
function exists(year: number, month: number, day: number): boolean {
  const utc = new Date(Date.UTC(2000, 0, 1));
  utc.setUTCFullYear(year, month - 1, day);
  return year >= 1 && utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
}

describe("day arithmetic properties", () => {
  it("parseDay and formatDay round-trip every real day", () => {
    fc.assert(
      fc.property(dayArb, ({ text }) => {
        const day = parseDay(text);
        expect(day).toBeInstanceOf(Date);
        expect(formatDay(day as Date)).toBe(text);
        expect((day as Date).getHours()).toBe(0);
      }),
      { numRuns: 500, seed: 20261207 },
    );
  });

  it("parseDay accepts a yyyy-MM-dd text exactly when the day exists", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (y, m, d) => {
        const text = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        expect(parseDay(text) !== undefined).toBe(m <= 12 && d <= 31 && exists(y, m, d));
      }),
      { numRuns: 1000, seed: 20261207 },
    );
  });

  it("dayCount is the difference in days plus one, whatever the time zone", () => {
    fc.assert(
      fc.property(dayArb, dayArb, (a, b) => {
        expect(dayCount(toDay(a.text), toDay(b.text))).toBe(b.n - a.n + 1);
      }),
      { numRuns: 500, seed: 20261207 },
    );
  });

  it("nextDay is one day on: the next date, counted as 2 days with it", () => {
    fc.assert(
      // up to 9999-12-30: the library's days end at 9999-12-31
      fc.property(dayIn(LAST - 1), ({ text }) => {
        const next = nextDay(text);
        expect(dayCount(toDay(text), toDay(next))).toBe(2);
        const [y, m, d] = text.split("-").map(Number) as [number, number, number];
        expect(next).toBe(formatDay(localDay(y, m - 1, d + 1)));
        expect(next > text).toBe(true);
      }),
      { numRuns: 500, seed: 20261207 },
    );
  });

  it("dayCount adds up over adjacent spans: count(a, b) + count(b, c) − 1 = count(a, c)", () => {
    fc.assert(
      fc.property(dayArb, dayArb, dayArb, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.n - q.n).map((d) => toDay(d.text)) as [Date, Date, Date];
        expect(dayCount(a, b) + dayCount(b, c) - 1).toBe(dayCount(a, c));
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });
});
