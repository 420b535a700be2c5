import { PAYSCORE_ERROR_BRAND, PAYSCORE_ERROR_CODES, type PayscoreError } from "./PayscoreError.js";

/**
 * Whether a value is a {@link PayscoreError} from any copy of payscore: the CommonJS and the ES
 * module build loaded side by side, or two installed versions, where `instanceof` answers false
 * because each copy has its own class. It checks the brand every PayscoreError carries
 * (`Symbol.for("payscore.PayscoreError")`) and that `code` is a known code. It never throws,
 * even for a revoked proxy or an object whose getters throw.
 *
 * @category Errors
 * @param value - anything caught
 * @returns true when `value` is a PayscoreError (so `code`, `path` and `issues` can be read)
 * @throws never
 *
 * @example
 * ```ts
 * try {
 *   toDecimal("12,5");
 * } catch (error) {
 *   if (isPayscoreError(error)) console.log(error.code); // "INVALID_NUMBER"
 * }
 * isPayscoreError(new Error("x")); // false
 * ```
 */
export function isPayscoreError(value: unknown): value is PayscoreError {
  try {
    if (typeof value !== "object" || value === null) return false;
    const record = value as { readonly [PAYSCORE_ERROR_BRAND]?: unknown; readonly code?: unknown };
    return record[PAYSCORE_ERROR_BRAND] === true && (PAYSCORE_ERROR_CODES as readonly unknown[]).includes(record.code);
  } catch {
    return false;
  }
}
