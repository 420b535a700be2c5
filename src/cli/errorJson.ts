import type { ErrorPath } from "../errors/index.js";

/** One problem as `--json` prints it. */
export interface ErrorJsonProblem {
  readonly message: string;
  /** The file at fault as the user wrote it, or null (a flag, the command). */
  readonly file: string | null;
  /** The 1-based line in the file, or null. */
  readonly line: number | null;
  /** The 1-based column in the line, or null. */
  readonly column: number | null;
}

/** What `payscore --json` prints on stderr when a command fails: one JSON object, one line. */
export interface ErrorJson extends ErrorJsonProblem {
  /** `USAGE`, `INVALID_INPUT`, `LIMIT_EXCEEDED`, `OUTPUT_LOCKED`, `INTERNAL_ERROR` or a `PayscoreError` code (`INVALID_PLAN`, `INVALID_DATA`, …). */
  readonly code: string;
  /** Where in the input the fault is (a JSON path: `["kpis", 1, "weight"]`), `[]` if not known. */
  readonly path: ErrorPath;
  /** The exit code the process ends with: 2 bad input, 64 usage, 1 a bug. */
  readonly exitCode: number;
  /** Every problem, the first one included, when there are several. */
  readonly problems?: readonly ErrorJsonProblem[];
}

/**
 * The `--json` form of an error: its code, path and exit code, and its lines read back into
 * file, line, column and message (`data.csv:5:3: revenue: …` → `{ file: "data.csv", line: 5,
 * column: 3, message: "revenue: …" }`; a line that starts with `payscore` names no file).
 *
 * @param code - the error's code
 * @param path - where in the input the fault is
 * @param lines - the lines the error prints
 * @param exitCode - the exit code
 * @returns the object to print
 *
 * @example
 * ```ts
 * errorJson("INVALID_DATA", ["rows", 3, "sales"], ["data.csv:5:3: sales: \"1,200\" is not a plain number"], 2);
 * // { code: "INVALID_DATA", message: "sales: \"1,200\" is not a plain number", path: ["rows", 3, "sales"], file: "data.csv", line: 5, column: 3, exitCode: 2 }
 * ```
 */
export function errorJson(code: string, path: ErrorPath, lines: readonly string[], exitCode: number): ErrorJson {
  const problems = lines.map(problemOf);
  const first = problems[0] ?? { message: "", file: null, line: null, column: null };
  return { code, message: first.message, path: [...path], file: first.file, line: first.line, column: first.column, exitCode, ...(problems.length > 1 ? { problems } : {}) };
}

function problemOf(text: string): ErrorJsonProblem {
  if (text.startsWith("payscore")) return { message: text.replace(/^payscore( [a-z]+)?: /, ""), file: null, line: null, column: null };
  const placed = /^(.+?):(\d+)(?::(\d+))?: (.*)$/s.exec(text);
  if (placed !== null) return { message: placed[4] as string, file: placed[1] as string, line: Number(placed[2]), column: placed[3] === undefined ? null : Number(placed[3]) };
  const named = /^(.+?): (.*)$/s.exec(text);
  if (named !== null) return { message: named[2] as string, file: named[1] as string, line: null, column: null };
  return { message: text, file: null, line: null, column: null };
}
