import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal, roundTo } from "../../src/numeric/index.js";
import { prorateTarget } from "../../src/targets/index.js";
import { daysOf, periodArb } from "../period/arbitraries.js";

const targetArb = fc.bigInt({ min: 0n, max: 10n ** 12n }).map((units) => new Decimal(units.toString()).div(1000));
const basisArb = fc.constantFrom("calendar-days" as const, "business-days" as const);

describe("prorateTarget properties", () => {
  it("prorating the whole period gives the whole target (rounded to the scale)", () => {
    fc.assert(
      fc.property(targetArb, periodArb(400), basisArb, (target, period, basis) => {
        const options = { basis, weekend: [] as number[] };
        expect(prorateTarget(target, period, { from: period.start, to: period.end }, options).eq(roundTo(target, 2))).toBe(true);
        expect(prorateTarget(target, period, { from: period.start }, options).eq(roundTo(target, 2))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("more active days never give less, and never more than the target", () => {
    fc.assert(
      fc.property(targetArb, periodArb(200), basisArb, fc.nat(), fc.nat(), fc.nat(), (target, period, basis, a, b, c) => {
        fc.pre(basis === "calendar-days" || period.start !== period.end);
        const days = daysOf(period);
        const [inner, outer] = [a % days.length, b % days.length].sort((x, y) => x - y) as [number, number];
        const earlier = c % (inner + 1);
        const options = { basis, weekend: basis === "business-days" ? [] : undefined };
        const shorter = prorateTarget(target, period, { from: days[inner] as string, to: days[outer] as string }, options);
        const longer = prorateTarget(target, period, { from: days[earlier] as string, to: days[outer] as string }, options);
        expect(longer.gte(shorter)).toBe(true);
        expect(shorter.gte(0)).toBe(true);
        expect(longer.lte(roundTo(target, 2))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
