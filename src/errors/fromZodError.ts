import type * as z from "zod";
import { PayscoreError, type ErrorPath, type PayscoreErrorCode, type PayscoreIssue } from "./PayscoreError.js";
import { formatPath } from "./formatPath.js";

/**
 * Turns a zod validation error into a {@link PayscoreError} that lists every issue with its path.
 * The error's own `path` is the first issue's path (prefixed by `basePath`).
 *
 * @param error - the zod error (from `safeParse`)
 * @param code - the code to throw with, e.g. `INVALID_ARGUMENT` or `INVALID_PLAN`
 * @param basePath - where the validated value sits in the caller's input
 * @returns the error to throw
 *
 * @example
 * ```ts
 * const result = z.object({ id: z.string() }).safeParse({ id: 7 });
 * if (!result.success) throw fromZodError(result.error, "INVALID_ARGUMENT", ["people", 0]);
 * // PayscoreError: people[0].id: expected string, received number
 * ```
 */
export function fromZodError(error: z.core.$ZodError, code: PayscoreErrorCode, basePath: ErrorPath = []): PayscoreError {
  const issues: PayscoreIssue[] = error.issues.map((issue) => ({
    path: [...basePath, ...issue.path.map((key) => (typeof key === "symbol" ? String(key) : key))],
    message: issue.message,
  }));
  // A ZodError built by hand may hold no issue; the error still names one (its base path).
  const first = issues[0] ?? { path: [...basePath], message: "invalid input" };
  const listed = issues.length > 0 ? issues : [first];
  const summary = listed.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join("; ");
  return new PayscoreError(code, summary, { path: first.path, issues: listed, cause: error });
}
