/**
 * payscore — fair, explainable sales-performance scores and exact payouts.
 *
 * The public surface is CONTRACT.md plus documented extensions. Internal helpers that the
 * domain folders share (marked `@internal`) are not exported here.
 *
 * @packageDocumentation
 */

// §1 Numbers, money, errors
export { Decimal, toDecimal, roundTo, ROUNDING_MODES, minorUnits } from "./numeric/index.js";
export type { Numeric, RoundingMode } from "./numeric/index.js";
export { PayscoreError, PAYSCORE_ERROR_CODES, isPayscoreError, formatPath } from "./errors/index.js";
export type { PayscoreErrorCode, ErrorPath, PayscoreIssue, PayscoreErrorOptions } from "./errors/index.js";

// §2 Allocation
export { allocate } from "./numeric/index.js";
export type { AllocateOptions } from "./numeric/index.js";

// §3 Periods and target decomposition
export * from "./period/index.js";
export * from "./targets/index.js";

// §4 Metrics
export * from "./metrics/index.js";

// §5 Scoring and §6 360-degree review
export * from "./scoring/index.js";
export * from "./review360/index.js";

// §7 Grading and §8 Compensation
export * from "./grading/index.js";
export * from "./compensation/index.js";

// §9 Plans and runs
export * from "./plan/index.js";
