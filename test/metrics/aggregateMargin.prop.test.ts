import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal } from "../../src/numeric/index.js";
import { aggregateMargin, orderMargin } from "../../src/metrics/index.js";

const line = fc.record({
  revenue: fc.integer({ min: 1, max: 100_000_000 }).map((n) => new Decimal(n).div(100)),
  cost: fc.integer({ min: 0, max: 150_000_000 }).map((n) => new Decimal(n).div(100)),
});

describe("aggregateMargin properties", () => {
  it("equals the revenue-weighted mean of the line margins", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        let weighted = new Decimal(0);
        let revenue = new Decimal(0);
        for (const l of lines) {
          weighted = weighted.plus(orderMargin(l.revenue, l.cost).times(l.revenue));
          revenue = revenue.plus(l.revenue);
        }
        const mean = weighted.div(revenue);
        // line margins are rounded to 40 digits, so compare to 30 significant digits
        const difference = aggregateMargin(lines).minus(mean).abs();
        expect(difference.lte(new Decimal("1e-30").times(mean.abs().plus(1)))).toBe(true);
      }),
      { numRuns: 200, seed: 4 },
    );
  });

  it("lies between the smallest and the largest line margin", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const margins = lines.map((l) => orderMargin(l.revenue, l.cost));
        const result = aggregateMargin(lines);
        expect(result.gte(Decimal.min(...margins))).toBe(true);
        expect(result.lte(Decimal.max(...margins))).toBe(true);
      }),
      { numRuns: 200, seed: 4 },
    );
  });
});
