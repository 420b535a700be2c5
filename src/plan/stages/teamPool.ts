import { Decimal } from "../../numeric/index.js";
import { within } from "../dataCells.js";
import * as D from "../domains.js";
import type { RosterPerson } from "../roster.js";
import type { Plan } from "../schema.js";
import type { PoolReport } from "../types.js";
import { tracerOf, type RunContext } from "./RunContext.js";
import type { Teams } from "./teamStage.js";

type Pool = NonNullable<NonNullable<Plan["pay"]>["pools"]>[number];
type TeamLine = NonNullable<PoolReport["teams"]>[number];

/** A two-level pool's allocation: the members' amounts (as the pool stage reads them) and the teams' first level. */
export interface TeamAllocation {
  /** Each member's amount in minor units, by member index. */
  readonly units: Float64Array;
  readonly capped: Uint8Array;
  readonly allocatedUnits: number;
  readonly unallocated: Decimal;
  /** The first level, teams by name. */
  readonly teams: TeamLine[];
  /** Adds member `i` (position `j`)'s trace step. */
  readonly trace: (j: number, i: number, common: Readonly<Record<string, string>>, allocation: PoolReport["allocations"][number]) => void;
}

/** A two-level pool's members: what the pool stage knows of them. */
export interface TeamPoolMembers {
  /** The members' positions, in id order. */
  readonly members: Int32Array;
  /** Member `i`'s weight (the pool's `weightBy`, times the grade multiplier; ≥ 0). */
  readonly weight: (i: number) => Decimal;
  /** Member `i`'s cap in whole minor units, if any. */
  readonly caps: readonly (Decimal | undefined)[] | undefined;
}

/**
 * The members of a two-level pool: everyone on a team, in id order (people without a team take
 * no part).
 *
 * @internal
 * @param ctx - the run
 * @returns the members' positions
 *
 * @example
 * ```ts
 * teamMembersOf(ctx); // Int32Array [0, 1, 3]: person 2 has no team
 * ```
 */
export function teamMembersOf(ctx: RunContext): Int32Array {
  const members: number[] = [];
  ctx.people.forEach((person, j) => {
    if (person.team !== null) members.push(j);
  });
  return Int32Array.from(members);
}

/**
 * A two-level pool (两级分配) by `allocateTeamPool`: the funded pool goes to the roster's teams
 * (by name) in proportion to their team score (`rollUp`, rounded; negative counts as 0), or team
 * score × headcount (`byTeam.weightBy: "score-headcount"`), then each team's share to its
 * members by their weights under their caps — exact at both levels, in whole minor units.
 *
 * @internal
 * @param ctx - the run
 * @param pool - the plan's pool
 * @param path - the pool's plan path
 * @param funded - the funded amount
 * @param m - the members, their weights and caps
 * @param teams - the team results
 * @returns the allocation
 * @throws {PayscoreError} as `allocateTeamPool`, with the pool's path
 *
 * @example
 * ```ts
 * allocateByTeam(ctx, pool, ["pay", "pools", 0], new Decimal(1000), members, teams).teams; // [{ team: "East", weight: "101.5", amount: "600.00", capped: false }, …]
 * ```
 */
export function allocateByTeam(ctx: RunContext, pool: Pool, path: readonly (string | number)[], funded: Decimal, m: TeamPoolMembers, teams: Teams): TeamAllocation {
  const count = m.members.length;
  const index = new Map<number, number>();
  m.members.forEach((j, i) => index.set(j, i));
  const headcount = pool.byTeam?.weightBy === "score-headcount";
  const names = [...teams.members.keys()];
  const teamWeight = names.map((team) => {
    const score = teams.score.get(team) as Decimal;
    const weight = score.isNegative() ? new Decimal(0) : score;
    return headcount ? weight.times((teams.members.get(team) as readonly number[]).length) : weight;
  });
  const entries = names.map((team, t) => ({
    id: team,
    weight: teamWeight[t] as Decimal,
    members: (teams.members.get(team) as readonly number[]).map((j) => {
      const i = index.get(j) as number;
      const cap = m.caps?.[i];
      return { id: String(i), weight: m.weight(i), ...(cap === undefined ? {} : { cap }) };
    }),
  }));
  const units = new Float64Array(count);
  const capped = new Uint8Array(count);
  const pow = new Decimal(10).pow(ctx.scale);
  let allocated = new Decimal(0);
  let unallocated = funded;
  const lines: TeamLine[] = [];
  const teamOf = new Map<number, { amount: string; totalWeight: Decimal }>();
  const anyWeight = teamWeight.some((w) => !w.isZero());
  if (names.length > 0 && anyWeight && !funded.isZero()) {
    const result = within(path, `pool "${pool.id}"`, () => D.allocateTeamPool(funded, entries, { scale: ctx.scale }));
    unallocated = result.unallocated;
    result.teams.forEach((team, t) => {
      const amount = ctx.cash(team.amount);
      lines.push({ team: team.id, weight: (teamWeight[t] as Decimal).toString(), amount, capped: team.capped });
      let totalWeight = new Decimal(0);
      for (const member of entries[t]?.members ?? []) totalWeight = totalWeight.plus(member.weight);
      const ofTeam = { amount, totalWeight };
      for (const a of team.allocations) {
        const i = Number(a.id);
        units[i] = Number(a.amount.times(pow).toFixed(0));
        capped[i] = a.capped ? 1 : 0;
        allocated = allocated.plus(a.amount);
        teamOf.set(i, ofTeam);
      }
    });
  } else {
    names.forEach((team, t) => lines.push({ team, weight: (teamWeight[t] as Decimal).toString(), amount: ctx.cash(new Decimal(0)), capped: false }));
  }
  const weightOfTeam = new Map(names.map((team, t) => [team, teamWeight[t] as Decimal]));
  let totalTeamWeight = new Decimal(0);
  for (const w of teamWeight) totalTeamWeight = totalTeamWeight.plus(w);
  const trace = (j: number, i: number, common: Readonly<Record<string, string>>, allocation: PoolReport["allocations"][number]): void => {
    const person = ctx.people[j] as RosterPerson;
    const team = teamOf.get(i);
    const cap = m.caps?.[i];
    tracerOf(ctx, j).add(
      `pay.pool.${pool.id}`,
      "allocateTeamPool(funded, teams, members): funded × teamWeight / ΣteamWeight to each team, then the team's amount × weight / Σweight of its members, capped, in steps of the minor unit",
      () => ({
        ...common,
        team: person.team ?? "",
        teamWeight: (weightOfTeam.get(person.team ?? "") ?? new Decimal(0)).toString(),
        totalTeamWeight: totalTeamWeight.toString(),
        teamAmount: team?.amount ?? ctx.cash(new Decimal(0)),
        weight: m.weight(i).toString(),
        totalWeight: (team?.totalWeight ?? new Decimal(0)).toString(),
        ...(cap === undefined ? {} : { cap: cap.toString() }),
        capped: String(allocation.capped),
      }),
      allocation.amount,
    );
  };
  return { units, capped, allocatedUnits: Number(allocated.times(pow).toFixed(0)), unallocated, teams: lines, trace };
}
