import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";
import { forcedDistribution, type ScoredEntry } from "../../src/grading/index.js";
import { Decimal } from "../../src/numeric/index.js";
import { forcedDistributionReference } from "./forcedDistributionReference.js";

// The per-call pattern grades scoreKpis's scores: 40-digit Decimals. Those are ordered by a
// double key (the first 15 digits) and only runs of equal keys by the exact values. Here scores
// share keys on purpose — equal values in different instances, values apart only past the 15th
// digit on either side, shorter values with the same key — so the runs are ordered exactly as
// the Decimal reference orders them.

const base = [1, 2, 3, 7, 700].map((k) => new Decimal(100 * k).div(7));
const longScore = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 97 })).map(([a, b]) => new Decimal(a).div(b)) },
  { weight: 3, arbitrary: fc.constantFrom(...base) },
  // The same value as another instance, and values a hair above or below (same double key).
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...base), fc.constantFrom("0", "1e-35", "-1e-35", "1e-20", "-1e-20")).map(([s, d]) => s.plus(d)) },
  // A short value with the key of a long one: the long one cut to 15 digits.
  { weight: 1, arbitrary: fc.constantFrom(...base).map((s) => s.toSignificantDigits(15, Decimal.ROUND_DOWN)) },
  { weight: 1, arbitrary: fc.constantFrom(0, 50, 100, -0, 14.285714285714286, "14.28571428571428571428571428571428571429") },
);
const quotas = fc.constantFrom(
  [{ grade: "A", share: 0.2 }, { grade: "B", share: 0.7 }, { grade: "C", share: 0.1 }],
  [{ grade: "A", share: "0.5" }, { grade: "B", share: "0.5" }],
  [{ grade: "A", share: 1 }],
);

function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof PayscoreError)) throw error;
    return { code: error.code, path: error.path, message: error.message };
  }
}

describe("forcedDistribution on 40-digit scores", () => {
  it("ranks and grades exactly as the Decimal reference, through runs of equal double keys", () => {
    fc.assert(
      fc.property(fc.array(longScore, { minLength: 1, maxLength: 80 }), quotas, fc.constantFrom("share-grade" as const, "by-order" as const), (scores, q, ties) => {
        const entries = scores.map((score, i) => ({ id: `p${i}`, score })) as ScoredEntry[];
        expect(outcome(() => forcedDistribution(entries, q, { ties }))).toEqual(outcome(() => forcedDistributionReference(entries, q, { ties })));
      }),
      { seed: 20261209, numRuns: 500 },
    );
  }, 60_000);

  it("orders a run of equal keys by the exact scores, equal scores in input order", () => {
    const s = new Decimal(100).div(7); // 14.28571428571428571428571428571428571429
    const entries = [
      { id: "a", score: s.minus("1e-35") },
      { id: "b", score: s },
      { id: "c", score: s.plus("1e-35") },
      { id: "d", score: new Decimal(s.toString()) },
      { id: "e", score: s.toSignificantDigits(15, Decimal.ROUND_DOWN) },
    ];
    const graded = forcedDistribution(entries, [{ grade: "A", share: "0.4" }, { grade: "B", share: "0.6" }], { ties: "by-order" });
    expect(graded.map((g) => `${g.id}:${g.grade}:${g.rank}`)).toEqual(["a:B:4", "b:A:2", "c:A:1", "d:B:2", "e:B:5"]);
  });
});
