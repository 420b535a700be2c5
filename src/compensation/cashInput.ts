// Readers and exact step arithmetic shared by splitCredit, commissionOnCollections, applyDraw,
// rampTarget and trueUp. Money is held as a BigInt count of steps of 10^-scale, so sums and
// differences never round, at any size. Internal to src/compensation/: not exported from the
// package root.
import * as z from "zod";
import { PayscoreError, describeValue, formatPath, type ErrorPath } from "../errors/index.js";
import { Decimal, readDecimal } from "../numeric/index.js";
import { fromSteps, toSteps } from "./steps.js";

/** Which signs an amount may have. */
export type AmountSign = "any" | "non-negative";

/**
 * Reads an amount of money that must be a whole number of steps of `10^-scale`.
 *
 * @internal
 * @param value - the caller's value
 * @param path - where it sits
 * @param scale - decimal places of a step
 * @param sign - `"non-negative"` refuses amounts below 0
 * @returns the amount in steps (negative for a negative amount)
 * @throws {PayscoreError} `INVALID_NUMBER` for a malformed number; `INVALID_ARGUMENT` for a negative amount where none is allowed or one that is not a whole number of steps
 * @example
 * ```ts
 * readMoney("12.30", ["amount"], 2, "any"); // 1230n
 * ```
 */
export function readMoney(value: unknown, path: ErrorPath, scale: number, sign: AmountSign): bigint {
  const amount = readDecimal(value, path);
  const negative = amount.isNegative();
  if (negative && sign === "non-negative") {
    throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(path)} must not be negative; got ${amount.toString()}`, { path });
  }
  const steps = toSteps(amount.abs(), scale, "exact");
  if (steps === undefined) {
    throw new PayscoreError(
      "INVALID_ARGUMENT",
      `${formatPath(path)} is ${amount.toString()}, not a whole number of ${new Decimal(10).pow(-scale).toString()} (scale ${scale}); round it first`,
      { path },
    );
  }
  return negative ? -steps : steps;
}

/**
 * The Decimal for a whole number of steps of `10^-scale`, of either sign (never `-0`).
 *
 * @internal
 * @param steps - the steps
 * @param scale - decimal places of a step
 * @returns the amount
 * @example
 * ```ts
 * moneyOf(-1230n, 2).toString(); // "-12.3"
 * ```
 */
export function moneyOf(steps: bigint, scale: number): Decimal {
  return steps < 0n ? fromSteps(-steps, scale).negated() : fromSteps(steps, scale);
}

/**
 * A Decimal as an exact fraction `num / 10^places`.
 *
 * @internal
 * @param value - a finite Decimal
 * @returns the numerator and the power of ten below it
 * @example
 * ```ts
 * fractionOf(new Decimal("0.25")); // { num: 25n, den: 100n }
 * ```
 */
export function fractionOf(value: Decimal): { num: bigint; den: bigint } {
  const places = value.decimalPlaces();
  const digits = value.toFixed(places);
  return { num: BigInt(places === 0 ? digits : digits.replace(".", "")), den: 10n ** BigInt(places) };
}

/**
 * A zod schema for a string option with a fixed set of values, whose message names the values
 * and the value given.
 *
 * @internal
 * @param values - the allowed values
 * @returns the schema
 * @example
 * ```ts
 * choice(["pro-rata", "full-payment"]).parse("pro-rata"); // "pro-rata"
 * ```
 */
export function choice<const T extends readonly [string, ...string[]]>(values: T): z.ZodEnum<{ [K in T[number]]: K }> {
  return z.enum(values, { error: (issue) => `must be one of ${values.map((v) => JSON.stringify(v)).join(", ")}; got ${describeValue(issue.input)}` });
}

/**
 * A zod schema for a boolean option whose message names the value given.
 *
 * @internal
 * @example
 * ```ts
 * flag.parse(true); // true
 * ```
 */
export const flag = z.boolean({ error: (issue) => `must be true or false; got ${describeValue(issue.input)}` });
