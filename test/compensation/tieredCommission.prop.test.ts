import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal, tieredCommission } from "../../src/index.js";

// Tiers from 0 with rising starts; rates in basis points.
const tiersArb = (rising: boolean) =>
  fc.array(fc.tuple(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 0, max: 2000 })), { minLength: 1, maxLength: 5 }).map((steps) => {
    let from = 0;
    let rate = 0;
    return steps.map(([gap, bp], i) => {
      const tier = { from: i === 0 ? 0 : (from += gap), rate: rising ? (rate += bp) / 10000 : bp / 10000 };
      return tier;
    });
  });
const amount = fc.integer({ min: 0, max: 10_000_000 }).map((cents) => new Decimal(cents).div(100));

describe("tieredCommission properties", () => {
  it("marginal commission never falls as the amount rises", () => {
    fc.assert(
      fc.property(tiersArb(false), amount, amount, (tiers, a, b) => {
        const [low, high] = a.lte(b) ? [a, b] : [b, a];
        expect(tieredCommission(low, tiers).lte(tieredCommission(high, tiers))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("marginal commission is continuous: one fen more adds at most one fen times the top rate", () => {
    fc.assert(
      fc.property(tiersArb(false), amount, (tiers, a) => {
        const top = Decimal.max(...tiers.map((t) => t.rate));
        const step = new Decimal("0.01");
        const jump = tieredCommission(a.plus(step), tiers).minus(tieredCommission(a, tiers));
        expect(jump.gte(0) && jump.lte(step.times(top))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("retroactive pays at least marginal when rates rise", () => {
    fc.assert(
      fc.property(tiersArb(true), amount, (tiers, a) => {
        expect(tieredCommission(a, tiers, { mode: "retroactive" }).gte(tieredCommission(a, tiers))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
