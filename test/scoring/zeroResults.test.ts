import { describe, expect, it } from "vitest";
import { combineScores, rescale, rollUp } from "../../src/scoring/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

/** A zero result must be a plain positive zero, never -0. */
function expectPlainZero(x: { isZero(): boolean; isNegative(): boolean; toString(): string }): void {
  expect(x.toString()).toBe("0");
  expect(x.isZero() && !x.isNegative()).toBe(true);
}

describe("zero results in scoring", () => {
  it("combineScores gives a plain zero when the parts cancel or are zero", () => {
    // 0.5 · 10 + 0.5 · (−10) = 0
    expectPlainZero(combineScores([{ id: "a", score: 10, weight: 0.5 }, { id: "b", score: -10, weight: 0.5 }]));
    expectPlainZero(combineScores([{ id: "a", score: -0, weight: 1 }]));
  });

  it("rollUp gives a plain zero score and contributions when the members cancel or score 0", () => {
    // (1 + (−1)) / 2 = 0; contributions ±0.5
    const cancel = rollUp([{ id: "a", score: 1 }, { id: "b", score: -1 }]);
    expectPlainZero(cancel.score);
    expect(cancel.members.map((m) => m.contribution.toString())).toEqual(["0.5", "-0.5"]);
    const zeros = rollUp([{ id: "a", score: -0 }, { id: "b", score: 0 }]);
    expectPlainZero(zeros.score);
    zeros.members.forEach((m) => expectPlainZero(m.contribution));
  });

  it("rollUp by weight gives a weight-0 member a plain zero weight and contribution", () => {
    // (0 · 1 + 1 · 2) / 1 = 2
    const result = rollUp([{ id: "a", score: 1, weight: 0 }, { id: "b", score: 2, weight: 1 }], { by: "weight" });
    expectDecimal(result.score, "2");
    expectPlainZero(result.members[0]!.weight);
    expectPlainZero(result.members[0]!.contribution);
  });

  it("rollUp by weight refuses weights that are all 0, naming weights", () => {
    const error = expectFault(() => rollUp([{ id: "a", score: 1, weight: 0 }], { by: "weight" }), "INVALID_WEIGHTS", ["members"]);
    expect(error.message).toBe("members have weights that are all 0; at least one must be greater than 0");
  });

  it("rescale gives a plain zero at the middle of a symmetric target scale", () => {
    // −1 + (50 − 0) · 2 / 100 = 0
    expectPlainZero(rescale(50, { min: 0, max: 100 }, { min: -1, max: 1 }));
    // just off the middle: −1 + 50.5 · 2 / 100 = 0.01
    expectDecimal(rescale(50.5, { min: 0, max: 100 }, { min: -1, max: 1 }), "0.01");
  });
});
