import { describe, expect, it } from "vitest";
import { combineScores, type ScorePart } from "../../src/scoring/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

describe("combineScores", () => {
  it("weights a KPI score and a 360 score into a composite", () => {
    // 0.7 · 110.7 + 0.3 · 85 = 77.49 + 25.5 = 102.99
    expectDecimal(
      combineScores([
        { id: "kpi", score: 110.7, weight: 0.7 },
        { id: "review360", score: 85, weight: 0.3 },
      ]),
      "102.99",
    );
  });

  it("lets a part weigh 0", () => {
    expectDecimal(combineScores([{ id: "a", score: 80, weight: 1 }, { id: "b", score: 10, weight: 0 }]), "80");
  });

  it("does not mutate its input", () => {
    const parts = [{ id: "a", score: 1, weight: 1 }];
    combineScores(parts);
    expect(parts).toEqual([{ id: "a", score: 1, weight: 1 }]);
  });

  it("refuses weights that do not sum to 1, giving the sum", () => {
    const error = expectFault(() => combineScores([{ id: "a", score: 1, weight: 70 }, { id: "b", score: 1, weight: 30 }]), "INVALID_WEIGHTS", ["parts"]);
    expect(error.message).toContain("they sum to 100");
  });

  it("refuses negative weights, no parts, repeated ids and malformed parts", () => {
    expectFault(() => combineScores([{ id: "a", score: 1, weight: 1.2 }, { id: "b", score: 1, weight: -0.2 }]), "INVALID_WEIGHTS", ["parts", 1, "weight"]);
    expectFault(() => combineScores([]), "EMPTY_INPUT", ["parts"]);
    expectFault(() => combineScores([{ id: "a", score: 1, weight: 0.5 }, { id: "a", score: 1, weight: 0.5 }]), "INVALID_ARGUMENT", ["parts", 1, "id"]);
    expectFault(() => combineScores([{ id: "a", score: Number.NaN, weight: 1 }]), "INVALID_NUMBER", ["parts", 0, "score"]);
    expectFault(() => combineScores([undefined as unknown as ScorePart]), "INVALID_ARGUMENT", ["parts", 0]);
    expectFault(() => combineScores("kpi" as unknown as ScorePart[]), "INVALID_ARGUMENT", ["parts"]);
    expectFault(() => combineScores([{ id: "", score: 1, weight: 1 }]), "INVALID_ARGUMENT", ["parts", 0, "id"]);
  });
});
