import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal } from "../../src/numeric/index.js";
import { calibrate360, type Rating360 } from "../../src/review360/index.js";

const ratings = fc.array(
  fc.record({
    rater: fc.constantFrom("a", "b", "c"),
    group: fc.constantFrom("peer", "manager"),
    score: fc.integer({ min: 1, max: 5 }),
  }),
  { minLength: 1, maxLength: 20 },
);

describe("calibrate360 properties", () => {
  it("at full strength every rater's calibrated mean is the centre", () => {
    fc.assert(
      fc.property(ratings, (rs: Rating360[]) => {
        const result = calibrate360(rs);
        const byRater = new Map<string, Decimal[]>();
        for (const r of result) byRater.set(`${r.group}/${r.rater}`, [...(byRater.get(`${r.group}/${r.rater}`) ?? []), r.score]);
        const means = [...byRater.values()].map((s) => s.reduce((a, b) => a.plus(b), new Decimal(0)).div(s.length));
        for (const m of means) expect(m.minus(means[0] as Decimal).abs().lte("1e-35")).toBe(true);
      }),
      { numRuns: 200, seed: 31 },
    );
  });

  it("does not depend on the order of ratings", () => {
    fc.assert(
      fc.property(ratings, fc.func(fc.integer()), (rs: Rating360[], key) => {
        const order = rs.map((_, i) => i).sort((x, y) => key(x) - key(y));
        const before = calibrate360(rs).map((r) => r.score.toString());
        const after = calibrate360(order.map((i) => rs[i] as Rating360)).map((r) => r.score.toString());
        expect(order.map((i) => before[i])).toEqual(after);
      }),
      { numRuns: 200, seed: 32 },
    );
  });
});
