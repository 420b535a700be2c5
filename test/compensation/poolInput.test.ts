import { describe, expect, it } from "vitest";
import { checkMinimums, idRegistry, lowerBounds, readMinimum, readPool, readPoolEntries } from "../../src/compensation/poolInput.js";
import { failureOf } from "./helpers.js";

/** readPoolEntries on a plain list at `entries`, scale 2, no threshold. */
const read = (entries: unknown) => readPoolEntries(entries, ["entries"], 2, undefined, idRegistry((seq) => ["entries", seq]));

describe("readPoolEntries", () => {
  it("names the entry at fault in its messages", () => {
    expect(failureOf(() => read([{ id: 5, weight: 1 }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["entries", 0, "id"], message: "entries[0].id must be a string; got 5" });
    expect(failureOf(() => read([{ id: "a", weight: 1 }, { id: "b", weight: -1 }]))).toEqual({
      code: "INVALID_WEIGHTS",
      path: ["entries", 1, "weight"],
      message: "entries[1].weight must not be negative; got -1",
    });
    expect(failureOf(() => read([{ id: "a", weight: 1, cap: "-0.01" }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["entries", 0, "cap"], message: "entries[0].cap must not be negative; got -0.01" });
  });

  it("checks a score even without a threshold", () => {
    expect(failureOf(() => read([{ id: "a", weight: 1, score: "x" }]))).toMatchObject({ code: "INVALID_NUMBER", path: ["entries", 0, "score"] });
  });
});

describe("readPool and readMinimum", () => {
  it("name the option at fault", () => {
    expect(failureOf(() => readPool("x", 2))).toMatchObject({ code: "INVALID_NUMBER", path: ["pool"] });
    expect(failureOf(() => readMinimum("x", 2))).toMatchObject({ code: "INVALID_NUMBER", path: ["options", "minimum"] });
  });

  it("refuses a pool between two steps, naming the step", () => {
    expect(failureOf(() => readPool("0.001", 2))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["pool"],
      message: "pool 0.001 is not a whole number of steps of 0.01; round it to 2 decimal places first",
    });
  });
});

describe("lowerBounds and checkMinimums", () => {
  it("takes the minimum, or a lower cap, for weight > 0 only", () => {
    expect(lowerBounds([1n, 1n, 0n], [5n, undefined, undefined], 10n)).toEqual([5n, 10n, 0n]);
  });

  it("counts only the people with a lower bound when it refuses the pool", () => {
    // 10 + 10 = 20 steps for two people (the 0 is someone without weight); the pool has 15
    expect(failureOf(() => checkMinimums([10n, 0n, 10n], 15n))).toEqual({
      code: "INVALID_DATA",
      path: ["options", "minimum"],
      message: "the pool cannot pay options.minimum to all 2 eligible people: that needs 20 steps, the pool has 15",
    });
  });
});
