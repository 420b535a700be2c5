import { PayscoreError, formatPath } from "../../errors/index.js";
import { Decimal, exactProduct, fitsAtScale, readDecimal } from "../../numeric/index.js";
import { readCell, within } from "../dataCells.js";
// The variable part's arithmetic is composeBonus's own, not re-exported from the folder (internal).
import { variablePart } from "../../compensation/composeBonus.js";
import * as D from "../domains.js";
import type { RosterPerson } from "../roster.js";
import type { Plan } from "../schema.js";
import { tracerOf, type RunContext } from "./RunContext.js";
import type { Grades } from "./gradeStage.js";
import type { KpiInputs } from "./kpiInputStage.js";
import type { KpiScores } from "./kpiStage.js";
import { measureOf } from "./measureOf.js";
import { payProrations, proratedAmount, type PayProration } from "./payProration.js";
import { quickCommission } from "./quickCommission.js";

type Pay = NonNullable<Plan["pay"]>;

/** One pay component's amounts, one per person (money text), or `undefined` when the plan has none. */
export interface PayColumns {
  readonly fixed: string[] | undefined;
  readonly targetIncentive: string[] | undefined;
  readonly commission: string[] | undefined;
}

/** Everything a pay stage reads. */
export interface PayInputs {
  readonly inputs: KpiInputs;
  readonly kpis: KpiScores;
  readonly scores: readonly string[];
  readonly grades: Grades;
}

/**
 * Stage 7, pay (per person, independent): fixed pay `round(basePay × share)`; the target
 * incentive `round(targetAmount × curve(measure))` times the grade multiplier, rounded; and
 * tiered commission on a KPI's actual or a column, rounded to the minor unit with the plan's
 * mode. With `pay.prorate`, a person active part of the period gets fixed pay
 * `round(basePay × share × activeDays / periodDays)` and the incentive
 * `round(targetAmount × curve(measure) × activeDays / periodDays)` (see `payProration.ts`).
 *
 * @internal
 * @param ctx - the run
 * @param run - the earlier stages' results
 * @returns each component's amounts
 * @throws {PayscoreError} `INVALID_DATA` for a person without the base pay a rule needs; as
 *   `composeBonus` and `tieredCommission`, with the person's path
 *
 * @example
 * ```ts
 * payStage(ctx, { inputs, kpis, scores, grades }).fixed?.[0]; // e.g. "42000.00"
 * ```
 */
export function payStage(ctx: RunContext, run: PayInputs): PayColumns {
  const pay = ctx.p.pay;
  const n = ctx.people.length;
  const fixed = pay?.fixed === undefined ? undefined : new Array<string>(n);
  const targetIncentive = pay?.targetIncentive === undefined ? undefined : new Array<string>(n);
  // Issue 20: commission on collections is the collections stage's.
  const commission = pay?.commission === undefined || "collections" in pay.commission.base ? undefined : new Array<string>(n);
  const share = pay?.fixed === undefined ? undefined : readDecimal(pay.fixed.share, ["pay", "fixed", "share"]);
  const rule = pay?.targetIncentive === undefined ? undefined : new IncentiveRule(ctx, pay);
  // Issue 18: pay.prorate scales fixed pay and the target incentive of joiners and leavers.
  // Without traces, a commission on a KPI's actual goes on integers when it can (quickCommission.ts).
  const quick = commission === undefined || ctx.tracers !== undefined ? undefined : quickBase(ctx, (pay as Pay).commission as NonNullable<Pay["commission"]>);
  const prorationOf = fixed === undefined && targetIncentive === undefined ? () => null : payProrations(ctx);
  for (let j = 0; j < n; j++) {
    const proration = prorationOf(j);
    if (fixed !== undefined && share !== undefined) fixed[j] = fixedPay(ctx, j, share, proration);
    if (targetIncentive !== undefined && rule !== undefined) targetIncentive[j] = incentive(ctx, run, j, rule, pay as Pay, proration);
    if (commission !== undefined) commission[j] = (quick === undefined ? undefined : quickOf(quick, run, j)) ?? commissionOf(ctx, run, j, (pay as Pay).commission as NonNullable<Pay["commission"]>);
  }
  return { fixed, targetIncentive, commission };
}

/**
 * A person's base pay, required by a pay rule.
 *
 * @internal
 * @param person - the person
 * @returns the base pay
 * @throws {PayscoreError} `INVALID_DATA` when the person has none
 *
 * @example
 * ```ts
 * requireBasePay(person).toString(); // "42000"
 * ```
 */
export function requireBasePay(person: RosterPerson): Decimal {
  if (person.basePay === null) {
    const path = ["rows", person.rowIndex, "basePay"];
    throw new PayscoreError("INVALID_DATA", `${formatPath(path)}: person "${person.id}" has no base pay, which the plan's pay rules need`, { path });
  }
  return person.basePay;
}

function fixedPay(ctx: RunContext, j: number, share: Decimal, proration: PayProration | null): string {
  const basePay = requireBasePay(ctx.people[j] as RosterPerson);
  if (proration !== null) {
    const path = ["rows", (ctx.people[j] as RosterPerson).rowIndex, "basePay"];
    const amount = ctx.cash(fitsAtScale(proratedAmount(exactProduct(basePay, share, path), proration, ctx.scale, ctx.mode), ctx.scale, path));
    tracerOf(ctx, j).add(
      "pay.fixed",
      "round(basePay × share × activeDays / periodDays)",
      () => ({ basePay: basePay.toString(), share: share.toString(), activeDays: String(proration.activeDays), periodDays: String(proration.periodDays) }),
      amount,
    );
    return amount;
  }
  const amount = ctx.cash(ctx.money(basePay.times(share)));
  tracerOf(ctx, j).add("pay.fixed", "round(basePay × share)", () => ({ basePay: basePay.toString(), share: share.toString() }), amount);
  return amount;
}

function targetAmountOf(amount: NonNullable<Pay["targetIncentive"]>["amount"], person: RosterPerson): Decimal {
  const path = ["pay", "targetIncentive", "amount"];
  if (typeof amount === "object" && "column" in amount) return readCell(person.row, person.rowIndex, amount.column) ?? new Decimal(0);
  if (typeof amount === "object" && "shareOfBasePay" in amount) return requireBasePay(person).times(readDecimal(amount.shareOfBasePay, [...path, "shareOfBasePay"]));
  return readDecimal(amount, path);
}

/**
 * The target incentive's arithmetic for one run: the payout rate once per distinct measure, the
 * multiplier once per grade, then `composeBonus`'s two roundings (`variablePart`). A person whose
 * values `composeBonus` would refuse (a negative target, a grade not in the table) goes through
 * `composeBonus` itself, for its words.
 */
class IncentiveRule {
  private readonly rates = new Map<string, Decimal>();
  private readonly multipliers = new Map<string, Decimal>();

  constructor(
    private readonly ctx: RunContext,
    private readonly pay: Pay,
  ) {}

  compute(person: RosterPerson, target: Decimal, x: Decimal, grade: string | undefined): NonNullable<ReturnType<typeof D.composeBonus>["variable"]> {
    const ti = this.pay.targetIncentive as NonNullable<Pay["targetIncentive"]>;
    const table = this.pay.gradeMultipliers;
    const multiplier = table !== undefined && grade !== undefined ? this.multipliers.get(grade) : table === undefined || grade === undefined ? ONE : undefined;
    if (target.isNegative() || multiplier === undefined || this.rates.size === 0) {
      const bonus = within(["rows", person.rowIndex], `person "${person.id}", target incentive`, () =>
        D.composeBonus(
          { variable: { targetAmount: target, attainment: x, curve: ti.curve as D.CurveInput, ...(table !== undefined && grade !== undefined ? { grade, multipliers: table } : {}) } },
          { scale: this.ctx.scale, rounding: this.ctx.mode },
        ),
      );
      const variable = bonus.variable as NonNullable<typeof bonus.variable>;
      this.rates.set(x.toString(), variable.payoutRate);
      if (grade !== undefined && table !== undefined) this.multipliers.set(grade, variable.multiplier);
      return variable;
    }
    const key = x.toString();
    let rate = this.rates.get(key);
    if (rate === undefined) {
      rate = D.evaluateCurve(ti.curve as D.CurveInput, x);
      if (this.rates.size >= 1 << 16) this.rates.clear();
      this.rates.set(key, rate);
    }
    return variablePart(target, rate, multiplier, this.ctx.scale, this.ctx.mode);
  }
}

const ONE = new Decimal(1);

function incentive(ctx: RunContext, run: PayInputs, j: number, rule: IncentiveRule, pay: Pay, proration: PayProration | null): string {
  const ti = pay.targetIncentive as NonNullable<Pay["targetIncentive"]>;
  const person = ctx.people[j] as RosterPerson;
  const tracer = tracerOf(ctx, j);
  const target = targetAmountOf(ti.amount, person);
  const x = measureOf(ctx, run.kpis, run.scores, j, ti.measure, "pay.targetIncentive.measure");
  const grade = run.grades.gradeOf(j)?.final;
  const full = rule.compute(person, target, x, grade);
  const variable = proration === null ? full : proratedIncentive(ctx, target, full, proration);
  const amount = ctx.cash(variable.amount);
  tracer.add(
    "pay.targetIncentive",
    proration === null
      ? "incentive = round(targetAmount × curve(measure)); amount = round(incentive × gradeMultiplier)"
      : "incentive = round(targetAmount × curve(measure) × activeDays / periodDays); amount = round(incentive × gradeMultiplier)",
    () => ({
      targetAmount: target.toString(),
      measure: x.toString(),
      payoutRate: variable.payoutRate.toString(),
      ...(proration === null ? {} : { activeDays: String(proration.activeDays), periodDays: String(proration.periodDays) }),
      incentive: ctx.cash(variable.incentive),
      gradeMultiplier: variable.multiplier.toString(),
      ...(grade === undefined ? {} : { grade }),
    }),
    amount,
  );
  return amount;
}

/** The target incentive of a person active part of the period: the proration inside the first rounding. */
function proratedIncentive(ctx: RunContext, target: Decimal, full: ReturnType<IncentiveRule["compute"]>, proration: PayProration): ReturnType<IncentiveRule["compute"]> {
  // The payout rate is the curve's value (a Decimal of the library's precision, as variablePart multiplies it).
  const path = ["pay", "targetIncentive", "amount"];
  const incentive = fitsAtScale(proratedAmount(target.times(full.payoutRate), proration, ctx.scale, ctx.mode), ctx.scale, path);
  return { payoutRate: full.payoutRate, incentive, multiplier: full.multiplier, amount: ctx.money(incentive.times(full.multiplier)) };
}

/** The KPI whose actual is the commission's base, and the quick commission of its tiers; `undefined` when not both. */
function quickBase(ctx: RunContext, c: NonNullable<Pay["commission"]>): { k: number; of: (base: unknown) => string | undefined } | undefined {
  if (!("kpi" in c.base)) return undefined;
  const kpiId = c.base.kpi;
  const k = ctx.p.kpis.findIndex((kpi) => kpi.id === kpiId);
  const of = k < 0 ? undefined : quickCommission(c.tiers, c.mode ?? "marginal", ctx.scale, ctx.mode);
  return of === undefined ? undefined : { k, of };
}

function quickOf(quick: { k: number; of: (base: unknown) => string | undefined }, run: PayInputs, j: number): string | undefined {
  const actual = (run.inputs.actual[quick.k] as unknown[])[j];
  return actual === null || actual === undefined ? undefined : quick.of(actual);
}

function commissionOf(ctx: RunContext, run: PayInputs, j: number, c: NonNullable<Pay["commission"]>): string {
  const person = ctx.people[j] as RosterPerson;
  let base: Decimal;
  if ("kpi" in c.base) {
    const kpiId = c.base.kpi;
    const k = ctx.p.kpis.findIndex((kpi) => kpi.id === kpiId);
    const actual = k < 0 ? null : (run.inputs.actual[k] as unknown[])[j];
    base = actual === null || actual === undefined ? new Decimal(0) : readDecimal(actual as string | number, ["rows", person.rowIndex]);
  } else {
    base = "column" in c.base ? (readCell(person.row, person.rowIndex, c.base.column) ?? new Decimal(0)) : new Decimal(0);
  }
  const mode = c.mode ?? "marginal";
  const amount = ctx.cash(ctx.money(within(["rows", person.rowIndex], `person "${person.id}", commission`, () => D.tieredCommission(base, c.tiers, { mode }))));
  tracerOf(ctx, j).add(
    "pay.commission",
    `round(tieredCommission(base, tiers, ${mode}))`,
    () => ({ base: base.toString(), tiers: c.tiers.map((t) => `${String(t.from)}@${String(t.rate)}`).join(", ") }),
    amount,
  );
  return amount;
}
