import { PayscoreError } from "../../errors/index.js";
import { Decimal, scaledInteger } from "../../numeric/index.js";
import type { RosterPerson } from "../roster.js";
import type { LazyPayoutRun, PayLine, RunTotals, Statement, TraceStep } from "../types.js";
import { tracerOf, type RunContext } from "./RunContext.js";
import type { Award } from "./awardStage.js";
import type { Grades } from "./gradeStage.js";
import { indicatorLinesOf, type KpiInputs } from "./kpiInputStage.js";
import type { KpiScores } from "./kpiStage.js";
import type { CommissionColumn } from "./collectionsStage.js";
import type { PayColumns } from "./payStage.js";
import type { Pools } from "./poolStage.js";
import type { Review360Scores } from "./review360Stage.js";
import type { Scorecards } from "./scorecardStage.js";
import type { SubPeriodLines } from "./subPeriodStage.js";
import { unitsFixed } from "./unitsText.js";

/** Every stage's result, as the statements read them. */
export interface StageResults {
  readonly inputs: KpiInputs;
  readonly kpis: KpiScores;
  /** Issue 21: each person's sub-period results, when the plan's `subPeriods` is the object form. */
  readonly subPeriods?: SubPeriodLines | undefined;
  readonly review: Review360Scores;
  readonly scores: readonly string[];
  readonly grades: Grades;
  readonly pay: PayColumns;
  readonly pools: Pools;
  readonly awards: readonly Award[];
  readonly promotions: readonly NonNullable<Statement["promotion"]>[] | null;
  /** Issue 20: more commission lines (collections, clawback, draw), in order. */
  readonly commissionLines?: readonly CommissionColumn[] | undefined;
  /** Issue 21: each person's scorecard, when the plan has role scorecards. */
  readonly scorecards?: Scorecards | undefined;
}

/** The shared empty list of a statement without indicators or trace (frozen: no statement can add to another's). */
const EMPTY: readonly never[] = Object.freeze([]);

/**
 * Stage 10, statements (per person, independent): person `j`'s statement — who, the
 * indicators, KPI lines, scores, rank and grade, every pay line and the total — made on each
 * call from the stages' columns, so a large run streams out one statement at a time; plus the
 * run's totals and the columns of a one-row-per-person table.
 *
 * @internal
 * @param ctx - the run
 * @param r - the stages' results
 * @param shareLines - whether statements that keep the same parts share them (frozen)
 * @returns `statementAt`, `totals` and `lineIds`
 *
 * @example
 * ```ts
 * statementStage(ctx, results, false).statementAt(0).totalPayout; // e.g. "61234.50"
 * ```
 */
export function statementStage(ctx: RunContext, r: StageResults, shareLines: boolean): Pick<LazyPayoutRun, "statementAt" | "totals" | "lineIds" | "size"> {
  const n = ctx.people.length;
  const scorecards = r.scorecards;
  const hasIndicators = ctx.p.kpis.some((kpi) => typeof kpi.actual === "object" && !("column" in kpi.actual));
  const ownPayOf = (j: number): PayLine[] => {
    const lines: PayLine[] = [];
    if (r.pay.fixed !== undefined) lines.push({ component: "fixed", id: "fixed", amount: r.pay.fixed[j] as string });
    if (r.pay.targetIncentive !== undefined) lines.push({ component: "targetIncentive", id: "targetIncentive", amount: r.pay.targetIncentive[j] as string });
    if (r.pay.commission !== undefined) lines.push({ component: "commission", id: "commission", amount: r.pay.commission[j] as string });
    for (const extra of r.commissionLines ?? []) lines.push({ component: "commission", id: extra.id, amount: extra.amounts[j] as string });
    for (const pool of r.pools.shares) {
      const i = pool.memberIndex(j);
      if (i >= 0) lines.push({ component: "pool", id: pool.id, amount: pool.amounts[i] as string });
    }
    for (const award of r.awards) {
      const times = award.receivers.get(j) ?? 0;
      for (let t = 0; t < times; t++) lines.push({ component: "award", id: award.id, amount: award.amount });
    }
    return lines;
  };
  // With one pool over everyone and nothing else, pay lists repeat: one shared, frozen list per
  // amount when every statement is kept.
  const onlyPool = r.pools.shares.length === 1 && r.awards.length === 0 && r.pay.fixed === undefined && r.pay.targetIncentive === undefined && r.pay.commission === undefined && (r.commissionLines?.length ?? 0) === 0 ? r.pools.shares[0] : undefined;
  const sharedPay = shareLines && onlyPool !== undefined && onlyPool.members.length === n ? new Map<string, PayLine[]>() : undefined;
  const payOf = (j: number): PayLine[] => {
    if (sharedPay === undefined) return ownPayOf(j);
    const amount = (onlyPool as NonNullable<typeof onlyPool>).amounts[j] as string;
    let lines = sharedPay.get(amount);
    if (lines === undefined) sharedPay.set(amount, (lines = Object.freeze(ownPayOf(j).map((line) => Object.freeze(line))) as PayLine[]));
    return lines;
  };
  const statementAt = (j: number): Statement => {
    if (!Number.isInteger(j) || j < 0 || j >= n) {
      throw new PayscoreError("OUT_OF_RANGE", `statementAt: index must be a whole number from 0 to ${n - 1}; got ${String(j)}`, { path: ["index"] });
    }
    const person = ctx.people[j] as RosterPerson;
    const pay = payOf(j);
    const total = pay.length === 1 ? (pay[0] as PayLine).amount : sumPay(pay, ctx.scale);
    const kpiScore = r.kpis.scoreText(j);
    const statement: Statement = {
      person: {
        id: person.id,
        name: person.name,
        team: person.team,
        region: person.region,
        role: person.role,
        activeFrom: person.activeFrom,
        activeTo: person.activeTo,
        basePay: person.basePay === null ? null : person.basePay.toString(),
      },
      indicators: scorecards !== undefined ? scorecards.indicatorLinesOf(j) : hasIndicators ? indicatorLinesOf(ctx, r.inputs, j) : EMPTY,
      kpis: r.kpis.linesOf(j),
      kpiScore,
      ...(r.subPeriods === undefined ? {} : { subPeriods: r.subPeriods(j) }),
      review360: r.review.lineOf(j),
      score: r.scores[j] as string,
      rank: r.grades.rank[j] as number,
      grade: r.grades.gradeOf(j),
      pay,
      totalPayout: total,
      promotion: r.promotions?.[j] ?? null,
      trace: ctx.tracers === undefined ? EMPTY : traceOf(ctx, j, pay, total),
    };
    return scorecards === undefined ? statement : withScorecard(statement, scorecards.nameOf(j));
  };
  return { size: n, statementAt, totals: totalsOf(ctx, r), lineIds: lineIdsOf(ctx, r, payOf) };
}

/** Issue 21: the statement with the name of the scorecard that scored it, after its KPI score. */
function withScorecard(statement: Statement, scorecard: string): Statement {
  const { person, indicators, kpis, kpiScore, ...rest } = statement;
  return { person, indicators, kpis, kpiScore, scorecard, ...rest };
}

/** The person's trace, closed by the total (added to a copy: a statement may be made twice). */
function traceOf(ctx: RunContext, j: number, pay: readonly PayLine[], total: string): TraceStep[] {
  const inputs = Object.fromEntries(pay.map((line) => [`${line.component}:${line.id}`, line.amount]));
  return [...tracerOf(ctx, j).steps, { step: "pay.total", formula: "Σ pay components", inputs, result: total }];
}

/** The exact sum of a statement's pay lines (as {@link sumMoney}, without a list of their amounts). */
function sumPay(pay: readonly PayLine[], scale: number): string {
  let units = 0;
  for (const line of pay) {
    const u = scaledInteger(line.amount, scale);
    if (u === undefined || !Number.isSafeInteger(units + u)) return sumMoney(pay.map((l) => l.amount), scale);
    units += u;
  }
  return unitsFixed(units, scale);
}

/**
 * The exact sum of money texts (each with `scale` decimals): in integer units while they stay
 * safe, else in Decimals.
 */
function sumMoney(amounts: readonly string[], scale: number): string {
  let units = 0;
  for (const amount of amounts) {
    const u = scaledInteger(amount, scale);
    if (u === undefined || !Number.isSafeInteger(units + u)) return amounts.reduce((s, a) => s.plus(a), new Decimal(0)).toFixed(scale);
    units += u;
  }
  return unitsFixed(units, scale);
}

function totalsOf(ctx: RunContext, r: StageResults): RunTotals {
  const scale = ctx.scale;
  const column = (amounts: readonly string[] | undefined): string => sumMoney(amounts ?? [], scale);
  const fixed = column(r.pay.fixed);
  const targetIncentive = column(r.pay.targetIncentive);
  const commission = sumMoney([column(r.pay.commission), ...(r.commissionLines ?? []).map((extra) => column(extra.amounts))], scale);
  const pool = sumMoney(r.pools.shares.map((share) => column(share.amounts)), scale);
  let awardTotal = new Decimal(0);
  for (const award of r.awards) for (const times of award.receivers.values()) awardTotal = awardTotal.plus(new Decimal(award.amount).times(times));
  const award = awardTotal.toFixed(scale);
  return { people: ctx.people.length, fixed, targetIncentive, commission, pool, award, payout: sumMoney([fixed, targetIncentive, commission, pool, award], scale) };
}

function lineIdsOf(ctx: RunContext, r: StageResults, payOf: (j: number) => PayLine[]): LazyPayoutRun["lineIds"] {
  const pay: { component: PayLine["component"]; id: string }[] = [];
  const seen = new Set<string>();
  const expected = (r.pay.fixed === undefined ? 0 : 1) + (r.pay.targetIncentive === undefined ? 0 : 1) + (r.pay.commission === undefined ? 0 : 1) + r.pools.shares.length + r.awards.length + (r.commissionLines?.length ?? 0);
  for (let j = 0; j < ctx.people.length && seen.size < expected; j++) {
    for (const line of payOf(j)) {
      const key = `${line.component}\u0000${line.id}`;
      if (!seen.has(key)) {
        seen.add(key);
        pay.push({ component: line.component, id: line.id });
      }
    }
  }
  const competencies = r.review.competencies;
  return { ...(competencies === undefined ? {} : { competencies: [...competencies] }), kpis: ctx.people.length === 0 ? [] : ctx.p.kpis.map((kpi) => kpi.id), pay };
}
