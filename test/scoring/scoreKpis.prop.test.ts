import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal } from "../../src/numeric/index.js";
import { scoreKpis, type KpiSpec, type KpiValue } from "../../src/scoring/index.js";

/** 1–6 KPIs with integer weights scaled to sum exactly 1 (by giving the last the remainder). */
const scorecard = fc
  .array(
    fc.record({
      w: fc.integer({ min: 0, max: 100 }),
      direction: fc.constantFrom("higher" as const, "lower" as const),
      cap: fc.option(fc.integer({ min: 100, max: 200 }).map((n) => new Decimal(n).div(100)), { nil: undefined }),
      curved: fc.boolean(),
      difficulty: fc.option(fc.integer({ min: 80, max: 130 }).map((n) => new Decimal(n).div(100)), { nil: undefined }),
      actual: fc.integer({ min: 0, max: 2_000_000 }),
      target: fc.integer({ min: 1, max: 1_000_000 }),
      present: fc.boolean(),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((rows) => {
    const total = rows.reduce((s, r) => s + r.w, 0) || 1;
    let assigned = new Decimal(0);
    const kpis: KpiSpec[] = rows.map((r, i) => {
      const weight = i === rows.length - 1 ? new Decimal(1).minus(assigned) : new Decimal(r.w).div(total).toDecimalPlaces(6);
      assigned = assigned.plus(weight);
      return {
        id: `k${i}`,
        weight,
        direction: r.direction,
        ...(r.cap === undefined ? {} : { cap: r.cap }),
        ...(r.difficulty === undefined ? {} : { difficulty: r.difficulty }),
        ...(r.curved ? { curve: { points: [{ x: 0.8, y: 50 }, { x: 1, y: 100 }, { x: 1.3, y: 160 }], below: "zero" as const } } : {}),
      };
    });
    const values: Record<string, KpiValue> = {};
    rows.forEach((r, i) => {
      if (r.present) values[`k${i}`] = { actual: r.actual, target: r.target };
    });
    return { kpis, values };
  })
  .filter(({ kpis }) => kpis.every((k) => !(k.weight as Decimal).isNegative()));

describe("scoreKpis properties", () => {
  it("a scorecard does not depend on the order of its KPIs", () => {
    fc.assert(
      fc.property(scorecard, fc.func(fc.integer()), fc.constantFrom("zero" as const, "reweight" as const), ({ kpis, values }, key, missing) => {
        const shuffled = [...kpis].map((k, i) => ({ k, r: key(i) })).sort((a, b) => a.r - b.r).map(({ k }) => k);
        let before;
        try {
          before = scoreKpis(kpis, values, { missing });
        } catch {
          return; // nothing to reweight: the shuffled card must refuse too
        }
        const after = scoreKpis(shuffled, values, { missing });
        expect(after.score.eq(before.score)).toBe(true);
        for (const line of after.lines) {
          const same = before.lines.find((l) => l.id === line.id);
          expect(line.contribution.eq(same?.contribution as Decimal)).toBe(true);
        }
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('"reweight" equals scoring with the rescaled weights by hand', () => {
    fc.assert(
      fc.property(scorecard, ({ kpis, values }) => {
        const present = kpis.filter((k) => values[k.id] !== undefined);
        const presentWeight = present.reduce((s, k) => s.plus(k.weight as Decimal), new Decimal(0));
        fc.pre(!presentWeight.isZero());
        const byHand = present.map((k) => ({ ...k, weight: (k.weight as Decimal).div(presentWeight) }));
        const expected = scoreKpis(byHand, values);
        const actual = scoreKpis(kpis, values, { missing: "reweight" });
        expect(actual.score.eq(expected.score)).toBe(true);
        for (const line of expected.lines) {
          expect(actual.lines.find((l) => l.id === line.id)?.contribution.eq(line.contribution)).toBe(true);
        }
      }),
      { numRuns: 200, seed: 12 },
    );
  });

  it("the score is the sum of the lines' contributions, each weight · points", () => {
    fc.assert(
      fc.property(scorecard, ({ kpis, values }) => {
        const result = scoreKpis(kpis, values, { missing: "zero" });
        const sum = result.lines.reduce((s, l) => s.plus(l.contribution), new Decimal(0));
        expect(result.score.minus(sum).abs().lte("1e-30")).toBe(true);
        for (const line of result.lines) expect(line.contribution.eq(line.weight.times(line.points))).toBe(true);
      }),
      { numRuns: 150, seed: 13 },
    );
  });
});
