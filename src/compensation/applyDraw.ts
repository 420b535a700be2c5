import * as z from "zod";
import { PayscoreError, describeValue, parseWith, guard } from "../errors/index.js";
import { divideRounded, readDecimal, readScale, type Decimal, type Numeric } from "../numeric/index.js";
import { choice, fractionOf, moneyOf, readMoney } from "./cashInput.js";

/** Options for {@link applyDraw}. */
export interface ApplyDrawOptions {
  /**
   * - `"recoverable"` (可追回): the draw is an advance; what it pays above the earnings is owed
   *   and recovered from later earnings above the draw;
   * - `"non-recoverable"` (保底): the draw is a guaranteed minimum; the top-up is never owed.
   */
  readonly type: "recoverable" | "non-recoverable";
  /** Decimal places of one step (default 2); every amount must be a whole number of steps. */
  readonly scale?: number | undefined;
  /**
   * The share of the earnings above the draw that may go to recovery in one period, above 0 and
   * at most 1 (default 1: all of it). The recovery is rounded down to a step.
   */
  readonly recoveryShare?: Numeric | undefined;
}

/** What {@link applyDraw} pays and carries. */
export interface DrawResult {
  /** The earnings of the period (commission earned), as given. */
  readonly earned: Decimal;
  /** The draw of the period, as given. */
  readonly draw: Decimal;
  /** The balance owed by the rep before the period, as given. */
  readonly openingBalance: Decimal;
  /** `max(0, draw − earned)`: paid beyond the earnings to reach the draw (≥ 0). */
  readonly advance: Decimal;
  /** Taken from the earnings above the draw to pay the balance back (≥ 0; 0 when non-recoverable). */
  readonly recovery: Decimal;
  /** `earned + advance − recovery`: what the rep is paid (≥ draw). */
  readonly pay: Decimal;
  /** The balance carried to the next period: `openingBalance + advance − recovery` when recoverable; `openingBalance` when not. */
  readonly balance: Decimal;
}

const optionsSchema = z.strictObject(
  { type: choice(["recoverable", "non-recoverable"]), scale: z.unknown().optional(), recoveryShare: z.unknown().optional() },
  { error: (issue) => (issue.code === "invalid_type" ? `must be an object { type, scale?, recoveryShare? }; got ${describeValue(issue.input)}` : undefined) },
);

/**
 * Applies a draw (提成预支 / 保底) to one period's earnings: the rep is paid at least the draw;
 * a recoverable draw's advance is carried as a balance and recovered from later earnings above
 * the draw.
 *
 * - `advance = max(0, draw − earned)`;
 * - recoverable: `recovery = min(openingBalance, floor(recoveryShare · max(0, earned − draw)))`,
 *   `balance = openingBalance + advance − recovery`;
 * - non-recoverable: `recovery = 0`, `balance = openingBalance` (carried untouched: a guarantee
 *   creates no debt, and one left from an earlier recoverable draw is not recovered by it);
 * - `pay = earned + advance − recovery`, which is never below the draw.
 *
 * All in exact whole steps: `pay − advance + recovery = earned` and, when recoverable,
 * `balance − advance + recovery = openingBalance`, to the fen — no cent is lost or made.
 * Negative earnings (a period of clawbacks) are allowed: the draw still pays, and a recoverable
 * draw carries the whole gap. Run it period after period, feeding `balance` back in.
 *
 * @category Compensation
 * @param earned - the period's earnings, any sign, a whole number of steps
 * @param draw - the draw for the period, ≥ 0, a whole number of steps
 * @param balance - the balance the rep owes from earlier draws, ≥ 0, a whole number of steps
 * @param options - `type` (required), `scale` (default 2), `recoveryShare` (default 1)
 * @returns `{ earned, draw, openingBalance, advance, recovery, pay, balance }`
 * @throws {PayscoreError} `INVALID_NUMBER` for a malformed number; `INVALID_ARGUMENT` for a negative draw or balance, an amount that is not a whole number of steps, or missing or bad options; `OUT_OF_RANGE` for a recovery share outside (0, 1] or a bad scale
 *
 * @example
 * ```ts
 * // A recoverable draw of 5000: month 1 earns 3000, month 2 earns 6000, month 3 earns 8000.
 * const m1 = applyDraw(3000, 5000, 0, { type: "recoverable" });
 * [m1.pay, m1.advance, m1.balance].map(String); // ["5000", "2000", "2000"]
 * const m2 = applyDraw(6000, 5000, m1.balance, { type: "recoverable" });
 * [m2.pay, m2.recovery, m2.balance].map(String); // ["5000", "1000", "1000"]  (the 1000 above the draw repays part)
 * const m3 = applyDraw(8000, 5000, m2.balance, { type: "recoverable" });
 * [m3.pay, m3.recovery, m3.balance].map(String); // ["7000", "1000", "0"]  (recovered over two periods)
 * applyDraw(3000, 5000, 0, { type: "non-recoverable" }).balance.toString(); // "0"  (pay 5000, nothing owed)
 * ```
 */
export function applyDraw(earned: Numeric, draw: Numeric, balance: Numeric, options: ApplyDrawOptions): DrawResult {
  return guard(computeApplyDraw, [earned, draw, balance, options]);
}

function computeApplyDraw(earned: Numeric, draw: Numeric, balance: Numeric, options: ApplyDrawOptions): DrawResult {
  const parsed = parseWith(optionsSchema, options, "INVALID_ARGUMENT", ["options"]);
  const scale = readScale(parsed.scale, ["options", "scale"], 2);
  const share = readRecoveryShare(parsed.recoveryShare);
  const e = readMoney(earned, ["earned"], scale, "any");
  const d = readMoney(draw, ["draw"], scale, "non-negative");
  const opening = readMoney(balance, ["balance"], scale, "non-negative");

  const advance = d > e ? d - e : 0n;
  let recovery = 0n;
  let closing = opening;
  if (parsed.type === "recoverable") {
    const excess = e > d ? e - d : 0n;
    const recoverable = share === undefined ? excess : divideRounded(excess * share.num, share.den, "floor");
    recovery = recoverable < opening ? recoverable : opening;
    closing = opening + advance - recovery;
  }
  return {
    earned: moneyOf(e, scale),
    draw: moneyOf(d, scale),
    openingBalance: moneyOf(opening, scale),
    advance: moneyOf(advance, scale),
    recovery: moneyOf(recovery, scale),
    pay: moneyOf(e + advance - recovery, scale),
    balance: moneyOf(closing, scale),
  };
}

function readRecoveryShare(value: unknown): { num: bigint; den: bigint } | undefined {
  if (value === undefined) return undefined;
  const path = ["options", "recoveryShare"];
  const share = readDecimal(value, path);
  if (!share.gt(0) || share.gt(1)) {
    throw new PayscoreError("OUT_OF_RANGE", `options.recoveryShare must be above 0 and at most 1; got ${share.toString()}`, { path });
  }
  return fractionOf(share);
}
