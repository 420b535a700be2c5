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
    for (const code of ["INVALID_NUMBER", "INVALID_ARGUMENT", "INVALID_WEIGHTS", "ZERO_DENOMINATOR", "EMPTY_INPUT", "OUT_OF_RANGE", "INVALID_PLAN", "INVALID_DATA"]) {
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
