import { describe, expect, it } from "vitest";
import { PayscoreError, fault, hasOwn, pathTo, readList, readName, readOptions, readRecord } from "../../src/errors/index.js";

function failure(run: () => unknown): PayscoreError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    return error as PayscoreError;
  }
  throw new Error("expected a PayscoreError");
}

describe("the shape readers", () => {
  it("join paths and write the path first in a fault's message", () => {
    expect(pathTo(["kpis", 0], "curve", "points")).toEqual(["kpis", 0, "curve", "points"]);
    const error = fault("OUT_OF_RANGE", ["kpis", 2, "weight"], "must not be negative; got -1");
    expect(error.message).toBe("kpis[2].weight must not be negative; got -1");
    expect(error.path).toEqual(["kpis", 2, "weight"]);
  });

  it("accept objects, options and lists, and refuse other shapes with the path", () => {
    expect(readRecord({ a: 1 }, ["x"])).toEqual({ a: 1 });
    expect(readOptions(undefined, ["options"])).toEqual({});
    expect(readList([1], ["xs"])).toEqual([1]);
    expect(readName("R01", ["id"])).toBe("R01");
    for (const [run, path] of [
      [() => readRecord(null, ["x"]), ["x"]],
      [() => readRecord([1], ["x"]), ["x"]],
      [() => readOptions(5, ["options"]), ["options"]],
      [() => readList({}, ["xs"]), ["xs"]],
      [() => readName("", ["id"]), ["id"]],
      [() => readName(7, ["id"]), ["id"]],
    ] as const) {
      const error = failure(run);
      expect(error.code).toBe("INVALID_ARGUMENT");
      expect(error.path).toEqual(path);
    }
  });

  it("reads only own properties", () => {
    expect(hasOwn({ a: 1 }, "a")).toBe(true);
    expect(hasOwn({}, "toString")).toBe(false);
  });
});
