import type * as z from "zod";
import type { ErrorPath, PayscoreErrorCode } from "./PayscoreError.js";
import { fromZodError } from "./fromZodError.js";

/**
 * Validates `value` with a zod schema and returns the parsed value, or throws a
 * {@link PayscoreError} listing every issue. The single way object inputs are checked.
 *
 * @internal
 * @param schema - the zod schema
 * @param value - the caller's input
 * @param code - the code for a failure (default `INVALID_ARGUMENT`)
 * @param basePath - where `value` sits in the caller's input
 * @returns the parsed value
 * @throws {PayscoreError} with `code` when the value does not match
 *
 * @example
 * ```ts
 * parseWith(z.object({ unit: z.enum(["month"]) }), { unit: "month" }); // { unit: "month" }
 * ```
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  code: PayscoreErrorCode = "INVALID_ARGUMENT",
  basePath: ErrorPath = [],
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw fromZodError(result.error, code, basePath);
  return result.data;
}
