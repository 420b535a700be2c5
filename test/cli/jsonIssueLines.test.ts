import * as z from "zod";
import { describe, expect, it } from "vitest";
import { jsonIssueLines } from "../../src/cli/jsonIssueLines.js";

const issuesOf = (schema: z.ZodType, value: unknown): z.core.$ZodIssue[] => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues;
};

describe("jsonIssueLines", () => {
  const list = z.array(z.object({ invoice: z.string(), amount: z.number() }));

  it("gives one line per issue, the file and the path in front", () => {
    expect(jsonIssueLines("t.json", issuesOf(list, [{ invoice: 1, amount: 2 }, { invoice: "INV-2" }]), "expected an array")).toEqual([
      "t.json: [0].invoice: Invalid input: expected string, received number",
      "t.json: [1].amount: Invalid input: expected number, received undefined",
    ]);
  });

  it("leaves out the leading keys it is told to (a bare array of rows checked as { rows })", () => {
    const data = z.object({ rows: z.array(z.object({ id: z.string() })) });
    expect(jsonIssueLines("data.json", issuesOf(data, { rows: [{ id: 7 }] }), "expected rows", 1)).toEqual(["data.json: [0].id: Invalid input: expected string, received number"]);
  });

  it("stops at 20 lines, and says what the file should hold when there is no issue", () => {
    const many = Array.from({ length: 30 }, () => ({ invoice: 1, amount: 1 }));
    expect(jsonIssueLines("t.json", issuesOf(list, many), "expected an array")).toHaveLength(20);
    expect(jsonIssueLines("r.json", [], "expected an array of ratings")).toEqual(["r.json: expected an array of ratings"]);
  });
});
