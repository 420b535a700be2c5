import { guard, type ErrorPath } from "../errors/index.js";
import { Decimal, readDecimal, readInteger, type Numeric } from "../numeric/index.js";
import type { Rating360 } from "./aggregate360.js";
import { byCodeUnits, fault, meanOf, plain, readList, readName, readOptions, readRatingScale, readRecord, readScore } from "./internal.js";

/** Options for {@link calibrate360}. */
export interface Calibrate360Options {
  /**
   * The centre every rater is moved to. Default: the mean of all raters' means (each rater
   * counted once, however many ratings they gave).
   */
  readonly center?: Numeric | undefined;
  /** How much of the correction to apply, from 0 (none) to 1 (default, full centring). */
  readonly strength?: Numeric | undefined;
  /**
   * The fewest ratings a rater needs to be corrected (default 1, so everyone is). A rater with
   * fewer keeps their scores: one or two ratings say little about a rater's leniency.
   */
  readonly minRatings?: number | undefined;
  /**
   * The rating scale (`{ min: 1, max: 5 }`): scores outside it are refused, and corrected
   * scores are clamped into it (which can leave a rater's mean off the centre).
   */
  readonly scale?: { readonly min: Numeric; readonly max: Numeric } | undefined;
}

/** A rating after calibration: the caller's rating (extra fields kept) with the corrected score. */
export type CalibratedRating<T extends Rating360 = Rating360> = Omit<T, "score"> & {
  /** The corrected score. */
  readonly score: Decimal;
  /** The score as given. */
  readonly rawScore: Decimal;
  /** What was added to the score before any clamping: `strength · (center − rater mean)`. */
  readonly adjustment: Decimal;
};

/**
 * Corrects rater leniency in 360-degree ratings (评分宽严校准, 去除评分者偏差): centres each
 * rater's scores so a rater who gives everyone 5 and one who gives everyone 3 count alike.
 *
 * For each rater `r` (identified by `group` + `rater`, as in {@link aggregate360}), with `m_r`
 * the mean of all of `r`'s scores (across every person and competency they rated):
 *
 * `calibrated = score + strength · (center − m_r)`, then clamped into `scale` if one is given,
 *
 * where `center` defaults to the mean of the raters' means `Σ m_r / number of raters`, and
 * `strength` to 1 (at 1 every rater's calibrated mean is exactly `center`). Raters with fewer
 * than `minRatings` ratings are left as they are (adjustment 0) but still count towards the
 * default centre. Feed the result to {@link aggregate360}, one ratee at a time: the ratings need
 * every ratee a rater rated (a `ratee` field is kept as it is), not just one person's review.
 *
 * @category 360 review
 * @param ratings - `{ rater, group, score, competency? }` plus any fields of your own (a `ratee`)
 * @param options - `center`, `strength` (0–1, default 1), `minRatings` (default 1), `scale`
 * @returns new rating objects in the same order, each with `score`, `rawScore` and `adjustment`
 * @throws {PayscoreError} `INVALID_ARGUMENT` for a malformed rating or option; `OUT_OF_RANGE`
 *   for `strength` outside 0–1, `minRatings` below 1, or a score (or `center`) outside `scale`;
 *   `INVALID_NUMBER` for a malformed number
 *
 * @example
 * ```ts
 * const calibrated = calibrate360([
 *   { ratee: "li", rater: "a", group: "peer", score: 5 },
 *   { ratee: "wang", rater: "a", group: "peer", score: 5 }, // rater a: mean 5 (lenient)
 *   { ratee: "li", rater: "b", group: "peer", score: 4 },
 *   { ratee: "wang", rater: "b", group: "peer", score: 2 }, // rater b: mean 3
 * ]);
 * // center = (5 + 3) / 2 = 4; a's scores − 1, b's scores + 1
 * calibrated.map((r) => r.score.toString()); // ["4", "4", "5", "3"]
 * ```
 */
export function calibrate360<T extends Rating360>(ratings: readonly T[], options?: Calibrate360Options | undefined): CalibratedRating<T>[] {
  return guard(computeCalibrate360, [ratings, options]);
}

function computeCalibrate360<T extends Rating360>(ratings: readonly T[], options?: Calibrate360Options | undefined): CalibratedRating<T>[] {
  const o = readOptions(options, ["options"]);
  const scale = readRatingScale(o["scale"], ["options", "scale"]);
  const strength = o["strength"] === undefined ? new Decimal(1) : readDecimal(o["strength"], ["options", "strength"]);
  if (strength.lt(0) || strength.gt(1)) throw fault("OUT_OF_RANGE", ["options", "strength"], `must be from 0 to 1; got ${strength.toString()}`);
  const minRatings = o["minRatings"] === undefined ? 1 : readInteger(o["minRatings"], ["options", "minRatings"], { min: 1 });
  const fixedCenter = o["center"] === undefined ? undefined : readScore(o["center"], ["options", "center"], scale);

  const list = readList(ratings, ["ratings"]);
  const keys: string[] = [];
  const scores: Decimal[] = [];
  const byRater = new Map<string, Decimal[]>();
  for (let i = 0; i < list.length; i++) {
    const path: ErrorPath = ["ratings", i];
    const rating = readRecord(list[i], path);
    const rater = readName(rating["rater"], [...path, "rater"]);
    const group = readName(rating["group"], [...path, "group"]);
    const score = readScore(rating["score"], [...path, "score"], scale);
    // JSON of the pair: unambiguous whatever characters the names hold.
    const key = JSON.stringify([group, rater]);
    keys.push(key);
    scores.push(score);
    const own = byRater.get(key);
    if (own === undefined) byRater.set(key, [score]);
    else own.push(score);
  }

  // Each rater's mean, from their scores in ascending order (so it does not depend on input order).
  const raterKeys = [...byRater.keys()].sort(byCodeUnits);
  const means = new Map<string, Decimal>();
  for (const key of raterKeys) means.set(key, meanOf([...(byRater.get(key) as Decimal[])].sort((a, b) => a.comparedTo(b))));
  const center = fixedCenter ?? (raterKeys.length === 0 ? new Decimal(0) : meanOf(raterKeys.map((k) => means.get(k) as Decimal)));
  const adjustments = new Map<string, Decimal>();
  for (const key of raterKeys) {
    const count = (byRater.get(key) as Decimal[]).length;
    adjustments.set(key, count < minRatings ? new Decimal(0) : plain(strength.times(center.minus(means.get(key) as Decimal))));
  }

  return list.map((rating, i) => {
    const rawScore = scores[i] as Decimal;
    const adjustment = adjustments.get(keys[i] as string) as Decimal;
    let score = plain(rawScore.plus(adjustment));
    if (scale !== undefined) score = Decimal.min(Decimal.max(score, scale.min), scale.max);
    return { ...(rating as T), score, rawScore, adjustment };
  });
}
