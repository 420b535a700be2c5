import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { aggregate360, type Aggregate360Options, type Rating360, type Review360Result } from "../../src/review360/index.js";

const GROUPS = ["manager", "peer", "subordinate", "customer"] as const;
const COMPETENCIES = ["results", "teamwork", "ethics"] as const;

const rating = (group: fc.Arbitrary<string>): fc.Arbitrary<Rating360> =>
  fc.record({
    rater: fc.constantFrom("a", "b", "c", "d", "e"),
    group,
    score: fc.integer({ min: 10, max: 50 }).map((n) => n / 10),
    competency: fc.constantFrom(...COMPETENCIES),
  });

const options: fc.Arbitrary<Aggregate360Options> = fc.record({
  weights: fc.record({
    manager: fc.integer({ min: 0, max: 50 }),
    peer: fc.integer({ min: 0, max: 50 }),
    subordinate: fc.integer({ min: 0, max: 50 }),
    customer: fc.integer({ min: 0, max: 50 }),
  }),
  minRaters: fc.oneof(
    fc.integer({ min: 1, max: 3 }),
    fc.record({ subordinate: fc.integer({ min: 1, max: 4 }), customer: fc.integer({ min: 1, max: 4 }) }),
  ),
  competencyWeights: fc.option(fc.record({ results: fc.integer({ min: 1, max: 5 }), teamwork: fc.integer({ min: 0, max: 5 }), ethics: fc.integer({ min: 0, max: 5 }) }), {
    nil: undefined,
  }),
}).map((o) => (o.competencyWeights === undefined ? { weights: o.weights, minRaters: o.minRaters } : o) as Aggregate360Options);

/** The result as strings, for exact comparison. */
function plainResult(r: Review360Result): unknown {
  return { score: r.score?.toString() ?? null, groups: r.groups.map((g) => ({ ...g, mean: g.mean?.toString() ?? null, weight: g.weight.toString() })) };
}

describe("aggregate360 properties", () => {
  it("results do not depend on the order of ratings", () => {
    fc.assert(
      fc.property(fc.array(rating(fc.constantFrom(...GROUPS)), { maxLength: 25 }), options, fc.func(fc.integer()), (ratings, o, key) => {
        const shuffled = ratings.map((r, i) => ({ r, k: key(i) })).sort((a, b) => a.k - b.k).map(({ r }) => r);
        expect(plainResult(aggregate360(shuffled, o))).toEqual(plainResult(aggregate360(ratings, o)));
      }),
      { numRuns: 200, seed: 21 },
    );
  });

  it("an excluded group's ratings can change arbitrarily without changing anything but its rater count", () => {
    // At most three subordinates rate, and the subordinates need four: they are always excluded.
    const others = fc.array(rating(fc.constantFrom("manager", "peer", "customer")), { maxLength: 15 });
    const subordinates = fc.array(
      rating(fc.constant("subordinate")).chain((r) => fc.constantFrom("s1", "s2", "s3").map((rater) => ({ ...r, rater }))),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(others, options, subordinates, subordinates, (rest, o, a, b) => {
        const opts: Aggregate360Options = { ...o, minRaters: { subordinate: 4 } };
        const withA = aggregate360([...rest, ...a], opts);
        const withB = aggregate360([...rest, ...b], opts);
        const strip = (r: Review360Result) => {
          const p = plainResult(r) as { groups: { group: string }[] };
          return { ...p, groups: p.groups.map((g) => (g.group === "subordinate" ? { ...g, raters: "any", reason: "excluded" } : g)) };
        };
        expect(withA.groups[2]).toMatchObject({ group: "subordinate", mean: null, included: false });
        expect(withA.groups[2]?.weight.isZero()).toBe(true);
        expect(strip(withA)).toEqual(strip(withB));
      }),
      { numRuns: 200, seed: 22 },
    );
  });

  it("the included weights sum to 1 and the score is their weighted mean", () => {
    fc.assert(
      fc.property(fc.array(rating(fc.constantFrom(...GROUPS)), { maxLength: 25 }), options, (ratings, o) => {
        const result = aggregate360(ratings, o);
        const included = result.groups.filter((g) => g.included);
        const sum = included.reduce((s, g) => s.plus(g.weight), result.groups[0]?.weight.times(0) ?? (0 as never));
        if (result.score === null) {
          expect(included.every((g) => g.weight.isZero())).toBe(true);
        } else {
          expect(sum.minus(1).abs().lte("1e-38")).toBe(true);
          const min = Math.min(...included.filter((g) => !g.weight.isZero()).map((g) => g.mean?.toNumber() ?? 0));
          const max = Math.max(...included.filter((g) => !g.weight.isZero()).map((g) => g.mean?.toNumber() ?? 0));
          expect(result.score.toNumber()).toBeGreaterThanOrEqual(min - 1e-9);
          expect(result.score.toNumber()).toBeLessThanOrEqual(max + 1e-9);
        }
      }),
      { numRuns: 200, seed: 23 },
    );
  });
});
