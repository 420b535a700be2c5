import { expect } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";

/** Runs `run`, expects a PayscoreError and returns its code and path. */
export function errorOf(run: () => unknown): { code: string; path: readonly (string | number)[] } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    return { code: (error as PayscoreError).code, path: (error as PayscoreError).path };
  }
  throw new Error("expected a PayscoreError");
}

/** Runs `run`, expects a PayscoreError and returns its code, path and message. */
export function failureOf(run: () => unknown): { code: string; path: readonly (string | number)[]; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    const { code, path, message } = error as PayscoreError;
    return { code, path, message };
  }
  throw new Error("expected a PayscoreError");
}
