import { describe, expect, it } from "vitest";
import { aggregate360, type Aggregate360Options, type Rating360 } from "../../src/review360/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

// A manager, three peers and two subordinates; subordinates need 3 raters to be shown.
const ratings: Rating360[] = [
  { rater: "boss", group: "manager", score: 4 },
  { rater: "p1", group: "peer", score: 4 },
  { rater: "p2", group: "peer", score: 3 },
  { rater: "p3", group: "peer", score: 4 },
  { rater: "s1", group: "subordinate", score: 1 },
  { rater: "s2", group: "subordinate", score: 2 },
];
const options: Aggregate360Options = { weights: { manager: 50, peer: 30, subordinate: 20 }, minRaters: { subordinate: 3 } };

describe("aggregate360", () => {
  it("keeps a two-person subordinate group anonymous and rescales the other weights", () => {
    // manager mean 4; peer mean (4 + 3 + 4) / 3 = 11/3; subordinates excluded (2 < 3)
    // weights 50/80 = 0.625 and 30/80 = 0.375; score = 0.625 · 4 + 0.375 · 11/3 = 2.5 + 1.375 = 3.875
    const result = aggregate360(ratings, options);
    expect(result.score?.minus("3.875").abs().lte("1e-38")).toBe(true);
    expect(result.groups.map((g) => g.group)).toEqual(["manager", "peer", "subordinate"]);
    const [manager, peer, subordinate] = result.groups;
    expect(manager).toMatchObject({ raters: 1, included: true });
    expectDecimal(manager?.mean, "4");
    expectDecimal(manager?.weight, "0.625");
    expectDecimal(peer?.mean, "3.666666666666666666666666666666666666667");
    expectDecimal(peer?.weight, "0.375");
    expect(subordinate).toEqual({ group: "subordinate", raters: 2, mean: null, weight: expect.anything(), included: false, reason: "below-min-raters" });
    expectDecimal(subordinate?.weight, "0");
    expect(manager && "reason" in manager).toBe(false);
  });

  it("includes the subordinates once there are enough of them", () => {
    // subordinate mean (1 + 2 + 3) / 3 = 2; weights 0.5 / 0.3 / 0.2
    // score = 0.5 · 4 + 0.3 · 11/3 + 0.2 · 2 = 2 + 1.1 + 0.4 = 3.5
    const result = aggregate360([...ratings, { rater: "s3", group: "subordinate", score: 3 }], options);
    expect(result.score?.minus("3.5").abs().lte("1e-38")).toBe(true);
    expectDecimal(result.groups[2]?.mean, "2");
    expectDecimal(result.groups[2]?.weight, "0.2");
  });

  it("lists a group without ratings as excluded with reason no-ratings", () => {
    const result = aggregate360(ratings, { ...options, weights: { self: 10, ...options.weights } });
    expect(result.groups[0]).toMatchObject({ group: "self", raters: 0, mean: null, included: false, reason: "no-ratings" });
  });

  it("averages a rater's own ratings first, so a rater who answers more questions does not weigh more", () => {
    // p1: (5 + 3) / 2 = 4; p2: 1 → group mean (4 + 1) / 2 = 2.5 (not (5 + 3 + 1) / 3)
    const result = aggregate360(
      [
        { rater: "p1", group: "peer", score: 5 },
        { rater: "p1", group: "peer", score: 3 },
        { rater: "p2", group: "peer", score: 1 },
      ],
      { weights: { peer: 1 } },
    );
    expectDecimal(result.groups[0]?.mean, "2.5");
    expect(result.groups[0]?.raters).toBe(2);
    expectDecimal(result.score, "2.5");
  });

  it("tells raters apart by group and name", () => {
    // "a" the manager and "a" the peer are two raters
    const result = aggregate360(
      [
        { rater: "a", group: "manager", score: 5 },
        { rater: "a", group: "peer", score: 3 },
      ],
      { weights: { manager: 1, peer: 1 } },
    );
    expect(result.groups.map((g) => g.raters)).toEqual([1, 1]);
    expectDecimal(result.score, "4");
  });

  it("weights competencies within each rater", () => {
    // boss: results 4 (weight 2), teamwork (1 + 3) / 2 = 2 (weight 1): (2 · 4 + 1 · 2) / 3 = 10/3
    // peer p1: only teamwork 5 → 5 (weights renormalised over what the rater rated)
    const result = aggregate360(
      [
        { rater: "boss", group: "manager", score: 4, competency: "results" },
        { rater: "boss", group: "manager", score: 1, competency: "teamwork" },
        { rater: "boss", group: "manager", score: 3, competency: "teamwork" },
        { rater: "p1", group: "peer", score: 5, competency: "teamwork" },
      ],
      { weights: { manager: 1, peer: 1 }, competencyWeights: { results: 2, teamwork: 1, ethics: 0 } },
    );
    expectDecimal(result.groups[0]?.mean, "3.333333333333333333333333333333333333333");
    expectDecimal(result.groups[1]?.mean, "5");
  });

  it("does not count a rater whose competencies all weigh 0", () => {
    const result = aggregate360(
      [
        { rater: "p1", group: "peer", score: 5, competency: "ethics" },
        { rater: "p2", group: "peer", score: 3, competency: "results" },
      ],
      { weights: { peer: 1 }, competencyWeights: { results: 1, ethics: 0 } },
    );
    expect(result.groups[0]?.raters).toBe(1);
    expectDecimal(result.score, "3");
  });

  it("applies one minRaters to every group", () => {
    const result = aggregate360(ratings, { weights: options.weights, minRaters: 3 });
    expect(result.groups.map((g) => g.included)).toEqual([false, true, false]);
    // only peers: weight 1, score 11/3
    expectDecimal(result.groups[1]?.weight, "1");
    expectDecimal(result.score, "3.666666666666666666666666666666666666667");
  });

  it("gives a null score when no group with weight above 0 is included", () => {
    expect(aggregate360([], options).score).toBeNull();
    const onlyZero = aggregate360([{ rater: "x", group: "self", score: 5 }], { weights: { self: 0, manager: 1 } });
    expect(onlyZero.score).toBeNull();
    expect(onlyZero.groups[0]).toMatchObject({ included: true, raters: 1 });
    expectDecimal(onlyZero.groups[0]?.weight, "0");
  });

  it("ignores extra fields on a rating", () => {
    const withRatee = ratings.map((r) => ({ ...r, ratee: "li", comment: "ok" }));
    expect(aggregate360(withRatee, options)).toEqual(aggregate360(ratings, options));
  });

  it("does not mutate its input", () => {
    const copy = structuredClone(ratings);
    const optionsCopy = structuredClone(options);
    aggregate360(ratings, options);
    expect(ratings).toEqual(copy);
    expect(options).toEqual(optionsCopy);
  });

  describe("bad input", () => {
    it("refuses a rating for a group not in weights", () => {
      const error = expectFault(() => aggregate360([...ratings, { rater: "c", group: "customer", score: 5 }], options), "INVALID_ARGUMENT", ["ratings", 6, "group"]);
      expect(error.message).toContain('"customer"');
      expectFault(() => aggregate360([{ rater: "c", group: "toString", score: 5 }], options), "INVALID_ARGUMENT", ["ratings", 0, "group"]);
    });

    it("refuses a missing or unlisted competency when competencies are weighted", () => {
      const weighted = { ...options, competencyWeights: { results: 1 } };
      expectFault(() => aggregate360(ratings, weighted), "INVALID_ARGUMENT", ["ratings", 0, "competency"]);
      expectFault(() => aggregate360([{ rater: "a", group: "peer", score: 1, competency: "charm" }], weighted), "INVALID_ARGUMENT", ["ratings", 0, "competency"]);
    });

    it("refuses negative weights and all-zero competency weights", () => {
      expectFault(() => aggregate360(ratings, { weights: { manager: 1, peer: -1, subordinate: 1 } }), "INVALID_WEIGHTS", ["options", "weights", "peer"]);
      expectFault(() => aggregate360(ratings, { ...options, competencyWeights: { a: 0 } }), "INVALID_WEIGHTS", ["options", "competencyWeights"]);
      expectFault(() => aggregate360(ratings, { ...options, competencyWeights: { a: -1, b: 2 } }), "INVALID_WEIGHTS", ["options", "competencyWeights", "a"]);
    });

    it("refuses a bad minRaters", () => {
      expectFault(() => aggregate360(ratings, { ...options, minRaters: 0 }), "OUT_OF_RANGE", ["options", "minRaters"]);
      expectFault(() => aggregate360(ratings, { ...options, minRaters: 1.5 }), "INVALID_ARGUMENT", ["options", "minRaters"]);
      expectFault(() => aggregate360(ratings, { ...options, minRaters: { customer: 2 } }), "INVALID_ARGUMENT", ["options", "minRaters", "customer"]);
    });

    it("refuses a score outside the declared scale", () => {
      const error = expectFault(
        () => aggregate360([...ratings, { rater: "p4", group: "peer", score: 6 }], { ...options, scale: { min: 1, max: 5 } }),
        "OUT_OF_RANGE",
        ["ratings", 6, "score"],
      );
      expect(error.message).toContain("from 1 to 5");
    });

    it("refuses malformed ratings and options", () => {
      expectFault(() => aggregate360([{ rater: "", group: "peer", score: 1 }], options), "INVALID_ARGUMENT", ["ratings", 0, "rater"]);
      expectFault(() => aggregate360([{ rater: "a", group: "peer", score: "five" }], options), "INVALID_NUMBER", ["ratings", 0, "score"]);
      expectFault(() => aggregate360([null as unknown as Rating360], options), "INVALID_ARGUMENT", ["ratings", 0]);
      expectFault(() => aggregate360({} as unknown as Rating360[], options), "INVALID_ARGUMENT", ["ratings"]);
      expectFault(() => aggregate360(ratings, undefined as unknown as Aggregate360Options), "INVALID_ARGUMENT", ["options"]);
      expectFault(() => aggregate360(ratings, {} as unknown as Aggregate360Options), "INVALID_ARGUMENT", ["options", "weights"]);
    });
  });
});
