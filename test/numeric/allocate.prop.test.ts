import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal, allocate } from "../../src/index.js";

const scales = fc.integer({ min: 0, max: 4 });
const totals = (scale: number) =>
  fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map((units) => new Decimal(units.toString()).div(new Decimal(10).pow(scale)));
const weight = fc.oneof(
  fc.constant("0"),
  fc.integer({ min: 0, max: 1_000_000 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 9 })).map(([d, p]) => new Decimal(d).div(new Decimal(10).pow(p)).toString()),
);
const weights = fc.array(weight, { minLength: 1, maxLength: 30 }).filter((ws) => ws.some((w) => !new Decimal(w).isZero()));
const cases = scales.chain((scale) => fc.tuple(fc.constant(scale), totals(scale), weights));

describe("allocate properties", () => {
  it("parts always sum to the total exactly", () => {
    fc.assert(
      fc.property(cases, ([scale, total, ws]) => {
        const parts = allocate(total, ws, { scale });
        expect(parts.reduce((a, b) => a.plus(b), new Decimal(0)).eq(total)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("every part is within one step of its exact share and a multiple of the step", () => {
    fc.assert(
      fc.property(cases, ([scale, total, ws]) => {
        const step = new Decimal(10).pow(-scale);
        const sum = ws.reduce((a, w) => a.plus(w), new Decimal(0));
        allocate(total, ws, { scale }).forEach((part, i) => {
          const exact = total.times(ws[i] as string).div(sum);
          expect(part.minus(exact).abs().lt(step)).toBe(true);
          expect(part.div(step).isInteger()).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("a zero weight always gets exactly zero", () => {
    fc.assert(
      fc.property(cases, ([scale, total, ws]) => {
        allocate(total, ws, { scale }).forEach((part, i) => {
          if (new Decimal(ws[i] as string).isZero()) {
            expect(part.isZero()).toBe(true);
            expect(part.isNegative()).toBe(false);
          }
        });
      }),
    );
  });

  it("allocate(−t) mirrors allocate(t) part by part", () => {
    fc.assert(
      fc.property(cases, ([scale, total, ws]) => {
        const plus = allocate(total, ws, { scale });
        const minus = allocate(total.negated(), ws, { scale });
        plus.forEach((part, i) => expect(minus[i]?.eq(part.negated())).toBe(true));
      }),
    );
  });

  it("depends only on its input: same input, same output; scaled weights, same output", () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 1, max: 1000 }), ([scale, total, ws], factor) => {
        const first = allocate(total, ws, { scale }).map(String);
        expect(allocate(total, [...ws], { scale }).map(String)).toEqual(first);
        const scaled = ws.map((w) => new Decimal(w).times(factor));
        expect(allocate(total, scaled, { scale }).map(String)).toEqual(first);
      }),
    );
  });

  it("matches a brute-force largest-remainder on small integer cases", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 8 }).filter((ws) => ws.some((w) => w > 0)), (total, ws) => {
        const sum = ws.reduce((a, b) => a + b, 0);
        const floors = ws.map((w) => Math.floor((total * w) / sum));
        const remainders = ws.map((w) => (total * w) % sum);
        let left = total - floors.reduce((a, b) => a + b, 0);
        const order = ws.map((_, i) => i).sort((a, b) => (remainders[b] as number) - (remainders[a] as number) || a - b);
        for (const i of order) {
          if (left === 0) break;
          floors[i] = (floors[i] as number) + 1;
          left--;
        }
        expect(allocate(total, ws, { scale: 0 }).map(Number)).toEqual(floors);
      }),
      { numRuns: 500 },
    );
  });
});
