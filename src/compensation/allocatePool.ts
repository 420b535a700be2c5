import { z } from "zod";
import { parseWith } from "../errors/index.js";
import { readDecimal, readScale, type Decimal, type Numeric } from "../numeric/index.js";
import { checkMinimums, idRegistry, lowerBounds, readMinimum, readPool, readPoolEntries } from "./poolInput.js";
import { fromSteps, integerWeights } from "./steps.js";
import { waterFill } from "./waterFill.js";

/** One person (or team) sharing a pool. */
export interface PoolEntry {
  /** Unique id. */
  readonly id: string;
  /** The share weight (a score, points, salary × multiplier), ≥ 0. */
  readonly weight: Numeric;
  /** The most this entry may receive, ≥ 0 (rounded down to a whole step). */
  readonly cap?: Numeric | undefined;
  /** What `options.threshold` is compared with; the weight when absent. */
  readonly score?: Numeric | undefined;
}

/** Options for {@link allocatePool}. */
export interface AllocatePoolOptions {
  /** Decimal places of one step (default 2: fen/cents). */
  readonly scale?: number | undefined;
  /**
   * The least every eligible entry with weight > 0 receives (保底), rounded up to a whole step;
   * an entry whose cap is lower receives its cap. People whose proportional share is below it
   * are lifted to it and the others share the rest in proportion.
   */
  readonly minimum?: Numeric | undefined;
  /**
   * Eligibility threshold (门槛): an entry whose `score` (or, without a score, its weight) is
   * below it receives nothing and takes no part in the sharing.
   */
  readonly threshold?: Numeric | undefined;
}

/** One entry's share of a pool. */
export interface PoolAllocation {
  readonly id: string;
  readonly amount: Decimal;
  /** True when the entry's cap held it back: it has weight > 0, is eligible and sits at its cap. */
  readonly capped: boolean;
  /** False when the entry fell below `options.threshold`. */
  readonly eligible: boolean;
}

/** What {@link allocatePool} returns. */
export interface PoolResult {
  /** One allocation per entry, in input order. */
  readonly allocations: PoolAllocation[];
  /** What no one could take: ≠ 0 only when every eligible entry with weight > 0 is at its cap, or there is none. */
  readonly unallocated: Decimal;
}

const optionsSchema = z
  .object({ scale: z.unknown().optional(), minimum: z.unknown().optional(), threshold: z.unknown().optional() })
  .optional();

/**
 * Shares a bonus pool (奖金池分配) in proportion to weight, with caps, an optional minimum per
 * person and an optional eligibility threshold, exact to the step.
 *
 * `amountᵢ = clamp(λ · weightᵢ, minimumᵢ, capᵢ)` with the one λ for which
 * `Σ amountᵢ = pool` — what a capped entry cannot take goes to the others in proportion to
 * their weights, repeated until stable — then rounded to whole steps of `10^-scale` by largest
 * remainder (ties to the earlier entry). So `Σ amount + unallocated = pool` exactly, no one
 * passes a cap, and an entry gets less than one step away from its exact share unless a bound
 * holds it. `unallocated` is not 0 only when every eligible entry with weight > 0 is at its cap
 * (or there is none). Entries with weight 0 or below the threshold get 0.
 *
 * Runs in O(n log n) over a million people: the cap arithmetic is exact integer arithmetic in
 * minor units, and only the caps that can bind are sorted.
 *
 * @param pool - the pool, ≥ 0, a whole number of steps
 * @param entries - `{ id, weight, cap?, score? }`, ids unique
 * @param options - `scale` (default 2), `minimum`, `threshold`
 * @returns `{ allocations, unallocated }`, allocations in input order
 * @throws {PayscoreError} `INVALID_NUMBER` for a malformed number; `INVALID_ARGUMENT` for a negative pool or cap, a pool that is not a whole number of steps, malformed entries or a repeated id; `INVALID_WEIGHTS` for a negative weight; `INVALID_DATA` when the pool cannot pay `minimum` to every eligible entry; `OUT_OF_RANGE` for a bad scale
 *
 * @example
 * ```ts
 * const { allocations, unallocated } = allocatePool(10000, [
 *   { id: "li", weight: 5, cap: 3000 },
 *   { id: "wang", weight: 3 },
 *   { id: "zhao", weight: 2 },
 * ]);
 * allocations.map((a) => `${a.id} ${a.amount.toFixed(2)}${a.capped ? " (capped)" : ""}`);
 * // ["li 3000.00 (capped)", "wang 4200.00", "zhao 2800.00"]
 * // li's share 5000 passes the cap; the 7000 left goes 3:2.
 * unallocated.toString(); // "0"
 * ```
 */
export function allocatePool(pool: Numeric, entries: readonly PoolEntry[], options?: AllocatePoolOptions | undefined): PoolResult {
  const parsed = parseWith(optionsSchema, options, "INVALID_ARGUMENT", ["options"]);
  const scale = readScale(parsed?.scale, ["options", "scale"], 2);
  const poolSteps = readPool(pool, scale);
  const minimum = readMinimum(parsed?.minimum, scale);
  const threshold = parsed?.threshold === undefined ? undefined : readDecimal(parsed.threshold, ["options", "threshold"]);
  const read = readPoolEntries(entries, ["entries"], scale, threshold, idRegistry((seq) => ["entries", seq]));

  const weights = integerWeights(read.weights).map((w, i) => (read.eligible[i] ? w : 0n));
  const lows = lowerBounds(weights, read.highs, minimum);
  checkMinimums(lows, poolSteps);
  const { amounts, unallocated } = waterFill({ pool: poolSteps, weights, lows, highs: read.highs });
  return {
    allocations: read.ids.map((id, i) => ({
      id,
      amount: fromSteps(amounts[i] as bigint, scale),
      capped: weights[i] !== 0n && read.highs[i] !== undefined && amounts[i] === read.highs[i],
      eligible: read.eligible[i] as boolean,
    })),
    unallocated: fromSteps(unallocated, scale),
  };
}
