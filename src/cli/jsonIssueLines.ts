import type * as z from "zod";
import { formatPath } from "../errors/index.js";

/**
 * The lines of a JSON input that broke its schema, as the command line prints them: one per
 * issue (at most 20), `file: path: message`, the path in the plan's notation (`[0].invoice`,
 * `rows[2].id`). `drop` leading keys of each path are left out — the JSON data checked as
 * `{ rows }` when the file is a bare array of rows. Without issues (a schema that passed but
 * gave no value), the one line `file: what`.
 *
 * @param file - the input as the user wrote it
 * @param issues - zod's issues (`error.issues`), or none
 * @param what - the line without issues: what the file should hold (`expected an array of ratings`)
 * @param drop - how many leading keys of each path to leave out (default 0)
 * @returns the lines, never empty
 *
 * @example
 * ```ts
 * jsonIssueLines("t.json", [{ code: "invalid_type", expected: "string", path: [0, "invoice"], message: "Invalid input: expected string, received number" }], "expected an array of transactions");
 * // ["t.json: [0].invoice: Invalid input: expected string, received number"]
 * jsonIssueLines("r.json", [], "expected an array of ratings"); // ["r.json: expected an array of ratings"]
 * ```
 */
export function jsonIssueLines(file: string, issues: readonly z.core.$ZodIssue[], what: string, drop = 0): string[] {
  const lines = issues.slice(0, 20).map((issue) => `${file}: ${formatPath(issue.path.slice(drop).map((key) => (typeof key === "symbol" ? String(key) : key)))}: ${issue.message}`);
  return lines.length > 0 ? lines : [`${file}: ${what}`];
}
