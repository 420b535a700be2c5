import { PayscoreError, formatPath } from "../../errors/index.js";
import { Decimal, roundDecimal } from "../../numeric/index.js";
import { readCell, within } from "../dataCells.js";
import * as D from "../domains.js";
import type { RosterPerson } from "../roster.js";
import type { Plan } from "../schema.js";
import type { TeamResult } from "../types.js";
import type { RunContext } from "./RunContext.js";
import { cellText } from "./cellText.js";

/** Stage 7b's result: each roster team's members and score. */
export interface Teams {
  /** The teams by name (code units), with their scores as the run lists them. */
  readonly results: readonly TeamResult[];
  /** Each team's members' positions, in id order, by team name. */
  readonly members: ReadonlyMap<string, readonly number[]>;
  /** Each team's rounded score, by team name. */
  readonly score: ReadonlyMap<string, Decimal>;
}

/**
 * Whether a plan asks for team results: `teamScores`, or a two-level (`byTeam`) pool.
 *
 * @internal
 * @param p - the plan
 * @returns whether the run lists its teams
 *
 * @example
 * ```ts
 * wantsTeams(parsePlan({ ...plan, teamScores: {} })); // true
 * ```
 */
export function wantsTeams(p: Plan): boolean {
  return p.teamScores !== undefined || (p.pay?.pools ?? []).some((pool) => pool.byTeam !== undefined);
}

/**
 * The teams of a roster: every distinct `team` (people without one are in none), by name in
 * code-unit order, each with its members' positions in roster (id) order.
 *
 * @internal
 * @param people - the roster
 * @returns members by team name, the names in order
 *
 * @example
 * ```ts
 * teamsOf(people).get("East"); // [0, 2]
 * ```
 */
export function teamsOf(people: readonly RosterPerson[]): Map<string, number[]> {
  const byTeam = new Map<string, number[]>();
  people.forEach((person, j) => {
    if (person.team === null) return;
    const list = byTeam.get(person.team);
    if (list === undefined) byTeam.set(person.team, [j]);
    else list.push(j);
  });
  const names = [...byTeam.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(names.map((name) => [name, byTeam.get(name) as number[]]));
}

/**
 * A person's weight in a team score, as `teamScores.by` says: their target of `teamScores.kpi`,
 * or their cell of `teamScores.weightColumn` (`undefined` for equal weights).
 *
 * @internal
 * @param p - the plan
 * @param person - the person
 * @param target - the person's target of that KPI as stage 2 read it (for `by: "target"`)
 * @returns the weight, or `undefined`
 * @throws {PayscoreError} `INVALID_DATA` for a missing target or an empty weight cell
 *
 * @example
 * ```ts
 * teamWeightOf(plan, person, "120000"); // "120000" with by "target"
 * ```
 */
export function teamWeightOf(p: Plan, person: RosterPerson, target: unknown): string | undefined {
  const setup = p.teamScores;
  const by = setup?.by ?? "equal";
  if (by === "equal") return undefined;
  if (by === "target") {
    const text = cellText(target);
    if (text === null) {
      const path = ["rows", person.rowIndex];
      throw new PayscoreError("INVALID_DATA", `${formatPath(path)}: person "${person.id}" has no target of KPI "${setup?.kpi ?? ""}", which teamScores weighs members by`, { path });
    }
    return text;
  }
  const column = setup?.weightColumn as string;
  const value = readCell(person.row, person.rowIndex, column);
  if (value === null) {
    const path = ["rows", person.rowIndex, column];
    throw new PayscoreError("INVALID_DATA", `${formatPath(path)} is empty; teamScores weighs members by it`, { path });
  }
  return value.toString();
}

/**
 * Stage 7b, team results (global per team): each roster team's score by `rollUp` of its members'
 * composite scores — equal, by a KPI's target or by a data column (`teamScores`) — rounded to
 * `rounding.score` in the plan's mode; `undefined` when the plan asks for no team results.
 *
 * @internal
 * @param ctx - the run
 * @param scores - each person's composite score
 * @param targets - per KPI, each person's target (stage 2)
 * @returns the teams, or `undefined`
 * @throws {PayscoreError} as `rollUp`, and as {@link teamWeightOf}
 *
 * @example
 * ```ts
 * teamStage(ctx, scores, inputs.target)?.results[0]; // { team: "East", people: 2, score: "101.5" }
 * ```
 */
export function teamStage(ctx: RunContext, scores: readonly string[], targets: readonly unknown[][]): Teams | undefined {
  const p = ctx.p;
  if (!wantsTeams(p)) return undefined;
  const by = p.teamScores?.by ?? "equal";
  const k = by === "target" ? p.kpis.findIndex((kpi) => kpi.id === p.teamScores?.kpi) : -1;
  const members = teamsOf(ctx.people);
  const results: TeamResult[] = [];
  const score = new Map<string, Decimal>();
  for (const [team, list] of members) {
    const entries = list.map((j) => {
      const person = ctx.people[j] as RosterPerson;
      const weight = teamWeightOf(p, person, k < 0 ? null : (targets[k] as unknown[])[j]);
      return { id: person.id, score: scores[j] as string, ...(weight === undefined ? {} : by === "target" ? { target: weight } : { weight }) };
    });
    const rolled = within(["teamScores"], `team "${team}", team score`, () => D.rollUp(entries, { by }));
    const rounded = roundDecimal(rolled.score, ctx.places.score, ctx.places.mode);
    const plain = rounded.isZero() ? new Decimal(0) : rounded;
    score.set(team, plain);
    results.push({ team, people: list.length, score: plain.toString() });
  }
  return { results, members, score };
}
