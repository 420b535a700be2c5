import { describe, expect, it } from "vitest";
import { errorOf } from "../helpers.js";
import { formatPath } from "../../src/errors/formatPath.js";

describe("formatPath", () => {
  it("writes keys dotted and indexes in brackets, as a JSON location reads", () => {
    expect(formatPath(["kpis", 2, "weight"])).toBe("kpis[2].weight");
    expect(formatPath(["people", 3, "basePay"])).toBe("people[3].basePay");
    expect(formatPath(["plan", "pay", "pools", 0, "curve", "points", 1, "y"])).toBe("plan.pay.pools[0].curve.points[1].y");
    expect(formatPath(["options"])).toBe("options");
  });

  it("writes an empty path as (root)", () => {
    expect(formatPath([])).toBe("(root)");
  });

  it("starts with a bracket, not a dot, when the path starts with an index", () => {
    expect(formatPath([0])).toBe("[0]");
    expect(formatPath([0, "a"])).toBe("[0].a");
    expect(formatPath([1, 2])).toBe("[1][2]");
  });

  it("quotes a key that is not an identifier, as JSON", () => {
    expect(formatPath(["people", 3, "base pay"])).toBe('people[3]["base pay"]');
    expect(formatPath(["a-b"])).toBe('["a-b"]');
    expect(formatPath([""])).toBe('[""]');
    // a key "0" is a string, written so it cannot be read as the index 0
    expect(formatPath(["rows", "0"])).toBe('rows["0"]');
    expect(formatPath(["1a"])).toBe('["1a"]');
    expect(formatPath(["奖金包"])).toBe('["奖金包"]');
    expect(formatPath(['say "hi"'])).toBe('["say \\"hi\\""]');
  });

  it("takes $ and _ as identifier characters", () => {
    expect(formatPath(["$x", "_y1", "a$b"])).toBe("$x._y1.a$b");
  });

  it("writes any number as it prints (negative, fractional, not finite)", () => {
    expect(formatPath(["xs", -1])).toBe("xs[-1]");
    expect(formatPath(["xs", 1.5])).toBe("xs[1.5]");
    expect(formatPath([Number.NaN])).toBe("[NaN]");
  });

  it("does not mutate its input", () => {
    const path = Object.freeze(["kpis", 2, "weight"]);
    expect(formatPath(path)).toBe("kpis[2].weight");
    expect(path).toEqual(["kpis", 2, "weight"]);
  });

  it("refuses a path that is not an array with INVALID_ARGUMENT at path", () => {
    for (const bad of ["kpis", null, undefined, 3, { 0: "a", length: 1 }]) {
      const error = errorOf(() => formatPath(bad as never));
      expect(error.code).toBe("INVALID_ARGUMENT");
      expect(error.path).toEqual(["path"]);
      expect(error.message).toBe("path must be an array of keys and indexes");
    }
  });

  it("refuses a key that is neither a string nor a number", () => {
    for (const bad of [true, undefined, null, 1n, Symbol("k"), {}]) {
      const error = errorOf(() => formatPath(["a", bad] as never));
      expect(error.code).toBe("INVALID_ARGUMENT");
      expect(error.path).toEqual(["path"]);
      expect(error.message).toBe("path must hold only strings and numbers");
    }
  });

  it("refuses a hole or an unreadable key, naming where it is", () => {
    // eslint-disable-next-line no-sparse-arrays
    const holed = errorOf(() => formatPath(["a", , "b"] as never));
    expect(holed.code).toBe("INVALID_ARGUMENT");
    expect(holed.path).toEqual(["path", 1]);
    expect(holed.message).toMatch(/^path\[1\] is a hole/);
    const throwing = Object.defineProperty(["a"], 0, { get: () => { throw new Error("boom"); } });
    const unreadable = errorOf(() => formatPath(throwing as never));
    expect(unreadable.code).toBe("INVALID_ARGUMENT");
    expect(unreadable.path).toEqual(["path", 0]);
    expect(unreadable.message).toBe("path[0] cannot be read: boom");
  });
});
