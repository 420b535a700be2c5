import { describe, expect, it } from "vitest";
import { z } from "zod";
import { PAYSCORE_ERROR_CODES, PayscoreError, formatPath } from "../../src/index.js";
import { describeValue, fromZodError, parseWith } from "../../src/errors/index.js";

describe("PayscoreError", () => {
  it("carries a code, a frozen path and at least one issue", () => {
    const error = new PayscoreError("OUT_OF_RANGE", "score is 120", { path: ["people", 1, "score"] });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("PayscoreError");
    expect(error.code).toBe("OUT_OF_RANGE");
    expect(error.path).toEqual(["people", 1, "score"]);
    expect(Object.isFrozen(error.path)).toBe(true);
    expect(error.issues).toEqual([{ path: ["people", 1, "score"], message: "score is 120" }]);
  });

  it("defaults to an empty path", () => {
    expect(new PayscoreError("EMPTY_INPUT", "no people").path).toEqual([]);
  });

  it("lists at least the contract's codes", () => {
    for (const code of ["INVALID_NUMBER", "INVALID_ARGUMENT", "INVALID_WEIGHTS", "ZERO_DENOMINATOR", "EMPTY_INPUT", "OUT_OF_RANGE", "INVALID_PLAN", "INVALID_DATA", "PRECISION_EXCEEDED", "INTERNAL_ERROR"]) {
      expect(PAYSCORE_ERROR_CODES).toContain(code);
    }
  });
});

describe("formatPath", () => {
  it("writes paths the way a JSON location reads", () => {
    expect(formatPath([])).toBe("(root)");
    expect(formatPath(["kpis", 2, "weight"])).toBe("kpis[2].weight");
    expect(formatPath(["weights", "客户"])).toBe('weights["客户"]');
    expect(formatPath([0, "id"])).toBe("[0].id");
  });
});

describe("describeValue", () => {
  it("renders every kind of value briefly", () => {
    expect(describeValue(Number.NaN)).toBe("NaN");
    expect(describeValue(-0)).toBe("-0");
    expect(describeValue("12,5")).toBe('"12,5"');
    expect(describeValue(5n)).toBe("5n");
    expect(describeValue(null)).toBe("null");
    expect(describeValue(undefined)).toBe("undefined");
    expect(describeValue([1, 2])).toBe("an array of 2");
    expect(describeValue({})).toBe("an object");
    expect(describeValue(true)).toBe("true");
    expect(describeValue(Symbol("s"))).toBe("a symbol");
    expect(describeValue(() => 1)).toBe("a function");
    expect(describeValue("x".repeat(100)).length).toBeLessThan(50);
  });
});

describe("fromZodError and parseWith", () => {
  const schema = z.object({ id: z.string(), weight: z.number().min(0) }).strict();

  it("lists every issue with its full path", () => {
    const result = schema.safeParse({ id: 7, weight: -1, extra: true });
    expect(result.success).toBe(false);
    if (result.success) return;
    const error = fromZodError(result.error, "INVALID_PLAN", ["kpis", 0]);
    expect(error.code).toBe("INVALID_PLAN");
    expect(error.issues.length).toBe(3);
    expect(error.issues.map((issue) => formatPath(issue.path))).toEqual(expect.arrayContaining(["kpis[0].id", "kpis[0].weight"]));
    expect(error.path).toEqual(error.issues[0]?.path);
    expect(error.message).toMatch(/kpis\[0\]\.id/);
  });

  it("returns parsed data or throws a PayscoreError", () => {
    expect(parseWith(schema, { id: "a", weight: 1 })).toEqual({ id: "a", weight: 1 });
    expect(() => parseWith(schema, null)).toThrow(PayscoreError);
  });
});

describe("PayscoreError options", () => {
  it("keeps the cause for debugging and copies the issues it is given, frozen", () => {
    const cause = new RangeError("underlying");
    const issues = [{ path: ["a"], message: "first" }, { path: ["b", 0], message: "second" }];
    const error = new PayscoreError("INVALID_PLAN", "two problems", { path: ["a"], issues, cause });
    expect(error.cause).toBe(cause);
    expect(error.issues).toEqual(issues);
    expect(error.issues).not.toBe(issues);
    expect(Object.isFrozen(error.issues[1])).toBe(true);
    expect(Object.isFrozen(error.issues[1]?.path)).toBe(true);
    issues[0] = { path: ["changed"], message: "changed" };
    expect(error.issues[0]?.message).toBe("first");
  });

  it("has no cause when none is given", () => {
    expect("cause" in new PayscoreError("EMPTY_INPUT", "none")).toBe(false);
  });
});

describe("formatPath: bad paths", () => {
  it("refuses a path that is not an array", () => {
    expect(() => formatPath("kpis.2" as never)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["path"] }));
  });

  it("refuses a key that is neither a string nor a number", () => {
    expect(() => formatPath(["kpis", true] as never)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", message: "path must hold only strings and numbers" }));
  });

  it("brackets keys that are not identifiers", () => {
    expect(formatPath(["rows", "2nd", "a b", "$ok", "_x"])).toBe('rows["2nd"]["a b"].$ok._x');
  });
});

describe("fromZodError: edge cases", () => {
  it("writes a symbol key as text", () => {
    const error = fromZodError(new z.ZodError([{ code: "custom", path: [Symbol("key")], message: "bad", input: 1 }]), "INVALID_ARGUMENT", ["options"]);
    expect(error.path).toEqual(["options", "Symbol(key)"]);
    expect(error.message).toBe('options["Symbol(key)"]: bad');
  });

  it("still names one issue, at the base path, when the zod error holds none", () => {
    const error = fromZodError(new z.ZodError([]), "INVALID_DATA", ["rows", 3]);
    expect(error.code).toBe("INVALID_DATA");
    expect(error.path).toEqual(["rows", 3]);
    expect(error.issues).toEqual([{ path: ["rows", 3], message: "invalid input" }]);
    expect(error.message).toBe("rows[3]: invalid input");
  });

  it("keeps the zod error as the cause and defaults to the root path", () => {
    const result = z.number().safeParse("x");
    if (result.success) throw new Error("expected a failure");
    const error = fromZodError(result.error, "INVALID_ARGUMENT");
    expect(error.cause).toBe(result.error);
    expect(error.path).toEqual([]);
    expect(error.message).toMatch(/^\(root\): /);
  });

  it("parseWith uses INVALID_ARGUMENT unless told otherwise, and prefixes the base path", () => {
    const schema = z.object({ id: z.string() });
    expect(() => parseWith(schema, { id: 1 })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["id"] }));
    expect(() => parseWith(schema, { id: 1 }, "INVALID_PLAN", ["people", 0])).toThrow(expect.objectContaining({ code: "INVALID_PLAN", path: ["people", 0, "id"] }));
  });
});
