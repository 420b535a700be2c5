import { guard, type ErrorPath } from "../errors/index.js";
import { Decimal, type Numeric } from "../numeric/index.js";
import { byCodeUnits, readList, readName, readRecord } from "./internal.js";
import { Review360Rules, type Keyed } from "./review360Rules.js";

/** One rating in a 360-degree review. Extra fields (a `ratee`, a comment) are ignored. */
export interface Rating360 {
  /** Who rated, unique within the group (may be an anonymous token). */
  readonly rater: string;
  /** The rater's relation to the person: `"manager"`, `"peer"`, `"subordinate"`, `"self"`… */
  readonly group: string;
  /** The rating. */
  readonly score: Numeric;
  /** The competency rated; required (and must be listed) when `competencyWeights` is given. */
  readonly competency?: string | undefined;
}

/** Options for {@link aggregate360}. */
export interface Aggregate360Options {
  /**
   * Each rater group's weight, ≥ 0 in any units (20/30/10 is fine). The result lists the groups
   * in the order of these keys (JavaScript puts integer-like keys such as `"1"` first).
   */
  readonly weights: Readonly<Record<string, Numeric>>;
  /**
   * The fewest raters a group needs to count (default 1): one number for every group, or one
   * per group (groups not named need 1). A smaller group is excluded and its mean is not shown.
   */
  readonly minRaters?: number | Readonly<Record<string, number>> | undefined;
  /** Each competency's weight, ≥ 0, at least one > 0; a rater's score is then competency-weighted. */
  readonly competencyWeights?: Readonly<Record<string, Numeric>> | undefined;
  /** Extension: the rating scale (`{ min: 1, max: 5 }`); a score outside it is refused. */
  readonly scale?: { readonly min: Numeric; readonly max: Numeric } | undefined;
}

/** One rater group in a 360-degree result. */
export interface Review360Group {
  readonly group: string;
  /** How many raters of this group have a score (counted even when the group is excluded). */
  readonly raters: number;
  /** The mean of the raters' scores, or `null` when the group is excluded (never revealed). */
  readonly mean: Decimal | null;
  /** The group's weight, rescaled over the included groups to sum 1; 0 when excluded. */
  readonly weight: Decimal;
  /** Whether the group counts towards the score. */
  readonly included: boolean;
  /** Why an excluded group is excluded (absent when included). */
  readonly reason?: "no-ratings" | "below-min-raters";
}

/** The result of {@link aggregate360}. */
export interface Review360Result {
  /** `Σ weight · mean` over the included groups, or `null` when no group with weight > 0 is included. */
  readonly score: Decimal | null;
  /** Every group named in `weights`, in that order. */
  readonly groups: Review360Group[];
}

interface RaterRatings {
  /** Scores by competency (`""` when competencies are not weighted). */
  readonly byCompetency: Map<string, Decimal[]>;
}

/**
 * Aggregates a 360-degree review (360 度评估): rater scores into group means, group means into a
 * weighted score, keeping small groups anonymous.
 *
 * - a rater is identified by `group` + `rater`; a rater's score is the mean of their scores,
 *   or with `competencyWeights`: `Σ w_c · m_c / Σ w_c` over the competencies the rater rated,
 *   `m_c` the mean of their scores on competency `c` (a rater whose rated competencies all weigh
 *   0 has no score and is not counted);
 * - a group's mean = the mean of its raters' scores;
 * - a group with no raters is excluded (`reason: "no-ratings"`), one with fewer than `minRaters`
 *   raters too (`"below-min-raters"`): its `mean` is `null` and its `weight` 0, and nothing else
 *   in the result depends on its scores (so two subordinates' ratings stay anonymous);
 * - the included groups' weights are rescaled: `weight_g = w_g / Σ included w`;
 *   `score = Σ weight_g · mean_g`, or `null` when no group with weight > 0 is included.
 *
 * Sums are taken in a fixed order (raters and competencies by name, groups in `weights` order),
 * so the result does not depend on the order of `ratings`. Means are exact to 40 significant digits.
 *
 * @category 360 review
 * @param ratings - `{ rater, group, score, competency? }`
 * @param options - `weights` (required), `minRaters` (default 1), `competencyWeights`, `scale`
 * @returns `{ score, groups }`
 * @throws {PayscoreError} `INVALID_ARGUMENT` for a rating whose group is not in `weights`, a
 *   missing or unlisted competency when `competencyWeights` is given, a `minRaters` entry for an
 *   unknown group, or a malformed rating; `INVALID_WEIGHTS` for a negative group or competency
 *   weight, or competency weights all 0; `OUT_OF_RANGE` for `minRaters` below 1 or a score outside
 *   `scale`; `INVALID_NUMBER` for a malformed number
 *
 * @example
 * ```ts
 * aggregate360(
 *   [
 *     { rater: "boss", group: "manager", score: 4 },
 *     { rater: "p1", group: "peer", score: 4 },
 *     { rater: "p2", group: "peer", score: 3 },
 *     { rater: "p3", group: "peer", score: 5 },
 *     { rater: "s1", group: "subordinate", score: 2 },
 *     { rater: "s2", group: "subordinate", score: 3 },
 *   ],
 *   { weights: { manager: 50, peer: 30, subordinate: 20 }, minRaters: { subordinate: 3 } },
 * );
 * // score "4"   (manager 4 · 0.625 + peer 4 · 0.375; the two subordinates are excluded)
 * // groups: manager { raters 1, mean "4", weight "0.625" }, peer { raters 3, mean "4", weight "0.375" },
 * //         subordinate { raters 2, mean null, weight "0", included false, reason "below-min-raters" }
 * ```
 */
export function aggregate360(ratings: readonly Rating360[], options: Aggregate360Options): Review360Result {
  return guard(computeAggregate360, [ratings, options]);
}

function computeAggregate360(ratings: readonly Rating360[], options: Aggregate360Options): Review360Result {
  return compileAggregate360(options)(ratings);
}

/**
 * {@link aggregate360} with the options checked once (编译评估口径): returns a function of the
 * ratings that gives `aggregate360(ratings, options)`, digit for digit. It remembers the rater
 * scores, group means and results it has worked out, keyed by the scores that make them (never
 * by who rated), so a run over many people with the usual 1–5 ratings computes each distinct
 * rater, group and result once. Results may be shared between calls: treat them as read-only.
 *
 * @category 360 review
 * @param options - as {@link aggregate360}
 * @returns `ratings ↦ { score, groups }`
 * @throws {PayscoreError} as {@link aggregate360} for the options; the function throws as
 *   `aggregate360` for the ratings
 *
 * @example
 * ```ts
 * const review = compileAggregate360({ weights: { manager: 50, peer: 50 } });
 * review([{ rater: "m", group: "manager", score: 4 }, { rater: "p", group: "peer", score: 3 }]).score?.toString(); // "3.5"
 * review([{ rater: "m", group: "manager", score: 5 }]).score?.toString(); // "5"
 * ```
 */
export function compileAggregate360(options: Aggregate360Options): (ratings: readonly Rating360[]) => Review360Result {
  return guard(computeCompileAggregate360, [options]);
}

function computeCompileAggregate360(options: Aggregate360Options): (ratings: readonly Rating360[]) => Review360Result {
  const rules = new Review360Rules(options);
  const memo = new Memo(rules);

  return (ratings) => {
    // group → rater → that rater's scores
    const byGroup = new Map<string, Map<string, RaterRatings>>();
    const list = readList(ratings, ["ratings"]);
    for (let i = 0; i < list.length; i++) {
      const path: ErrorPath = ["ratings", i];
      const rating = readRecord(list[i], path);
      const rater = readName(rating["rater"], [...path, "rater"]);
      const group = rules.group(rating["group"], [...path, "group"]);
      const score = memo.score(rating["score"], [...path, "score"]);
      const competency = rules.competency(rating["competency"], [...path, "competency"]);
      let raters = byGroup.get(group);
      if (raters === undefined) byGroup.set(group, (raters = new Map()));
      let entry = raters.get(rater);
      if (entry === undefined) raters.set(rater, (entry = { byCompetency: new Map() }));
      const scores = entry.byCompetency.get(competency);
      if (scores === undefined) entry.byCompetency.set(competency, [score]);
      else scores.push(score);
    }

    let key = "";
    const partial = rules.groupNames.map((group, g) => {
      const raterScores = raterScoresOf(byGroup.get(group), memo);
      const reason = rules.reasonOf(g, raterScores.length);
      // An excluded group's mean is never computed, so nothing downstream can depend on it.
      const mean = reason === undefined ? memo.mean(raterScores) : null;
      key += `${raterScores.length}:${mean === null ? (reason as string) : mean.text}|`;
      return { raters: raterScores.length, mean, reason };
    });
    return memo.result(key, () => rules.combine(partial));
  };
}


/** The most entries a memo table keeps before it starts over (the tables stay small for any run). */
const MEMO_LIMIT = 1 << 16;

/**
 * What a compiled aggregator remembers: scores read (by the value given), rater scores (by
 * their competency means), group means (by the rater scores in name order) and results (by the
 * groups' counts and means). Each is a pure function of its key.
 */
class Memo {
  constructor(private readonly rules: Review360Rules) {}

  private readonly scores = new Map<unknown, Decimal>();
  private readonly raters = new Map<string, Keyed | null>();
  private readonly means = new Map<string, Keyed>();
  private readonly results = new Map<string, Review360Result>();

  score(value: unknown, path: ErrorPath): Decimal {
    // Only values that cannot change are remembered: strings, numbers and Decimals.
    if (typeof value !== "string" && typeof value !== "number" && !(value instanceof Decimal)) return this.rules.score(value, path);
    let score = this.scores.get(value);
    if (score === undefined) {
      score = this.rules.score(value, path);
      remember(this.scores, value, score);
    }
    return score;
  }

  rater(key: string, competencies: readonly string[], scores: readonly (readonly Decimal[])[]): Keyed | null {
    let rater = this.raters.get(key);
    if (rater === undefined) remember(this.raters, key, (rater = this.rules.raterScore(competencies, scores)));
    return rater;
  }

  mean(raterScores: readonly Keyed[]): Keyed {
    const key = raterScores.map((r) => r.text).join(" ");
    let mean = this.means.get(key);
    if (mean === undefined) remember(this.means, key, (mean = this.rules.mean(raterScores)));
    return mean;
  }

  result(key: string, make: () => Review360Result): Review360Result {
    let result = this.results.get(key);
    if (result === undefined) remember(this.results, key, (result = make()));
    return result;
  }
}

function remember<K, V>(table: Map<K, V>, key: K, value: V): void {
  if (table.size >= MEMO_LIMIT) table.clear();
  table.set(key, value);
}

/** Each rater's score in a group, raters in name order; raters without a score are left out. */
function raterScoresOf(raters: Map<string, RaterRatings> | undefined, memo: Memo): Keyed[] {
  if (raters === undefined) return [];
  const result: Keyed[] = [];
  for (const name of [...raters.keys()].sort(byCodeUnits)) {
    const { byCompetency } = raters.get(name) as RaterRatings;
    const competencies = [...byCompetency.keys()].sort(byCodeUnits);
    const scores = competencies.map((c) => byCompetency.get(c) as Decimal[]);
    // The rater's score is a function of their scores by competency, in this order.
    const key = competencies.map((c, i) => `${c}\u0001${(scores[i] as Decimal[]).map(String).join(" ")}`).join("\u0002");
    const score = memo.rater(key, competencies, scores);
    if (score !== null) result.push(score);
  }
  return result;
}

