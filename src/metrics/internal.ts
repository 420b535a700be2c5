// Helpers shared by the indicator files of src/metrics/. Not part of the public API: nothing
// here is re-exported from index.ts.
import { PayscoreError, describeValue, formatPath, type ErrorPath, type PayscoreErrorCode } from "../errors/index.js";
import { Decimal, readDecimal } from "../numeric/index.js";

const NO_PATH: ErrorPath = Object.freeze([]);

/** The path of a key inside `base`; built only when an error is thrown. */
export function pathTo(base: ErrorPath, key: string | number): ErrorPath {
  return base.length === 0 ? [key] : [...base, key];
}

/**
 * `readDecimal` for a field of a list entry (`lines[3].revenue`) without building the path
 * unless the value is bad: the per-entry hot path of list indicators.
 *
 * @param value - the field's value
 * @param list - the list argument's name, e.g. `"lines"`
 * @param index - the entry's index
 * @param key - the field's name
 * @returns the value as a Decimal
 */
export function readField(value: unknown, list: string, index: number, key: string): Decimal {
  try {
    return readDecimal(value, NO_PATH);
  } catch {
    return readDecimal(value, [list, index, key]); // throws again, now with the path
  }
}

/**
 * The exact sum of whole numbers (days, milliseconds) that may pass 2^53 together: summed as
 * numbers while that is exact, carried into a Decimal when it would not be.
 *
 * @param values - whole numbers, each a safe integer
 * @returns their exact sum
 */
export function exactSum(values: ArrayLike<number>): Decimal {
  let carried: Decimal | undefined;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (Math.abs(sum + value) > Number.MAX_SAFE_INTEGER) {
      carried = carried === undefined ? new Decimal(sum) : carried.plus(sum);
      sum = 0;
    }
    sum += value;
  }
  return carried === undefined ? new Decimal(sum) : carried.plus(sum);
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
 * Refuses a negative amount (billed, revenue, cost, market size…): `INVALID_ARGUMENT`.
 *
 * @param x - the amount (already read, so never `-0`)
 * @param base - where the object holding it sits (`[]` for an argument)
 * @param key - its name
 * @returns `x`
 */
export function nonNegative(x: Decimal, base: ErrorPath, key: string | number): Decimal {
  if (x.isNegative()) throw fault("INVALID_ARGUMENT", pathTo(base, key), `must not be negative; got ${x.toString()}`);
  return x;
}

/**
 * {@link nonNegative} for a field of a list entry, building the path only on failure.
 *
 * @param x - the amount
 * @param list - the list argument's name
 * @param index - the entry's index
 * @param key - the field's name
 * @returns `x`
 */
export function nonNegativeField(x: Decimal, list: string, index: number, key: string): Decimal {
  if (x.isNegative()) throw fault("INVALID_ARGUMENT", [list, index, key], `must not be negative; got ${x.toString()}`);
  return x;
}

/**
 * Refuses a zero denominator: `ZERO_DENOMINATOR`, naming the ratio that cannot be formed.
 *
 * @param x - the denominator
 * @param base - where the object holding it sits (`[]` for an argument)
 * @param key - its name
 * @param ratio - the ratio in plain notation, e.g. `"collected / billed"`
 * @returns `x`
 */
export function nonZero(x: Decimal, base: ErrorPath, key: string | number, ratio: string): Decimal {
  if (x.isZero()) throw fault("ZERO_DENOMINATOR", pathTo(base, key), `is 0, so ${ratio} is undefined (division by zero)`);
  return x;
}

/**
 * `x` with a negative zero turned into `new Decimal(0)` (decimal.js keeps the sign of zero).
 *
 * @param x - a result
 * @returns `x`, or a fresh positive zero
 */
export function plain(x: Decimal): Decimal {
  return x.isZero() && x.isNegative() ? new Decimal(0) : x;
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

/**
 * {@link readRecord} for an entry of a list argument, building the path only on failure.
 *
 * @param value - the entry
 * @param list - the list argument's name
 * @param index - the entry's index
 * @returns the entry as a record of unknowns
 */
export function readEntry(value: unknown, list: string, index: number): Readonly<Record<string, unknown>> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw fault("INVALID_ARGUMENT", [list, index], `must be an object; got ${describeValue(value)}`);
  }
  return value as Readonly<Record<string, unknown>>;
}

/**
 * Reads an optional options argument: `undefined` or an object.
 *
 * @param value - the caller's options
 * @param path - its name (`["options"]`)
 * @returns the object, or undefined
 */
export function readOptions(value: unknown, path: ErrorPath): Readonly<Record<string, unknown>> | undefined {
  return value === undefined ? undefined : readRecord(value, path);
}

/**
 * Reads an optional string option that must be one of `choices`.
 *
 * @param value - the option's value
 * @param base - where the options object sits
 * @param key - the option's name
 * @param choices - the allowed values
 * @param fallback - the default when `value` is undefined
 * @returns the choice
 */
export function readChoice<T extends string>(value: unknown, base: ErrorPath, key: string, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (choices as readonly string[]).includes(value)) return value as T;
  throw fault("INVALID_ARGUMENT", pathTo(base, key), `must be one of ${choices.map((c) => `"${c}"`).join(", ")}; got ${describeValue(value)}`);
}

/**
 * Reads a non-empty string (a stage name, an activity type, a tier).
 *
 * @param value - the caller's value
 * @param path - where it sits
 * @returns the string
 */
export function readName(value: unknown, path: ErrorPath): string {
  if (typeof value !== "string" || value === "") throw fault("INVALID_ARGUMENT", path, `must be a non-empty string; got ${describeValue(value)}`);
  return value;
}

/**
 * Reads a count: a safe whole number ≥ 0. A fraction (or any non-number) is `INVALID_ARGUMENT`,
 * a negative count `OUT_OF_RANGE` (as `readInteger` does).
 *
 * @param value - the caller's value
 * @param path - where it sits
 * @returns the count (never `-0`)
 */
export function readCount(value: unknown, path: ErrorPath): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw fault("INVALID_ARGUMENT", path, `must be a whole number of at least 0; got ${describeValue(value)}`);
  }
  if (value < 0) throw fault("OUT_OF_RANGE", path, `must be at least 0; got ${describeValue(value)}`);
  return value === 0 ? 0 : value;
}

/**
 * A `Date` whose "local" calendar is UTC, so date-fns calendar arithmetic on it gives the same
 * answer in every time zone (the approach of `@date-fns/utc`, in the few methods date-fns
 * uses for day arithmetic). date-fns builds its intermediate dates with `new date.constructor`,
 * so they stay in UTC too.
 */
class UtcDate extends Date {
  override getFullYear(): number {
    return this.getUTCFullYear();
  }
  override getMonth(): number {
    return this.getUTCMonth();
  }
  override getDate(): number {
    return this.getUTCDate();
  }
  override getDay(): number {
    return this.getUTCDay();
  }
  override getHours(): number {
    return this.getUTCHours();
  }
  override getMinutes(): number {
    return this.getUTCMinutes();
  }
  override getSeconds(): number {
    return this.getUTCSeconds();
  }
  override getMilliseconds(): number {
    return this.getUTCMilliseconds();
  }
  override getTimezoneOffset(): number {
    return 0;
  }
  override setHours(...args: [hours: number, minutes?: number, seconds?: number, milliseconds?: number]): number {
    return this.setUTCHours(...args);
  }
  override setFullYear(...args: [year: number, month?: number, date?: number]): number {
    return this.setUTCFullYear(...args);
  }
  override setMonth(...args: [month: number, date?: number]): number {
    return this.setUTCMonth(...args);
  }
  override setDate(date: number): number {
    return this.setUTCDate(date);
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Reads an ISO calendar date `yyyy-MM-dd` that exists (no 2026-02-30) as a UTC-calendar Date
 * for date-fns, independent of the process time zone.
 *
 * @param value - the caller's value
 * @param path - where it sits
 * @returns midnight of that day on a UTC calendar
 */
export function readCalendarDate(value: unknown, path: ErrorPath): Date {
  const match = typeof value === "string" ? ISO_DATE.exec(value) : null;
  if (match === null) throw fault("INVALID_ARGUMENT", path, `must be a date written yyyy-MM-dd such as "2026-03-31"; got ${describeValue(value)}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (!isRealDate(year, month, day)) throw fault("INVALID_ARGUMENT", path, `is not a real calendar date; got ${describeValue(value)}`);
  const date = new UtcDate(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/**
 * Reads an ISO 8601 date-time with an explicit offset (`2026-03-02T09:30:00+08:00`,
 * `2026-03-02T01:30Z`) as milliseconds since the epoch. The offset is required so the instant
 * does not depend on the time zone of the machine.
 *
 * @param value - the caller's value
 * @param path - where it sits
 * @returns the instant in milliseconds since 1970-01-01T00:00Z
 */
export function readTimestamp(value: unknown, path: ErrorPath): number {
  const match = typeof value === "string" ? ISO_TIMESTAMP.exec(value) : null;
  if (match === null) {
    throw fault(
      "INVALID_ARGUMENT",
      path,
      `must be a date-time with an offset, written like "2026-03-02T09:30:00+08:00" or "2026-03-02T01:30:00Z"; got ${describeValue(value)}`,
    );
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const millisecond = match[7] === undefined ? 0 : Number(match[7].padEnd(3, "0"));
  const offsetHours = match[10] === undefined ? 0 : Number(match[10]);
  const offsetMinutes = match[11] === undefined ? 0 : Number(match[11]);
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) {
    throw fault("INVALID_ARGUMENT", path, `is not a real date and time; got ${describeValue(value)}`);
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millisecond);
  const offset = (match[9] === "-" ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return date.getTime() - offset;
}
