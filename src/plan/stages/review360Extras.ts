import { PayscoreError } from "../../errors/index.js";
import { Decimal, readDecimal, roundDecimal } from "../../numeric/index.js";
import { within } from "../dataCells.js";
import * as D from "../domains.js";
import { calibrationOptions } from "../planChecks.js";
import type { Plan } from "../schema.js";
import type { Review360CompetencyLine, Review360Line } from "../types.js";
import { tracerOf, type RunContext } from "./RunContext.js";

type Setup = NonNullable<Plan["review360"]>;

/** The ratings as the 360 stage stores them: indexes into tables of distinct values (see review360Stage). */
export interface StoredRatings {
  readonly size: number;
  readonly person: Int32Array;
  readonly rater: Int32Array;
  /** Small tables (groups, competencies, scores) are indexed by bytes until one passes 127 values. */
  readonly group: Int32Array | Int8Array;
  readonly competency: Int32Array | Int8Array;
  score: Int32Array | Int8Array;
  readonly raters: { readonly values: readonly (string | number)[] };
  readonly groups: { readonly values: readonly (string | number)[] };
  readonly competencies: { readonly values: readonly (string | number)[] };
  readonly scores: { readonly values: (string | number)[]; indexOf(value: string | number): number };
}

/** The calibration as it was applied, for the trace. */
export interface AppliedCalibration {
  readonly center: string;
  readonly strength: string;
  readonly minRatings: number;
}

/**
 * Calibrates every rating of the run for rater leniency with `calibrate360`'s rule (the plan's
 * `review360.calibration`, its scale) and puts the calibrated scores in place of the given ones,
 * so the 360 stage aggregates calibrated scores. Nothing happens without a calibration.
 *
 * Worked on the stored columns, not on one object per rating (twelve million ratings stay a few
 * typed arrays): `calibrate360` checks each distinct value once, then its arithmetic runs once
 * per rater (mean, adjustment) and once per distinct (rater, score) — the same results, which a
 * property test and the engine's oracle check. A value `calibrate360` refuses goes through it
 * with every rating, so the error is its own, at the rating's path.
 *
 * @internal
 * @param setup - the plan's 360 set-up
 * @param ratings - the stored ratings, changed in place
 * @returns the centre and strength applied, or `undefined` without a calibration
 * @throws {PayscoreError} `INVALID_DATA` for a score outside the scale (path `["ratings", i, "score"]`)
 *
 * @example
 * ```ts
 * calibrateStoredRatings(plan.review360, columns)?.center; // e.g. "3.5"
 * ```
 */
export function calibrateStoredRatings(setup: Setup, ratings: StoredRatings): AppliedCalibration | undefined {
  if (setup.calibration === undefined) return undefined;
  const raw = checkedScores(setup, ratings) ?? refusedRating(setup, ratings);
  // Each rater (a group and rater pair, as calibrate360 keys them) numbered densely.
  const raterCount = ratings.raters.values.length;
  const raterOf = new Int32Array(ratings.size);
  const pairs: number[] = [];
  const span = raterCount * ratings.groups.values.length;
  // A table by pair when it is small enough (the usual few groups), else a map.
  const table = span <= 1 << 24 ? new Int32Array(span).fill(-1) : undefined;
  const ids = new Map<number, number>();
  for (let i = 0; i < ratings.size; i++) {
    const pair = (ratings.group[i] as number) * raterCount + (ratings.rater[i] as number);
    let id = table === undefined ? (ids.get(pair) ?? -1) : (table[pair] as number);
    if (id < 0) {
      id = pairs.length;
      if (table === undefined) ids.set(pair, id);
      else table[pair] = id;
      pairs.push(pair);
    }
    raterOf[i] = id;
  }
  const counts = new Float64Array(pairs.length);
  for (let i = 0; i < ratings.size; i++) counts[raterOf[i] as number] = (counts[raterOf[i] as number] as number) + 1;
  const means = raterMeans(ratings, raw, raterOf, counts);
  const c = setup.calibration ?? {};
  const center = c.center === undefined ? centerOfMeans(ratings, pairs, means) : readDecimal(c.center, ["review360", "calibration", "center"]);
  const strength = c.strength === undefined ? new Decimal(1) : readDecimal(c.strength, ["review360", "calibration", "strength"]);
  const minRatings = c.minRatings ?? 1;
  const adjustments = means.map((mean, id) => ((counts[id] as number) < minRatings ? new Decimal(0) : plain(strength.times(center.minus(mean)))));
  const scale = setup.scale === undefined ? undefined : { min: readDecimal(setup.scale.min, ["review360", "scale", "min"]), max: readDecimal(setup.scale.max, ["review360", "scale", "max"]) };
  // One calibrated score per distinct (rater, score): a rater gives few distinct scores.
  const distinct = raw.length;
  const calibratedIndex = new Map<number, number>();
  const next = new Int32Array(ratings.score.length);
  for (let i = 0; i < ratings.size; i++) {
    const id = raterOf[i] as number;
    const s = ratings.score[i] as number;
    const key = id * distinct + s;
    let index = calibratedIndex.get(key);
    if (index === undefined) {
      let score = plain((raw[s] as Decimal).plus(adjustments[id] as Decimal));
      if (scale !== undefined) score = Decimal.min(Decimal.max(score, scale.min), scale.max);
      index = ratings.scores.indexOf(score.toString());
      calibratedIndex.set(key, index);
    }
    next[i] = index;
  }
  ratings.score = next;
  return { center: center.toString(), strength: strength.toString(), minRatings };
}

/**
 * Each distinct score as `calibrate360` reads it, every distinct rater and group once through
 * it too (so it has checked each value the run holds); `undefined` when it refuses one.
 */
function checkedScores(setup: Setup, ratings: StoredRatings): Decimal[] | undefined {
  const rater = ratings.raters.values[0];
  const group = ratings.groups.values[0];
  const score = ratings.scores.values[0];
  if (rater === undefined || group === undefined || score === undefined) return [];
  const probe = [
    ...ratings.scores.values.map((s) => ({ rater: rater as string, group: group as string, score: s })),
    ...ratings.raters.values.map((r) => ({ rater: r as string, group: group as string, score })),
    ...ratings.groups.values.map((g) => ({ rater: rater as string, group: g as string, score })),
  ];
  try {
    const read = D.calibrate360(probe, calibrationOptions(setup));
    return read.slice(0, ratings.scores.values.length).map((r) => r.rawScore);
  } catch {
    return undefined;
  }
}

/**
 * `calibrate360`'s default centre, the mean of the raters' means, in its order: raters by the
 * code units of their `[group, rater]` JSON key.
 */
function centerOfMeans(ratings: StoredRatings, pairs: readonly number[], means: readonly Decimal[]): Decimal {
  if (pairs.length === 0) return new Decimal(0);
  const raterCount = ratings.raters.values.length;
  const keyOf = (pair: number): string => JSON.stringify([ratings.groups.values[Math.floor(pair / raterCount)], ratings.raters.values[pair % raterCount]]);
  const order = pairs.map((pair, id) => ({ key: keyOf(pair), id })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let sum = new Decimal(0);
  for (const { id } of order) sum = sum.plus(means[id] as Decimal);
  return plain(sum.div(order.length));
}

/** `-0` as `0`, as calibrate360 gives its results. */
function plain(x: Decimal): Decimal {
  return x.isZero() && x.isNegative() ? new Decimal(0) : x;
}

/**
 * Each rater's mean, as `calibrate360` takes it: the sum of their scores in ascending order over
 * their count. The sums are worked as whole steps of the scores' finest decimal in doubles when
 * Σ|steps| is a safe integer (every partial sum is then exact, so the order cannot matter), else
 * by Decimal in `calibrate360`'s own order.
 */
function raterMeans(ratings: StoredRatings, raw: readonly Decimal[], raterOf: Int32Array, counts: Float64Array): Decimal[] {
  const places = Math.max(0, ...raw.map((d) => d.decimalPlaces()));
  const steps = places > 15 ? [] : raw.map((d) => d.times(10 ** places).toNumber());
  let total = 0;
  if (places <= 15) for (let i = 0; i < ratings.size; i++) total += Math.abs(steps[ratings.score[i] as number] as number);
  const means = new Array<Decimal>(counts.length);
  if (places <= 15 && Number.isSafeInteger(total)) {
    const sums = new Float64Array(counts.length);
    for (let i = 0; i < ratings.size; i++) {
      const id = raterOf[i] as number;
      sums[id] = (sums[id] as number) + (steps[ratings.score[i] as number] as number);
    }
    for (let id = 0; id < counts.length; id++) means[id] = plain(new Decimal(sums[id] as number).div(10 ** places).div(counts[id] as number));
    return means;
  }
  const scoresOf = Array.from({ length: counts.length }, (): Decimal[] => []);
  for (let i = 0; i < ratings.size; i++) (scoresOf[raterOf[i] as number] as Decimal[]).push(raw[ratings.score[i] as number] as Decimal);
  for (let id = 0; id < counts.length; id++) {
    let sum = new Decimal(0);
    for (const score of (scoresOf[id] as Decimal[]).sort((a, b) => a.comparedTo(b))) sum = sum.plus(score);
    means[id] = plain(sum.div(counts[id] as number));
  }
  return means;
}

/** Every rating through `calibrate360`, for a value it refused: it throws at the rating's path. */
function refusedRating(setup: Setup, ratings: StoredRatings): never {
  const list = new Array<{ rater: string; group: string; score: string | number }>(ratings.size);
  for (let i = 0; i < ratings.size; i++) {
    list[i] = {
      rater: ratings.raters.values[ratings.rater[i] as number] as string,
      group: ratings.groups.values[ratings.group[i] as number] as string,
      score: ratings.scores.values[ratings.score[i] as number] as string | number,
    };
  }
  calibrated360(list, setup);
  throw new PayscoreError("INTERNAL_ERROR", "calibrate360 refused a distinct rating value and then accepted every rating", { path: ["ratings"] });
}

/**
 * `calibrate360` over the run's ratings with the plan's options, a rating's fault as a data fault.
 *
 * @internal
 * @param list - every rating of the run, in the order given
 * @param setup - the plan's 360 set-up
 * @returns the calibrated ratings
 * @throws {PayscoreError} `INVALID_DATA` for a rating calibrate360 refuses
 *
 * @example
 * ```ts
 * calibrated360([{ rater: "a", group: "peer", score: 5 }, { rater: "b", group: "peer", score: 3 }], setup).map((r) => r.score.toString()); // ["4", "4"]
 * ```
 */
export function calibrated360<T extends D.Rating360>(list: readonly T[], setup: Setup): { score: Decimal }[] {
  try {
    return D.calibrate360(list, calibrationOptions(setup));
  } catch (error) {
    if (error instanceof PayscoreError && error.path[0] === "ratings") throw new PayscoreError("INVALID_DATA", `${error.message} (360 calibration)`, { path: error.path, cause: error });
    throw error;
  }
}

/**
 * The competencies of the run's per-competency lines: the plan's `competencyWeights` in its
 * order, else every competency the ratings name, by name (code units); `undefined` when the plan
 * asks for none (`byCompetency` and `trainingNeeds` unset).
 *
 * @internal
 * @param setup - the plan's 360 set-up
 * @param named - the competencies the ratings name
 * @returns the competencies, or `undefined`
 *
 * @example
 * ```ts
 * competencyList({ weights: { peer: 1 }, byCompetency: true }, ["teamwork", "focus"]); // ["focus", "teamwork"]
 * ```
 */
export function competencyList(setup: Setup, named: readonly string[]): readonly string[] | undefined {
  if (setup.byCompetency !== true && setup.trainingNeeds === undefined) return undefined;
  if (setup.competencyWeights !== undefined) return Object.keys(setup.competencyWeights);
  return [...new Set(named)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The options of a competency's own 360 score: the plan's group weights and minRaters (the
 * competency weights and the scale do not apply to one competency's ratings).
 *
 * @internal
 * @param setup - the plan's 360 set-up
 * @returns the `aggregate360` options
 *
 * @example
 * ```ts
 * competencyOptions({ weights: { peer: 1 }, scale: { min: 1, max: 5 } }); // { weights: { peer: 1 } }
 * ```
 */
export function competencyOptions(setup: Setup): D.Aggregate360Options {
  return { weights: setup.weights, ...(setup.minRaters === undefined ? {} : { minRaters: setup.minRaters }) };
}

/**
 * A person's line of one competency from its 360 score (`aggregate360` of that competency's
 * ratings alone, `null` when no group counts): rescaled onto 0–100 with the plan's scale and
 * rounded to `rounding.points`.
 *
 * @internal
 * @param ctx - the run
 * @param j - the person's position
 * @param competency - the competency
 * @param score - its score on the rating scale, or `null`
 * @returns the line
 * @throws {PayscoreError} as `rescale`, in the person's words
 *
 * @example
 * ```ts
 * competencyLine(ctx, 0, "focus", new Decimal(4)).points; // "75" on a 1–5 scale
 * ```
 */
export function competencyLine(ctx: RunContext, j: number, competency: string, score: Decimal | null): Review360CompetencyLine {
  const scale = (ctx.p.review360 as Setup).scale;
  const person = ctx.people[j] as (typeof ctx.people)[number];
  const unrounded = score === null ? null : scale === undefined ? score : within(["review360", "scale"], `person "${person.id}", 360 rescale`, () => D.rescale(score, scale, { min: 0, max: 100 }));
  const points = unrounded === null ? null : roundDecimal(unrounded, ctx.places.points, ctx.places.mode);
  return { competency, score: score === null ? null : score.toString(), points: points === null ? null : points.toString() };
}

/**
 * One person's per-competency 360 lines and training needs: each competency's ratings alone,
 * aggregated by group (`aggregate360` with the plan's weights and minRaters), rescaled onto
 * 0–100 with the plan's scale and rounded to `rounding.points`; then the training needs
 * (培训需求) — the competencies whose points are below `trainingNeeds.below`, or the
 * `weakest` N (of those below, with both), weakest first, ties in competency order.
 *
 * @internal
 * @param ctx - the run
 * @param j - the person's position
 * @param competencies - the run's competencies
 * @param lineOf - the person's line of a competency, by name and position in `competencies` (see {@link competencyLine})
 * @returns the lines and the training needs (`undefined` without `trainingNeeds`)
 *
 * @example
 * ```ts
 * competencyPart(ctx, 0, ["focus"], (c) => competencyLine(ctx, 0, c, new Decimal(4))).competencies[0]?.points; // "75" on a 1–5 scale
 * ```
 */
export function competencyPart(
  ctx: RunContext,
  j: number,
  competencies: readonly string[],
  lineOf: (competency: string, index: number) => Review360CompetencyLine,
): { competencies: Review360CompetencyLine[]; trainingNeeds: string[] | undefined } {
  const setup = ctx.p.review360 as Setup;
  const lines = competencies.map(lineOf);
  const needs = setup.trainingNeeds;
  let trainingNeeds: string[] | undefined;
  if (needs !== undefined) {
    const below = needs.below === undefined ? undefined : readDecimal(needs.below, ["review360", "trainingNeeds", "below"]);
    const candidates = lines
      .map((line, i) => ({ line, i, points: line.points === null ? null : new Decimal(line.points) }))
      .filter((c): c is { line: Review360CompetencyLine; i: number; points: Decimal } => c.points !== null && (below === undefined || c.points.lt(below)))
      .sort((a, b) => a.points.comparedTo(b.points) || a.i - b.i);
    trainingNeeds = candidates.slice(0, needs.weakest ?? candidates.length).map((c) => c.line.competency);
  }
  const tracer = tracerOf(ctx, j);
  if (tracer.enabled) {
    tracer.add(
      "review360.competencies",
      `per competency: round(rescale(Σ groupWeight × groupMean of its ratings), ${ctx.places.points})`,
      () => Object.fromEntries(lines.map((line) => [line.competency, line.points ?? "none"])),
      lines.map((line) => `${line.competency} ${line.points ?? "none"}`).join(", "),
    );
    if (trainingNeeds !== undefined) {
      const below = needs?.below;
      const weakest = needs?.weakest;
      tracer.add(
        "review360.trainingNeeds",
        below !== undefined && weakest !== undefined ? "the weakest competencies below the threshold" : below !== undefined ? "competencies below the threshold" : "the weakest competencies",
        () => ({ ...(below === undefined ? {} : { below: readDecimal(below, ["review360", "trainingNeeds", "below"]).toString() }), ...(weakest === undefined ? {} : { weakest: String(weakest) }) }),
        trainingNeeds.length === 0 ? "none" : trainingNeeds.join(", "),
      );
    }
  }
  return { competencies: lines, trainingNeeds };
}

/**
 * A 360 line with the person's competency part added (a new object: lines may be shared).
 *
 * @internal
 * @param line - the person's 360 line
 * @param part - the competency part
 * @returns the line with `competencies` (and `trainingNeeds`)
 *
 * @example
 * ```ts
 * withCompetencies(line, { competencies: [], trainingNeeds: undefined }).competencies; // []
 * ```
 */
export function withCompetencies(line: Review360Line, part: { competencies: Review360CompetencyLine[]; trainingNeeds: string[] | undefined }): Review360Line {
  return { ...line, competencies: part.competencies, ...(part.trainingNeeds === undefined ? {} : { trainingNeeds: part.trainingNeeds }) };
}

/**
 * The calibration's trace step of person `j`.
 *
 * @internal
 * @param ctx - the run
 * @param j - the person's position
 * @param applied - the calibration applied
 *
 * @example
 * ```ts
 * traceCalibration(ctx, 0, { center: "4", strength: "1", minRatings: 1 });
 * ```
 */
export function traceCalibration(ctx: RunContext, j: number, applied: AppliedCalibration): void {
  tracerOf(ctx, j).add(
    "review360.calibration",
    "each rater's scores + strength × (center − that rater's mean over the run), clamped to the scale",
    () => ({ center: applied.center, strength: applied.strength, minRatings: String(applied.minRatings) }),
    applied.center,
  );
}
