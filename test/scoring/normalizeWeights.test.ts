import { describe, expect, it } from "vitest";
import { normalizeWeights } from "../../src/scoring/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

describe("normalizeWeights", () => {
  it("rescales weights to sum 1", () => {
    // 20/100, 30/100, 50/100
    expect(normalizeWeights([20, 30, 50]).map(String)).toEqual(["0.2", "0.3", "0.5"]);
    expect(normalizeWeights(["1", 3n]).map(String)).toEqual(["0.25", "0.75"]);
  });

  it("gives equal weights equal parts and a zero weight exactly 0", () => {
    const parts = normalizeWeights([1, 0, 1, 1]);
    expectDecimal(parts[1], "0");
    expect(parts[0]?.eq(parts[2] as never)).toBe(true);
    // 3 · 0.333…3 (40 digits) = 0.999…9: within 1e-39 of 1
    const sum = parts.reduce((a, b) => a.plus(b));
    expect(sum.minus(1).abs().lte("1e-39")).toBe(true);
  });

  it("does not mutate its input", () => {
    const weights = [2, 2];
    normalizeWeights(weights);
    expect(weights).toEqual([2, 2]);
  });

  it("refuses no weights, negative weights and all zeros", () => {
    expectFault(() => normalizeWeights([]), "EMPTY_INPUT", ["weights"]);
    expectFault(() => normalizeWeights([1, -1, 2]), "INVALID_WEIGHTS", ["weights", 1]);
    expectFault(() => normalizeWeights([0, 0]), "INVALID_WEIGHTS", ["weights"]);
    expectFault(() => normalizeWeights([1, "x"]), "INVALID_NUMBER", ["weights", 1]);
    expectFault(() => normalizeWeights("1,2" as unknown as number[]), "INVALID_ARGUMENT", ["weights"]);
  });
});
