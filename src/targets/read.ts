/**
 * Input checks shared inside src/targets/ (not exported from the package).
 */
import { PayscoreError, describeValue, formatPath, type ErrorPath } from "../errors/index.js";
import { Decimal, readDecimal } from "../numeric/index.js";

/**
 * Checks that an options argument is an object (or undefined) before its fields are read.
 *
 * @internal
 * @param value - the caller's options
 * @param path - where they sit
 * @param required - whether `undefined` is refused
 * @returns the options as a record (empty when undefined and not required)
 * @throws {PayscoreError} `INVALID_ARGUMENT`
 * @example
 * ```ts
 * readOptions(undefined, ["options"], false); // {}
 * ```
 */
export function readOptions(value: unknown, path: ErrorPath, required: boolean): Readonly<Record<string, unknown>> {
  if (value === undefined && !required) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const expected = required ? "an object" : "an object or undefined";
    throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(path)} must be ${expected}; got ${describeValue(value)}`, { path });
  }
  return value as Readonly<Record<string, unknown>>;
}

/**
 * Reads a weight: a number ≥ 0.
 *
 * @internal
 * @param value - the weight
 * @param path - where it sits
 * @returns the weight
 * @throws {PayscoreError} `INVALID_NUMBER` for a malformed number, `INVALID_WEIGHTS` for a negative one
 * @example
 * ```ts
 * readWeight("0.3", ["parts", 0, "weight"]).toString(); // "0.3"
 * ```
 */
export function readWeight(value: unknown, path: ErrorPath): Decimal {
  const weight = readDecimal(value, path);
  if (weight.isNegative()) {
    throw new PayscoreError("INVALID_WEIGHTS", `${formatPath(path)} must not be negative; got ${describeValue(value)}`, { path });
  }
  return weight;
}

/**
 * Checks that an amount is a whole number of steps of `10^-scale` (what an exact split needs).
 *
 * @internal
 * @param amount - the amount
 * @param scale - decimal places of a step
 * @param path - where it sits
 * @throws {PayscoreError} `INVALID_ARGUMENT` naming the amount and the step
 * @example
 * ```ts
 * requireWholeSteps(new Decimal("12.5"), 0, ["total"]); // throws: total 12.5 is not a whole number of steps of 1
 * ```
 */
export function requireWholeSteps(amount: Decimal, scale: number, path: ErrorPath): void {
  if (!amount.times(new Decimal(10).pow(scale)).isInteger()) {
    throw new PayscoreError(
      "INVALID_ARGUMENT",
      `${formatPath(path)} ${amount.toString()} is not a whole number of steps of ${new Decimal(10).pow(-scale).toString()}; round it to ${scale} decimal places first`,
      { path },
    );
  }
}

/**
 * Checks that keys are unique.
 *
 * @internal
 * @param keys - the keys in input order
 * @param pathOf - the error path of the i-th key
 * @throws {PayscoreError} `INVALID_ARGUMENT` at the second occurrence, naming the first
 * @example
 * ```ts
 * requireUniqueKeys(["east", "east"], (i) => ["parts", i, "key"]); // throws: parts[1].key "east" repeats parts[0].key
 * ```
 */
export function requireUniqueKeys(keys: readonly string[], pathOf: (index: number) => ErrorPath): void {
  const seen = new Map<string, number>();
  keys.forEach((key, i) => {
    const first = seen.get(key);
    if (first !== undefined) {
      const path = pathOf(i);
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(path)} ${JSON.stringify(key)} repeats ${formatPath(pathOf(first))}; keys must be unique`, { path });
    }
    seen.set(key, i);
  });
}
