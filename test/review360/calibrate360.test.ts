import { describe, expect, it } from "vitest";
import { aggregate360, calibrate360, type Rating360 } from "../../src/review360/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

// Rater a gives everyone 5; rater b is strict.
const ratings = [
  { ratee: "li", rater: "a", group: "peer", score: 5 },
  { ratee: "wang", rater: "a", group: "peer", score: 5 },
  { ratee: "li", rater: "b", group: "peer", score: 4 },
  { ratee: "wang", rater: "b", group: "peer", score: 2 },
];

describe("calibrate360", () => {
  it("centres each rater on the mean of the raters' means", () => {
    // m_a = 5, m_b = 3, center = (5 + 3) / 2 = 4 → a: −1, b: +1
    const result = calibrate360(ratings);
    expect(result.map((r) => r.score.toString())).toEqual(["4", "4", "5", "3"]);
    expect(result.map((r) => r.adjustment.toString())).toEqual(["-1", "-1", "1", "1"]);
    expectDecimal(result[3]?.rawScore, "2");
    expect(result[0]?.ratee).toBe("li");
  });

  it("counts each rater once in the centre, however many ratings they gave", () => {
    // m_a = 5 (three ratings), m_b = 1 (one rating): center = 3, not (15 + 1) / 4 = 4
    const result = calibrate360([
      { rater: "a", group: "peer", score: 5 },
      { rater: "a", group: "peer", score: 5 },
      { rater: "a", group: "peer", score: 5 },
      { rater: "b", group: "peer", score: 1 },
    ]);
    expect(result.map((r) => r.score.toString())).toEqual(["3", "3", "3", "3"]);
  });

  it("applies part of the correction with strength", () => {
    // a: 5 + 0.5 · (4 − 5) = 4.5; b: 2 + 0.5 · (4 − 3) = 2.5
    const result = calibrate360(ratings, { strength: 0.5 });
    expect(result.map((r) => r.score.toString())).toEqual(["4.5", "4.5", "4.5", "2.5"]);
  });

  it("centres on a fixed center", () => {
    // center 3: a −2, b 0
    const result = calibrate360(ratings, { center: 3 });
    expect(result.map((r) => r.score.toString())).toEqual(["3", "3", "4", "2"]);
  });

  it("leaves raters with fewer than minRatings ratings as they are", () => {
    const result = calibrate360([...ratings, { ratee: "li", rater: "c", group: "manager", score: 1 }], { minRatings: 2 });
    // means 5, 3, 1 → center 3; a −2, b 0, c unchanged
    expect(result.map((r) => r.score.toString())).toEqual(["3", "3", "4", "2", "1"]);
    expectDecimal(result[4]?.adjustment, "0");
  });

  it("clamps corrected scores into the scale", () => {
    // center 5: a + 0 → 5, 5; b + 2 → 6 (clamped to 5), 4
    const result = calibrate360(ratings, { center: 5, scale: { min: 1, max: 5 } });
    expect(result.map((r) => r.score.toString())).toEqual(["5", "5", "5", "4"]);
    expectDecimal(result[2]?.adjustment, "2");
  });

  it("tells raters apart by group and name, as aggregate360 does", () => {
    // peer "a" mean 5, manager "a" mean 3 → two raters
    const result = calibrate360([
      { rater: "a", group: "peer", score: 5 },
      { rater: "a", group: "manager", score: 3 },
    ]);
    expect(result.map((r) => r.score.toString())).toEqual(["4", "4"]);
  });

  it("feeds aggregate360 one ratee at a time", () => {
    const li = calibrate360(ratings).filter((r) => r.ratee === "li");
    // li: a 4, b 5 → 4.5
    expectDecimal(aggregate360(li, { weights: { peer: 1 } }).score, "4.5");
  });

  it("returns nothing for no ratings", () => {
    expect(calibrate360([])).toEqual([]);
  });

  it("does not mutate its input", () => {
    const copy = structuredClone(ratings);
    const result = calibrate360(ratings);
    expect(ratings).toEqual(copy);
    expect(result[0]).not.toBe(ratings[0]);
  });

  it("refuses bad options and ratings", () => {
    expectFault(() => calibrate360(ratings, { strength: 1.5 }), "OUT_OF_RANGE", ["options", "strength"]);
    expectFault(() => calibrate360(ratings, { minRatings: 0 }), "OUT_OF_RANGE", ["options", "minRatings"]);
    expectFault(() => calibrate360(ratings, { scale: { min: 5, max: 1 } }), "INVALID_ARGUMENT", ["options", "scale", "max"]);
    expectFault(() => calibrate360(ratings, { scale: { min: 1, max: 4 } }), "OUT_OF_RANGE", ["ratings", 0, "score"]);
    expectFault(() => calibrate360(ratings, { center: 9, scale: { min: 1, max: 5 } }), "OUT_OF_RANGE", ["options", "center"]);
    expectFault(() => calibrate360([{ rater: "a", group: "", score: 1 }]), "INVALID_ARGUMENT", ["ratings", 0, "group"]);
    expectFault(() => calibrate360([{ rater: "a", group: "peer", score: "x" }]), "INVALID_NUMBER", ["ratings", 0, "score"]);
    expectFault(() => calibrate360("ratings" as unknown as Rating360[]), "INVALID_ARGUMENT", ["ratings"]);
  });
});
