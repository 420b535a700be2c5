/**
 * Every error code the library throws. Callers branch on `code`, never on the message.
 *
 * - `INVALID_NUMBER` — a numeric input is not a finite number or a plain decimal literal.
 * - `INVALID_ARGUMENT` — an argument has the wrong type, shape or an impossible value.
 * - `INVALID_WEIGHTS` — weights are negative, all zero, or do not sum to 1 where they must.
 * - `ZERO_DENOMINATOR` — a ratio's denominator is zero.
 * - `EMPTY_INPUT` — a list that must have entries has none.
 * - `OUT_OF_RANGE` — a value lies outside the range it must lie in.
 * - `INVALID_PLAN` — a plan does not match the plan schema (every problem is listed).
 * - `INVALID_DATA` — the data fed to a computation is inconsistent or missing.
 * - `PRECISION_EXCEEDED` — an input, or an exact intermediate result (a sum, a product, an
 *   amount of money), needs more than the library's 40 significant digits; payscore refuses it
 *   rather than round it silently.
 * - `INTERNAL_ERROR` — a fault inside payscore itself that no input check explains (a bug:
 *   please report it with the input). Never thrown for a caller's mistake.
 */
export type PayscoreErrorCode =
  | "INVALID_NUMBER"
  | "INVALID_ARGUMENT"
  | "INVALID_WEIGHTS"
  | "ZERO_DENOMINATOR"
  | "EMPTY_INPUT"
  | "OUT_OF_RANGE"
  | "INVALID_PLAN"
  | "INVALID_DATA"
  | "PRECISION_EXCEEDED"
  | "INTERNAL_ERROR";

/** The codes as a list, for validation and documentation. */
export const PAYSCORE_ERROR_CODES: readonly PayscoreErrorCode[] = Object.freeze([
  "INVALID_NUMBER",
  "INVALID_ARGUMENT",
  "INVALID_WEIGHTS",
  "ZERO_DENOMINATOR",
  "EMPTY_INPUT",
  "OUT_OF_RANGE",
  "INVALID_PLAN",
  "INVALID_DATA",
  "PRECISION_EXCEEDED",
  "INTERNAL_ERROR",
]);

/**
 * The brand every {@link PayscoreError} carries, registered with `Symbol.for` so that it is the
 * same symbol in every copy of payscore loaded in one process (the CommonJS and the ES module
 * build, or two versions side by side), where `instanceof` cannot tell.
 */
export const PAYSCORE_ERROR_BRAND: unique symbol = Symbol.for("payscore.PayscoreError");

/** A location inside an input: object keys and array indexes, outermost first. */
export type ErrorPath = ReadonlyArray<string | number>;

/** One problem found while validating an input; a {@link PayscoreError} may carry many. */
export interface PayscoreIssue {
  readonly path: ErrorPath;
  readonly message: string;
}

/** Options for {@link PayscoreError}. */
export interface PayscoreErrorOptions {
  /** Where in the input the fault is; `[]` (the default) when it is not in one place. */
  readonly path?: ErrorPath | undefined;
  /** Every problem found, when there is more than one (plans report all at once). */
  readonly issues?: readonly PayscoreIssue[] | undefined;
  /** The underlying error, kept for debugging; never part of the contract. */
  readonly cause?: unknown;
}

/**
 * The only error that leaves payscore. It says what is wrong in plain words (`message`), what
 * kind of fault it is (`code`) and where in the input the fault lies (`path`).
 *
 * @example
 * ```ts
 * try {
 *   toDecimal("12,5");
 * } catch (error) {
 *   if (error instanceof PayscoreError) console.log(error.code); // "INVALID_NUMBER"
 * }
 * ```
 */
export class PayscoreError extends Error {
  /** What kind of fault this is. */
  readonly code: PayscoreErrorCode;
  /** Where in the input the fault is, outermost key first; `[]` if it is not in one place. */
  readonly path: ErrorPath;
  /** Every problem found (at least one: the error itself when there was only one). */
  readonly issues: readonly PayscoreIssue[];
  /** The cross-copy brand read by `isPayscoreError`. */
  readonly [PAYSCORE_ERROR_BRAND]: true;

  constructor(code: PayscoreErrorCode, message: string, options?: PayscoreErrorOptions | undefined) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "PayscoreError";
    this.code = code;
    this.path = Object.freeze([...(options?.path ?? [])]);
    const issues = options?.issues ?? [{ path: this.path, message }];
    this[PAYSCORE_ERROR_BRAND] = true;
    this.issues = Object.freeze(issues.map((issue) => Object.freeze({ path: Object.freeze([...issue.path]), message: issue.message })));
  }
}
