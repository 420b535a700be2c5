import { readDecimal, scaledInteger } from "../../numeric/index.js";
import { isCanonical, unitsText } from "./unitsText.js";

/**
 * A data cell as a statement shows it — `readDecimal(cell).toString()` — without a Decimal for
 * the usual cells: the cell itself when it is already written that way, else from its digits
 * when it has at most 6 decimals.
 *
 * @internal
 * @param value - a cell already checked to be a number (string or JSON number), or empty
 * @returns its canonical text, or `null` for an empty cell
 *
 * @example
 * ```ts
 * cellText("1200.50"); // "1200.5"
 * cellText(""); // null
 * ```
 */
export function cellText(value: unknown): string | null {
  if (value === null || value === "" || value === undefined) return null;
  if (typeof value === "string" && isCanonical(value)) return value;
  const units = scaledInteger(value, 6);
  return units === undefined ? readDecimal(value, ["rows"]).toString() : unitsText(units, 6);
}
