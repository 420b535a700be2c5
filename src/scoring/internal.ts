// Helpers shared by the files of src/scoring/. Not part of the public API: nothing here is
// re-exported from index.ts.
import { PayscoreError, describeValue, fault, formatPath, pathTo, type ErrorPath } from "../errors/index.js";
import { Decimal, readDecimal } from "../numeric/index.js";

// The shape readers live in errors/ (one copy for every domain); re-exported for this folder.
export { pathTo, fault, readRecord, readOptions, readList, readName, hasOwn } from "../errors/index.js";

/**
 * Reads an optional string option that must be one of `choices`.
 *
 * @param value - the option's value
 * @param path - where it sits
 * @param choices - the allowed values
 * @param fallback - the default when `value` is undefined
 * @returns the choice
 */
export function readChoice<T extends string>(value: unknown, path: ErrorPath, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (choices as readonly string[]).includes(value)) return value as T;
  throw fault("INVALID_ARGUMENT", path, `must be one of ${choices.map((c) => `"${c}"`).join(", ")}; got ${describeValue(value)}`);
}

/**
 * Reads an optional boolean option.
 *
 * @param value - the option's value
 * @param path - where it sits
 * @param fallback - the default when `value` is undefined
 * @returns the flag
 */
export function readFlag(value: unknown, path: ErrorPath, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value === "boolean") return value;
  throw fault("INVALID_ARGUMENT", path, `must be true or false; got ${describeValue(value)}`);
}

/**
 * Refuses keys an object must not have (a misspelt option would otherwise be ignored silently).
 *
 * @param record - the object
 * @param path - where it sits
 * @param known - the keys it may have
 */
export function refuseUnknownKeys(record: Readonly<Record<string, unknown>>, path: ErrorPath, known: readonly string[]): void {
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) {
      throw fault("INVALID_ARGUMENT", pathTo(path, key), `is not a known field (expected ${known.map((k) => `"${k}"`).join(", ")})`);
    }
  }
}


/** How far from 1 a list of weights may sum and still count as summing to 1. */
export const WEIGHT_TOLERANCE = new Decimal("1e-12");

/**
 * Reads a weight: a number ≥ 0.
 *
 * @param value - the caller's weight
 * @param path - where it sits
 * @returns the weight
 * @throws {PayscoreError} `INVALID_NUMBER` for a malformed number, `INVALID_WEIGHTS` for a negative one
 */
export function readWeight(value: unknown, path: ErrorPath): Decimal {
  const weight = readDecimal(value, path);
  if (weight.isNegative()) throw fault("INVALID_WEIGHTS", path, `must not be negative; got ${weight.toString()}`);
  return weight;
}

/**
 * Refuses weights whose sum is not 1 within {@link WEIGHT_TOLERANCE}.
 *
 * @param sum - the sum of the weights
 * @param path - where the list of weights sits
 * @param what - what the weights belong to, for the message (`"KPI weights"`)
 * @throws {PayscoreError} `INVALID_WEIGHTS`, the message giving the sum
 */
export function requireSumOfOne(sum: Decimal, path: ErrorPath, what: string): void {
  if (sum.minus(1).abs().gt(WEIGHT_TOLERANCE)) {
    throw new PayscoreError("INVALID_WEIGHTS", `${formatPath(path)}: the ${what} must sum to 1 (within 1e-12); they sum to ${sum.toString()}`, { path });
  }
}

/**
 * The indexes of `ids` in the order of the ids (by UTF-16 code units), so sums taken in this
 * order do not depend on the order of the caller's list.
 *
 * @param ids - the ids, unique
 * @returns the indexes sorted by id
 */
export function canonicalOrder(ids: readonly string[]): number[] {
  return ids.map((_, i) => i).sort((a, b) => {
    const x = ids[a] as string;
    const y = ids[b] as string;
    // Stryker disable next-line ArithmeticOperator,ConditionalExpression,EqualityOperator: ids are unique (x = y only when a = b), so < vs ≤, a − b vs a + b and the x > y test cannot matter (V8's sort calls (later, earlier), where a − b > 0)
    return x < y ? -1 : x > y ? 1 : a - b;
  });
}
