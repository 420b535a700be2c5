import * as z from "zod";
import { parseWith, guardReadingDense } from "../errors/index.js";
import { Decimal, readDecimal, readScale, scaledBigInt, scaledInteger, type Numeric, claimId, idTable, splitDecimal, splitNumber, unitsAt, type Digits } from "../numeric/index.js";
import { shareByNearDoubles } from "./allocatePoolDoubles.js";
import { fillUnits } from "./fillUnits.js";
import { checkMinimums, idRegistry, lowerBounds, readMinimum, readPool, readPoolEntries } from "./poolInput.js";
import { fromSteps, fromUnits, integerWeights, toSteps } from "./steps.js";
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
 * Runs in O(n) expected over a million people: weights are read from their digits (a Decimal
 * without creating another), caps as whole steps, and when the pool, Σ weights and Σ caps are
 * safe integers the sharing runs in exact integer arithmetic on doubles (the engine of
 * `allocatePoolColumns`). Weights beyond 15 significant digits (the 40-digit scores of
 * `scoreKpis`) with no cap, minimum or threshold are shared in doubles whose error is bounded,
 * which decide every share and remainder unless two remainders are too close to tell apart or a
 * share too close to a whole number; those calls, and long weights with bounds, run in BigInt.
 * The results are the same either way. Equal amounts may be one shared Decimal instance
 * (Decimals are immutable).
 *
 * @category Compensation
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
  // Called on whole teams, often right after scoring them: the input is walked only after a
  // throw (see guardReadingDense), not before, which would read every score's digits once more.
  return guardReadingDense(computeAllocatePool, [pool, entries, options]);
}

function computeAllocatePool(pool: Numeric, entries: readonly PoolEntry[], options?: AllocatePoolOptions | undefined): PoolResult {
  const parsed = parseWith(optionsSchema, options, "INVALID_ARGUMENT", ["options"]);
  const scale = readScale(parsed?.scale, ["options", "scale"], 2);
  const poolSteps = readPool(pool, scale);
  const minimum = readMinimum(parsed?.minimum, scale);
  const threshold = parsed?.threshold === undefined ? undefined : readDecimal(parsed.threshold, ["options", "threshold"]);
  // Stryker disable next-line EqualityOperator: the guards only keep the fast path to the inputs it was written for; moving a bound by one (or past every scale from -6 to 20) sends an input down the other, equally exact path
  const fast = poolSteps <= SAFE && minimum <= SAFE && scale >= 0 && scale <= 15 ? readFast(entries, scale, threshold) : undefined;
  if (fast !== undefined) {
    if (fast.long === undefined) return shareFast(Number(poolSteps), Number(minimum), fast, scale);
    // Long weights with no minimum or threshold (caps only where none is reached): first in
    // doubles, in BigInt where they cannot decide.
    // Stryker disable next-line ConditionalExpression,LogicalOperator: the BigInt path gives the same result, only slower
    const quick = minimum === 0n && threshold === undefined ? shareByNearDoubles(Number(poolSteps), { ids: fast.ids, ...fast.long, highs: fast.long.anyCap ? fast.highs : undefined }, scale) : undefined;
    // Stryker disable next-line ConditionalExpression: the BigInt path gives the same result, only slower
    if (quick !== undefined) return quick;
    const { mantissas, exponents, longs, places } = fast.long;
    return shareLong(poolSteps, minimum, fast, bigWeights(mantissas, exponents, longs, fast.eligible, places), scale);
  }
  const read = readPoolEntries(entries, ["entries"], scale, threshold, idRegistry((seq) => ["entries", seq]));

  const weights = integerWeights(read.weights).map((w, i) => (read.eligible[i] ? w : 0n));
  const lows = lowerBounds(weights, read.highs, minimum);
  checkMinimums(lows, poolSteps);
  const { amounts, unallocated } = waterFill({ pool: poolSteps, weights, lows, highs: read.highs });
  return {
    allocations: read.ids.map((id, i) => ({
      id,
      amount: amountOf(amounts[i] as bigint, scale),
      capped: weights[i] !== 0n && read.highs[i] !== undefined && amounts[i] === read.highs[i],
      eligible: read.eligible[i] as boolean,
    })),
    unallocated: fromSteps(unallocated, scale),
  };
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A whole number of steps as a Decimal: from its digit words when it is a safe integer at scale 0–20. */
function amountOf(steps: bigint, scale: number): Decimal {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: fromUnits and fromSteps build the same Decimal for every safe step count at scales -6 to 20 (the range readScale allows); only the speed differs
  return steps <= SAFE && scale >= 0 && scale <= 20 ? fromUnits(Number(steps), scale) : fromSteps(steps, scale);
}

/** Entries read for the fast path: weights as integers at one scale, caps in steps (`Infinity` for none). */
interface FastEntries {
  readonly ids: string[];
  /** The weights as safe integers at one scale (when `long` is undefined). */
  readonly weights: Float64Array;
  readonly highs: Float64Array;
  readonly eligible: Uint8Array;
  /** The weights' digits, when some weight is too long for a double (then `weights` holds their mantissas). */
  readonly long: LongWeights | undefined;
}

/** Weights some of which are too long for a double: short ones as `mantissa · 10^exponent`, long ones as Decimals. */
interface LongWeights {
  readonly mantissas: Float64Array;
  readonly exponents: Int32Array;
  readonly longs: readonly (Decimal | undefined)[];
  /** The most decimal places of any weight. */
  readonly places: number;
  /** Whether some entry has a cap. */
  readonly anyCap: boolean;
}

/**
 * Reads the entries for the fast path, or `undefined` when any entry needs the Decimal reader —
 * malformed, negative, a repeated id, a cap past 2^53 steps — which then reads them all again
 * and throws the error. Weights beyond 15 significant digits (or whose units are not safe) are
 * kept as Decimals and all weights are then given as BigInts (`long`), as the Decimal reader's
 * `integerWeights` gives them: a bulk run's weights are 40-digit products, and reading them here
 * spares the second pass over the entries.
 */
function readFast(entries: unknown, scale: number, threshold: Decimal | undefined): FastEntries | undefined {
  if (!Array.isArray(entries)) return undefined;
  const n = entries.length;
  // Stryker disable next-line ArrayDeclaration: pre-sizing only; every slot is written before it is read
  const ids: string[] = new Array<string>(n);
  const mantissas = new Float64Array(n);
  const exponents = new Int32Array(n);
  const highs = new Float64Array(n);
  const eligible = new Uint8Array(n);
  const seen = idTable(n);
  // Stryker disable next-line ObjectLiteral: splitNumber and splitDecimal write both fields before they are read
  const digits: Digits = { mantissa: 0, exponent: 0 };
  let places = 0;
  let lastCap: unknown = undefined;
  let lastSteps: number | undefined;
  let longs: (Decimal | undefined)[] | undefined;
  let longPlaces = 0;
  let anyCap = false;
  for (let i = 0; i < n; i++) {
    const entry: unknown = entries[i];
    if (typeof entry !== "object" || entry === null) return undefined;
    const { id, weight, cap, score } = entry as { id?: unknown; weight?: unknown; cap?: unknown; score?: unknown };
    if (typeof id !== "string") return undefined;
    ids[i] = id;
    if (claimId(seen, ids, i) !== -1) return undefined;
    let w: Decimal | number;
    if (typeof weight === "number" && splitNumber(weight, digits)) {
      w = weight;
    } else if (weight instanceof Decimal && splitDecimal(weight, digits)) {
      w = weight; // finite, and within any exponent bound with 15 significant digits
    } else {
      w = readAt(weight, i, "weight");
      if (!splitDecimal(w, digits)) {
        if (w.isNegative()) return undefined;
        // Too long for a double: kept as the Decimal (its digits are read as a BigInt below).
        longs ??= new Array<Decimal | undefined>(n);
        longs[i] = w;
        digits.mantissa = 0;
        digits.exponent = 0;
        const dp = w.decimalPlaces();
        if (dp > longPlaces) longPlaces = dp;
      }
    }
    if (digits.mantissa < 0) return undefined;
    mantissas[i] = digits.mantissa;
    exponents[i] = digits.exponent;
    if (digits.mantissa !== 0 && -digits.exponent > places) places = -digits.exponent;
    if (cap === undefined) {
      highs[i] = Infinity;
    } else {
      anyCap = true;
      // The same cap text or number as the entry before (a plan's usual case) is read once.
      // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: skipping the shortcut reads the cap with readAt and toSteps, which give the same steps; only slower
      let steps = cap === lastCap ? lastSteps : typeof cap === "number" || typeof cap === "string" ? scaledInteger(cap, scale) : undefined;
      if (steps === undefined) {
        const c = readAt(cap, i, "cap");
        // Stryker disable next-line ConditionalExpression: a negative cap is also caught by `steps < 0` below, and a Decimal cap sent to the slow path gets the same answer
        if (c.isNegative()) return undefined;
        const big = toSteps(c, scale, "floor") as bigint;
        // Stryker disable next-line ConditionalExpression,EqualityOperator: a cap past 2^53 steps is above any safe pool and never binds, on either path
        if (big > SAFE) return undefined;
        steps = Number(big);
      }
      if (steps < 0) return undefined;
      highs[i] = steps;
      lastCap = cap;
      lastSteps = steps;
    }
    let passes = true;
    if (threshold !== undefined) {
      const measure = score === undefined ? (typeof w === "number" ? new Decimal(w) : w) : readAt(score, i, "score");
      passes = measure.gte(threshold);
    } else if (score !== undefined && !(typeof score === "number" && Number.isFinite(score))) {
      readAt(score, i, "score");
    }
    eligible[i] = passes ? 1 : 0;
  }
  if (longs !== undefined) return { ids, weights: mantissas, highs, eligible, long: { mantissas, exponents, longs, places: Math.max(places, longPlaces), anyCap } };
  // Weights as integers at the most decimal places any weight has (their ratios are exact).
  for (let i = 0; i < n; i++) {
    const units = unitsAt(mantissas[i] as number, exponents[i] as number, places);
    if (units === undefined) return undefined;
    mantissas[i] = eligible[i] === 1 ? units : 0;
  }
  return { ids, weights: mantissas, highs, eligible, long: undefined };
}

/**
 * Every weight times `10^places` as a BigInt (0 for an ineligible entry): the long ones from
 * their digit words, the others as `mantissa · 10^(places + exponent)` — the integers the
 * Decimal reader's `integerWeights` gives.
 */
function bigWeights(mantissas: Float64Array, exponents: Int32Array, longs: readonly (Decimal | undefined)[], eligible: Uint8Array, places: number): bigint[] {
  const n = mantissas.length;
  const weights = new Array<bigint>(n);
  for (let i = 0; i < n; i++) {
    const long = longs[i];
    const mantissa = mantissas[i] as number;
    if (eligible[i] !== 1 || (long === undefined && mantissa === 0)) weights[i] = 0n;
    else if (long !== undefined) weights[i] = scaledBigInt(long, places) ?? BigInt(long.toFixed(places).replace(".", ""));
    else weights[i] = BigInt(mantissa) * 10n ** BigInt(places + (exponents[i] as number));
  }
  return weights;
}

/** The sharing of {@link allocatePool}'s general path, for entries read by {@link readFast} with long weights. */
function shareLong(pool: bigint, minimum: bigint, read: FastEntries, weights: bigint[], scale: number): PoolResult {
  const { ids, eligible } = read;
  const n = ids.length;
  const highs = new Array<bigint | undefined>(n);
  // Entries usually share one cap: its BigInt is made once.
  let lastHigh = Infinity;
  let lastBig: bigint | undefined;
  for (let i = 0; i < n; i++) {
    const hi = read.highs[i] as number;
    if (hi !== lastHigh) {
      lastHigh = hi;
      lastBig = hi === Infinity ? undefined : BigInt(hi);
    }
    highs[i] = lastBig;
  }
  const lows = lowerBounds(weights, highs, minimum);
  checkMinimums(lows, pool);
  const { amounts, unallocated } = waterFill({ pool, weights, lows, highs });
  const allocations: PoolAllocation[] = new Array<PoolAllocation>(n);
  // Equal amounts share one (immutable) Decimal, as in shareFast. Every amount is at most the
  // pool, a safe integer here, so it is exact as a number (a Map of BigInt keys is far slower).
  const made = new Map<number, Decimal>();
  for (let i = 0; i < n; i++) {
    const amount = Number(amounts[i] as bigint);
    let decimal = made.get(amount);
    if (decimal === undefined) {
      decimal = fromUnits(amount, scale);
      made.set(amount, decimal);
    }
    allocations[i] = { id: ids[i] as string, amount: decimal, capped: weights[i] !== 0n && amount === read.highs[i], eligible: eligible[i] === 1 };
  }
  return { allocations, unallocated: amountOf(unallocated, scale) };
}

function shareFast(pool: number, minimum: number, read: FastEntries, scale: number): PoolResult {
  const { ids, weights, highs, eligible } = read;
  const n = ids.length;
  if (minimum > 0) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (weights[i] === 0) continue;
      const hi = highs[i] as number;
      total += hi < minimum ? hi : minimum;
    }
    if (total > pool) {
      const big = Array.from(weights, BigInt);
      checkMinimums(
        lowerBounds(big, Array.from(highs, (hi) => (hi === Infinity ? undefined : BigInt(hi))), BigInt(minimum)),
        BigInt(pool),
      );
    }
  }
  const { amounts, unallocated } = fillUnits({ pool, weights, highs, minimum });
  const allocations: PoolAllocation[] = new Array<PoolAllocation>(n);
  // Equal amounts share one (immutable) Decimal: a large pool repeats amounts often (caps, the
  // minimum, people of equal weight), and fewer objects means far less garbage collection.
  const made = new Map<number, Decimal>();
  for (let i = 0; i < n; i++) {
    const amount = amounts[i] as number;
    let decimal = made.get(amount);
    if (decimal === undefined) {
      decimal = fromUnits(amount, scale);
      made.set(amount, decimal);
    }
    allocations[i] = {
      id: ids[i] as string,
      amount: decimal,
      capped: weights[i] !== 0 && amount === highs[i],
      eligible: eligible[i] === 1,
    };
  }
  return { allocations, unallocated: fromUnits(unallocated, scale) };
}

const NO_PATH: readonly (string | number)[] = [];

// readDecimal with the path built only when the value is at fault.
function readAt(value: unknown, index: number, key: string): Decimal {
  try {
    return readDecimal(value, NO_PATH);
  } catch {
    return readDecimal(value, ["entries", index, key]);
  }
}
