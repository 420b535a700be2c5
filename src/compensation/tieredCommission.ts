import * as z from "zod";
import { PayscoreError, formatPath, parseWith, guard } from "../errors/index.js";
import { Decimal, exactDifference, exactProduct, exactSum, readDecimal, type Numeric } from "../numeric/index.js";

/** One commission tier: amounts from `from` upward are paid at `rate`. */
export interface CommissionTier {
  /** Where the tier starts; the first tier starts at 0 and each next one higher. */
  readonly from: Numeric;
  /** The rate of the tier (0.05 = 5 %), ≥ 0. */
  readonly rate: Numeric;
}

/** Options for {@link tieredCommission}. */
export interface TieredCommissionOptions {
  /**
   * - `"marginal"` (default, 超额累进): each slice of the amount is paid at its own tier's rate;
   * - `"retroactive"` (全额累进): the whole amount is paid at the rate of the highest tier reached.
   */
  readonly mode?: "marginal" | "retroactive" | undefined;
}

const tiersSchema = z.array(z.object({ from: z.unknown(), rate: z.unknown() }));
const optionsSchema = z.object({ mode: z.enum(["marginal", "retroactive"]).optional() }).optional();

/**
 * A commission on tiered rates (阶梯提成).
 *
 * - marginal: `Σₖ rateₖ · max(0, min(amount, fromₖ₊₁) − fromₖ)` (the last tier has no upper end);
 * - retroactive: `amount · rateₖ` for the highest tier with `fromₖ ≤ amount`.
 *
 * The result is exact, not rounded (round it with `roundTo` when you pay it). Marginal
 * commission is continuous in the amount; retroactive commission jumps at each `from`.
 *
 * @category Compensation
 * @param amount - the sales (or margin, or collections) the commission is paid on, ≥ 0
 * @param tiers - the tiers, the first `from` = 0 and the `from`s strictly increasing; rates ≥ 0
 * @param options - `mode`: `"marginal"` (default) or `"retroactive"`
 * @returns the commission
 * @throws {PayscoreError} `INVALID_NUMBER` for a malformed number; `INVALID_ARGUMENT` for a negative amount or rate, malformed tiers, a first tier not starting at 0, `from`s not strictly increasing, or an unknown mode; `EMPTY_INPUT` for no tiers; `PRECISION_EXCEEDED` when the exact commission (or an input) needs more than 40 significant digits
 *
 * @example
 * ```ts
 * const tiers = [{ from: 0, rate: 0.03 }, { from: 100000, rate: 0.05 }, { from: 300000, rate: 0.08 }];
 * tieredCommission(350000, tiers).toString(); // "17000"  (100000·3 % + 200000·5 % + 50000·8 %)
 * tieredCommission(350000, tiers, { mode: "retroactive" }).toString(); // "28000"  (350000·8 %)
 * ```
 */
export function tieredCommission(amount: Numeric, tiers: readonly CommissionTier[], options?: TieredCommissionOptions | undefined): Decimal {
  return guard(computeTieredCommission, [amount, tiers, options]);
}

function computeTieredCommission(amount: Numeric, tiers: readonly CommissionTier[], options?: TieredCommissionOptions | undefined): Decimal {
  const value = readDecimal(amount, ["amount"]);
  if (value.isNegative()) {
    throw new PayscoreError("INVALID_ARGUMENT", `amount must not be negative; got ${value.toString()}`, { path: ["amount"] });
  }
  const mode = modeOf(options);
  const { froms, rates } = tiersOf(tiers);

  let commission = new Decimal(0);
  if (mode === "retroactive") {
    let reached = 0;
    while (reached + 1 < froms.length && (froms[reached + 1] as Decimal).lte(value)) reached++;
    commission = exactProduct(value, rates[reached] as Decimal, ["amount"]);
  } else {
    for (let k = 0; k < froms.length && (froms[k] as Decimal).lt(value); k++) {
      const next = froms[k + 1];
      const top = next !== undefined && next.lt(value) ? next : value;
      const slice = exactDifference(top, froms[k] as Decimal, ["tiers", k]);
      commission = exactSum(commission, exactProduct(slice, rates[k] as Decimal, ["tiers", k, "rate"]), ["amount"]);
    }
  }
  return commission.isZero() ? new Decimal(0) : commission;
}

/** The mode, without a schema parse for the usual options (none, or a known `mode`). */
function modeOf(options: TieredCommissionOptions | undefined): "marginal" | "retroactive" {
  if (options === undefined) return "marginal";
  if (typeof options === "object" && options !== null && Object.getPrototypeOf(options) === Object.prototype) {
    const mode = options.mode;
    if (mode === undefined || mode === "marginal" || mode === "retroactive") return mode ?? "marginal";
  }
  return parseWith(optionsSchema, options, "INVALID_ARGUMENT", ["options"])?.mode ?? "marginal";
}

interface ReadTiers {
  readonly froms: Decimal[];
  readonly rates: Decimal[];
}

/** What was read from a tiers array, with the objects and values it was read from. */
interface TiersSnapshot extends ReadTiers {
  readonly objects: readonly object[];
  readonly fromValues: readonly unknown[];
  readonly rateValues: readonly unknown[];
}

/**
 * The tiers read once per array: a commission is worked out per person against one list of tiers.
 * The list is reused while it holds the same tier objects with the same `from` and `rate` values
 * (by `Object.is`; a Decimal by identity, as Decimals are immutable); any change, in place or
 * not, has it read afresh.
 */
const snapshots = new WeakMap<object, TiersSnapshot>();

function tiersOf(tiers: readonly CommissionTier[]): ReadTiers {
  if (!Array.isArray(tiers)) return readTiers(tiers);
  const known = snapshots.get(tiers);
  if (known !== undefined && sameTiers(known, tiers)) return known;
  const objects: object[] = [];
  const fromValues: unknown[] = [];
  const rateValues: unknown[] = [];
  for (let i = 0; i < tiers.length; i++) {
    const tier: unknown = tiers[i];
    // Not a plain tier: no snapshot, the reader says what is wrong.
    if (typeof tier !== "object" || tier === null || Object.getPrototypeOf(tier) !== Object.prototype) return readTiers(tiers);
    objects.push(tier);
    fromValues.push((tier as CommissionTier).from);
    rateValues.push((tier as CommissionTier).rate);
  }
  // Read from what the snapshot holds, so a getter's second answer cannot differ from it.
  const read = readTiers(fromValues.map((from, i) => ({ from, rate: rateValues[i] })) as CommissionTier[]);
  snapshots.set(tiers, { ...read, objects, fromValues, rateValues });
  return read;
}

function sameTiers(known: TiersSnapshot, tiers: readonly CommissionTier[]): boolean {
  if (tiers.length !== known.objects.length) return false;
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i];
    if (tier !== known.objects[i] || !Object.is((tier as CommissionTier).from, known.fromValues[i]) || !Object.is((tier as CommissionTier).rate, known.rateValues[i])) return false;
  }
  return true;
}

function readTiers(tiers: readonly CommissionTier[]): ReadTiers {
  const parsed = parseWith(tiersSchema, tiers, "INVALID_ARGUMENT", ["tiers"]);
  if (parsed.length === 0) {
    throw new PayscoreError("EMPTY_INPUT", "tiers must list at least one tier (from 0)", { path: ["tiers"] });
  }
  const froms: Decimal[] = [];
  const rates: Decimal[] = [];
  parsed.forEach((tier, i) => {
    const from = readDecimal(tier.from, ["tiers", i, "from"]);
    const rate = readDecimal(tier.rate, ["tiers", i, "rate"]);
    if (i === 0 && !from.isZero()) {
      throw new PayscoreError("INVALID_ARGUMENT", `the first tier must start at 0; ${formatPath(["tiers", 0, "from"])} is ${from.toString()}`, { path: ["tiers", 0, "from"] });
    }
    const previous = froms[i - 1];
    if (previous !== undefined && !from.gt(previous)) {
      throw new PayscoreError(
        "INVALID_ARGUMENT",
        `tiers must rise: ${formatPath(["tiers", i, "from"])} is ${from.toString()}, not above ${formatPath(["tiers", i - 1, "from"])} ${previous.toString()}`,
        { path: ["tiers", i, "from"] },
      );
    }
    if (rate.isNegative()) {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(["tiers", i, "rate"])} must not be negative; got ${rate.toString()}`, { path: ["tiers", i, "rate"] });
    }
    froms.push(from);
    rates.push(rate);
  });
  return { froms, rates };
}
