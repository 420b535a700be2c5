import { PayscoreError, describeValue, guard } from "../errors/index.js";
import { readDecimal, readInteger, type Numeric } from "../numeric/index.js";

/** The rule {@link meetsStreak} checks. */
export interface StreakRule {
  /** A period meets the rule when its value is ≥ threshold (1.0 = 100 % attainment). */
  readonly threshold: Numeric;
  /** How many consecutive periods, ending with the latest, are required (≥ 1). */
  readonly count: number;
}

/** What {@link meetsStreak} finds. */
export interface StreakResult {
  /** `current ≥ count`. */
  readonly eligible: boolean;
  /** The longest run of consecutive periods meeting the threshold anywhere in the history. */
  readonly longest: number;
  /** The run that ends at the latest period (0 when the latest period misses). */
  readonly current: number;
}

/**
 * Checks a promotion or bonus rule such as "attainment ≥ 100 % in each of the last 4 quarters"
 * (连续 N 个季度达成率 ≥ 100 %).
 *
 * A period meets the rule when `valueᵢ ≥ threshold`; `current` = the number of consecutive
 * meeting periods ending at the latest one; `longest` = the longest such run anywhere;
 * `eligible = current ≥ count`. An empty history has `current = longest = 0`.
 *
 * @category Compensation
 * @param history - one value per period (attainment, score), oldest first
 * @param options - `threshold` and `count` (required)
 * @returns `{ eligible, longest, current }`
 * @throws {PayscoreError} `INVALID_NUMBER` for a malformed value or threshold; `INVALID_ARGUMENT` when history is not an array, options are missing or `count` is not a whole number; `OUT_OF_RANGE` for a `count` below 1
 *
 * @example
 * ```ts
 * meetsStreak([1.05, 0.92, 1.1, 1.02, 1.2], { threshold: 1, count: 3 });
 * // { eligible: true, longest: 3, current: 3 }
 * meetsStreak([1.2, 1.3, 1.1, 0.99], { threshold: 1, count: 2 });
 * // { eligible: false, longest: 3, current: 0 }
 * ```
 */
export function meetsStreak(history: readonly Numeric[], options: StreakRule): StreakResult {
  return guard(computeMeetsStreak, [history, options]);
}

function computeMeetsStreak(history: readonly Numeric[], options: StreakRule): StreakResult {
  if (!Array.isArray(history)) {
    throw new PayscoreError("INVALID_ARGUMENT", `history must be an array of values, oldest first; got ${describeValue(history)}`, { path: ["history"] });
  }
  if (typeof options !== "object" || options === null) {
    throw new PayscoreError("INVALID_ARGUMENT", `options must be an object { threshold, count }; got ${describeValue(options)}`, { path: ["options"] });
  }
  const threshold = readDecimal(options.threshold, ["options", "threshold"]);
  const count = readInteger(options.count, ["options", "count"], { min: 1 });
  const values = history.map((value, i) => readDecimal(value, ["history", i]));

  let current = 0;
  let longest = 0;
  for (const value of values) {
    current = value.gte(threshold) ? current + 1 : 0;
    if (current > longest) longest = current;
  }
  return { eligible: current >= count, longest, current };
}
