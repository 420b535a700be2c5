import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { forcedDistribution, forcedDistributionColumns, type GradeQuota, type ScoredEntry } from "../../src/grading/index.js";
import { PayscoreError } from "../../src/errors/index.js";
import { Decimal } from "../../src/numeric/index.js";
import { forcedDistributionReference } from "./forcedDistributionReference.js";

// Few distinct values, so ties land on seat boundaries; every kind of score the API accepts.
const scoreArb = fc.oneof(
  fc.integer({ min: 0, max: 6 }),
  fc.integer({ min: -3, max: 3 }).map((n) => n / 2),
  fc.integer({ min: 0, max: 12 }).map((n) => new Decimal(n).div(4)),
  fc.integer({ min: 0, max: 6 }).map((n) => `${n}.50`),
  fc.constantFrom(0.1, 0.30000000000000004, "0.3", new Decimal("0.3"), new Decimal("1.0000000000000000001"), 1, "1e0", -0, 1e21, "123456789012345.6", 2n),
  fc.integer({ min: 0, max: 10000 }).map((n) => new Decimal(n).div(100)),
);
const quotasArb = fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 4 }).map((cuts) => {
  const edges = [0, ...[...cuts].sort((a, b) => a - b), 100];
  return edges.slice(1).map((edge, i) => ({ grade: `G${i}`, share: ((edge - (edges[i] as number)) / 100).toFixed(2) }));
});
const tiesArb = fc.constantFrom("share-grade" as const, "by-order" as const);

function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof PayscoreError)) throw error;
    return { code: error.code, path: error.path, message: error.message };
  }
}

describe("forcedDistribution fast path properties", () => {
  it("grades and ranks exactly as the Decimal implementation, ties at seat boundaries included", () => {
    fc.assert(
      fc.property(fc.array(scoreArb, { maxLength: 60 }), quotasArb, tiesArb, (scores, quotas, ties) => {
        const entries = scores.map((score, i) => ({ id: `p${i}`, score })) as ScoredEntry[];
        expect(outcome(() => forcedDistribution(entries, quotas, { ties }))).toEqual(outcome(() => forcedDistributionReference(entries, quotas, { ties })));
      }),
      { numRuns: 300 },
    );
  });

  it("refuses exactly what the Decimal implementation refuses, with the same error", () => {
    const bad = fc.constantFrom(Number.NaN, "12,5", null, {}, Infinity, "1e2000");
    fc.assert(
      fc.property(fc.array(fc.oneof(scoreArb, bad), { maxLength: 10 }), fc.boolean(), (scores, repeat) => {
        const entries = scores.map((score, i) => ({ id: repeat && i === scores.length - 1 ? "p0" : `p${i}`, score })) as ScoredEntry[];
        const quotas: GradeQuota[] = [{ grade: "A", share: "0.5" }, { grade: "B", share: "0.5" }];
        expect(outcome(() => forcedDistribution(entries, quotas))).toEqual(outcome(() => forcedDistributionReference(entries, quotas)));
      }),
      { numRuns: 200 },
    );
  });
});

describe("forcedDistributionColumns properties", () => {
  it("gives forcedDistribution's grades and ranks for scores in integer units", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 8 }), { maxLength: 80 }), quotasArb, tiesArb, fc.integer({ min: 0, max: 4 }), (units, quotas, ties, scale) => {
        const columns = forcedDistributionColumns(Float64Array.from(units), quotas, { ties });
        const reference = forcedDistributionReference(units.map((u, i) => ({ id: `p${i}`, score: new Decimal(u).div(10 ** scale) })), quotas, { ties });
        expect(Array.from(columns.grade, (g) => quotas[g]?.grade)).toEqual(reference.map((r) => r.grade));
        expect(Array.from(columns.rank)).toEqual(reference.map((r) => r.rank));
      }),
      { numRuns: 300 },
    );
  });

  it("agrees when the packed sort key does not fit 2^53 (comparator sort)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 0), fc.integer({ min: -3, max: 3 })), { minLength: 2, maxLength: 40 }),
        quotasArb,
        tiesArb,
        (units, quotas, ties) => {
          const columns = forcedDistributionColumns(units, quotas, { ties });
          const reference = forcedDistributionReference(units.map((u, i) => ({ id: `p${i}`, score: u })), quotas, { ties });
          expect(Array.from(columns.grade, (g) => quotas[g]?.grade)).toEqual(reference.map((r) => r.grade));
          expect(Array.from(columns.rank)).toEqual(reference.map((r) => r.rank));
        },
      ),
      { numRuns: 200 },
    );
  });
});
