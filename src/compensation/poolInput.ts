import { PayscoreError, describeValue, formatPath, type ErrorPath } from "../errors/index.js";
import { Decimal, readDecimal } from "../numeric/index.js";
import { toSteps } from "./steps.js";

// Input readers shared by allocatePool and allocateTeamPool: internal to src/compensation/.

/** Pool entries read and checked: internal to src/compensation/. @internal */
export interface ReadPoolEntries {
  readonly ids: string[];
  readonly weights: Decimal[];
  /** Caps in whole steps (rounded down), `undefined` where there is none. */
  readonly highs: (bigint | undefined)[];
  /** Whether each entry clears the eligibility threshold. */
  readonly eligible: boolean[];
}

/**
 * Reads `{ id, weight, cap?, score? }` entries by hand (a pool may hold a million people, where
 * a schema library costs more than the arithmetic). Ids must be unique within `seen`.
 *
 * @internal
 * @param entries - the caller's entries
 * @param path - where they sit
 * @param scale - the step's decimal places
 * @param threshold - the eligibility threshold, if any
 * @param seen - ids already used (shared across the teams of a two-level pool)
 * @returns the entries, checked
 * @throws {PayscoreError} `INVALID_ARGUMENT`, `INVALID_NUMBER`, `INVALID_WEIGHTS`
 * @example
 * ```ts
 * readPoolEntries([{ id: "a", weight: 1 }], ["entries"], 2, undefined, new Map()).ids; // ["a"]
 * ```
 */
export function readPoolEntries(
  entries: unknown,
  path: ErrorPath,
  scale: number,
  threshold: Decimal | undefined,
  seen: IdRegistry,
): ReadPoolEntries {
  if (!Array.isArray(entries)) {
    throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(path)} must be an array of { id, weight, cap? }; got ${describeValue(entries)}`, { path });
  }
  const n = entries.length;
  const ids: string[] = new Array<string>(n);
  const weights: Decimal[] = new Array<Decimal>(n);
  const highs: (bigint | undefined)[] = new Array<bigint | undefined>(n);
  const eligible: boolean[] = new Array<boolean>(n);
  // The same cap (text, number or Decimal: all immutable) as the entry before is read once.
  let lastCap: unknown = undefined;
  let lastHigh: bigint | undefined;
  for (let i = 0; i < n; i++) {
    const entry: unknown = entries[i];
    if (typeof entry !== "object" || entry === null) {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath([...path, i])} must be an object { id, weight, cap? }; got ${describeValue(entry)}`, { path: [...path, i] });
    }
    const { id, weight, cap, score } = entry as { id?: unknown; weight?: unknown; cap?: unknown; score?: unknown };
    if (typeof id !== "string") {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath([...path, i, "id"])} must be a string; got ${describeValue(id)}`, { path: [...path, i, "id"] });
    }
    if (seen.ids.has(id)) {
      const before = seen.ids.get(id) as number;
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath([...path, i, "id"])} repeats the id ${describeValue(id)} of ${formatPath(seen.pathOf(before))}; ids must be unique`, {
        path: [...path, i, "id"],
      });
    }
    seen.ids.set(id, seen.base + i);
    const w = readAt(weight, path, i, "weight");
    if (w.isNegative()) {
      throw new PayscoreError("INVALID_WEIGHTS", `${formatPath([...path, i, "weight"])} must not be negative; got ${w.toString()}`, { path: [...path, i, "weight"] });
    }
    let high: bigint | undefined;
    if (cap !== undefined && cap === lastCap) {
      high = lastHigh;
    } else if (cap !== undefined) {
      const c = readAt(cap, path, i, "cap");
      if (c.isNegative()) {
        throw new PayscoreError("INVALID_ARGUMENT", `${formatPath([...path, i, "cap"])} must not be negative; got ${c.toString()}`, { path: [...path, i, "cap"] });
      }
      high = toSteps(c, scale, "floor");
      if (typeof cap !== "object" || c === cap) {
        lastCap = cap;
        lastHigh = high;
      }
    }
    let passes = true;
    if (threshold !== undefined) {
      const measure = score === undefined ? w : readAt(score, path, i, "score");
      passes = measure.gte(threshold);
    } else if (score !== undefined) {
      readAt(score, path, i, "score");
    }
    ids[i] = id;
    weights[i] = w;
    highs[i] = high;
    eligible[i] = passes;
  }
  seen.base += n;
  return { ids, weights, highs, eligible };
}

/**
 * The ids met so far (across the teams of a two-level pool), each with a running number that
 * `pathOf` turns back into its place in the input for an error message. Internal.
 *
 * @internal
 */
export interface IdRegistry {
  readonly ids: Map<string, number>;
  /** The running number of the next list's first entry. */
  base: number;
  readonly pathOf: (seq: number) => ErrorPath;
}

/**
 * A registry for one list at `path` (a plain pool).
 *
 * @internal
 * @param pathOf - turns a running number into a path
 * @returns an empty registry
 * @example
 * ```ts
 * idRegistry((seq) => ["entries", seq]).ids.size; // 0
 * ```
 */
export function idRegistry(pathOf: (seq: number) => ErrorPath): IdRegistry {
  return { ids: new Map(), base: 0, pathOf };
}

const NO_PATH: ErrorPath = [];

// readDecimal with the path built only when the value is at fault (a million entries would
// otherwise build three million path arrays).
function readAt(value: unknown, path: ErrorPath, index: number, key: string): Decimal {
  try {
    return readDecimal(value, NO_PATH);
  } catch {
    return readDecimal(value, [...path, index, key]);
  }
}

/**
 * Reads a pool amount: ≥ 0 and a whole number of steps.
 *
 * @internal
 * @param pool - the caller's pool
 * @param scale - the step's decimal places
 * @returns the pool in steps
 * @throws {PayscoreError} `INVALID_NUMBER` / `INVALID_ARGUMENT`
 * @example
 * ```ts
 * readPool("100.50", 2); // 10050n
 * ```
 */
export function readPool(pool: unknown, scale: number): bigint {
  const amount = readDecimal(pool, ["pool"]);
  if (amount.isNegative()) {
    throw new PayscoreError("INVALID_ARGUMENT", `pool must not be negative; got ${amount.toString()}`, { path: ["pool"] });
  }
  const steps = toSteps(amount, scale, "exact");
  if (steps === undefined) {
    throw new PayscoreError(
      "INVALID_ARGUMENT",
      `pool ${amount.toString()} is not a whole number of steps of ${new Decimal(10).pow(-scale).toString()}; round it to ${scale} decimal places first`,
      { path: ["pool"] },
    );
  }
  return steps;
}

/**
 * Reads the `minimum` option in steps (rounded up), 0 when absent.
 *
 * @internal
 * @param minimum - the option's value
 * @param scale - the step's decimal places
 * @returns the minimum in steps
 * @throws {PayscoreError} `INVALID_NUMBER` / `INVALID_ARGUMENT`
 * @example
 * ```ts
 * readMinimum("100.001", 2); // 10001n
 * ```
 */
export function readMinimum(minimum: unknown, scale: number): bigint {
  if (minimum === undefined) return 0n;
  const value = readDecimal(minimum, ["options", "minimum"]);
  if (value.isNegative()) {
    throw new PayscoreError("INVALID_ARGUMENT", `options.minimum must not be negative; got ${value.toString()}`, { path: ["options", "minimum"] });
  }
  return toSteps(value, scale, "ceil") as bigint;
}

/**
 * Each entry's lower bound: the minimum, or its cap when lower; 0 for weight 0.
 *
 * @internal
 * @param weights - integer weights (0 = takes no part)
 * @param highs - caps in steps
 * @param minimum - the minimum in steps
 * @returns the lower bounds
 * @example
 * ```ts
 * lowerBounds([1n, 1n, 0n], [5n, undefined, undefined], 10n); // [5n, 10n, 0n]
 * ```
 */
export function lowerBounds(weights: readonly bigint[], highs: readonly (bigint | undefined)[], minimum: bigint): bigint[] {
  return weights.map((w, i) => {
    if (w === 0n || minimum === 0n) return 0n;
    const high = highs[i];
    return high !== undefined && high < minimum ? high : minimum;
  });
}

/**
 * Refuses a pool too small to pay every lower bound.
 *
 * @internal
 * @param lows - the lower bounds in steps
 * @param pool - the pool in steps
 * @throws {PayscoreError} `INVALID_DATA` at `options.minimum`
 * @example
 * ```ts
 * checkMinimums([10n, 10n], 15n); // throws INVALID_DATA
 * ```
 */
export function checkMinimums(lows: readonly bigint[], pool: bigint): void {
  let total = 0n;
  let people = 0;
  for (const low of lows) {
    if (low === 0n) continue;
    total += low;
    people++;
  }
  if (total > pool) {
    throw new PayscoreError(
      "INVALID_DATA",
      `the pool cannot pay ${formatPath(["options", "minimum"])} to all ${people} eligible people: that needs ${total.toString()} steps, the pool has ${pool.toString()}`,
      { path: ["options", "minimum"] },
    );
  }
}
