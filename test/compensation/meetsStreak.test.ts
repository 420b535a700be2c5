import { describe, expect, it } from "vitest";
import { meetsStreak } from "../../src/index.js";
import { errorOf } from "./helpers.js";

describe("meetsStreak", () => {
  it("counts the run that ends at the latest period", () => {
    // 1.05 ✓, 0.92 ✗, 1.1 ✓, 1.02 ✓, 1.2 ✓ → current 3, longest 3
    expect(meetsStreak([1.05, 0.92, 1.1, 1.02, 1.2], { threshold: 1, count: 3 })).toEqual({ eligible: true, longest: 3, current: 3 });
  });

  it("is not eligible when the latest period misses, however long an earlier run", () => {
    expect(meetsStreak([1.2, 1.3, 1.1, 0.99], { threshold: 1, count: 2 })).toEqual({ eligible: false, longest: 3, current: 0 });
  });

  it("meets the threshold with a value exactly on it", () => {
    expect(meetsStreak(["1.00", 1], { threshold: "1", count: 2 }).eligible).toBe(true);
  });

  it("gives zeros for an empty history", () => {
    expect(meetsStreak([], { threshold: 1, count: 1 })).toEqual({ eligible: false, longest: 0, current: 0 });
  });

  it("refuses a bad count, a malformed value and missing options", () => {
    expect(errorOf(() => meetsStreak([1], { threshold: 1, count: 0 }))).toEqual({ code: "OUT_OF_RANGE", path: ["options", "count"] });
    expect(errorOf(() => meetsStreak([1], { threshold: 1, count: 1.5 }))).toEqual({ code: "INVALID_ARGUMENT", path: ["options", "count"] });
    expect(errorOf(() => meetsStreak([1, "x"], { threshold: 1, count: 1 }))).toEqual({ code: "INVALID_NUMBER", path: ["history", 1] });
    expect(errorOf(() => meetsStreak([1], undefined as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["options"] });
    expect(errorOf(() => meetsStreak([1], null as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["options"] });
    expect(errorOf(() => meetsStreak([1], { threshold: "x", count: 1 }))).toEqual({ code: "INVALID_NUMBER", path: ["options", "threshold"] });
    expect(errorOf(() => meetsStreak("1,1" as never, { threshold: 1, count: 1 }))).toEqual({ code: "INVALID_ARGUMENT", path: ["history"] });
  });

  it("does not mutate its input", () => {
    const history = [1, 2, 3];
    meetsStreak(history, { threshold: 1, count: 2 });
    expect(history).toEqual([1, 2, 3]);
  });
});
