import { describe, expect, it } from "vitest";
import { aggregate360 } from "../../src/review360/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

describe("aggregate360 without competency weights", () => {
  it("refuses a competency that is not a string", () => {
    expectFault(() => aggregate360([{ rater: "r", group: "peer", score: 3, competency: 5 as never }], { weights: { peer: 1 } }), "INVALID_ARGUMENT", ["ratings", 0, "competency"]);
  });

  it("ignores a competency name when no competency weights are given", () => {
    // one peer rating 3 → peer mean 3 → score 3
    const result = aggregate360([{ rater: "r", group: "peer", score: 3, competency: "沟通" }], { weights: { peer: 1 } });
    expectDecimal(result.score, "3");
    expect(result.groups.map((g) => [g.group, g.raters, g.mean?.toString()])).toEqual([["peer", 1, "3"]]);
  });

  it("gives a plain zero, never −0, for a −0 rating", () => {
    const result = aggregate360([{ rater: "r", group: "peer", score: -0 }], { weights: { peer: 1 } });
    expect(result.score?.toString()).toBe("0");
    expect(result.score?.isNegative()).toBe(false);
    expect(result.groups[0]?.mean?.isNegative()).toBe(false);
  });
});
