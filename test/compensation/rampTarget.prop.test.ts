import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal, rampTarget, splitPeriod } from "../../src/index.js";

const SEED = 20260423;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = fc.integer({ min: 0, max: 3 * 366 }).map((n) => iso(new Date(Date.UTC(2025, 0, 1 + n))));
const period = fc.tuple(day, fc.integer({ min: 0, max: 200 })).map(([start, len]) => {
  const [y, m, d] = start.split("-").map(Number) as [number, number, number];
  return { start, end: iso(new Date(Date.UTC(y, m - 1, d + len))), label: "p" };
});
/** A rising schedule of factors in hundredths, as ramps are. */
const schedule = fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 6 }).map((xs) => [...xs].sort((a, b) => a - b).map((x) => new Decimal(x).div(100).toString()));
const target = fc.bigInt({ min: 0n, max: 10n ** 12n }).map((c) => new Decimal(c.toString()).div(100));

describe("rampTarget properties", () => {
  it("the factor is from 0 to 1 and the target is the full target times it, rounded once", () => {
    fc.assert(
      fc.property(target, schedule, day, period, (t, s, start, p) => {
        const r = rampTarget(t, s, start, p);
        expect(r.factor.gte(0) && r.factor.lte(1)).toBe(true);
        expect(r.target.minus(t.times(r.factor)).abs().lte("0.005")).toBe(true);
        expect(r.target.lte(t)).toBe(true);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it("a period of whole months has the mean of its months' factors", () => {
    const months = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 12 })).map(([from, count]) => {
      const first = new Date(Date.UTC(2025, from, 1));
      const last = new Date(Date.UTC(2025, from + count, 0));
      return { start: iso(first), end: iso(last), label: "m" };
    });
    fc.assert(
      fc.property(schedule, day, months, (s, start, p) => {
        const r = rampTarget(100, s, start, p);
        const parts = splitPeriod(p, "month");
        expect(r.months.length).toBe(parts.length);
        const mean = r.months.reduce((a, m) => a.plus(m.factor), new Decimal(0)).div(parts.length);
        expect(r.factor.minus(mean).abs().lt("1e-35")).toBe(true);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it("starting later never raises the target (the schedule rises)", () => {
    fc.assert(
      fc.property(target, schedule, day, day, period, (t, s, a, b, p) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(rampTarget(t, s, late, p).target.lte(rampTarget(t, s, early, p).target)).toBe(true);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it("is deterministic and does not mutate its input", () => {
    fc.assert(
      fc.property(target, schedule, day, period, (t, s, start, p) => {
        const copies = structuredClone({ s, p });
        const first = JSON.stringify(rampTarget(t, s, start, p));
        expect({ s, p }).toEqual(copies);
        expect(JSON.stringify(rampTarget(t, s, start, p))).toBe(first);
      }),
      { numRuns: 200, seed: SEED },
    );
  });
});
