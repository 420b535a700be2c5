import { PayscoreError, describeValue, formatPath, type ErrorPath } from "../errors/index.js";
import { readDecimal, type Decimal } from "../numeric/index.js";
import { inPlanWords } from "./planErrorMap.js";
import type { DataRow } from "./schema.js";

/**
 * Reads one numeric cell of a data row strictly (`readDecimal`: no thousands separators,
 * currency signs or spaces). `""` and `null` are empty → `null`.
 *
 * @internal
 * @throws {PayscoreError} `INVALID_DATA` at `["rows", index, column]` for a missing column or a malformed number
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
 * @throws {PayscoreError} `INVALID_DATA` also for an empty cell
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
