import * as z from "zod";
import type { Numeric } from "./decimal.js";
import { isNumeric } from "./toDecimal.js";

/**
 * A zod schema for a {@link Numeric} input inside an object (a weight, an amount, a cap). It only
 * checks; convert with `readDecimal` afterwards so the error path names the field.
 *
 * @internal
 * @example
 * ```ts
 * z.object({ weight: numericSchema }).parse({ weight: "0.3" }); // ok
 * ```
 */
export const numericSchema = z.custom<Numeric>((value) => isNumeric(value), {
  message: 'expected a finite number or a plain decimal string such as "1200.50"',
});

/**
 * A zod schema for a plain JSON number or decimal string (what a plan file may hold). A `-0`
 * (which `JSON.parse("-0")` gives) is read as `0`, so a parsed plan never holds negative zero.
 *
 * @internal
 * @example
 * ```ts
 * jsonNumericSchema.parse("1200.50"); // "1200.50"
 * ```
 */
export const jsonNumericSchema = z
  .union([z.number(), z.string()])
  .refine((value) => isNumeric(value), { message: 'expected a finite number or a plain decimal string such as "1200.50"' })
  .transform((value) => (Object.is(value, -0) ? 0 : value));
