import * as z from "zod";
import { describe, expect, it } from "vitest";
import { fromZodError } from "../../src/errors/fromZodError.js";
import { PayscoreError } from "../../src/errors/index.js";

describe("fromZodError", () => {
  it("works the @example: every issue with its path under the base path; the error's path is the first issue's", () => {
    const result = z.object({ id: z.string(), n: z.number() }).safeParse({ id: 7, n: "x" });
    expect(result.success).toBe(false);
    if (result.success) return;
    const error = fromZodError(result.error, "INVALID_ARGUMENT", ["people", 0]);
    expect(error).toBeInstanceOf(PayscoreError);
    expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["people", 0, "id"]]);
    expect(error.issues.map((issue) => issue.path)).toEqual([["people", 0, "id"], ["people", 0, "n"]]);
    expect(error.message).toMatch(/^people\[0\]\.id: .*; people\[0\]\.n: /);
    expect(error.cause).toBe(result.error);
  });

  it("names a symbol key by its text, and an error with no issue by the base path", () => {
    const key = Symbol("k");
    const withSymbol = new z.ZodError([{ code: "custom", path: [key], message: "bad", input: 1 }]);
    expect(fromZodError(withSymbol, "INVALID_PLAN").path).toEqual(["Symbol(k)"]);
    const empty = fromZodError(new z.ZodError([]), "INVALID_PLAN", ["plan"]);
    expect([empty.path, empty.issues, empty.message]).toEqual([["plan"], [{ path: ["plan"], message: "invalid input" }], "plan: invalid input"]);
  });
});
