import { formatPath } from "../errors/index.js";
import { tooLongCell, tooManyRows, type InputLimits } from "./inputLimits.js";

/**
 * Holds a JSON input's table to the input limits (issue 22), as a CSV's rows and cells are: at
 * most `--max-rows` rows, and no text value longer than `--max-cell` characters anywhere in a
 * row (a row of the data is flat; a statement of an earlier run, `--paid`, has objects and
 * arrays inside, which are searched too). A value that is not an array is left to the schema,
 * which reports it.
 *
 * @param file - the input as the user wrote it
 * @param rows - the parsed table (an array, or anything else for the schema to refuse)
 * @param at - the table's path inside the file (`["rows"]`, or `[]` for a bare array)
 * @param limits - the limits in force
 * @throws {CliError} `LIMIT_EXCEEDED` (exit 2): `data.json: rows: more than 2 rows …`, or
 *   `data.json: rows[0].name: a cell longer than 4 characters …`
 *
 * @example
 * ```ts
 * checkJsonRows("data.json", [{ id: "E01", name: "Wang" }], ["rows"], DEFAULT_LIMITS); // passes
 * checkJsonRows("data.json", [{ id: "E01", name: "Wang Wei" }], ["rows"], { ...DEFAULT_LIMITS, maxCell: 4 });
 * // throws "data.json: rows[0].name: a cell longer than 4 characters, the limit for a cell; pass --max-cell <n> to read it"
 * ```
 */
export function checkJsonRows(file: string, rows: unknown, at: readonly (string | number)[], limits: InputLimits): void {
  if (!Array.isArray(rows)) return;
  if (rows.length > limits.maxRows) throw tooManyRows(`${file}: ${at.length === 0 ? "the array" : formatPath(at)}`, limits);
  for (let index = 0; index < rows.length; index += 1) checkValue(file, rows[index], [...at, index], limits);
}

/**
 * The text values inside one row, depth first without recursion (a deeply nested value cannot
 * overflow the stack); a path is only built for a nested object or array, or for the fault.
 */
function checkValue(file: string, row: unknown, at: readonly (string | number)[], limits: InputLimits): void {
  const pending: { value: unknown; path: readonly (string | number)[] }[] = [{ value: row, path: at }];
  while (pending.length > 0) {
    const { value, path } = pending.pop() as { value: unknown; path: readonly (string | number)[] };
    if (typeof value === "string") {
      if (value.length > limits.maxCell) throw tooLongCell(`${file}: ${formatPath(path)}`, limits);
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    const keys: readonly (string | number)[] = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
    for (let k = keys.length - 1; k >= 0; k -= 1) {
      const key = keys[k] as string | number;
      const cell: unknown = (value as Record<string | number, unknown>)[key];
      if (typeof cell === "string") {
        if (cell.length > limits.maxCell) throw tooLongCell(`${file}: ${formatPath([...path, key])}`, limits);
      } else if (typeof cell === "object" && cell !== null) {
        pending.push({ value: cell, path: [...path, key] });
      }
    }
  }
}
