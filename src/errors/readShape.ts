// Small readers that check the shape of a caller's argument before its fields are read, and
// throw a PayscoreError naming the path. Shared by every domain that reads object arguments by
// hand (zod is kept off the hot paths). Internal: not re-exported from the package root.
import { PayscoreError, type ErrorPath, type PayscoreErrorCode } from "./PayscoreError.js";
import { describeValue } from "./describeValue.js";
import { formatPath } from "./formatPath.js";

/**
 * The path of a key inside `base`.
 *
 * @internal
 * @param base - the outer path
 * @param keys - the keys inside it
 * @returns the joined path
 * @example
 * ```ts
 * pathTo(["kpis", 0], "weight"); // ["kpis", 0, "weight"]
 * ```
 */
export function pathTo(base: ErrorPath, ...keys: readonly (string | number)[]): ErrorPath {
  return [...base, ...keys];
}

/**
 * A {@link PayscoreError} whose message starts with the path in plain words.
 *
 * @param code - the error code
 * @param path - where the fault is
 * @param text - the rest of the message, e.g. `"must not be negative; got -3"`
 * @returns the error to throw
 */
export function fault(code: PayscoreErrorCode, path: ErrorPath, text: string): PayscoreError {
  return new PayscoreError(code, `${formatPath(path)} ${text}`, { path });
}

/**
 * Checks that a value is a plain object (not null, not an array) before its fields are read.
 *
 * @param value - the caller's value
 * @param path - where it sits
 * @returns the value as a record of unknowns
 */
export function readRecord(value: unknown, path: ErrorPath): Readonly<Record<string, unknown>> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw fault("INVALID_ARGUMENT", path, `must be an object; got ${describeValue(value)}`);
  }
  return value as Readonly<Record<string, unknown>>;
}

/** The options of a call without options (read-only, so one shared object). */
const NO_OPTIONS: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * Reads an optional options argument: `undefined` or an object.
 *
 * @param value - the caller's options
 * @param path - its name (`["options"]`)
 * @returns the object, or an empty one
 */
export function readOptions(value: unknown, path: ErrorPath): Readonly<Record<string, unknown>> {
  return value === undefined ? NO_OPTIONS : readRecord(value, path);
}

/**
 * Checks that a list argument is an array.
 *
 * @param value - the caller's argument
 * @param path - its name
 * @returns the array
 */
export function readList(value: unknown, path: ErrorPath): readonly unknown[] {
  if (!Array.isArray(value)) throw fault("INVALID_ARGUMENT", path, `must be an array; got ${describeValue(value)}`);
  return value;
}

/**
 * Reads a non-empty string (an id).
 *
 * @param value - the caller's value
 * @param path - where it sits
 * @returns the string
 */
export function readName(value: unknown, path: ErrorPath): string {
  if (typeof value !== "string" || value === "") throw fault("INVALID_ARGUMENT", path, `must be a non-empty string; got ${describeValue(value)}`);
  return value;
}

/** Whether an own enumerable property `key` exists on `record` (not one from the prototype). */
export function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}
