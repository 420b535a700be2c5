import { describeValue, type ErrorPath } from "../errors/index.js";
import { Decimal, readInteger, type Numeric } from "../numeric/index.js";
import {
  byCodeUnits,
  fault,
  hasOwn,
  meanOf,
  plain,
  readList,
  readName,
  readRatingScale,
  readRecord,
  readScore,
  readWeight,
} from "./internal.js";

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
  const o = readRecord(options, ["options"]);
  const weightTable = readRecord(o["weights"], ["options", "weights"]);
  const groupNames = Object.keys(weightTable);
  const groupWeights = new Map<string, Decimal>();
  for (const g of groupNames) groupWeights.set(g, readWeight(weightTable[g], ["options", "weights", g]));
  const minRaters = readMinRaters(o["minRaters"], weightTable, groupNames);
  const competencyWeights = readCompetencyWeights(o["competencyWeights"]);
  const scale = readRatingScale(o["scale"], ["options", "scale"]);

  // group → rater → that rater's scores
  const byGroup = new Map<string, Map<string, RaterRatings>>();
  const list = readList(ratings, ["ratings"]);
  for (let i = 0; i < list.length; i++) {
    const path: ErrorPath = ["ratings", i];
    const rating = readRecord(list[i], path);
    const rater = readName(rating["rater"], [...path, "rater"]);
    const group = rating["group"];
    if (typeof group !== "string" || !hasOwn(weightTable, group)) {
      throw fault("INVALID_ARGUMENT", [...path, "group"], `must be one of the groups in options.weights (${groupNames.map((g) => `"${g}"`).join(", ")}); got ${describeValue(group)}`);
    }
    const score = readScore(rating["score"], [...path, "score"], scale);
    const competency = readCompetency(rating["competency"], [...path, "competency"], competencyWeights);
    let raters = byGroup.get(group);
    if (raters === undefined) byGroup.set(group, (raters = new Map()));
    let entry = raters.get(rater);
    if (entry === undefined) raters.set(rater, (entry = { byCompetency: new Map() }));
    const scores = entry.byCompetency.get(competency);
    if (scores === undefined) entry.byCompetency.set(competency, [score]);
    else scores.push(score);
  }

  const partial = groupNames.map((group) => {
    const raterScores = raterScoresOf(byGroup.get(group), competencyWeights);
    const needed = minRaters.get(group) ?? 1;
    const reason = raterScores.length === 0 ? ("no-ratings" as const) : raterScores.length < needed ? ("below-min-raters" as const) : undefined;
    // An excluded group's mean is never computed, so nothing downstream can depend on it.
    const mean = reason === undefined ? meanOf(raterScores) : null;
    return { group, raters: raterScores.length, mean, reason, w: groupWeights.get(group) as Decimal };
  });

  let includedWeight = new Decimal(0);
  for (const g of partial) if (g.reason === undefined) includedWeight = includedWeight.plus(g.w);
  let sum = new Decimal(0);
  const groups: Review360Group[] = [];
  for (const g of partial) {
    if (g.reason !== undefined) {
      groups.push({ group: g.group, raters: g.raters, mean: null, weight: new Decimal(0), included: false, reason: g.reason });
      continue;
    }
    const weight = includedWeight.isZero() || g.w.isZero() ? new Decimal(0) : g.w.div(includedWeight);
    sum = sum.plus(weight.times(g.mean as Decimal));
    groups.push({ group: g.group, raters: g.raters, mean: g.mean, weight, included: true });
  }
  return { score: includedWeight.isZero() ? null : plain(sum), groups };
}

/** Each rater's score in a group, raters in name order; raters without a score are left out. */
function raterScoresOf(raters: Map<string, RaterRatings> | undefined, competencyWeights: Map<string, Decimal> | undefined): Decimal[] {
  if (raters === undefined) return [];
  const result: Decimal[] = [];
  for (const name of [...raters.keys()].sort(byCodeUnits)) {
    const { byCompetency } = raters.get(name) as RaterRatings;
    if (competencyWeights === undefined) {
      result.push(meanOf(byCompetency.get("") as Decimal[]));
      continue;
    }
    let weighted = new Decimal(0);
    let total = new Decimal(0);
    for (const competency of [...byCompetency.keys()].sort(byCodeUnits)) {
      const w = competencyWeights.get(competency) as Decimal;
      if (w.isZero()) continue;
      weighted = weighted.plus(w.times(meanOf(byCompetency.get(competency) as Decimal[])));
      total = total.plus(w);
    }
    if (!total.isZero()) result.push(plain(weighted.div(total)));
  }
  return result;
}

function readMinRaters(value: unknown, weights: Readonly<Record<string, unknown>>, groups: readonly string[]): Map<string, number> {
  const path: ErrorPath = ["options", "minRaters"];
  const result = new Map<string, number>();
  if (value === undefined) return result;
  if (typeof value === "number") {
    const n = readInteger(value, path, { min: 1 });
    for (const g of groups) result.set(g, n);
    return result;
  }
  const table = readRecord(value, path);
  for (const g of Object.keys(table)) {
    if (!hasOwn(weights, g)) throw fault("INVALID_ARGUMENT", [...path, g], `names a group that is not in options.weights (${groups.map((k) => `"${k}"`).join(", ")})`);
    result.set(g, readInteger(table[g], [...path, g], { min: 1 }));
  }
  return result;
}

function readCompetencyWeights(value: unknown): Map<string, Decimal> | undefined {
  if (value === undefined) return undefined;
  const path: ErrorPath = ["options", "competencyWeights"];
  const table = readRecord(value, path);
  const result = new Map<string, Decimal>();
  let anyPositive = false;
  for (const c of Object.keys(table)) {
    const w = readWeight(table[c], [...path, c]);
    if (!w.isZero()) anyPositive = true;
    result.set(c, w);
  }
  if (!anyPositive) throw fault("INVALID_WEIGHTS", path, "must give at least one competency a weight greater than 0");
  return result;
}

function readCompetency(value: unknown, path: ErrorPath, weights: Map<string, Decimal> | undefined): string {
  if (weights === undefined) {
    if (value !== undefined && typeof value !== "string") throw fault("INVALID_ARGUMENT", path, `must be a string when given; got ${describeValue(value)}`);
    return "";
  }
  if (typeof value !== "string" || !weights.has(value)) {
    throw fault(
      "INVALID_ARGUMENT",
      path,
      `must be one of the competencies in options.competencyWeights (${[...weights.keys()].map((c) => `"${c}"`).join(", ")}); got ${describeValue(value)}`,
    );
  }
  return value;
}

