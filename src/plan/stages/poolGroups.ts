import { scaledInteger } from "../../numeric/index.js";
import * as D from "../domains.js";
import type { RosterPerson } from "../roster.js";
import type { PoolReport } from "../types.js";
import type { RunContext } from "./RunContext.js";
import { gradingGroupOf } from "./gradeStage.js";
import { unitsFixed } from "./unitsText.js";

/** One group of a pool split `per` team or role: its members' indices in the pool and its part. */
export interface PoolGroup {
  /** The team or role ("" for the people without one). */
  readonly group: string;
  /** The members' indices among the pool's members, in id order. */
  readonly at: Int32Array;
  /** The group's part of the funded pool, in minor units. */
  readonly units: number;
}

/**
 * Issue 21: a pool's members in groups by team or role (`pay.pools[].per`), groups by name
 * (code-unit order; the people without a team or role form the group ""), and the funded pool
 * divided between the groups by headcount — `funded × people / all people`, in whole minor
 * units by largest remainder (ties to the group first by name), so the parts sum to the funded
 * pool exactly. Each group then shares its part over its own members.
 *
 * Headcount is the division users expect when one pool covers a mixed team: a role's part does
 * not grow because its scores run higher, and the rank and grade within each group decide the
 * shares inside it.
 *
 * @internal
 * @param ctx - the run
 * @param members - the pool's members' positions, in id order
 * @param per - team or role
 * @param fundedUnits - the funded pool in minor units (a safe integer ≥ 0)
 * @returns the groups, by name
 *
 * @example
 * ```ts
 * poolGroupsOf(ctx, members, "role", 10000).map((g) => [g.group, g.units]); // [["manager", 3333], ["rep", 6667]] for 1 manager and 2 reps (the unit left to the larger remainder)
 * ```
 */
export function poolGroupsOf(ctx: RunContext, members: Int32Array, per: "team" | "role", fundedUnits: number): PoolGroup[] {
  const byName = new Map<string, number[]>();
  members.forEach((j, i) => {
    const name = gradingGroupOf(ctx.people[j] as RosterPerson, per);
    const list = byName.get(name);
    if (list === undefined) byName.set(name, [i]);
    else list.push(i);
  });
  const names = [...byName.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const headcounts = Float64Array.from(names, (name) => (byName.get(name) as number[]).length);
  const parts = names.length === 0 ? new Float64Array(0) : D.allocatePoolColumns(fundedUnits, headcounts).amountUnits;
  return names.map((group, g) => ({ group, at: Int32Array.from(byName.get(group) as number[]), units: parts[g] as number }));
}

/**
 * A group's line of the pool report: its headcount, its part, and what its members were
 * allocated of it.
 *
 * @internal
 * @param group - the group
 * @param allocatedUnits - the group's allocations' sum, in minor units
 * @param scale - the currency's minor-unit places
 * @returns the report line
 *
 * @example
 * ```ts
 * poolGroupReport({ group: "rep", at: Int32Array.of(0, 1), units: 6666 }, 6666, 2); // { group: "rep", people: 2, amount: "66.66", allocated: "66.66", unallocated: "0.00" }
 * ```
 */
export function poolGroupReport(group: PoolGroup, allocatedUnits: number, scale: number): NonNullable<PoolReport["groups"]>[number] {
  return { group: group.group, people: group.at.length, amount: unitsFixed(group.units, scale), allocated: unitsFixed(allocatedUnits, scale), unallocated: unitsFixed(group.units - allocatedUnits, scale) };
}

/**
 * The funded pool in minor units, as {@link poolGroupsOf} takes it.
 *
 * @internal
 * @param fixed - the funded pool as money text with `scale` decimals
 * @param scale - the currency's minor-unit places
 * @returns the minor units
 *
 * @example
 * ```ts
 * fundedUnitsOf("100.00", 2); // 10000
 * ```
 */
export function fundedUnitsOf(fixed: string, scale: number): number {
  return scaledInteger(fixed, scale) as number;
}
