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
  readonly group: Int32Array;
  readonly competency: Int32Array;
  score: Int32Array;
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
 * Calibrates every rating of the run for rater leniency with `calibrate360` (the plan's
 * `review360.calibration`, its scale) and puts the calibrated scores in place of the given ones,
 * so the 360 stage aggregates calibrated scores. Nothing happens without a calibration.
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
  const calibration = setup.calibration;
  if (calibration === undefined) return undefined;
  const scores = ratings.scores.values.slice();
  const list = new Array<{ rater: string; group: string; score: string | number }>(ratings.size);
  for (let i = 0; i < ratings.size; i++) {
    list[i] = {
      rater: ratings.raters.values[ratings.rater[i] as number] as string,
      group: ratings.groups.values[ratings.group[i] as number] as string,
      score: scores[ratings.score[i] as number] as string | number,
    };
  }
  const calibrated = calibrated360(list, setup);
  const next = new Int32Array(ratings.score.length);
  for (let i = 0; i < ratings.size; i++) next[i] = ratings.scores.indexOf((calibrated[i] as { score: Decimal }).score.toString());
  ratings.score = next;
  return appliedCalibration(setup, list);
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
 * The centre, strength and least ratings the calibration applied: the plan's, or the defaults
 * (the centre: the mean of the raters' means, as `calibrate360` takes it).
 *
 * @internal
 * @param setup - the plan's 360 set-up
 * @param list - every rating of the run
 * @returns the calibration applied
 *
 * @example
 * ```ts
 * appliedCalibration(setup, ratings).center; // "4"
 * ```
 */
export function appliedCalibration(setup: Setup, list: readonly { rater: string; group: string; score: string | number | Decimal }[]): AppliedCalibration {
  const c = setup.calibration ?? {};
  const strength = c.strength === undefined ? "1" : readDecimal(c.strength, ["review360", "calibration", "strength"]).toString();
  const center = c.center === undefined ? defaultCenter(list) : readDecimal(c.center, ["review360", "calibration", "center"]);
  return { center: center.toString(), strength, minRatings: c.minRatings ?? 1 };
}

/**
 * The mean of the raters' means (each rater once), calibrate360's default centre, by its own
 * arithmetic: raters in code-unit order of their key, each one's scores summed in ascending order.
 */
function defaultCenter(list: readonly { rater: string; group: string; score: string | number | Decimal }[]): Decimal {
  const byRater = new Map<string, Decimal[]>();
  for (const r of list) {
    const key = JSON.stringify([r.group, r.rater]);
    const own = byRater.get(key);
    const score = new Decimal(String(r.score));
    if (own === undefined) byRater.set(key, [score]);
    else own.push(score);
  }
  const mean = (values: readonly Decimal[]): Decimal => {
    let sum = new Decimal(0);
    for (const v of values) sum = sum.plus(v);
    const m = sum.div(values.length);
    return m.isZero() ? new Decimal(0) : m;
  };
  const keys = [...byRater.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (keys.length === 0) return new Decimal(0);
  return mean(keys.map((key) => mean([...(byRater.get(key) as Decimal[])].sort((a, b) => a.comparedTo(b)))));
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
 * @param ratingsOf - the person's ratings of a competency
 * @returns the lines and the training needs (`undefined` without `trainingNeeds`)
 * @throws {PayscoreError} as `aggregate360` and `rescale`
 *
 * @example
 * ```ts
 * competencyPart(ctx, 0, ["focus"], () => ratings).competencies[0]?.points; // "75"
 * ```
 */
export function competencyPart(
  ctx: RunContext,
  j: number,
  competencies: readonly string[],
  ratingsOf: (competency: string) => readonly D.Rating360[],
): { competencies: Review360CompetencyLine[]; trainingNeeds: string[] | undefined } {
  const setup = ctx.p.review360 as Setup;
  const person = ctx.people[j] as (typeof ctx.people)[number];
  const options = { weights: setup.weights, ...(setup.minRaters === undefined ? {} : { minRaters: setup.minRaters }) };
  const lines = competencies.map((competency): Review360CompetencyLine => {
    const result = within(["review360"], `person "${person.id}", 360 competency "${competency}"`, () => D.aggregate360(ratingsOf(competency), options));
    const score = result.score;
    const scale = setup.scale;
    const unrounded = score === null ? null : scale === undefined ? score : within(["review360", "scale"], `person "${person.id}", 360 rescale`, () => D.rescale(score, scale, { min: 0, max: 100 }));
    const points = unrounded === null ? null : roundDecimal(unrounded, ctx.places.points, ctx.places.mode);
    return { competency, score: score === null ? null : score.toString(), points: points === null ? null : points.toString() };
  });
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
