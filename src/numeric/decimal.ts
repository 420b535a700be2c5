import DecimalJs from "decimal.js";
// The types come from the named export: under `nodenext` an ES module sees decimal.js's typings
// as CommonJS, where the default import is the module object, not the class.
import type { Decimal as DecimalClass } from "decimal.js";

/**
 * payscore's own decimal.js constructor, cloned so no other library's settings can leak in.
 *
 * - 40 significant digits (more than the 34 of IEEE decimal128), so money and ratios
 *   of any realistic size stay exact through a computation;
 * - half-even (banker's) rounding where precision runs out;
 * - plain notation from `toString()` at any realistic size (no `1e+21`), so traces print as
 *   a person would write the number.
 *
 * Every numeric result of the library is an instance of it.
 *
 * @example
 * ```ts
 * new Decimal("0.1").plus("0.2").toString(); // "0.3"
 * ```
 */
export const Decimal: typeof DecimalClass = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -1100,
  toExpPos: 1100,
});

/** An instance of the library's {@link Decimal} (immutable). */
export type Decimal = DecimalClass;

/** decimal.js rounding constants (0–8). */
export type DecimalRounding = DecimalClass.Rounding;

/** What every numeric argument accepts: a Decimal, a finite number, a decimal string or a bigint. */
export type Numeric = Decimal | number | string | bigint;

/** The largest decimal exponent an input may have (1e1000); beyond it is no amount or ratio. */
export const MAX_EXPONENT = 1000;
