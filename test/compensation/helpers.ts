import { expect } from "vitest";
import { fillUnits } from "../../src/compensation/fillUnits.js";
import { waterFill } from "../../src/compensation/waterFill.js";
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

/** Amounts and the steps left over, as plain arrays of numbers. */
export interface FilledUnits {
  readonly amounts: number[];
  readonly unallocated: number;
}

/** `fillUnits`' answer to a pool of `pool` steps, as plain arrays. */
export function fillUnitsOf(pool: number, weights: readonly number[], highs: readonly number[], minimum: number): FilledUnits {
  const result = fillUnits({ pool, weights: Float64Array.from(weights), highs: Float64Array.from(highs), minimum });
  return { amounts: Array.from(result.amounts), unallocated: result.unallocated };
}

/** The BigInt water fill of the same problem (the reference), with lows = min(minimum, cap) for a weight above 0. */
export function waterFillOf(pool: number, weights: readonly number[], highs: readonly number[], minimum: number): FilledUnits {
  const lows = weights.map((w, i) => (w === 0 || minimum === 0 ? 0n : BigInt(Math.min(highs[i] as number, minimum))));
  const result = waterFill({
    pool: BigInt(pool),
    weights: weights.map((w) => BigInt(w)),
    lows,
    highs: highs.map((h) => (h === Infinity ? undefined : BigInt(h))),
  });
  return { amounts: result.amounts.map(Number), unallocated: Number(result.unallocated) };
}
