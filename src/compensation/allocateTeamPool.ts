import * as z from "zod";
import { PayscoreError, describeValue, formatPath, parseWith, guard } from "../errors/index.js";
import { readDecimal, readScale, type Decimal, type Numeric } from "../numeric/index.js";
import type { PoolAllocation, PoolEntry } from "./allocatePool.js";
import { checkMinimums, idRegistry, lowerBounds, readMinimum, readPool, readPoolEntries, type ReadPoolEntries } from "./poolInput.js";
import { fromSteps, integerWeights, toSteps } from "./steps.js";
import { waterFill } from "./waterFill.js";

/** A team sharing the first level of a pool, with its members sharing the second. */
export interface PoolTeam {
  /** Unique team id. */
  readonly id: string;
  /** The team's share weight (headcount, target, team score), ≥ 0. */
  readonly weight: Numeric;
  /** The most the team may receive, ≥ 0. */
  readonly cap?: Numeric | undefined;
  /** The team's people; person ids are unique across all teams. */
  readonly members: readonly PoolEntry[];
}

/** Options for {@link allocateTeamPool}; `minimum` and `threshold` apply to people, as in `allocatePool`. */
export interface AllocateTeamPoolOptions {
  readonly scale?: number | undefined;
  readonly minimum?: Numeric | undefined;
  readonly threshold?: Numeric | undefined;
}

/** One team's share and how its people split it. */
export interface TeamAllocation {
  readonly id: string;
  /** The team's share: exactly the sum of its members' amounts. */
  readonly amount: Decimal;
  /** True when the team's cap (or the caps of all its people) held it back. */
  readonly capped: boolean;
  /** One allocation per member, in input order. */
  readonly allocations: PoolAllocation[];
}

/** What {@link allocateTeamPool} returns. */
export interface TeamPoolResult {
  readonly teams: TeamAllocation[];
  /** What no team could take: `pool = Σ team amounts + unallocated` exactly. */
  readonly unallocated: Decimal;
}

const optionsSchema = z
  .object({ scale: z.unknown().optional(), minimum: z.unknown().optional(), threshold: z.unknown().optional() })
  .optional();

/**
 * Shares a pool in two levels (两级分配): across teams by team weight, then within each team by
 * personal weight, exact at both levels.
 *
 * `teamₜ = allocatePool(pool, teams)ₜ`, then `personᵢ = allocatePool(teamₜ, membersₜ)ᵢ`, where a
 * team can take no more than its own cap nor, when every eligible member has a cap, the sum of
 * their caps; and no less than the people's `minimum`s. So money a team cannot use goes to the
 * other teams instead of being stranded, `Σ person amounts of a team = the team's amount`, and
 * `Σ team amounts + unallocated = pool` exactly. A team with no eligible member of weight > 0
 * takes nothing.
 *
 * @category Compensation
 * @param pool - the pool, ≥ 0, a whole number of steps
 * @param teams - `{ id, weight, cap?, members }`, team ids unique, person ids unique across teams
 * @param options - `scale` (default 2), `minimum` and `threshold` (per person, as in `allocatePool`)
 * @returns `{ teams, unallocated }`, teams and members in input order
 * @throws {PayscoreError} as `allocatePool`, with paths such as `teams[1].members[4].cap`; `INVALID_DATA` when a team's cap is below its people's minimums or the pool cannot pay every minimum
 *
 * @example
 * ```ts
 * const result = allocateTeamPool(100000, [
 *   { id: "east", weight: 3, members: [{ id: "li", weight: 2 }, { id: "wang", weight: 1 }] },
 *   { id: "west", weight: 2, cap: 30000, members: [{ id: "zhao", weight: 1 }] },
 * ]);
 * result.teams.map((t) => `${t.id} ${t.amount.toString()}: ${t.allocations.map((a) => a.amount.toString()).join(" + ")}`);
 * // ["east 60000: 40000 + 20000", "west 40000: 40000"]
 * ```
 */
export function allocateTeamPool(pool: Numeric, teams: readonly PoolTeam[], options?: AllocateTeamPoolOptions | undefined): TeamPoolResult {
  return guard(computeAllocateTeamPool, [pool, teams, options]);
}

function computeAllocateTeamPool(pool: Numeric, teams: readonly PoolTeam[], options?: AllocateTeamPoolOptions | undefined): TeamPoolResult {
  const parsed = parseWith(optionsSchema, options, "INVALID_ARGUMENT", ["options"]);
  const scale = readScale(parsed?.scale, ["options", "scale"], 2);
  const poolSteps = readPool(pool, scale);
  const minimum = readMinimum(parsed?.minimum, scale);
  const threshold = parsed?.threshold === undefined ? undefined : readDecimal(parsed.threshold, ["options", "threshold"]);
  if (!Array.isArray(teams)) {
    throw new PayscoreError("INVALID_ARGUMENT", `teams must be an array of { id, weight, cap?, members }; got ${describeValue(teams)}`, { path: ["teams"] });
  }

  // Person ids are unique across teams; the registry maps a running number back to its path.
  const starts: number[] = [];
  const people = idRegistry((seq) => {
    let t = starts.length - 1;
    while (t > 0 && (starts[t] as number) > seq) t--;
    return ["teams", t, "members", seq - (starts[t] as number)];
  });
  const teamIds = new Map<string, number>();
  const teamWeights: Decimal[] = [];
  const teamCaps: (bigint | undefined)[] = [];
  const members: ReadPoolEntries[] = [];
  teams.forEach((team: unknown, t) => {
    if (typeof team !== "object" || team === null) {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(["teams", t])} must be an object { id, weight, cap?, members }; got ${describeValue(team)}`, { path: ["teams", t] });
    }
    const { id, weight, cap, members: list } = team as { id?: unknown; weight?: unknown; cap?: unknown; members?: unknown };
    if (typeof id !== "string") {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(["teams", t, "id"])} must be a string; got ${describeValue(id)}`, { path: ["teams", t, "id"] });
    }
    const before = teamIds.get(id);
    if (before !== undefined) {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(["teams", t, "id"])} repeats the team id ${describeValue(id)} of ${formatPath(["teams", before])}`, { path: ["teams", t, "id"] });
    }
    teamIds.set(id, t);
    const w = readDecimal(weight, ["teams", t, "weight"]);
    if (w.isNegative()) {
      throw new PayscoreError("INVALID_WEIGHTS", `${formatPath(["teams", t, "weight"])} must not be negative; got ${w.toString()}`, { path: ["teams", t, "weight"] });
    }
    let high: bigint | undefined;
    if (cap !== undefined) {
      const c = readDecimal(cap, ["teams", t, "cap"]);
      if (c.isNegative()) {
        throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(["teams", t, "cap"])} must not be negative; got ${c.toString()}`, { path: ["teams", t, "cap"] });
      }
      high = toSteps(c, scale, "floor");
    }
    starts.push(people.base);
    members.push(readPoolEntries(list, ["teams", t, "members"], scale, threshold, people));
    teamWeights.push(w);
    teamCaps.push(high);
  });

  // Each team's bounds from its people: it takes at most its cap and, when every eligible
  // member has a cap, their sum; at least its people's minimums.
  const inner = members.map((team, t) => {
    const weights = integerWeights(team.weights).map((w, i) => (team.eligible[i] ? w : 0n));
    const lows = lowerBounds(weights, team.highs, minimum);
    let lowSum = 0n;
    for (const low of lows) lowSum += low;
    // Stryker disable next-line BooleanLiteral: with no member of weight > 0, allCapped stays true and highSum 0, so the next lines give high = 0 either way
    let active = false;
    let allCapped = true;
    let highSum = 0n;
    weights.forEach((w, i) => {
      if (w === 0n) return;
      active = true;
      const h = team.highs[i];
      if (h === undefined) allCapped = false;
      else highSum += h;
    });
    let high = teamCaps[t];
    // Stryker disable next-line ConditionalExpression: skipping it for a team with no member of weight > 0 gives high = min(cap, highSum = 0) = 0 all the same
    if (!active) high = 0n;
    else if (allCapped && (high === undefined || highSum < high)) high = highSum;
    if (high !== undefined && lowSum > high) {
      throw new PayscoreError("INVALID_DATA", `${formatPath(["teams", t, "cap"])} is below what options.minimum guarantees the team's ${lows.filter((l) => l > 0n).length} eligible people`, {
        path: ["teams", t, "cap"],
      });
    }
    return { weights, lows, lowSum, high };
  });

  // Stryker disable next-line OptionalChaining: inner has one entry per team, so inner[t] is never undefined
  const outerWeights = integerWeights(teamWeights).map((w, t) => (inner[t]?.high === 0n ? 0n : w));
  const outerLows = outerWeights.map((w, t) => (w === 0n ? 0n : (inner[t] as { lowSum: bigint }).lowSum));
  checkMinimums(outerLows, poolSteps);
  const outer = waterFill({ pool: poolSteps, weights: outerWeights, lows: outerLows, highs: inner.map((team) => team.high) });

  const result: TeamAllocation[] = members.map((team, t) => {
    const { weights, lows } = inner[t] as { weights: bigint[]; lows: bigint[] };
    const teamSteps = outer.amounts[t] as bigint;
    const split = waterFill({ pool: teamSteps, weights, lows, highs: team.highs });
    const high = (inner[t] as { high: bigint | undefined }).high;
    return {
      id: (teams[t] as PoolTeam).id,
      amount: fromSteps(teamSteps, scale),
      capped: outerWeights[t] !== 0n && high !== undefined && teamSteps === high,
      allocations: team.ids.map((id, i) => ({
        id,
        amount: fromSteps(split.amounts[i] as bigint, scale),
        capped: weights[i] !== 0n && team.highs[i] !== undefined && split.amounts[i] === team.highs[i],
        eligible: team.eligible[i] as boolean,
      })),
    };
  });
  return { teams: result, unallocated: fromSteps(outer.unallocated, scale) };
}
