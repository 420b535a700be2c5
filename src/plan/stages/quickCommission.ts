import { roundedQuotient, scaledInteger, type RoundingMode } from "../../numeric/index.js";
import * as D from "../domains.js";
import { unitsFixed } from "./unitsText.js";

/** Decimal places of a base and a tier's `from` (hundredths), and of a rate (millionths). */
const BASE_PLACES = 2;
const RATE_PLACES = 6;
const PRODUCT_UNIT = 10 ** (BASE_PLACES + RATE_PLACES);

/**
 * A commission on exact integers — `tieredCommission(base, tiers, { mode })` rounded to the
 * minor unit with the plan's mode and written with `scale` decimals, as the pay stage writes it —
 * for the usual inputs: tiers whose `from`s have at most 2 decimals and rates at most 6, which
 * `tieredCommission` accepts (tried once, on a base of 0), and a plain non-negative base of at
 * most 2 decimals. Each slice × rate is then a whole number of 10^-8, summed exactly while it stays
 * a safe integer, and rounded once by `roundedQuotient` (the value `roundDecimal` gives).
 * The returned function gives `undefined` for a base (or a sum) outside that domain, and the
 * whole is `undefined` for tiers outside it: the pay stage then goes the Decimal way, the
 * reference, with its words for a fault.
 *
 * @internal
 * @param tiers - the plan's commission tiers
 * @param mode - marginal (each slice at its tier's rate) or retroactive (all at the reached rate)
 * @param scale - the currency's minor-unit places, 0 … 6
 * @param rounding - the plan's rounding mode
 * @returns the commission text of a base, or `undefined`
 *
 * @example
 * ```ts
 * quickCommission([{ from: 0, rate: "0.005" }, { from: 1000000, rate: "0.01" }], "marginal", 2, "half-up")?.(1419370);
 * // "9193.70" (1000000 × 0.005 + 419370 × 0.01)
 * ```
 */
export function quickCommission(
  tiers: Parameters<typeof D.tieredCommission>[1],
  mode: "marginal" | "retroactive",
  scale: number,
  rounding: RoundingMode,
): ((base: unknown) => string | undefined) | undefined {
  if (scale < 0 || scale > 6) return undefined;
  try {
    D.tieredCommission(0, tiers, { mode });
  } catch {
    return undefined;
  }
  const froms = tiers.map((tier) => scaledInteger(tier.from, BASE_PLACES));
  const rates = tiers.map((tier) => scaledInteger(tier.rate, RATE_PLACES));
  if (froms.some((x) => x === undefined) || rates.some((x) => x === undefined)) return undefined;
  const from = froms as number[];
  const rate = rates as number[];
  return (base) => {
    // A signed base ("-0", -0 too, which the reference refuses as negative) goes the Decimal way.
    const value = (typeof base === "string" && base.charCodeAt(0) === 45) || Object.is(base, -0) ? undefined : scaledInteger(base, BASE_PLACES);
    if (value === undefined || value < 0) return undefined;
    let units = 0;
    if (mode === "retroactive") {
      let reached = 0;
      while (reached + 1 < from.length && (from[reached + 1] as number) <= value) reached++;
      units = value * (rate[reached] as number);
      if (!Number.isSafeInteger(units)) return undefined;
    } else {
      for (let k = 0; k < from.length && (from[k] as number) < value; k++) {
        const next = from[k + 1];
        const top = next !== undefined && next < value ? next : value;
        const slice = (top - (from[k] as number)) * (rate[k] as number);
        units += slice;
        if (!Number.isSafeInteger(slice) || !Number.isSafeInteger(units)) return undefined;
      }
    }
    const rounded = roundedQuotient(units, PRODUCT_UNIT, scale, rounding);
    return rounded === undefined ? undefined : unitsFixed(rounded + 0, scale);
  };
}
