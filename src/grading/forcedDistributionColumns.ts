import { PayscoreError, describeValue, formatPath, guard } from "../errors/index.js";
import type { ForcedDistributionOptions, GradeQuota } from "./forcedDistribution.js";
import { gradeUnits, readQuotas, readTies, seatsFor } from "./forcedCurve.js";

/** What {@link forcedDistributionColumns} returns: one slot per person, in input order. */
export interface GradeColumns {
  /** Each person's grade as an index into `quotas` (0 = the first, best grade). */
  readonly grade: Int32Array;
  /** Standard competition rank by score, 1 = best; equal scores share a rank (1, 2, 2, 4). */
  readonly rank: Int32Array;
  /** The seats of each grade before ties (largest remainder over the shares), summing to n. */
  readonly seats: number[];
}

/**
 * Grades people on a forced curve (强制分布) from a column of scores in exact integer units —
 * the bulk form of `forcedDistribution` for the plan runner: no per-person objects, no ids, no
 * Decimals.
 *
 * Same rules as `forcedDistribution` on the same scores: seats by largest remainder over the
 * shares; ranks `1 + #{higher scores}`; the first `seats₁` people best first get grade 0, …;
 * `ties: "share-grade"` (default) gives everyone tied with a grade's last seat that grade,
 * `"by-order"` breaks ties by index (earlier first). Scores are compared exactly as integers,
 * so give every score in the same unit: `scoreUnits[i] = scoreᵢ × 10^scale` for one `scale`
 * (e.g. 8753 for 87.53 at scale 2) — any scale, as long as each is a safe integer.
 * Sorts one packed `Float64Array` (score and index in one exact integer) when
 * `(max − min + 1) · n < 2^53`, otherwise indices with a comparator: O(n log n).
 *
 * @category Grading
 * @param scoreUnits - each person's score as a safe integer in one unit (a `Float64Array` or an array of numbers); higher is better
 * @param quotas - the grades, best first, with their shares (≥ 0, summing to 1 within 1e-12)
 * @param options - `ties`: `"share-grade"` (default) or `"by-order"`
 * @returns `{ grade, rank, seats }`: grade indexes into `quotas` and ranks, by person
 * @throws {PayscoreError} `INVALID_ARGUMENT` for scores that are not an array, malformed quotas, a repeated grade or an unknown `ties`; `INVALID_NUMBER` for a score that is not a safe integer or a malformed share; `INVALID_WEIGHTS` for a negative share or shares not summing to 1; `EMPTY_INPUT` for no quotas
 *
 * @example
 * ```ts
 * // 10 people on 20/70/10 (scores at scale 0): seats 2, 7, 1
 * const { grade, rank } = forcedDistributionColumns(
 *   Float64Array.of(95, 90, 90, 85, 80, 78, 75, 70, 65, 60),
 *   [{ grade: "A", share: 0.2 }, { grade: "B", share: 0.7 }, { grade: "C", share: 0.1 }],
 * );
 * Array.from(grade); // [0, 0, 0, 1, 1, 1, 1, 1, 1, 2]
 * Array.from(rank); // [1, 2, 2, 4, 5, 6, 7, 8, 9, 10]
 * ```
 */
export function forcedDistributionColumns(
  scoreUnits: Float64Array | readonly number[],
  quotas: readonly GradeQuota[],
  options?: ForcedDistributionOptions | undefined,
): GradeColumns {
  return guard(computeForcedDistributionColumns, [scoreUnits, quotas, options]);
}

function computeForcedDistributionColumns(
  scoreUnits: Float64Array | readonly number[],
  quotas: readonly GradeQuota[],
  options?: ForcedDistributionOptions | undefined,
): GradeColumns {
  const ties = readTies(options);
  const grades = readQuotas(quotas);
  if (!(scoreUnits instanceof Float64Array) && !Array.isArray(scoreUnits)) {
    throw new PayscoreError("INVALID_ARGUMENT", `scoreUnits must be a Float64Array or an array of integers; got ${describeValue(scoreUnits)}`, { path: ["scoreUnits"] });
  }
  const n = scoreUnits.length;
  for (let i = 0; i < n; i++) {
    const units: unknown = scoreUnits[i];
    if (!Number.isSafeInteger(units)) {
      throw new PayscoreError("INVALID_NUMBER", `${formatPath(["scoreUnits", i])} must be a safe integer (a score in whole units); got ${describeValue(units)}`, {
        path: ["scoreUnits", i],
      });
    }
  }
  const seats = seatsFor(n, grades.shares);
  const { grade, rank } = gradeUnits(scoreUnits, seats, ties);
  return { grade, rank, seats };
}
