import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { nps } from "../../src/metrics/index.js";

const responses = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 200 });

describe("nps properties", () => {
  it("always lies between −100 and 100", () => {
    fc.assert(
      fc.property(responses, (list) => {
        const score = nps(list).score;
        expect(score.gte(-100) && score.lte(100)).toBe(true);
      }),
      { numRuns: 300, seed: 4 },
    );
  });

  it("equals the count formula 100 · (promoters − detractors) / total", () => {
    fc.assert(
      fc.property(responses, (list) => {
        const promoters = list.filter((r) => r >= 9).length;
        const passives = list.filter((r) => r === 7 || r === 8).length;
        const detractors = list.filter((r) => r <= 6).length;
        const fromList = nps(list);
        const fromCounts = nps({ promoters, passives, detractors });
        expect(fromList).toEqual(fromCounts);
        expect(fromList.score.times(list.length).toDecimalPlaces(20).eq(100 * (promoters - detractors))).toBe(true);
        expect(fromList.total).toBe(list.length);
      }),
      { numRuns: 300, seed: 4 },
    );
  });

  it("does not depend on the order of the responses", () => {
    fc.assert(
      fc.property(responses, (list) => {
        expect(nps([...list].reverse()).score.eq(nps(list).score)).toBe(true);
      }),
      { numRuns: 100, seed: 4 },
    );
  });
});
