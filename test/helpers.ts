// Assertions shared by the test folders: errors by code and path, Decimals by value (never -0).
import { expect } from "vitest";
import { Decimal } from "../src/numeric/index.js";
import { PayscoreError } from "../src/errors/index.js";

/** Runs `run`, expects it to throw a PayscoreError, and returns that error. */
export function errorOf(run: () => unknown): PayscoreError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    return error as PayscoreError;
  }
  throw new Error("expected a PayscoreError, but nothing was thrown");
}

/** Runs `run`, expects a PayscoreError, and returns its code and path (for one `toEqual`). */
export function fault(run: () => unknown): { code: string; path: readonly (string | number)[] } {
  const error = errorOf(run);
  return { code: error.code, path: error.path };
}

/** Expects a PayscoreError with this code and path. */
export function expectFault(run: () => unknown, code: string, path: readonly (string | number)[]): PayscoreError {
  const error = errorOf(run);
  expect(error.code).toBe(code);
  expect(error.path).toEqual(path);
  return error;
}

/** Expects a library Decimal equal to `expected`, never a negative zero. */
export function expectDecimal(actual: unknown, expected: string): void {
  expect(actual).toBeInstanceOf(Decimal);
  const value = actual as Decimal;
  expect(value.toString()).toBe(expected);
  if (value.isZero()) expect(value.isNegative()).toBe(false);
}
