import { PayscoreError, formatPath } from "../../errors/index.js";
import { Decimal, scaledInteger } from "../../numeric/index.js";
import { within } from "../dataCells.js";
import * as D from "../domains.js";
import type { Statement } from "../types.js";
import { tracerOf, type RunContext } from "./RunContext.js";

type Grade = NonNullable<Statement["grade"]>;

/** Stage 6's result: each person's rank and grade. */
export interface Grades {
  readonly rank: Int32Array;
  /** Person `j`'s grade (`null` without grading); people with the same grade share one frozen object. */
  readonly gradeOf: (j: number) => Grade | null;
}

/**
 * Stage 6, rank and grade (global: needs every score): standard competition ranks by score,
 * best first (1, 2, 2, 4); grades by score bands, or by forced distribution over the ranks
 * (the 20/70/10 curve, ties sharing a grade or not), then the plan's calibration overrides.
 * Ranking runs on the scores as exact integers of `10^-rounding.score`.
 *
 * @internal
 * @param ctx - the run
 * @param scores - stage 5's scores
 * @returns ranks and grades
 * @throws {PayscoreError} `INVALID_PLAN` for an override naming no one in the run; as
 *   `forcedDistribution`, `gradeByScore` and `applyOverrides`
 *
 * @example
 * ```ts
 * gradeStage(ctx, ["90", "80"]).rank; // Int32Array [1, 2]
 * ```
 */
export function gradeStage(ctx: RunContext, scores: readonly string[]): Grades {
  const grading = ctx.p.grading;
  const n = scores.length;
  const units = scoreUnits(scores, ctx.places.score);
  const quotas = grading?.method === "forced" ? grading.quotas : [{ grade: "-", share: 1 }];
  const ties = grading?.method === "forced" ? (grading.ties ?? "share-grade") : "share-grade";
  let ranked: { rank: Int32Array; grade: Int32Array };
  try {
    ranked = units === undefined ? decimalRanks(scores, quotas, ties) : D.forcedDistributionColumns(units, quotas, { ties });
  } catch (error) {
    // The reference's words for a fault in the quotas.
    within(["grading", "quotas"], "forced distribution", () => D.forcedDistribution(scores.map((score, j) => ({ id: String(j), score })), quotas, { ties }));
    throw error;
  }
  const rank = ranked.rank;
  if (grading === undefined) return { rank, gradeOf: () => null };
  // Issue 21: forced distribution within each team or role (ranks stay over everyone).
  const per = grading.method === "forced" ? (grading.per ?? "all") : "all";
  if (per !== "all") ranked = { rank, grade: gradesPerGroup(ctx, scores, units, quotas, ties, per) };
  const names = grading.method === "bands" ? grading.bands.map((b) => b.grade) : grading.quotas.map((q) => q.grade);
  let index = ranked.grade;
  if (grading.method === "bands") {
    index = new Int32Array(n);
    const byScore = new Map<string, number>();
    for (let j = 0; j < n; j++) {
      const score = scores[j] as string;
      let g = byScore.get(score);
      if (g === undefined) {
        const person = ctx.people[j] as (typeof ctx.people)[number];
        const name = within(["grading", "bands"], `person "${person.id}", grade`, () => D.gradeByScore(score, grading.bands));
        g = names.indexOf(name);
        byScore.set(score, g);
      }
      index[j] = g;
    }
  }
  const shared = names.map((g): Grade => Object.freeze({ initial: g, final: g, reason: null }));
  const calibrated = applyCalibration(ctx, index, names);
  const gradeOf = (j: number): Grade => calibrated.get(j) ?? (shared[index[j] as number] as Grade);
  if (ctx.tracers !== undefined) {
    for (let j = 0; j < n; j++) {
      const grade = gradeOf(j);
      const reason = grade.reason;
      tracerOf(ctx, j).add(
        "grade",
        grading.method === "bands" ? "the band with the greatest min ≤ score" : "forced distribution by rank",
        () => ({ score: scores[j] as string, rank: String(rank[j]), ...(per === "all" ? {} : { gradingGroup: gradingGroupOf(ctx.people[j] as (typeof ctx.people)[number], per) }), ...(reason === null ? {} : calibrationInputs(grade)) }),
        grade.final,
      );
    }
  }
  return { rank, gradeOf };
}

/**
 * The group a person is graded in when forced distribution is per team or role: the team's or
 * role's name, `""` for people without one (who form one group).
 *
 * @internal
 * @param person - the person
 * @param per - `"team"` or `"role"`
 * @returns the group's name
 *
 * @example
 * ```ts
 * gradingGroupOf(person, "team"); // "East"
 * ```
 */
export function gradingGroupOf(person: { readonly team: string | null; readonly role: string | null }, per: "team" | "role"): string {
  return (per === "team" ? person.team : person.role) ?? "";
}

/** Forced grades within each group (team or role), each group on its own quotas. */
function gradesPerGroup(
  ctx: RunContext,
  scores: readonly string[],
  units: Float64Array | undefined,
  quotas: readonly { grade: string; share: string | number }[],
  ties: "share-grade" | "by-order",
  per: "team" | "role",
): Int32Array {
  const groups = new Map<string, number[]>();
  ctx.people.forEach((person, j) => {
    const key = gradingGroupOf(person, per);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [j]);
    else list.push(j);
  });
  const grade = new Int32Array(scores.length);
  for (const members of groups.values()) {
    const sub = units === undefined ? undefined : Float64Array.from(members, (j) => units[j] as number);
    const ranked = sub === undefined ? decimalRanks(members.map((j) => scores[j] as string), quotas, ties) : D.forcedDistributionColumns(sub, quotas, { ties });
    members.forEach((j, i) => (grade[j] = ranked.grade[i] as number));
  }
  return grade;
}

/** The scores as safe integers of `10^-scale`, or `undefined` when one is not. */
function scoreUnits(scores: readonly string[], scale: number): Float64Array | undefined {
  const units = new Float64Array(scores.length);
  for (let j = 0; j < scores.length; j++) {
    const u = scaledInteger(scores[j], scale);
    if (u === undefined) return undefined;
    units[j] = u;
  }
  return units;
}

/** Ranks and forced grades of scores too large for integers, by the Decimal reference. */
function decimalRanks(scores: readonly string[], quotas: readonly { grade: string; share: string | number }[], ties: "share-grade" | "by-order"): { rank: Int32Array; grade: Int32Array } {
  const order = scores.map((score, j) => ({ j, score: new Decimal(score) })).sort((a, b) => b.score.comparedTo(a.score) || a.j - b.j);
  const rank = new Int32Array(scores.length);
  order.forEach((entry, i) => {
    const previous = order[i - 1];
    rank[entry.j] = previous !== undefined && previous.score.eq(entry.score) ? (rank[previous.j] as number) : i + 1;
  });
  const grade = new Int32Array(scores.length);
  const names = quotas.map((q) => q.grade);
  if (scores.length > 0) {
    for (const a of D.forcedDistribution(scores.map((score, j) => ({ id: String(j), score })), quotas, { ties })) grade[Number(a.id)] = names.indexOf(a.grade);
  }
  return { rank, grade };
}

/** The plan's calibration overrides: the people whose grade changed, with their reasons. */
function applyCalibration(ctx: RunContext, index: Int32Array, names: readonly string[]): Map<number, NonNullable<Statement["grade"]>> {
  const grading = ctx.p.grading;
  const overrides = grading?.overrides ?? [];
  const result = new Map<number, NonNullable<Statement["grade"]>>();
  if (overrides.length === 0) return result;
  const decisions = new Map<string, (typeof overrides)[number]>();
  overrides.forEach((o, i) => {
    if (!ctx.indexOf.has(o.person)) {
      const at = ["grading", "overrides", i, "person"];
      throw new PayscoreError("INVALID_PLAN", `${formatPath(at)}: no person "${o.person}" in this run`, { path: at });
    }
    decisions.set(o.person, o);
  });
  const assignments = ctx.people.map((person, j) => ({ id: person.id, grade: names[index[j] as number] as string }));
  const calibrated = within(["grading", "overrides"], "calibration", () =>
    D.applyOverrides(
      assignments,
      overrides.map((o) => ({ id: o.person, grade: o.grade, reason: o.reason, by: o.by, ...(o.at === undefined ? {} : { at: o.at }) })),
      { grades: names },
    ),
  );
  for (const a of calibrated.assignments) {
    const j = ctx.indexOf.get(a.id) as number;
    const initial = names[index[j] as number] as string;
    const decision = decisions.get(a.id);
    if (decision !== undefined) result.set(j, calibratedGrade(initial, a.grade, decision));
    else if (a.grade !== initial) result.set(j, { initial, final: a.grade, reason: null });
  }
  return result;
}

/**
 * A calibrated grade as the statement keeps it (issue 18, the audit record): both grades, and the
 * override's `reason`, `by` and `at` (`null` when the plan does not say when).
 *
 * @internal
 * @param initial - the grade before calibration
 * @param final - the grade after it
 * @param decision - the plan's override
 * @returns the statement's grade
 *
 * @example
 * ```ts
 * calibratedGrade("C", "B", { reason: "moved territory", by: "committee", at: "2026-04-03" });
 * // { initial: "C", final: "B", reason: "moved territory", by: "committee", at: "2026-04-03" }
 * ```
 */
export function calibratedGrade(initial: string, final: string, decision: { readonly reason: string; readonly by: string; readonly at?: string | undefined }): Grade {
  return { initial, final, reason: decision.reason, by: decision.by, at: decision.at ?? null };
}

/**
 * The grade step's trace inputs for a calibrated grade: where it came from, why, who and when.
 *
 * @internal
 * @param grade - the calibrated grade
 * @returns `calibratedFrom`, `reason`, `by` and (when known) `at`
 *
 * @example
 * ```ts
 * calibrationInputs({ initial: "C", final: "B", reason: "moved", by: "committee", at: null });
 * // { calibratedFrom: "C", reason: "moved", by: "committee" }
 * ```
 */
export function calibrationInputs(grade: Grade): Record<string, string> {
  return {
    calibratedFrom: grade.initial,
    reason: grade.reason ?? "",
    ...(grade.by === undefined ? {} : { by: grade.by }),
    ...(grade.at === undefined || grade.at === null ? {} : { at: grade.at }),
  };
}
