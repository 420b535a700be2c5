import { PayscoreError, describeValue, formatPath, parseWith } from "../../errors/index.js";
import { readDecimal, roundDecimal, scaledInteger, type Decimal } from "../../numeric/index.js";
import { within } from "../dataCells.js";
import * as D from "../domains.js";
import { planDataSchema, type RatingRow } from "../schema.js";
import type { Review360CompetencyLine, Review360Line } from "../types.js";
import { deepFreeze, tracerOf, type RunContext } from "./RunContext.js";
import { calibrateStoredRatings, competencyLine, competencyList, competencyOptions, competencyPart, traceCalibration, withCompetencies } from "./review360Extras.js";

/** Stage 4's result: each person's 360 line (`null` without a 360 review). */
export interface Review360Scores {
  readonly lineOf: (j: number) => Review360Line | null;
  /** The competencies of the lines' `competencies`, when the plan asks for them (issue 21). */
  readonly competencies?: readonly string[] | undefined;
}

const ratingSchema = planDataSchema.shape.ratings.unwrap().element;

/**
 * The ratings as they arrive, stored by number, not as objects: per rating the person's
 * position, and the rater, group, competency and score as indexes into tables of the distinct
 * values (twelve million ratings are a few typed arrays, not twelve million objects). The
 * group, competency and score indexes take a byte each while their tables are small (up to 127
 * values; a larger table widens its column to 32 bits), so a rating costs 11 bytes.
 *
 * The columns grow at once to `expected` ratings (16 a person: a 360 of 6 raters over 2
 * competencies is 12), then by doubling: the typed arrays live outside the JS heap, and V8 runs a
 * full collection for every 64 MB or so they grow by, so growing step by step from a small size
 * cost a million-person run a dozen full collections of its whole heap.
 */
class RatingColumns {
  size = 0;
  person: Int32Array = new Int32Array(1024);
  rater: Int32Array = new Int32Array(1024);
  group: Int32Array | Int8Array = new Int8Array(1024);
  competency: Int32Array | Int8Array = new Int8Array(1024);
  score: Int32Array | Int8Array = new Int8Array(1024);
  readonly raters = new Interned();
  readonly groups = new Interned();
  readonly competencies = new Interned();
  readonly scores = new Interned();

  constructor(private readonly expected: number) {}

  push(person: number, rating: RatingRow): void {
    if (this.size === this.person.length) this.grow();
    const i = this.size++;
    this.person[i] = person;
    this.rater[i] = this.raters.indexOf(rating.rater);
    const group = this.groups.indexOf(rating.group);
    const competency = rating.competency === undefined ? -1 : this.competencies.indexOf(rating.competency);
    const score = this.scores.indexOf(rating.score);
    if (group > 127 && this.group instanceof Int8Array) this.group = Int32Array.from(this.group);
    if (competency > 127 && this.competency instanceof Int8Array) this.competency = Int32Array.from(this.competency);
    if (score > 127 && this.score instanceof Int8Array) this.score = Int32Array.from(this.score);
    this.group[i] = group;
    this.competency[i] = competency;
    this.score[i] = score;
  }

  private grow(): void {
    const length = Math.max(this.person.length * 2, this.expected);
    const next = <T extends Int32Array | Int8Array>(a: T): T => {
      const b = (a instanceof Int8Array ? new Int8Array(length) : new Int32Array(length)) as T;
      b.set(a);
      return b;
    };
    this.person = next(this.person);
    this.rater = next(this.rater);
    this.group = next(this.group);
    this.competency = next(this.competency);
    this.score = next(this.score);
  }
}

/** Distinct values, each with its index in order of first appearance. */
class Interned {
  readonly values: (string | number)[] = [];
  private readonly index = new Map<string | number, number>();

  indexOf(value: string | number): number {
    // A few distinct values (groups, competencies, scores) are found faster by comparison than
    // by hashing each rating's fresh string.
    const values = this.values;
    if (values.length <= 8) {
      for (let i = 0; i < values.length; i++) if (values[i] === value) return i;
    }
    let i = this.index.get(value);
    if (i === undefined) {
      i = values.length;
      values.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}

/**
 * Stage 4, 360 review (per person, independent once the ratings are read): reads the ratings
 * once, as they come (an array, or any iterable such as the command line's stream of a
 * ratings file), checking each; then aggregates each person's ratings with `aggregate360`
 * (rater groups weighted, small groups left out so they stay anonymous, competencies weighted,
 * the scale mapped to 0–100) and rounds to `rounding.points`.
 *
 * Memory: about 11 bytes per rating (room for 16 a person made at once) plus the distinct
 * raters, groups, competencies and scores.
 *
 * @internal
 * @param ctx - the run
 * @param ratings - the ratings, `undefined` for none
 * @returns each person's 360 line
 * @throws {PayscoreError} `INVALID_DATA` for a rating of an unknown person, a malformed score or
 *   rating (path `["ratings", i, field]`), and as `aggregate360` for a person's ratings
 *
 * @example
 * ```ts
 * review360Stage(ctx, [{ person: "p01", rater: "m1", group: "manager", score: 4 }]).lineOf(0)?.points; // "75" on a 1–5 scale
 * ```
 */
export function review360Stage(ctx: RunContext, ratings: Iterable<RatingRow> | undefined): Review360Scores {
  const setup = ctx.p.review360;
  if (setup === undefined) return { lineOf: () => null };
  const columns = readRatings(ctx, ratings ?? []);
  // Issue 21: leniency calibration over every rating of the run, before any is aggregated.
  const calibration = calibrateStoredRatings(setup, columns);
  const n = ctx.people.length;
  if (calibration !== undefined && ctx.tracers !== undefined) for (let j = 0; j < n; j++) traceCalibration(ctx, j, calibration);
  // Each person's ratings, by a counting sort on the person: start[j] … start[j + 1].
  const start = new Int32Array(n + 1);
  for (let i = 0; i < columns.size; i++) (start[(columns.person[i] as number) + 1] as number)++;
  for (let j = 0; j < n; j++) start[j + 1] = (start[j + 1] as number) + (start[j] as number);
  const order = new Int32Array(columns.size);
  const next = start.slice(0, n);
  for (let i = 0; i < columns.size; i++) order[(next[columns.person[i] as number] as number)++] = i;

  const options = {
    weights: setup.weights,
    ...(setup.minRaters === undefined ? {} : { minRaters: setup.minRaters }),
    ...(setup.competencyWeights === undefined ? {} : { competencyWeights: setup.competencyWeights }),
    ...(setup.scale === undefined ? {} : { scale: setup.scale }),
  };
  const base = fastReview(ctx, columns, options, start, order) ?? referenceReview(ctx, columns, options, start, order);
  return withCompetencyParts(ctx, columns, start, order, base);
}

/**
 * The 360 lines with each person's per-competency scores and training needs, when the plan asks
 * for them (`byCompetency`, `trainingNeeds`); the lines as they are otherwise.
 */
function withCompetencyParts(ctx: RunContext, columns: RatingColumns, start: Int32Array, order: Int32Array, base: Review360Scores): Review360Scores {
  const setup = ctx.p.review360 as NonNullable<typeof ctx.p.review360>;
  const competencies = competencyList(setup, columns.competencies.values as string[]);
  if (competencies === undefined) return base;
  const scoreOf = competencyScores(ctx, columns, start, order, competencyOptions(setup));
  // Equal results (shared by the memo) give equal lines: one line per result and competency.
  const known = competencies.map(() => new Map<D.Review360Result, Review360CompetencyLine>());
  const lines = ctx.people.map((_, j) => {
    const lineOf = (competency: string, c: number): Review360CompetencyLine => {
      const result = scoreOf(j, competency);
      const memo = known[c] as Map<D.Review360Result, Review360CompetencyLine>;
      let line = memo.get(result);
      if (line === undefined) {
        line = competencyLine(ctx, j, competency, result.score);
        if (memo.size >= 1 << 16) memo.clear();
        memo.set(result, line);
      }
      return line;
    };
    return withCompetencies(base.lineOf(j) as Review360Line, competencyPart(ctx, j, competencies, lineOf));
  });
  return { lineOf: (j) => lines[j] ?? null, competencies };
}

/**
 * Each person's 360 result of one competency's ratings alone. On the ratings' numbers, as
 * `fastReview`, when every distinct value is one the review accepts (results remembered by the
 * key of their steps); else `aggregate360` over the person's ratings, which words a refusal.
 */
function competencyScores(ctx: RunContext, columns: RatingColumns, start: Int32Array, order: Int32Array, options: D.Aggregate360Options): (j: number, competency: string) => D.Review360Result {
  const indexOf = new Map(columns.competencies.values.map((c, k) => [c as string, k]));
  let rules: D.Review360Rules | undefined;
  try {
    rules = new D.Review360Rules(options);
  } catch {
    rules = undefined;
  }
  const accepted = rules === undefined ? undefined : acceptedValues(columns, rules);
  if (rules === undefined || accepted === undefined) {
    const scores = columns.scores.values.map((value, k) => readDecimal(value, ["ratings", k, "score"]));
    return (j, competency) => {
      const c = indexOf.get(competency) ?? -1;
      const mine: D.Rating360[] = [];
      for (let r = start[j] as number; c >= 0 && r < (start[j + 1] as number); r++) {
        const i = order[r] as number;
        if (columns.competency[i] !== c) continue;
        mine.push({ rater: columns.raters.values[columns.rater[i] as number] as string, group: columns.groups.values[columns.group[i] as number] as string, score: scores[columns.score[i] as number] as Decimal });
      }
      const person = ctx.people[j] as (typeof ctx.people)[number];
      return within(["review360"], `person "${person.id}", 360 competency "${competency}"`, () => D.aggregate360(mine, options));
    };
  }
  const combine = rules;
  const review = new IndexedReview(columns, rules, accepted);
  const results = new Map<string, D.Review360Result>();
  let mine = new Int32Array(16);
  return (j, competency) => {
    const c = indexOf.get(competency) ?? -1;
    const from = start[j] as number;
    const to = start[j + 1] as number;
    if (mine.length < to - from) mine = new Int32Array(to - from);
    let m = 0;
    for (let r = from; c >= 0 && r < to; r++) {
      const i = order[r] as number;
      if (columns.competency[i] === c) mine[m++] = i;
    }
    const { key, parts } = review.partsOf(mine.subarray(0, m));
    let result = results.get(key);
    if (result === undefined) {
      result = combine.combine(parts);
      if (results.size >= 1 << 16) results.clear();
      results.set(key, result);
    }
    return result;
  };
}

/** The 360 stage on `aggregate360` for each person: the reference, and the words for a refused rating. */
function referenceReview(ctx: RunContext, columns: RatingColumns, options: D.Aggregate360Options, start: Int32Array, order: Int32Array): Review360Scores {
  const n = ctx.people.length;
  // Each distinct score read once (the reference reads each rating's score as a Decimal).
  const scores = columns.scores.values.map((value, s) => readDecimal(value, ["ratings", s, "score"]));
  const review = compiledReview(options);
  // Equal results (shared by the aggregator) give equal lines: one frozen line per result.
  const shared = new Map<D.Review360Result, Review360Line>();
  const lines = new Array<Review360Line>(n);
  for (let j = 0; j < n; j++) {
    const from = start[j] as number;
    const to = start[j + 1] as number;
    const mine = new Array<D.Rating360>(to - from);
    for (let r = from; r < to; r++) {
      const i = order[r] as number;
      const competency = columns.competency[i] as number;
      const rating = { rater: columns.raters.values[columns.rater[i] as number] as string, group: columns.groups.values[columns.group[i] as number] as string, score: scores[columns.score[i] as number] as Decimal };
      mine[r - from] = competency < 0 ? rating : { ...rating, competency: columns.competencies.values[competency] as string };
    }
    lines[j] = personLine(ctx, j, mine, review, shared, (local) => order[from + local]);
  }
  return { lineOf: (j) => lines[j] ?? null };
}

/** The distinct values of the ratings as the review reads them: group order, scores, name ranks. */
interface AcceptedValues {
  readonly groupOf: readonly number[];
  readonly scores: readonly Decimal[];
  readonly raterRank: Int32Array;
  readonly competencyRank: Int32Array;
}

/** Ranks in code-unit order: the aggregator sums raters and competencies in name order. */
function ranks(values: readonly (string | number)[]): Int32Array {
  const byName = values.map((_, i) => i).sort((a, b) => ((values[a] as string) < (values[b] as string) ? -1 : (values[a] as string) > (values[b] as string) ? 1 : 0));
  const rank = new Int32Array(values.length);
  byName.forEach((i, k) => (rank[i] = k));
  return rank;
}

/** Each distinct group, rater, competency and score checked once; `undefined` when the review refuses one. */
function acceptedValues(columns: RatingColumns, rules: D.Review360Rules): AcceptedValues | undefined {
  const groupOf = columns.groups.values.map((g) => rules.groupNames.indexOf(g as string));
  if (groupOf.some((g) => g < 0) || columns.raters.values.some((r) => r === "")) return undefined;
  const weighted = rules.competencyWeights;
  const competencyNames = columns.competencies.values as string[];
  if (weighted !== undefined && (competencyNames.some((c) => !weighted.has(c)) || columns.competency.subarray(0, columns.size).includes(-1))) return undefined;
  const scores: Decimal[] = [];
  for (const value of columns.scores.values) {
    try {
      scores.push(rules.score(value, ["score"]));
    } catch {
      return undefined;
    }
  }
  const competencyRank = weighted === undefined ? new Int32Array(competencyNames.length) : ranks(competencyNames);
  return { groupOf, scores, raterRank: ranks(columns.raters.values), competencyRank };
}

/**
 * The 360 stage on the ratings' numbers: when every distinct value is one the review accepts,
 * each person's ratings are put in the aggregator's order — group, rater name, competency name,
 * as given — by their indexes, and `Review360Rules`' three steps are remembered by the indexes
 * that make them, so a person costs a few look-ups instead of a dozen objects. `undefined` when
 * a value is one the review refuses: the reference path then gives the person and the words.
 */
function fastReview(ctx: RunContext, columns: RatingColumns, options: D.Aggregate360Options, start: Int32Array, order: Int32Array): Review360Scores | undefined {
  let rules: D.Review360Rules;
  try {
    rules = new D.Review360Rules(options);
  } catch {
    return undefined;
  }
  const accepted = acceptedValues(columns, rules);
  if (accepted === undefined) return undefined;
  const review = new IndexedReview(columns, rules, accepted);
  const results = new Map<string, { result: D.Review360Result; line: Review360Line }>();
  const lines = new Array<Review360Line>(ctx.people.length);
  for (let j = 0; j < ctx.people.length; j++) {
    const { key, parts } = review.partsOf(order.subarray(start[j] as number, start[j + 1] as number));
    let known = results.get(key);
    if (known === undefined) {
      const result = rules.combine(parts);
      known = { result, line: deepFreeze(lineOf(ctx, j, result)) };
      if (results.size >= 1 << 16) results.clear();
      results.set(key, known);
    }
    lines[j] = known.line;
    if (ctx.tracers !== undefined) traceReview(ctx, j, known.result, known.line);
  }
  return { lineOf: (j) => lines[j] ?? null };
}

/** One person's ratings walked in the aggregator's order into group parts, with the steps remembered. */
class IndexedReview {
  private readonly raterMemo = new Map<string, D.Keyed | null>();
  private readonly raterIds = new Map<D.Keyed, number>();
  private readonly meanMemo = new Map<string, D.Keyed>();
  private readonly mine: number[] = [];
  private readonly sortKey: (i: number) => number;

  constructor(
    private readonly columns: RatingColumns,
    private readonly rules: D.Review360Rules,
    private readonly accepted: AcceptedValues,
  ) {
    const raters = columns.raters.values.length;
    const competencies = Math.max(1, columns.competencies.values.length);
    const weighted = rules.competencyWeights !== undefined;
    const { groupOf, raterRank, competencyRank } = accepted;
    this.sortKey = (i) =>
      ((groupOf[columns.group[i] as number] as number) * raters + (raterRank[columns.rater[i] as number] as number)) * competencies + (weighted ? (competencyRank[columns.competency[i] as number] as number) : 0);
  }

  /** The parts of the person whose ratings are `positions`, and the key of their result. */
  partsOf(positions: Int32Array): { key: string; parts: D.GroupPart[] } {
    const mine = this.mine;
    mine.length = 0;
    for (const i of positions) mine.push(i);
    mine.sort((a, b) => this.sortKey(a) - this.sortKey(b) || a - b);
    const at = { next: 0 };
    let key = "";
    const parts: D.GroupPart[] = [];
    const raterScores: D.Keyed[] = [];
    for (let g = 0; g < this.rules.groupNames.length; g++) {
      raterScores.length = 0;
      while (at.next < mine.length && this.groupAt(at.next) === g) {
        const score = this.raterScore(at, g);
        if (score !== null) raterScores.push(score);
      }
      const reason = this.rules.reasonOf(g, raterScores.length);
      const mean = reason === undefined ? this.mean(raterScores) : null;
      key += `${raterScores.length}:${mean === null ? (reason as string) : mean.text}|`;
      parts.push({ raters: raterScores.length, mean, reason });
    }
    return { key, parts };
  }

  private groupAt(k: number): number {
    return this.accepted.groupOf[this.columns.group[this.mine[k] as number] as number] as number;
  }

  /** The rater at `at.next`: their competencies in name order, each with its scores as given. */
  private raterScore(at: { next: number }, g: number): D.Keyed | null {
    const { columns, mine } = this;
    const weighted = this.rules.competencyWeights !== undefined;
    const rater = columns.rater[mine[at.next] as number] as number;
    const sameRater = (): boolean => at.next < mine.length && columns.rater[mine[at.next] as number] === rater && this.groupAt(at.next) === g;
    let key = "";
    const competencies: string[] = [];
    const lists: Decimal[][] = [];
    while (sameRater()) {
      const c = weighted ? (columns.competency[mine[at.next] as number] as number) : -1;
      key += `;${c}:`;
      competencies.push(c < 0 ? "" : (columns.competencies.values[c] as string));
      const list: Decimal[] = [];
      while (sameRater() && (!weighted || columns.competency[mine[at.next] as number] === c)) {
        const s = columns.score[mine[at.next] as number] as number;
        key += `${s},`;
        list.push(this.accepted.scores[s] as Decimal);
        at.next++;
      }
      lists.push(list);
    }
    let score = this.raterMemo.get(key);
    if (score === undefined) {
      score = this.rules.raterScore(competencies, lists);
      if (this.raterMemo.size >= 1 << 16) {
        // The means are keyed by rater-score ids: they go with them.
        this.raterMemo.clear();
        this.raterIds.clear();
        this.meanMemo.clear();
      }
      this.raterMemo.set(key, score);
    }
    return score;
  }

  private mean(raterScores: readonly D.Keyed[]): D.Keyed {
    let key = "";
    for (const r of raterScores) {
      let id = this.raterIds.get(r);
      if (id === undefined) this.raterIds.set(r, (id = this.raterIds.size));
      key += `${id},`;
    }
    let mean = this.meanMemo.get(key);
    if (mean === undefined) this.meanMemo.set(key, (mean = this.rules.mean(raterScores)));
    return mean;
  }
}

/** The compiled aggregator; faulty options fail on the first person's ratings, as `aggregate360` does. */
function compiledReview(options: D.Aggregate360Options): (ratings: readonly D.Rating360[]) => D.Review360Result {
  try {
    return D.compileAggregate360(options);
  } catch (error) {
    return () => {
      throw error;
    };
  }
}

function readRatings(ctx: RunContext, ratings: Iterable<RatingRow>): RatingColumns {
  const columns = new RatingColumns(16 * ctx.people.length);
  let i = 0;
  // Ratings usually come grouped by person: the last person's position saves a look-up.
  let lastId: string | undefined;
  let lastPerson = -1;
  for (const rating of ratings) {
    if (!isPlainRating(rating)) {
      // The schema names the field at fault.
      parseWith(ratingSchema, rating, "INVALID_DATA", ["ratings", i]);
    }
    const person = rating.person === lastId ? lastPerson : ctx.indexOf.get(rating.person);
    if (person === undefined) {
      const at = ["ratings", i, "person"];
      throw new PayscoreError("INVALID_DATA", `${formatPath(at)}: no person "${rating.person}" in this run`, { path: at });
    }
    if (scaledInteger(rating.score, 6) === undefined) {
      try {
        readDecimal(rating.score, ["ratings", i, "score"]);
      } catch (error) {
        const at = ["ratings", i, "score"];
        throw new PayscoreError("INVALID_DATA", `${formatPath(at)} must be a plain decimal number; got ${describeValue(rating.score)}`, { path: at, cause: error });
      }
    }
    columns.push(person, rating);
    lastId = rating.person;
    lastPerson = person;
    i++;
  }
  return columns;
}

/** Whether a rating has the schema's shape (checked without the schema: a ratings file has millions). */
function isPlainRating(rating: unknown): rating is RatingRow {
  if (typeof rating !== "object" || rating === null) return false;
  const r = rating as Record<string, unknown>;
  let keys = 0;
  for (const key in r) {
    if (key !== "person" && key !== "rater" && key !== "group" && key !== "score" && key !== "competency") return false;
    keys++;
  }
  const score = r["score"];
  return (
    typeof r["person"] === "string" &&
    typeof r["rater"] === "string" &&
    typeof r["group"] === "string" &&
    (typeof score === "string" || (typeof score === "number" && Number.isFinite(score))) &&
    (r["competency"] === undefined ? keys === 4 || (keys === 5 && "competency" in r) : typeof r["competency"] === "string")
  );
}

function personLine(
  ctx: RunContext,
  j: number,
  mine: readonly D.Rating360[],
  review: (ratings: readonly D.Rating360[]) => D.Review360Result,
  shared: Map<D.Review360Result, Review360Line>,
  globalIndex: (local: number) => number | undefined,
): Review360Line {
  const person = ctx.people[j] as (typeof ctx.people)[number];
  let result: D.Review360Result;
  try {
    result = review(mine);
  } catch (error) {
    if (!(error instanceof PayscoreError)) throw error;
    // A fault in one rating points at that rating in data.ratings (the CLI maps it to a file row).
    const [head, local, ...rest] = error.path;
    const global = head === "ratings" && typeof local === "number" ? globalIndex(local) : undefined;
    const at = global === undefined ? ["ratings"] : ["ratings", global, ...rest];
    const code = global === undefined ? error.code : "INVALID_DATA";
    throw new PayscoreError(code, `${formatPath(at)}: person "${person.id}", 360 review: ${error.message}`, { path: at, cause: error });
  }
  const known = shared.get(result);
  const line = known ?? deepFreeze(lineOf(ctx, j, result));
  if (known === undefined) {
    if (shared.size >= 1 << 16) shared.clear();
    shared.set(result, line);
  }
  traceReview(ctx, j, result, line);
  return line;
}

/** A person's 360 line from the aggregate: the points rescaled onto 0–100 and rounded. */
function lineOf(ctx: RunContext, j: number, result: D.Review360Result): Review360Line {
  const person = ctx.people[j] as (typeof ctx.people)[number];
  const scaleRange = ctx.p.review360?.scale;
  const score = result.score;
  const unrounded = score === null ? null : scaleRange === undefined ? score : within(["review360", "scale"], `person "${person.id}", 360 rescale`, () => D.rescale(score, scaleRange, { min: 0, max: 100 }));
  const points = unrounded === null ? null : roundDecimal(unrounded, ctx.places.points, ctx.places.mode);
  return {
    score: score === null ? null : score.toString(),
    points: points === null ? null : points.toString(),
    groups: result.groups.map((g) => ({
      group: g.group,
      raters: g.raters,
      mean: g.mean === null ? null : g.mean.toString(),
      weight: g.weight.toString(),
      included: g.included,
      ...(g.reason === undefined ? {} : { reason: g.reason }),
    })),
  };
}

function traceReview(ctx: RunContext, j: number, result: D.Review360Result, line: Review360Line): void {
  const points = ctx.places.points;
  tracerOf(ctx, j).add(
    "score.review360",
    ctx.p.review360?.scale === undefined
      ? `round(Σ groupWeight × groupMean, ${points}) (groups below minRaters left out, weights rescaled)`
      : `round(rescale(Σ groupWeight × groupMean, scale → 0–100), ${points})`,
    () => Object.fromEntries(result.groups.map((g) => [g.group, g.included && g.mean !== null ? `${g.mean.toString()} × ${g.weight.toString()}` : `excluded (${g.reason ?? "weight 0"})`])),
    line.points ?? "none",
  );
}
