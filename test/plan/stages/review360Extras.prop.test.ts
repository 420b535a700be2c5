import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../../src/errors/index.js";
import { calibrate360 } from "../../../src/review360/index.js";
import { calibrateStoredRatings } from "../../../src/plan/stages/review360Extras.js";
import { appliedCalibration } from "../oracle/appliedCalibration.js";
import { storedRatings, storedScores } from "./storedRatings.js";

// The engine calibrates on its stored columns, once per rater; calibrate360 over one object per
// rating is the reference it must equal, score for score, with the same centre.

const score = fc.oneof(
  fc.integer({ min: 1, max: 5 }),
  fc.integer({ min: 10, max: 50 }).map((n) => String(n / 10)),
  fc.constantFrom("4.25", "1.125", "3.0000000000000001", "2.99999999999999999999"),
);
const rating = fc.record({ rater: fc.constantFrom("a", "b", "c", "d", "é", "10"), group: fc.constantFrom("peer", "manager", "customer"), score });
const setup = fc.record(
  {
    strength: fc.constantFrom("0", "0.5", "1", "0.333"),
    center: fc.constantFrom(2, "3.5", "4.125"),
    minRatings: fc.integer({ min: 1, max: 4 }),
  },
  { requiredKeys: [] },
);
const scale = fc.constantFrom(undefined, { min: 1, max: 5 });

describe("calibrateStoredRatings", () => {
  it("gives calibrate360's scores and centre for every rating", () => {
    fc.assert(
      fc.property(fc.array(rating, { maxLength: 40 }), setup, scale, (list, calibration, s) => {
        const review = { weights: { peer: 1 }, calibration, ...(s === undefined ? {} : { scale: s }) };
        const options = { ...calibration, ...(s === undefined ? {} : { scale: s }) };
        const stored = storedRatings(list);
        const applied = calibrateStoredRatings(review, stored);
        expect(storedScores(stored)).toEqual(calibrate360(list, options).map((r) => r.score.toString()));
        expect(applied).toEqual(appliedCalibration(review, list));
      }),
      { seed: 360_21, numRuns: 300 },
    );
  });

  it("refuses a score off the scale at the first such rating's path, as calibrate360 does", () => {
    const list = [
      { rater: "a", group: "peer", score: 4 },
      { rater: "b", group: "peer", score: 7 },
      { rater: "c", group: "peer", score: 7 },
    ];
    const thrown = (() => {
      try {
        calibrateStoredRatings({ weights: { peer: 1 }, calibration: {}, scale: { min: 1, max: 5 } }, storedRatings(list));
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(PayscoreError);
    expect((thrown as PayscoreError).code).toBe("INVALID_DATA");
    expect((thrown as PayscoreError).path).toEqual(["ratings", 1, "score"]);
  });
});
