import { Decimal, fitsAtScale, readDecimal, roundDecimal, scaledInteger } from "../../numeric/index.js";
import { PayscoreError, formatPath } from "../../errors/index.js";
import { within } from "../dataCells.js";
import * as D from "../domains.js";
import type { RosterPerson } from "../roster.js";
import type { Plan } from "../schema.js";
import type { PoolReport } from "../types.js";
import { tracerOf, type RunContext } from "./RunContext.js";
import type { Grades } from "./gradeStage.js";
import type { KpiScores } from "./kpiStage.js";
import { measureOf } from "./measureOf.js";
import { requireBasePay } from "./payStage.js";
import { cachedText, unitsFixed } from "./unitsText.js";
import { allocateByTeam, teamMembersOf, type TeamAllocation } from "./teamPool.js";
import type { Teams } from "./teamStage.js";
import { fundedUnitsOf, poolGroupReport, poolGroupsOf, type PoolGroup } from "./poolGroups.js";

type Pool = NonNullable<NonNullable<Plan["pay"]>["pools"]>[number];

/** One pool's share of each member. */
export interface PoolShares {
  readonly id: string;
  /** The members' positions, in id order (everyone when the pool has no team). */
  readonly members: Int32Array;
  /** Each member's amount as money text, by member index. */
  readonly amounts: readonly string[];
  /** A person's member index, or -1 when not a member. */
  readonly memberIndex: (j: number) => number;
}

/** Stage 8's result: every pool's shares and report. */
export interface Pools {
  readonly shares: readonly PoolShares[];
  readonly reports: PoolReport[];
}

/** Everything the pool stage reads. */
export interface PoolInputs {
  readonly kpis: KpiScores;
  readonly scores: readonly string[];
  readonly grades: Grades;
  /** The team results, for two-level (`byTeam`) pools. */
  readonly teams?: Teams | undefined;
}

/**
 * Stage 8, pools (global: a pool is shared over all its members): each pool — the whole run,
 * or one team — is funded (its budget, or `fundPool` on the members' mean measure), then
 * shared by weight (equal, score, or base pay × score, times the grade multiplier; negative
 * weights count as 0) under per-person caps, in whole minor units by largest remainder
 * (`allocatePool`; on integer columns by `allocatePoolColumns`, which gives the same amounts).
 *
 * @internal
 * @param ctx - the run
 * @param run - the earlier stages' results
 * @returns the shares and reports
 * @throws {PayscoreError} as `fundPool`, `allocatePool` and `gradeMultiplier`, with the pool's path
 *
 * @example
 * ```ts
 * poolStage(ctx, { kpis, scores, grades }).reports[0]?.allocated; // e.g. "50000.00"
 * ```
 */
export function poolStage(ctx: RunContext, run: PoolInputs): Pools {
  const shares: PoolShares[] = [];
  const reports: PoolReport[] = [];
  (ctx.p.pay?.pools ?? []).forEach((pool, poolIndex) => {
    const result = sharePool(ctx, run, pool, poolIndex);
    shares.push(result.shares);
    reports.push(result.report);
  });
  return { shares, reports };
}

function membersOf(ctx: RunContext, pool: Pool): Int32Array {
  if (pool.team === undefined) {
    const everyone = new Int32Array(ctx.people.length);
    for (let j = 0; j < everyone.length; j++) everyone[j] = j;
    return everyone;
  }
  const members: number[] = [];
  ctx.people.forEach((person, j) => {
    if (person.team === pool.team) members.push(j);
  });
  return Int32Array.from(members);
}

function sharePool(ctx: RunContext, run: PoolInputs, pool: Pool, poolIndex: number): { shares: PoolShares; report: PoolReport } {
  const path = ["pay", "pools", poolIndex];
  const members = pool.byTeam === undefined ? membersOf(ctx, pool) : teamMembersOf(ctx);
  const m = members.length;
  const budget = fitsAtScale(readDecimal(pool.budget, [...path, "budget"]), ctx.scale, [...path, "budget"]);
  let ratio = new Decimal(1);
  let fundingMeasure: Decimal | null = null;
  const funding = pool.funding;
  if (funding !== undefined && m > 0) {
    let sum = new Decimal(0);
    for (let i = 0; i < m; i++) sum = sum.plus(measureOf(ctx, run.kpis, run.scores, members[i] as number, funding.measure, `pay.pool.${pool.id}.fundingInput`));
    const mean = sum.div(m);
    fundingMeasure = mean;
    ratio = within([...path, "funding"], `pool "${pool.id}" funding`, () => D.evaluateCurve(funding.curve as D.CurveInput, mean));
  }
  const funded =
    funding === undefined || fundingMeasure === null
      ? ctx.money(budget)
      : within([...path, "funding"], `pool "${pool.id}" funding`, () => D.fundPool(budget, fundingMeasure as Decimal, funding.curve as D.CurveInput, { scale: ctx.scale, rounding: ctx.mode }));
  refuseUnsafeUnits(funded, ctx.scale, [...path, "budget"]);
  const weights = weightsOf(ctx, run, pool, members);
  const caps = capsOf(ctx, pool, members, path);
  // Issue 21: a two-level pool goes to the teams by team score, then to their members.
  const byTeam: TeamAllocation | undefined = pool.byTeam === undefined ? undefined : allocateByTeam(ctx, pool, path, funded, { members, weight: weights.decimal, caps }, run.teams as Teams);
  // Issue 21: a pool per team or role: the funded pool divided by headcount, then shared in each group.
  const per = pool.byTeam === undefined ? (pool.per ?? "all") : "all";
  const split = per === "all" ? undefined : allocateByGroup(ctx, pool, path, funded, members, weights, caps, per);
  const allocation = byTeam ?? split?.allocation ?? allocate(ctx, pool, path, funded, weights, caps, m);
  // Amounts repeat (capped people, equal weights): one text per amount from a bounded cache.
  const amountText = cachedText(ctx.scale, unitsFixed);
  const amounts = new Array<string>(m);
  for (let i = 0; i < m; i++) amounts[i] = amountText.value(allocation.units[i] as number);
  const allocations = new Array<PoolReport["allocations"][number]>(m);
  for (let i = 0; i < m; i++) allocations[i] = { person: (ctx.people[members[i] as number] as RosterPerson).id, amount: amounts[i] as string, capped: allocation.capped[i] === 1 };
  if (ctx.tracers !== undefined) tracePool(ctx, pool, members, { budget, fundingMeasure, ratio, funded, weights, caps, allocations, byTeam, groups: split?.groups });
  const everyone = pool.team === undefined && pool.byTeam === undefined;
  const position = everyone ? undefined : new Map<number, number>();
  members.forEach((j, i) => position?.set(j, i));
  return {
    shares: { id: pool.id, members, amounts, memberIndex: (j) => (everyone ? j : (position?.get(j) ?? -1)) },
    report: {
      id: pool.id,
      team: pool.team ?? null,
      budget: ctx.cash(budget),
      fundingRatio: ratio.toString(),
      funded: ctx.cash(funded),
      allocated: unitsFixed(allocation.allocatedUnits, ctx.scale),
      unallocated: ctx.cash(allocation.unallocated),
      allocations,
      ...(byTeam === undefined ? {} : { teams: byTeam.teams }),
      ...(split === undefined ? {} : { groups: split.reports }),
    },
  };
}

/** The members' weights: Decimals, and the same as safe integers at one scale when they all are. */
interface Weights {
  readonly decimal: (i: number) => Decimal;
  readonly units: Float64Array | undefined;
}

function weightsOf(ctx: RunContext, run: PoolInputs, pool: Pool, members: Int32Array): Weights {
  const weightBy = pool.weightBy ?? "score";
  const table = ctx.p.pay?.gradeMultipliers;
  const multipliers = new Map<string, Decimal>();
  const multiplierOf = (j: number): Decimal | null => {
    const grade = run.grades.gradeOf(j)?.final;
    if (table === undefined || grade === undefined) return null;
    let x = multipliers.get(grade);
    if (x === undefined) {
      const person = ctx.people[j] as RosterPerson;
      x = within(["pay", "gradeMultipliers"], `person "${person.id}", grade multiplier`, () => D.gradeMultiplier(grade, table));
      multipliers.set(grade, x);
    }
    return x;
  };
  const decimal = (i: number): Decimal => {
    const j = members[i] as number;
    const score = new Decimal(run.scores[j] as string);
    let weight = weightBy === "equal" ? new Decimal(1) : weightBy === "score" ? score : requireBasePay(ctx.people[j] as RosterPerson).times(score);
    const multiplier = multiplierOf(j);
    if (multiplier !== null) weight = weight.times(multiplier);
    return weight.isNegative() ? new Decimal(0) : weight;
  };
  // Integer weights: a score in units of 10^-rounding.score, times the base pay in units of its
  // most decimals (basePay-score), times the multiplier in units of its most decimals; only the
  // ratios count, so the shares are those of the Decimal weights.
  const basePayScale = weightBy === "basePay-score" ? mostDecimals(members, (j) => requireBasePay(ctx.people[j] as RosterPerson)) : 0;
  const multiplierUnits = new Map<string, number>();
  let multiplierScale = 0;
  if (table !== undefined) for (const value of Object.values(table)) multiplierScale = Math.max(multiplierScale, readDecimal(value, ["pay", "gradeMultipliers"]).decimalPlaces());
  let units: Float64Array | undefined = basePayScale > 6 ? undefined : new Float64Array(members.length);
  for (let i = 0; i < members.length && units !== undefined; i++) {
    const j = members[i] as number;
    let w = weightBy === "equal" ? 1 : scaledInteger(run.scores[j], ctx.places.score);
    if (weightBy === "basePay-score" && w !== undefined) {
      const pay = scaledInteger((ctx.people[j] as RosterPerson).basePay?.toString(), basePayScale);
      w = pay === undefined ? undefined : w * pay;
    }
    const multiplier = multiplierOf(j);
    if (multiplier !== null && w !== undefined) {
      const key = multiplier.toString();
      let mu = multiplierUnits.get(key);
      if (mu === undefined) multiplierUnits.set(key, (mu = scaledInteger(key, multiplierScale) ?? Number.NaN));
      w *= mu;
    }
    if (w === undefined || !(Math.abs(w) <= Number.MAX_SAFE_INTEGER)) units = undefined;
    else units[i] = w < 0 ? 0 : w + 0;
  }
  return { decimal, units };
}

/** The most decimal places of the members' values (each read, so a missing base pay is reported). */
function mostDecimals(members: Int32Array, valueOf: (j: number) => Decimal): number {
  let most = 0;
  for (const j of members) most = Math.max(most, valueOf(j).decimalPlaces());
  return most;
}

function capsOf(ctx: RunContext, pool: Pool, members: Int32Array, path: (string | number)[]): (Decimal | undefined)[] | undefined {
  const cap = pool.cap;
  if (cap === undefined) return undefined;
  // A cap is paid in whole minor units: round it down so it is never exceeded.
  if (typeof cap !== "object") {
    const fixed = roundDecimal(readDecimal(cap, [...path, "cap"]), ctx.scale, "floor");
    return Array.from(members, () => fixed);
  }
  const multiple = readDecimal(cap.multipleOfBasePay, [...path, "cap", "multipleOfBasePay"]);
  return Array.from(members, (j) => roundDecimal(requireBasePay(ctx.people[j] as RosterPerson).times(multiple), ctx.scale, "floor"));
}

interface Allocation {
  readonly units: Float64Array;
  readonly capped: Uint8Array;
  readonly allocatedUnits: number;
  readonly unallocated: Decimal;
}

/**
 * A run carries pool amounts as whole minor units in doubles; past 2^53 − 1 units (about 90
 * trillion yuan at 2 places) they would no longer be exact, so such a pool is refused.
 */
function refuseUnsafeUnits(funded: Decimal, scale: number, path: (string | number)[]): void {
  if (funded.abs().times(new Decimal(10).pow(scale)).gt(Number.MAX_SAFE_INTEGER)) {
    throw new PayscoreError(
      "PRECISION_EXCEEDED",
      `${formatPath(path)}: the funded pool ${funded.toString()} is more than ${Number.MAX_SAFE_INTEGER} minor units, beyond what a run allocates exactly`,
      { path },
    );
  }
}

function allocate(ctx: RunContext, pool: Pool, path: (string | number)[], funded: Decimal, weights: Weights, caps: (Decimal | undefined)[] | undefined, count: number): Allocation {
  const fundedUnits = scaledInteger(funded.toFixed(ctx.scale), ctx.scale);
  const capUnits = caps === undefined ? undefined : capColumn(caps, ctx.scale);
  const weightUnits = weights.units;
  let anyWeight = false;
  if (weightUnits !== undefined) for (let i = 0; i < count && !anyWeight; i++) anyWeight = (weightUnits[i] as number) !== 0;
  else for (let i = 0; i < count && !anyWeight; i++) anyWeight = !weights.decimal(i).isZero();
  if (count === 0 || !anyWeight || funded.isZero()) {
    return { units: new Float64Array(count), capped: new Uint8Array(count), allocatedUnits: 0, unallocated: funded };
  }
  if (weightUnits !== undefined && fundedUnits !== undefined && (capUnits === undefined || capUnits.every((c) => c !== undefined))) {
    const result = D.allocatePoolColumns(fundedUnits, weightUnits, capUnits as number[] | undefined);
    return { units: result.amountUnits, capped: result.capped, allocatedUnits: fundedUnits - result.unallocatedUnits, unallocated: new Decimal(unitsFixed(result.unallocatedUnits, ctx.scale)) };
  }
  const entries = Array.from({ length: count }, (_, i) => ({ id: String(i), weight: weights.decimal(i), ...(caps?.[i] === undefined ? {} : { cap: caps[i] as Decimal }) }));
  const result = within(path, `pool "${pool.id}"`, () => D.allocatePool(funded, entries, { scale: ctx.scale }));
  const units = new Float64Array(count);
  const capped = new Uint8Array(count);
  let allocated = new Decimal(0);
  result.allocations.forEach((a, i) => {
    units[i] = Number(a.amount.times(new Decimal(10).pow(ctx.scale)).toFixed(0));
    capped[i] = a.capped ? 1 : 0;
    allocated = allocated.plus(a.amount);
  });
  return { units, capped, allocatedUnits: Number(allocated.times(new Decimal(10).pow(ctx.scale)).toFixed(0)), unallocated: result.unallocated };
}

/**
 * Issue 21: a pool `per` team or role: the groups' parts by headcount ({@link poolGroupsOf}),
 * each shared over its members by their weights under their caps as a pool of its own.
 */
function allocateByGroup(
  ctx: RunContext,
  pool: Pool,
  path: (string | number)[],
  funded: Decimal,
  members: Int32Array,
  weights: Weights,
  caps: (Decimal | undefined)[] | undefined,
  per: "team" | "role",
): { allocation: Allocation; groups: PoolGroup[]; reports: NonNullable<PoolReport["groups"]> } {
  const m = members.length;
  const groups = poolGroupsOf(ctx, members, per, fundedUnitsOf(funded.toFixed(ctx.scale), ctx.scale));
  const units = new Float64Array(m);
  const capped = new Uint8Array(m);
  let allocatedUnits = 0;
  const reports = groups.map((group) => {
    const at = group.at;
    const all = weights.units;
    const sub: Weights = { decimal: (g) => weights.decimal(at[g] as number), units: all === undefined ? undefined : Float64Array.from(at, (i) => all[i] as number) };
    const subCaps = caps === undefined ? undefined : Array.from(at, (i) => caps[i]);
    const part = new Decimal(unitsFixed(group.units, ctx.scale));
    const result = allocate(ctx, pool, path, part, sub, subCaps, at.length);
    at.forEach((i, g) => {
      units[i] = result.units[g] as number;
      capped[i] = result.capped[g] as number;
    });
    allocatedUnits += result.allocatedUnits;
    return poolGroupReport(group, result.allocatedUnits, ctx.scale);
  });
  const unallocated = funded.minus(new Decimal(unitsFixed(allocatedUnits, ctx.scale)));
  return { allocation: { units, capped, allocatedUnits, unallocated }, groups, reports };
}

/** The caps in minor units (a cap shared by everyone is converted once). */
function capColumn(caps: readonly (Decimal | undefined)[], scale: number): (number | undefined)[] {
  const units = new Array<number | undefined>(caps.length);
  let last: Decimal | undefined;
  let lastUnits: number | undefined;
  for (let i = 0; i < caps.length; i++) {
    const cap = caps[i];
    if (cap === undefined) units[i] = Infinity;
    else {
      if (cap !== last) {
        last = cap;
        lastUnits = scaledInteger(cap.toFixed(scale), scale);
      }
      units[i] = lastUnits;
    }
  }
  return units;
}

interface PoolTrace {
  readonly budget: Decimal;
  readonly fundingMeasure: Decimal | null;
  readonly ratio: Decimal;
  readonly funded: Decimal;
  readonly weights: Weights;
  readonly caps: (Decimal | undefined)[] | undefined;
  readonly allocations: PoolReport["allocations"];
  readonly byTeam: TeamAllocation | undefined;
  /** Issue 21: the groups of a pool `per` team or role. */
  readonly groups: readonly PoolGroup[] | undefined;
}

function tracePool(ctx: RunContext, pool: Pool, members: Int32Array, t: PoolTrace): void {
  const weightBy = pool.weightBy ?? "score";
  let total = new Decimal(0);
  for (let i = 0; i < members.length; i++) total = total.plus(t.weights.decimal(i));
  // Issue 21: in a pool per team or role, a member's weight counts against their group's total.
  const groupOf = new Int32Array(t.groups === undefined ? 0 : members.length);
  const groupTotals = (t.groups ?? []).map((group, g) => {
    let sum = new Decimal(0);
    for (const i of group.at) {
      groupOf[i] = g;
      sum = sum.plus(t.weights.decimal(i));
    }
    return sum;
  });
  members.forEach((j, i) => {
    const allocation = t.allocations[i] as PoolReport["allocations"][number];
    const cap = t.caps?.[i];
    if (t.byTeam !== undefined) {
      t.byTeam.trace(j, i, { budget: ctx.cash(t.budget), ...(t.fundingMeasure === null ? {} : { fundingMeasure: t.fundingMeasure.toString() }), fundingRatio: t.ratio.toString(), funded: ctx.cash(t.funded), weightBy }, allocation);
      return;
    }
    tracerOf(ctx, j).add(
      `pay.pool.${pool.id}`,
      "allocatePool(funded, weights, caps): funded × weight / Σweight, capped, in steps of the minor unit",
      () => ({
        budget: ctx.cash(t.budget),
        ...(t.fundingMeasure === null ? {} : { fundingMeasure: (t.fundingMeasure as Decimal).toString() }),
        fundingRatio: t.ratio.toString(),
        funded: ctx.cash(t.funded),
        ...(t.groups === undefined ? {} : groupInputs(t.groups[groupOf[i] as number] as PoolGroup, members.length, ctx.scale)),
        weightBy,
        weight: t.weights.decimal(i).toString(),
        totalWeight: (t.groups === undefined ? total : (groupTotals[groupOf[i] as number] as Decimal)).toString(),
        ...(cap === undefined ? {} : { cap: cap.toString() }),
        capped: String(allocation.capped),
      }),
      allocation.amount,
    );
  });
}

/** A pool group's trace inputs: the group, its headcount against the pool's, and its part. */
function groupInputs(group: PoolGroup, people: number, scale: number): Record<string, string> {
  return { group: group.group, groupPeople: String(group.at.length), poolPeople: String(people), groupAmount: unitsFixed(group.units, scale) };
}
