import { formatPath, type ErrorPath, type PayscoreError } from "../errors/index.js";
import type { LoadedData, TableSource } from "./readPlanData.js";

/**
 * Turns an error from a run into lines a person can act on: a fault in a data row or rating
 * points at the file, the 1-based line (the header is line 1) and the column
 * (`data.csv:5:3: revenue must be …`); a fault in the plan at the plan file and its JSON path.
 * At most 20 problems are listed.
 *
 * @param error - what the run threw
 * @param loaded - the data and where each table came from
 * @param planFile - the plan's path as the user wrote it
 * @returns one line per problem
 *
 * @example
 * ```ts
 * dataProblemLines(error, loaded, "plan.json"); // ["data.csv:5:3: revenue: \"\" is missing"]
 * ```
 */
export function dataProblemLines(error: PayscoreError, loaded: LoadedData, planFile: string): string[] {
  const lines = error.issues.slice(0, 20).map((issue) => describeIssue(issue.path, issue.message, loaded, planFile));
  if (error.issues.length > 20) lines.push(`… and ${error.issues.length - 20} more problems`);
  return lines;
}

function describeIssue(path: ErrorPath, message: string, loaded: LoadedData, planFile: string): string {
  const [table, index, column] = path;
  const source = table === "rows" ? loaded.sources.rows : table === "ratings" ? loaded.sources.ratings : table === "transactions" ? loaded.sources.transactions : table === "deals" || table === "responses" || table === "activities" || table === "tickets" ? loaded.sources[table] : undefined;
  if (source !== undefined && typeof index === "number") return describeCell(source, path, index, column, message);
  if (source !== undefined) return `${source.file}: ${withoutPath(message, path)}`;
  if (table === "history") {
    const file = loaded.sources.history ?? loaded.sources.rows.file;
    // "history.R05 is missing: …" reads on; anything else gets the path and a colon.
    return message.startsWith(`${formatPath(path)} `) ? `${file}: ${message}` : `${file}: ${formatPath(path)}: ${withoutPath(message, path)}`;
  }
  if (path.length === 0) return `${planFile}: ${message}`;
  return `${planFile}: ${formatPath(path)}: ${withoutPath(message, path)}`;
}

function describeCell(source: TableSource, path: ErrorPath, index: number, column: string | number | undefined, message: string): string {
  if (source.kind === "json" || source.lines === undefined || source.header === undefined) {
    const jsonPath = [...(source.jsonPath ?? []), ...path.slice(1)];
    return `${source.file}: ${formatPath(jsonPath)}: ${withoutPath(message, path)}`;
  }
  const line = source.lines[index] ?? index + 2;
  const rest = withoutPath(message, path);
  if (typeof column !== "string") return `${source.file}:${line}: ${rest}`;
  const number = source.header.indexOf(column) + 1;
  if (number === 0) return `${source.file}:1: no column ${JSON.stringify(column)} in the header (needed on line ${line}): ${rest}`;
  // "rows[3].revenue must be …" reads on as "revenue must be …"; anything else gets "revenue: …".
  const prefix = formatPath(path);
  const flowing = message.startsWith(prefix) && message.charAt(prefix.length) === " ";
  const text = flowing ? `${column} ${rest}` : `${column}: ${rest}`;
  return `${source.file}:${line}:${number}: ${text}`;
}

/** Drops a leading `rows[3].revenue` (and a colon) from a message: the line already says where. */
function withoutPath(message: string, path: ErrorPath): string {
  const prefix = formatPath(path);
  if (!message.startsWith(prefix)) return message;
  const rest = message.slice(prefix.length).replace(/^:\s*/, "").trimStart();
  return rest === "" ? message : rest;
}
