import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal } from "../../src/numeric/index.js";
import { stageConversion } from "../../src/metrics/index.js";

const counts = fc.tuple(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 1_000_000 }));

describe("stageConversion properties", () => {
  it("stage rates multiply to the overall rate", () => {
    fc.assert(
      fc.property(counts, ([head, last]) => {
        const funnel = [...head, last].map((count, i) => ({ stage: `s${i}`, count }));
        const rates = stageConversion(funnel);
        expect(rates).toHaveLength(funnel.length);
        const overall = rates[rates.length - 1] as { from: string; to: string; rate: Decimal };
        expect([overall.from, overall.to]).toEqual(["s0", `s${funnel.length - 1}`]);
        let product = new Decimal(1);
        for (const r of rates.slice(0, -1)) product = product.times(r.rate);
        // each rate is exact to 40 significant digits, so the product agrees to about 35
        expect(product.minus(overall.rate).abs().lte(new Decimal("1e-35").times(overall.rate.plus(1)))).toBe(true);
        expect(overall.rate.eq(new Decimal(last).div(head[0] as number))).toBe(true);
      }),
      { numRuns: 300, seed: 4 },
    );
  });

  it("a non-increasing funnel has every rate between 0 and 1", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 2, maxLength: 8 }), (values) => {
        const sorted = [...values].sort((a, b) => b - a);
        const rates = stageConversion(sorted.map((count, i) => ({ stage: `s${i}`, count })));
        for (const r of rates) expect(r.rate.gte(0) && r.rate.lte(1)).toBe(true);
      }),
      { numRuns: 200, seed: 4 },
    );
  });
});
