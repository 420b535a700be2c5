import { PayscoreError, describeValue, formatPath, guard, type ErrorPath } from "../errors/index.js";
import { fillUnits } from "./fillUnits.js";
import { checkMinimums, lowerBounds } from "./poolInput.js";

/** Options for {@link allocatePoolColumns}; every amount is in whole units (steps) of the pool. */
export interface AllocatePoolColumnsOptions {
  /**
   * The least every eligible entry with weight > 0 receives (保底), in pool units; an entry
   * whose cap is lower receives its cap.
   */
  readonly minimumUnits?: number | undefined;
  /**
   * Eligibility threshold (门槛): entry `i` takes part only when `scoreUnits[i]` (or, without
   * `scoreUnits`, `weightUnits[i]`) is ≥ it — so give it in the same unit as that column.
   */
  readonly thresholdUnits?: number | undefined;
  /** What the threshold is compared with, one per entry (safe integers in one unit). */
  readonly scoreUnits?: Float64Array | readonly number[] | undefined;
}

/** What {@link allocatePoolColumns} returns: one slot per entry, in input order. */
export interface PoolColumns {
  /** Each entry's amount in pool units (whole steps). */
  readonly amountUnits: Float64Array;
  /** 1 when the entry's cap held it back: weight > 0, eligible, and at its cap. */
  readonly capped: Uint8Array;
  /** 0 when the entry fell below the threshold. */
  readonly eligible: Uint8Array;
  /** What no one could take, in pool units. */
  readonly unallocatedUnits: number;
}

/**
 * Shares a bonus pool (奖金池分配) in proportion to weight, with caps, a minimum and a threshold,
 * on columns of exact integers — the bulk form of `allocatePool` for the plan runner: no
 * per-person objects, no Decimals.
 *
 * Units: the pool, the caps, the minimum and every amount are whole steps of the pool's minor
 * unit (fen/cents at scale 2: 10000.00 → 1000000). Weights are integers at **one common scale**
 * of your choosing — only their ratios matter — e.g. `weightᵢ × 10^p` with `p` the most decimal
 * places any weight has (1.5, 0.75 → 150, 75); the threshold is in the unit of the column it is
 * compared with. All must be safe integers (|x| < 2^53); a weight that is not, after scaling,
 * belongs to `allocatePool`, which takes any Decimal.
 *
 * Same rules, same results as `allocatePool` on the same values, step for step:
 * `amountᵢ = clamp(λ·weightᵢ, minimumᵢ, capᵢ)` with the one λ for which `Σ amountᵢ = pool`,
 * rounded to whole units by largest remainder (exact integer remainders; ties to the earlier
 * entry). Expected O(n): the breakpoints are searched by quickselect, the leftover units go to the
 * k largest remainders found by selection. Sums past 2^53 are handled in BigInt.
 *
 * @category Compensation
 * @param poolUnits - the pool in units, a safe integer ≥ 0
 * @param weightUnits - each entry's weight as a safe integer ≥ 0 at one common scale
 * @param capUnits - each entry's cap in units (≥ 0), `Infinity` for no cap; omit for no caps at all
 * @param options - `minimumUnits`, `thresholdUnits`, `scoreUnits`
 * @returns `{ amountUnits, capped, eligible, unallocatedUnits }`
 * @throws {PayscoreError} `INVALID_NUMBER` for a value that is not a safe integer; `INVALID_ARGUMENT` for a negative pool, cap or minimum, columns of different lengths or a column that is not an array; `INVALID_WEIGHTS` for a negative weight; `INVALID_DATA` when the pool cannot pay the minimum to every eligible entry
 *
 * @example
 * ```ts
 * // 10000.00 shared 5:3:2 with li capped at 3000.00 (fen at scale 2)
 * const { amountUnits, capped } = allocatePoolColumns(1000000, Float64Array.of(5, 3, 2), Float64Array.of(300000, Infinity, Infinity));
 * Array.from(amountUnits); // [300000, 420000, 280000]
 * Array.from(capped); // [1, 0, 0]
 * ```
 */
export function allocatePoolColumns(
  poolUnits: number,
  weightUnits: Float64Array | readonly number[],
  capUnits?: Float64Array | readonly number[] | undefined,
  options?: AllocatePoolColumnsOptions | undefined,
): PoolColumns {
  return guard(computeAllocatePoolColumns, [poolUnits, weightUnits, capUnits, options]);
}

function computeAllocatePoolColumns(
  poolUnits: number,
  weightUnits: Float64Array | readonly number[],
  capUnits?: Float64Array | readonly number[] | undefined,
  options?: AllocatePoolColumnsOptions | undefined,
): PoolColumns {
  const pool = readUnits(poolUnits, ["poolUnits"]);
  const weights = readColumn(weightUnits, ["weightUnits"], undefined);
  const n = weights.length;
  // Stryker disable next-line EqualityOperator: one more step reads weights[n], undefined, and undefined < 0 is false
  for (let i = 0; i < n; i++) {
    if ((weights[i] as number) < 0) {
      throw new PayscoreError("INVALID_WEIGHTS", `${formatPath(["weightUnits", i])} must not be negative; got ${describeValue(weights[i])}`, { path: ["weightUnits", i] });
    }
  }
  const highs = capUnits === undefined ? new Float64Array(n).fill(Infinity) : readCaps(capUnits, n);
  if (options !== undefined && (typeof options !== "object" || options === null)) {
    throw new PayscoreError("INVALID_ARGUMENT", `options must be an object; got ${describeValue(options)}`, { path: ["options"] });
  }
  const minimum = options?.minimumUnits === undefined ? 0 : readUnits(options.minimumUnits, ["options", "minimumUnits"]);
  const eligible = new Uint8Array(n).fill(1);
  if (options?.thresholdUnits !== undefined) {
    const threshold = options.thresholdUnits;
    if (!Number.isSafeInteger(threshold)) {
      throw new PayscoreError("INVALID_NUMBER", `options.thresholdUnits must be a safe integer; got ${describeValue(threshold)}`, { path: ["options", "thresholdUnits"] });
    }
    const measure = options.scoreUnits === undefined ? weights : readColumn(options.scoreUnits, ["options", "scoreUnits"], n);
    // Stryker disable next-line EqualityOperator: one more step reads measure[n], undefined, and undefined < threshold is false
    for (let i = 0; i < n; i++) {
      if ((measure[i] as number) < threshold) {
        eligible[i] = 0;
        weights[i] = 0;
      }
    }
  } else if (options?.scoreUnits !== undefined) {
    readColumn(options.scoreUnits, ["options", "scoreUnits"], n);
  }

  // Stryker disable next-line ConditionalExpression,EqualityOperator: with minimum 0 the sum below is 0, never over the pool
  if (minimum > 0) {
    let total = 0;
    // Stryker disable next-line EqualityOperator: the quick sum can only grow, which runs the exact checkMinimums more often
    for (let i = 0; i < n; i++) {
      // Stryker disable next-line ConditionalExpression: the quick sum can only grow, which runs the exact checkMinimums more often
      if (weights[i] === 0) continue;
      const hi = highs[i] as number;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: the quick sum can only grow, which runs the exact checkMinimums more often
      total += hi < minimum ? hi : minimum;
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: true or >= only runs the exact checkMinimums also when the quick sum fits
    if (total > pool) {
      const big = Array.from(weights, BigInt);
      checkMinimums(lowerBounds(big, Array.from(highs, (hi) => (hi === Infinity ? undefined : BigInt(hi))), BigInt(minimum)), BigInt(pool));
    }
  }
  const { amounts, unallocated } = fillUnits({ pool, weights, highs, minimum });
  const capped = new Uint8Array(n);
  // Stryker disable next-line EqualityOperator: one more step writes capped[n], which a Uint8Array ignores
  for (let i = 0; i < n; i++) {
    if (weights[i] !== 0 && amounts[i] === highs[i]) capped[i] = 1;
  }
  return { amountUnits: amounts, capped, eligible, unallocatedUnits: unallocated };
}

function readUnits(value: unknown, path: ErrorPath): number {
  if (!Number.isSafeInteger(value)) {
    throw new PayscoreError("INVALID_NUMBER", `${formatPath(path)} must be a safe integer (whole units); got ${describeValue(value)}`, { path });
  }
  if ((value as number) < 0) {
    throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(path)} must not be negative; got ${describeValue(value)}`, { path });
  }
  return (value as number) + 0;
}

/** A copy of a column of safe integers (−0 read as 0). */
function readColumn(column: unknown, path: ErrorPath, length: number | undefined): Float64Array {
  if (!(column instanceof Float64Array) && !Array.isArray(column)) {
    throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(path)} must be a Float64Array or an array of integers; got ${describeValue(column)}`, { path });
  }
  const values = column as ArrayLike<unknown>;
  if (length !== undefined && values.length !== length) {
    throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(path)} must have one value per weight (${length}); got ${values.length}`, { path });
  }
  const copy = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!Number.isSafeInteger(value)) {
      throw new PayscoreError("INVALID_NUMBER", `${formatPath([...path, i])} must be a safe integer; got ${describeValue(value)}`, { path: [...path, i] });
    }
    // Stryker disable next-line ArithmeticOperator: weights and scores are only compared (=== 0, <), where −0 and 0 are alike; no output is copied from them
    copy[i] = (value as number) + 0;
  }
  return copy;
}

function readCaps(column: unknown, n: number): Float64Array {
  if (!(column instanceof Float64Array) && !Array.isArray(column)) {
    throw new PayscoreError("INVALID_ARGUMENT", `capUnits must be a Float64Array or an array of integers; got ${describeValue(column)}`, { path: ["capUnits"] });
  }
  const values = column as ArrayLike<unknown>;
  if (values.length !== n) {
    throw new PayscoreError("INVALID_ARGUMENT", `capUnits must have one value per weight (${n}); got ${values.length}`, { path: ["capUnits"] });
  }
  const highs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const value = values[i];
    highs[i] = value === Infinity ? Infinity : readUnits(value, ["capUnits", i]);
  }
  return highs;
}
