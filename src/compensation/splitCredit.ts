import * as z from "zod";
import { parseWith, guard } from "../errors/index.js";
import { readRoundingMode, readScale, type Decimal, type Numeric, type RoundingMode } from "../numeric/index.js";
import { flag, moneyOf, readMoney } from "./cashInput.js";
import { creditSteps, readCredit, readTolerance } from "./creditShares.js";

/** One rep's share of a deal's credit. */
export interface CreditSplit {
  /** The rep. */
  readonly id: string;
  /** The share, from 0 to 1 (0.4 = 40 %). */
  readonly share: Numeric;
}

/** Options for {@link splitCredit}. */
export interface SplitCreditOptions {
  /** Decimal places of one step (default 2: fen/cents). */
  readonly scale?: number | undefined;
  /**
   * How far from 1 the shares may sum (default 0: exactly 1), from 0 to below 1. Shares within
   * it are normalised (each divided by their sum). Ignored for an overlay.
   */
  readonly tolerance?: Numeric | undefined;
  /**
   * Overlay credit (叠加业绩): each rep is credited `amount · share` on its own, with no rule on
   * the sum — a share of 1 gives that rep the whole amount, as for a specialist or a manager
   * credited on top of the account owner. Default false.
   */
  readonly overlay?: boolean | undefined;
  /** How an overlay share is rounded to a step (default `"half-even"`); a split never rounds. */
  readonly rounding?: RoundingMode | undefined;
}

/** One rep's credit. */
export interface CreditShare {
  readonly id: string;
  /** The share applied: the share given, or divided by the shares' sum when normalised within `tolerance`. */
  readonly share: Decimal;
  /** The credit, a whole number of steps. */
  readonly amount: Decimal;
}

const optionsSchema = z
  .strictObject({ scale: z.unknown().optional(), tolerance: z.unknown().optional(), overlay: flag.optional(), rounding: z.unknown().optional() })
  .optional();

/**
 * Shares one deal's credit between reps (业绩分配), exact to the step: the parts add up to the
 * amount to the fen.
 *
 * - split (default): `amountᵢ ≈ amount · shareᵢ`, by largest remainder in steps of `10^-scale`
 *   (each part is less than one step from its exact share; spare steps go to the largest
 *   remainders, ties to the earlier rep), so `Σ amountᵢ = amount` exactly. The shares must sum
 *   to exactly 1 — or, with `tolerance`, to within it of 1, and are then normalised
 *   (`shareᵢ / Σ share`), so three shares of 0.333 split evenly.
 * - overlay: `amountᵢ = round(amount · shareᵢ)`, each on its own; the sum is not checked and
 *   the parts may add up to more than the amount (each rep with share 1 gets 100 %).
 *
 * A negative amount (a credit note, a refund) splits as the positive one, negated part by part.
 * Shares are fractions: a share above 1 is refused, so `50` written for 50 % does not slip through.
 *
 * @category Compensation
 * @param amount - the deal's credit (revenue, collections, margin): a whole number of steps, any sign
 * @param splits - `{ id, share }` per rep, ids unique, shares from 0 to 1
 * @param options - `scale` (default 2), `tolerance` (default 0), `overlay` (default false), `rounding` (overlay only, default `"half-even"`)
 * @returns one `{ id, share, amount }` per rep, in the order of `splits`
 * @throws {PayscoreError} `INVALID_NUMBER` for a malformed number; `INVALID_ARGUMENT` for an amount that is not a whole number of steps, malformed splits, a repeated or empty id, or bad options; `EMPTY_INPUT` for no splits; `INVALID_WEIGHTS` for a negative share or shares not summing to 1 (the message gives the sum); `OUT_OF_RANGE` for a share above 1, a tolerance outside [0, 1) or a bad scale
 *
 * @example
 * ```ts
 * splitCredit(1000, [{ id: "li", share: "0.5" }, { id: "wang", share: "0.3" }, { id: "zhao", share: "0.2" }]).map((c) => `${c.id} ${c.amount.toFixed(2)}`);
 * // ["li 500.00", "wang 300.00", "zhao 200.00"]
 * splitCredit(100, [{ id: "a", share: "0.333" }, { id: "b", share: "0.333" }, { id: "c", share: "0.333" }], { tolerance: "0.001" }).map((c) => c.amount.toFixed(2));
 * // ["33.34", "33.33", "33.33"]  (shares sum to 0.999, normalised to 1/3 each; the spare fen goes to the first)
 * splitCredit(800, [{ id: "li", share: 1 }, { id: "se", share: "0.5" }], { overlay: true }).map((c) => c.amount.toString());
 * // ["800", "400"]  (overlay: each rep on its own)
 * ```
 */
export function splitCredit(amount: Numeric, splits: readonly CreditSplit[], options?: SplitCreditOptions | undefined): CreditShare[] {
  return guard(computeSplitCredit, [amount, splits, options]);
}

function computeSplitCredit(amount: Numeric, splits: readonly CreditSplit[], options?: SplitCreditOptions | undefined): CreditShare[] {
  const parsed = parseWith(optionsSchema, options, "INVALID_ARGUMENT", ["options"]);
  const scale = readScale(parsed?.scale, ["options", "scale"], 2);
  const rounding = parsed?.rounding === undefined ? "half-even" : readRoundingMode(parsed.rounding, ["options", "rounding"]);
  const tolerance = readTolerance(parsed?.tolerance, ["options", "tolerance"]);
  const steps = readMoney(amount, ["amount"], scale, "any");
  const credit = readCredit(splits, ["splits"], parsed?.overlay ?? false, tolerance);

  const parts = creditSteps(steps, credit, rounding);
  return credit.ids.map((id, i) => ({ id, share: credit.shares[i] as Decimal, amount: moneyOf(parts[i] as bigint, scale) }));
}

