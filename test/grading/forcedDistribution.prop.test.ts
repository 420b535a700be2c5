import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allocate, applyOverrides, forcedDistribution } from "../../src/index.js";

// Shares in whole percent that sum to exactly 1: cut 0…100 at sorted points.
const quotas = fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 4 }).map((cuts) => {
  const edges = [0, ...[...cuts].sort((a, b) => a - b), 100];
  return edges.slice(1).map((edge, i) => ({ grade: `G${i}`, share: ((edge - (edges[i] as number)) / 100).toFixed(2) }));
});

describe("forcedDistribution properties", () => {
  it("without ties, every grade gets exactly its seats (both policies)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { maxLength: 60 }),
        quotas,
        fc.constantFrom("share-grade" as const, "by-order" as const),
        (scores, q, ties) => {
          const result = forcedDistribution(scores.map((score, i) => ({ id: `p${i}`, score })), q, { ties });
          const seats = allocate(scores.length, q.map((x) => x.share), { scale: 0 }).map(Number);
          q.forEach((quota, g) => expect(result.filter((r) => r.grade === quota.grade)).toHaveLength(seats[g] as number));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("a better score never gets a worse grade, and ranks follow scores", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 50 }), fc.constantFrom("share-grade" as const, "by-order" as const), (scores, ties) => {
        const result = forcedDistribution(
          scores.map((score, i) => ({ id: `p${i}`, score })),
          [{ grade: "G0", share: 0.2 }, { grade: "G1", share: 0.7 }, { grade: "G2", share: 0.1 }],
          { ties },
        );
        for (let i = 0; i < scores.length; i++) {
          const above = scores.filter((s) => s > (scores[i] as number)).length;
          expect(result[i]?.rank).toBe(above + 1);
          for (let j = 0; j < scores.length; j++) {
            if ((scores[i] as number) > (scores[j] as number)) expect(Number(result[i]?.grade.slice(1))).toBeLessThanOrEqual(Number(result[j]?.grade.slice(1)));
            if (ties === "share-grade" && scores[i] === scores[j]) expect(result[i]?.grade).toBe(result[j]?.grade);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("applyOverrides properties", () => {
  it("overrides never touch anyone else", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (ids, picks) => {
          const assignments = ids.map((id, i) => ({ id, grade: `G${i % 3}`, note: i }));
          const chosen = [...new Set(picks.map((p) => p % ids.length))];
          const overrides = chosen.map((index) => ({ id: ids[index] as string, grade: "X", reason: "calibration", by: "committee" }));
          const { assignments: after, audit } = applyOverrides(assignments, overrides);
          expect(audit).toHaveLength(chosen.length);
          after.forEach((person, i) => {
            if (chosen.includes(i)) expect(person).toEqual({ ...assignments[i], grade: "X" });
            else expect(person).toEqual(assignments[i]);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
