import * as z from "zod";
import { PayscoreError, formatPath, parseWith, guard } from "../errors/index.js";
import { readDecimal, type Decimal, type Numeric } from "../numeric/index.js";

/** One band of a fixed grading scale: a score of at least `min` earns `grade`. */
export interface GradeBand {
  /** The grade's name: `"优秀"`, `"A"`. */
  readonly grade: string;
  /** The lowest score that earns the grade (inclusive). */
  readonly min: Numeric;
}

const bandsSchema = z.array(z.object({ grade: z.string(), min: z.unknown() }));

/**
 * The grade a score earns on a fixed scale (绝对考核 / 等级划分): the band with the greatest
 * `min ≤ score`.
 *
 * `grade(score) = bands[k].grade` where `bands[k].min = max { bᵢ.min : bᵢ.min ≤ score }`.
 * Bands may be listed in any order; their `min`s must be distinct. A score exactly on a `min`
 * earns that band (优秀 ≥ 90 means 90 is 优秀).
 *
 * @category Grading
 * @param score - the score to grade (any scale: 0–100, 1–5, a ratio)
 * @param bands - the scale, e.g. `[{ grade: "优秀", min: 90 }, { grade: "良好", min: 80 }, …]`
 * @returns the grade's name
 * @throws {PayscoreError} `INVALID_NUMBER` for a malformed score or `min`; `INVALID_ARGUMENT` for bands that are not a list of `{ grade, min }` or two bands with the same `min`; `EMPTY_INPUT` for no bands; `OUT_OF_RANGE` for a score below every `min`
 *
 * @example
 * ```ts
 * const bands = [
 *   { grade: "优秀", min: 90 },
 *   { grade: "良好", min: 80 },
 *   { grade: "合格", min: 60 },
 *   { grade: "不合格", min: 0 },
 * ];
 * gradeByScore(92.5, bands); // "优秀"
 * gradeByScore(80, bands); // "良好"  (a score on the line earns the band)
 * gradeByScore("59.99", bands); // "不合格"
 * ```
 */
export function gradeByScore(score: Numeric, bands: readonly GradeBand[]): string {
  return guard(computeGradeByScore, [score, bands]);
}

function computeGradeByScore(score: Numeric, bands: readonly GradeBand[]): string {
  const value = readDecimal(score, ["score"]);
  const parsed = parseWith(bandsSchema, bands, "INVALID_ARGUMENT", ["bands"]);
  if (parsed.length === 0) {
    throw new PayscoreError("EMPTY_INPUT", "bands must list at least one grade band", { path: ["bands"] });
  }
  const mins: Decimal[] = parsed.map((band, i) => readDecimal(band.min, ["bands", i, "min"]));
  for (let i = 0; i < mins.length; i++) {
    for (let j = 0; j < i; j++) {
      if ((mins[i] as Decimal).eq(mins[j] as Decimal)) {
        throw new PayscoreError(
          "INVALID_ARGUMENT",
          `${formatPath(["bands", i, "min"])} repeats the min ${(mins[i] as Decimal).toString()} of ${formatPath(["bands", j])}; each band needs its own min`,
          { path: ["bands", i, "min"] },
        );
      }
    }
  }

  let best = -1;
  for (let i = 0; i < mins.length; i++) {
    const min = mins[i] as Decimal;
    if (min.lte(value) && (best < 0 || min.gt(mins[best] as Decimal))) best = i;
  }
  if (best < 0) {
    const lowest = mins.reduce((a, b) => (b.lt(a) ? b : a));
    throw new PayscoreError(
      "OUT_OF_RANGE",
      `score ${value.toString()} is below the lowest band min ${lowest.toString()}; add a band for the lowest scores (for example min 0)`,
      { path: ["score"] },
    );
  }
  return (parsed[best] as { grade: string }).grade;
}
