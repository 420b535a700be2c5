import { describe, expect, it } from "vitest";
import { csat } from "../../src/metrics/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

describe("csat", () => {
  it("counts 4 and 5 as satisfied on the default 1–5 scale", () => {
    // satisfied: 5, 4, 4, 5, 5, 4 = 6 of 8 → 0.75; mean 32 / 8 = 4
    const result = csat([5, 4, 4, 3, 5, 2, 5, 4]);
    expectDecimal(result.satisfied, "0.75");
    expectDecimal(result.mean, "4");
    expect(result.total).toBe(8);
  });

  it("uses another scale and threshold when asked", () => {
    // 0–10, satisfied at 8 or more: 9 and 10 of 3 → 2/3; mean 25 / 3
    const result = csat([9, 10, 6], { min: 0, max: 10, satisfiedAtLeast: 8 });
    expectDecimal(result.satisfied, "0.6666666666666666666666666666666666666667");
    expectDecimal(result.mean, "8.333333333333333333333333333333333333333");
  });

  it("defaults the threshold to max − 1 on any scale", () => {
    // 1–7: satisfied at 6 or more
    expectDecimal(csat([6, 7, 5, 1], { max: 7 }).satisfied, "0.5");
  });

  it("returns plain zeros when nobody is satisfied on a scale centred on 0", () => {
    const result = csat([-1, 1, 0], { min: -2, max: 2, satisfiedAtLeast: 2 });
    expectDecimal(result.satisfied, "0");
    expectDecimal(result.mean, "0");
  });

  it("throws EMPTY_INPUT for no ratings", () => {
    expectFault(() => csat([]), "EMPTY_INPUT", ["ratings"]);
  });

  it("throws OUT_OF_RANGE for a rating outside the scale or not a whole number", () => {
    expectFault(() => csat([5, 6]), "OUT_OF_RANGE", ["ratings", 1]);
    expectFault(() => csat([0]), "OUT_OF_RANGE", ["ratings", 0]);
    expectFault(() => csat([4.5]), "OUT_OF_RANGE", ["ratings", 0]);
    expectFault(() => csat(["5"] as never), "OUT_OF_RANGE", ["ratings", 0]);
  });

  it("throws OUT_OF_RANGE for a threshold outside the scale", () => {
    expectFault(() => csat([5], { satisfiedAtLeast: 6 }), "OUT_OF_RANGE", ["options", "satisfiedAtLeast"]);
  });

  it("throws INVALID_ARGUMENT for a bad scale or a ratings argument that is not a list", () => {
    expectFault(() => csat([3], { min: 5, max: 5 }), "INVALID_ARGUMENT", ["options", "max"]);
    expectFault(() => csat([3], { min: 1.5 }), "INVALID_ARGUMENT", ["options", "min"]);
    expectFault(() => csat([3], { max: "5" as never }), "INVALID_ARGUMENT", ["options", "max"]);
    expectFault(() => csat([3], [] as never), "INVALID_ARGUMENT", ["options"]);
    expectFault(() => csat("5,4" as never), "INVALID_ARGUMENT", ["ratings"]);
  });

  it("does not mutate its input", () => {
    const ratings = Object.freeze([5, 1, 4]);
    csat(ratings, Object.freeze({ min: 1, max: 5 }));
    expect(ratings).toEqual([5, 1, 4]);
  });
});
