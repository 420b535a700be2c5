import * as z from "zod";
import { describeValue, parseWith, guard } from "../errors/index.js";
import { readScale, type Decimal, type Numeric } from "../numeric/index.js";
import { choice, moneyOf, readMoney } from "./cashInput.js";

/** Options for {@link trueUp}. */
export interface TrueUpOptions {
  /**
   * What a negative result does:
   * - `"clawback"`: recovered now — `pay` is negative;
   * - `"carry-forward"`: nothing paid now; the deficit stays in the year-to-date figures and is
   *   netted at the next true-up (`carried`);
   * - `"forgive"`: nothing paid now and the deficit is written off (`forgiven`); add it to
   *   `forgivenToDate` at the next true-up so it is not netted again.
   */
  readonly onNegative: "clawback" | "carry-forward" | "forgive";
  /** Deficits forgiven at earlier true-ups this year, ≥ 0 (default 0). */
  readonly forgivenToDate?: Numeric | undefined;
  /** Decimal places of one step (default 2); every amount must be a whole number of steps. */
  readonly scale?: number | undefined;
}

/** What {@link trueUp} settles. */
export interface TrueUpResult {
  readonly earnedToDate: Decimal;
  readonly paidToDate: Decimal;
  readonly forgivenToDate: Decimal;
  /** `earnedToDate − paidToDate + forgivenToDate`: what is still owed to the rep (negative: by the rep). */
  readonly difference: Decimal;
  /** What to pay now: the difference when ≥ 0; when negative, the difference under `"clawback"`, else 0. */
  readonly pay: Decimal;
  /** The deficit left to be netted at the next true-up (≥ 0; only under `"carry-forward"`). */
  readonly carried: Decimal;
  /** The deficit written off now (≥ 0; only under `"forgive"`). */
  readonly forgiven: Decimal;
}

const optionsSchema = z.strictObject(
  { onNegative: choice(["clawback", "carry-forward", "forgive"]), forgivenToDate: z.unknown().optional(), scale: z.unknown().optional() },
  { error: (issue) => (issue.code === "invalid_type" ? `must be an object { onNegative, forgivenToDate?, scale? }; got ${describeValue(issue.input)}` : undefined) },
);

/**
 * A year-to-date true-up (年度/季度清算): what the rep earned so far this year against what
 * was paid so far, settled now.
 *
 * `difference = earnedToDate − paidToDate + forgivenToDate`. When it is ≥ 0 it is paid
 * (`pay = difference`). When it is negative, `onNegative` decides: `"clawback"` pays it
 * (negative `pay`), `"carry-forward"` pays 0 and reports it as `carried`, `"forgive"` pays 0
 * and reports it as `forgiven`. Always `pay − carried − forgiven = difference`, exactly.
 *
 * The same netting serves quarterly and annual true-ups: pass the year-to-date figures at each
 * one. A carried deficit needs no bookkeeping within the year — it is still in the figures
 * next time; at the year's end carry it into the next year as an amount already paid.
 *
 * @category Compensation
 * @param earnedToDate - earned so far this year (after clawbacks), any sign, a whole number of steps
 * @param paidToDate - paid so far this year (advances, draws, earlier true-ups), any sign, a whole number of steps
 * @param options - `onNegative` (required), `forgivenToDate` (default 0), `scale` (default 2)
 * @returns `{ earnedToDate, paidToDate, forgivenToDate, difference, pay, carried, forgiven }`
 * @throws {PayscoreError} `INVALID_NUMBER` for a malformed number; `INVALID_ARGUMENT` for an amount that is not a whole number of steps, a negative `forgivenToDate`, or missing or bad options; `OUT_OF_RANGE` for a bad scale
 *
 * @example
 * ```ts
 * trueUp(30000, 28000, { onNegative: "carry-forward" }).pay.toString(); // "2000"  (Q1: 2000 still owed)
 * const q2 = { earned: 55000, paid: 62000 }; // year to date at the end of Q2: overpaid by 7000
 * trueUp(q2.earned, q2.paid, { onNegative: "clawback" }).pay.toString(); // "-7000"
 * trueUp(q2.earned, q2.paid, { onNegative: "carry-forward" }).carried.toString(); // "7000"  (pay 0)
 * trueUp(q2.earned, q2.paid, { onNegative: "forgive" }).forgiven.toString(); // "7000"  (pay 0)
 * // Q3 after forgiving: earned 90000, paid 62000, forgiven 7000 → 90000 − 62000 + 7000
 * trueUp(90000, 62000, { onNegative: "forgive", forgivenToDate: 7000 }).pay.toString(); // "35000"
 * ```
 */
export function trueUp(earnedToDate: Numeric, paidToDate: Numeric, options: TrueUpOptions): TrueUpResult {
  return guard(computeTrueUp, [earnedToDate, paidToDate, options]);
}

function computeTrueUp(earnedToDate: Numeric, paidToDate: Numeric, options: TrueUpOptions): TrueUpResult {
  const parsed = parseWith(optionsSchema, options, "INVALID_ARGUMENT", ["options"]);
  const scale = readScale(parsed.scale, ["options", "scale"], 2);
  const forgivenBefore = parsed.forgivenToDate === undefined ? 0n : readMoney(parsed.forgivenToDate, ["options", "forgivenToDate"], scale, "non-negative");
  const earned = readMoney(earnedToDate, ["earnedToDate"], scale, "any");
  const paid = readMoney(paidToDate, ["paidToDate"], scale, "any");

  const difference = earned - paid + forgivenBefore;
  const deficit = difference < 0n ? -difference : 0n;
  const pay = difference >= 0n || parsed.onNegative === "clawback" ? difference : 0n;
  return {
    earnedToDate: moneyOf(earned, scale),
    paidToDate: moneyOf(paid, scale),
    forgivenToDate: moneyOf(forgivenBefore, scale),
    difference: moneyOf(difference, scale),
    pay: moneyOf(pay, scale),
    carried: moneyOf(parsed.onNegative === "carry-forward" ? deficit : 0n, scale),
    forgiven: moneyOf(parsed.onNegative === "forgive" ? deficit : 0n, scale),
  };
}
