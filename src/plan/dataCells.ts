import { PayscoreError, describeValue, formatPath, type ErrorPath } from "../errors/index.js";
import { readDecimal, type Decimal } from "../numeric/index.js";
import { inPlanWords } from "./planErrorMap.js";
import type { DataRow } from "./schema.js";

/**
 * Reads one numeric cell of a data row strictly (`readDecimal`: no thousands separators,
 * currency signs or spaces). `""` and `null` are empty → `null`.
 *
 * @internal
 * @param row - the data row
 * @param index - its position in the data (for the path)
 * @param column - the column to read
 * @returns the number, or `null` for an empty cell
 * @throws {PayscoreError} `INVALID_DATA` at `["rows", index, column]` for a missing column or a malformed number
 *
 * @example
 * ```ts
 * readCell({ id: "p01", sales: "1200.50" }, 0, "sales")?.toString(); // "1200.5"
 * readCell({ id: "p01", sales: "" }, 0, "sales"); // null
 * readCell({ id: "p01", sales: "1,200" }, 0, "sales"); // throws INVALID_DATA at ["rows", 0, "sales"]
 * ```
 */
export function readCell(row: DataRow, index: number, column: string): Decimal | null {
  const path: ErrorPath = ["rows", index, column];
  if (!Object.prototype.hasOwnProperty.call(row, column)) {
    throw new PayscoreError("INVALID_DATA", `${formatPath(path)}: the data has no column "${column}"`, { path });
  }
  const value = row[column];
  if (value === null || value === "" || value === undefined) return null;
  try {
    return readDecimal(value, path);
  } catch (error) {
    throw new PayscoreError(
      "INVALID_DATA",
      `${formatPath(path)} must be a plain decimal number such as "1200.50" (no thousands separators or currency signs); got ${describeValue(value)}`,
      { path, cause: error },
    );
  }
}

/**
 * {@link readCell} for a cell that must not be empty.
 *
 * @internal
 * @param row - the data row
 * @param index - its position in the data (for the path)
 * @param column - the column to read
 * @returns the number
 * @throws {PayscoreError} `INVALID_DATA` also for an empty cell
 *
 * @example
 * ```ts
 * requireCell({ id: "p01", sales: 900 }, 0, "sales").toString(); // "900"
 * requireCell({ id: "p01", sales: null }, 3, "sales"); // throws INVALID_DATA: "rows[3].sales is empty; a number is required"
 * ```
 */
export function requireCell(row: DataRow, index: number, column: string): Decimal {
  const value = readCell(row, index, column);
  if (value === null) {
    const path: ErrorPath = ["rows", index, column];
    throw new PayscoreError("INVALID_DATA", `${formatPath(path)} is empty; a number is required`, { path });
  }
  return value;
}

/**
 * Reads an optional text cell (`name`, `team`, a date): `""`/`null`/absent → null; numbers as text.
 *
 * @internal
 * @param row - the data row
 * @param column - the column to read
 * @returns the text, or `null`
 *
 * @example
 * ```ts
 * readText({ id: "p01", team: "East" }, "team"); // "East"
 * readText({ id: 7 }, "id"); // "7"
 * readText({ id: "p01" }, "team"); // null
 * ```
 */
export function readText(row: DataRow, column: string): string | null {
  const value = row[column];
  if (value === null || value === undefined || value === "") return null;
  return String(value);
}

/**
 * Runs a domain call and re-labels a failure with where it happened in the plan or the data,
 * keeping the domain's code.
 *
 * @internal
 * @param path - where in the plan or data the call works
 * @param what - the words for it, put before the domain's message
 * @param compute - the domain call
 * @returns what `compute` returns
 * @throws {PayscoreError} the domain's error with `path` and `what: ` before its message
 *
 * @example
 * ```ts
 * within(["pay", "pools", 0], 'pool "bonus"', () => allocatePool(-1, [])); // throws at ["pay", "pools", 0]: 'pool "bonus": …'
 * ```
 */
export function within<T>(path: ErrorPath, what: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof PayscoreError) {
      // A domain's names for what the run passed it (values.<kpi>.target…) in the plan's words.
      throw new PayscoreError(error.code, `${what}: ${inPlanWords(error.message)}`, { path, cause: error });
    }
    throw error;
  }
}
