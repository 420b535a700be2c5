import { describe, expect, it } from "vitest";
import { weightedActivity } from "../../src/metrics/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

const weights = { byType: { visit: 3, demo: 2, call: 1 }, byTier: { key: 2, A: 1.5, B: 1 } };

describe("weightedActivity", () => {
  it("weighs each activity by its type and its customer's tier", () => {
    // visit to key: 3 · 2 = 6; 10 calls to B: 10 · 1 · 1 = 10; 2 demos to A: 2 · 2 · 1.5 = 6; total 22
    expectDecimal(
      weightedActivity(
        [
          { type: "visit", tier: "key" },
          { type: "call", tier: "B", count: 10 },
          { type: "demo", tier: "A", count: 2 },
        ],
        weights,
      ),
      "22",
    );
  });

  it("ignores tiers when no tier weights are given", () => {
    // 2 visits · 3 + 1 call · 1 = 7 (tiers present but not weighed)
    expectDecimal(weightedActivity([{ type: "visit", count: 2, tier: "key" }, { type: "call" }], { byType: { visit: 3, call: 1 } }), "7");
  });

  it("counts a type or tier weighted 0 as nothing, and no activity as 0", () => {
    expectDecimal(weightedActivity([{ type: "email", count: 40 }], { byType: { email: 0 } }), "0");
    expectDecimal(weightedActivity([], weights), "0");
    expectDecimal(weightedActivity([{ type: "visit", tier: "key", count: 0 }], weights), "0");
  });

  it("keeps fractional weights exact", () => {
    // 3 calls · 0.1 · 1.5 = 0.45
    expectDecimal(weightedActivity([{ type: "call", tier: "A", count: 3 }], { byType: { call: "0.1" }, byTier: { A: "1.5" } }), "0.45");
  });

  it("throws INVALID_ARGUMENT for an activity type or tier without a weight", () => {
    expectFault(() => weightedActivity([{ type: "email" }], weights), "INVALID_ARGUMENT", ["activities", 0, "type"]);
    expectFault(() => weightedActivity([{ type: "visit", tier: "C" }], weights), "INVALID_ARGUMENT", ["activities", 0, "tier"]);
    expectFault(() => weightedActivity([{ type: "visit" }], weights), "INVALID_ARGUMENT", ["activities", 0, "tier"]);
    // inherited names are not weights
    expectFault(() => weightedActivity([{ type: "constructor" }], weights), "INVALID_ARGUMENT", ["activities", 0, "type"]);
  });

  it("throws OUT_OF_RANGE for a negative count and INVALID_ARGUMENT for a fractional one", () => {
    expectFault(() => weightedActivity([{ type: "call", tier: "A", count: -1 }], weights), "OUT_OF_RANGE", ["activities", 0, "count"]);
    expectFault(() => weightedActivity([{ type: "call", tier: "A", count: 1.5 }], weights), "INVALID_ARGUMENT", ["activities", 0, "count"]);
  });

  it("throws INVALID_WEIGHTS for a negative weight and INVALID_NUMBER for a malformed one", () => {
    expectFault(() => weightedActivity([], { byType: { visit: -1 } }), "INVALID_WEIGHTS", ["weights", "byType", "visit"]);
    expectFault(() => weightedActivity([], { byType: { visit: 1 }, byTier: { key: "2x" } }), "INVALID_NUMBER", ["weights", "byTier", "key"]);
  });

  it("throws INVALID_ARGUMENT for arguments of the wrong shape", () => {
    expectFault(() => weightedActivity({} as never, weights), "INVALID_ARGUMENT", ["activities"]);
    expectFault(() => weightedActivity([], undefined as never), "INVALID_ARGUMENT", ["weights"]);
    expectFault(() => weightedActivity([], {} as never), "INVALID_ARGUMENT", ["weights", "byType"]);
    expectFault(() => weightedActivity(["visit"] as never, weights), "INVALID_ARGUMENT", ["activities", 0]);
    expectFault(() => weightedActivity([{ type: 3 }] as never, weights), "INVALID_ARGUMENT", ["activities", 0, "type"]);
  });

  it("does not mutate its input", () => {
    const activities = Object.freeze([Object.freeze({ type: "visit", tier: "key", count: 2 })]);
    const frozenWeights = Object.freeze({ byType: Object.freeze({ visit: 3 }), byTier: Object.freeze({ key: 2 }) });
    expectDecimal(weightedActivity(activities, frozenWeights), "12");
    expect(activities).toEqual([{ type: "visit", tier: "key", count: 2 }]);
  });
});
