import { PayscoreError } from "../../errors/index.js";
import { Decimal, type RoundingMode } from "../../numeric/index.js";
import * as D from "../domains.js";
import type { Plan, TransactionRow } from "../schema.js";
import { inTransactionTerms, readTransactions, type ReadTransactions } from "../transactions.js";
import { tracerOf, type RunContext } from "./RunContext.js";

/** Extra commission lines, one amount per person (money text): `clawback`, `draw`, `drawRecovery`, … */
export interface CommissionColumn {
  /** The pay line's id (its component is `commission`). */
  readonly id: string;
  readonly amounts: string[];
}

type Commission = NonNullable<NonNullable<Plan["pay"]>["commission"]>;

/**
 * The collections options of a commission, or `undefined` when its base is not collections.
 *
 * @internal
 * @param c - the plan's `pay.commission`
 * @returns its `base.collections`, or `undefined`
 *
 * @example
 * ```ts
 * collectionsOf({ base: { collections: { release: "pro-rata" } }, tiers: [{ from: 0, rate: "0.05" }] }); // { release: "pro-rata" }
 * collectionsOf({ base: "sales", tiers: [{ from: 0, rate: "0.05" }] }); // undefined
 * ```
 */
export function collectionsOf(c: Commission | undefined): { release?: "pro-rata" | "full-payment" | undefined; clawbackWindowDays?: number | undefined; tolerance?: string | number | undefined } | undefined {
  return c !== undefined && "collections" in c.base ? c.base.collections : undefined;
}

/**
 * Issue 20, pay on cash collected (per person after one global pass): with
 * `pay.commission.base: { collections }`, the data's transactions go through
 * `commissionOnCollections` once (the plan's period as the one pay period, the commission's
 * tiers and mode, the currency's minor units and the plan's rounding mode). Each person's
 * commission is then two lines: `commission` (Σ their release lines = round(tiered commission
 * on their credited collections)) and `clawback` (Σ their clawback lines, ≤ 0). The trace has the
 * tiered step and one step per release, clawback and forgiven reversal, each naming its invoice
 * and its payment, refund or credit note.
 *
 * @internal
 * @param ctx - the run
 * @param transactions - the data's transactions
 * @returns the `commission` and `clawback` columns, or `[]` when the commission's base is not collections
 * @throws {PayscoreError} `INVALID_DATA` when the plan needs transactions and there are none, or
 *   for a bad transaction (its path `["transactions", row, column]`)
 *
 * @example
 * ```ts
 * collectionsStage(ctx, data.transactions).map((c) => c.id); // ["commission", "clawback"]
 * ```
 */
export function collectionsStage(ctx: RunContext, transactions: readonly TransactionRow[] | undefined): CommissionColumn[] {
  const c = ctx.p.pay?.commission;
  const options = collectionsOf(c);
  if (c === undefined || options === undefined) return [];
  const result = collectionsResult(ctx.p, c, transactions, new Set(ctx.people.map((person) => person.id)), ctx.scale, ctx.mode);
  const n = ctx.people.length;
  const commission = new Array<string>(n).fill(ctx.cash(new Decimal(0)));
  const clawback = new Array<string>(n).fill(ctx.cash(new Decimal(0)));
  const credited = new Array<Decimal>(n).fill(new Decimal(0));
  for (const period of result.periods) {
    const j = ctx.indexOf.get(period.rep) as number;
    commission[j] = ctx.cash(period.commission);
    clawback[j] = ctx.cash(period.clawback);
    credited[j] = period.credited;
  }
  const mode = c.mode ?? "marginal";
  const tiers = c.tiers.map((t) => `${String(t.from)}@${String(t.rate)}`).join(", ");
  for (let j = 0; j < n; j++) {
    tracerOf(ctx, j).add("pay.commission", `round(tieredCommission(base, tiers, ${mode}))`, () => ({ base: (credited[j] as Decimal).toString(), tiers }), commission[j] as string);
  }
  if (ctx.tracers !== undefined) {
    for (const line of result.lines) traceLine(ctx.tracers[ctx.indexOf.get(line.rep) as number], line, ctx.cash);
    for (const line of result.forgiven) traceForgiven(ctx.tracers[ctx.indexOf.get(line.rep) as number], line, ctx.cash);
  }
  return [
    { id: "commission", amounts: commission },
    { id: "clawback", amounts: clawback },
  ];
}

/**
 * `commissionOnCollections` over the transactions, with its faults in terms of the rows.
 *
 * @internal
 * @param p - the parsed plan
 * @param c - the plan's commission (its base is collections)
 * @param transactions - the data's transactions
 * @param roster - the people's ids
 * @param scale - the currency's minor units
 * @param mode - the plan's rounding mode
 * @returns the library's result
 * @throws {PayscoreError} as {@link collectionsStage}
 *
 * @example
 * ```ts
 * collectionsResult(plan, plan.pay.commission, data.transactions, new Set(["S1"]), 2, "half-even").lines;
 * ```
 */
export function collectionsResult(
  p: Plan,
  c: Commission,
  transactions: readonly TransactionRow[] | undefined,
  roster: ReadonlySet<string>,
  scale: number,
  mode: RoundingMode,
): D.CollectionsResult {
  const options = collectionsOf(c) ?? {};
  if (transactions === undefined) {
    throw new PayscoreError(
      "INVALID_DATA",
      "transactions: the plan pays commission on collections (pay.commission.base.collections) but the data has no transactions; give them as data.transactions (or payscore run --transactions <transactions.csv>)",
      { path: ["transactions"] },
    );
  }
  const read: ReadTransactions = readTransactions(transactions, roster);
  try {
    return D.commissionOnCollections(read.invoices, {
      period: p.period,
      tiers: c.tiers,
      mode: c.mode ?? "marginal",
      scale,
      rounding: mode,
      ...(options.release === undefined ? {} : { release: options.release }),
      ...(options.clawbackWindowDays === undefined ? {} : { clawbackWindowDays: options.clawbackWindowDays }),
      ...(options.tolerance === undefined ? {} : { tolerance: options.tolerance }),
    });
  } catch (error) {
    if (error instanceof PayscoreError) throw inTransactionTerms(error, read);
    throw error;
  }
}

type Tracer = NonNullable<RunContext["tracers"]>[number];

/**
 * One release or clawback line in a person's trace.
 *
 * @internal
 * @param tracer - the person's tracer
 * @param line - the line
 * @param cash - money as text
 *
 * @example
 * ```ts
 * traceLine(tracer, result.lines[0], (x) => x.toFixed(2)); // step pay.commission.release.INV-1.P1
 * ```
 */
export function traceLine(tracer: Tracer | undefined, line: D.CollectionLine, cash: (x: Decimal) => string): void {
  if (tracer === undefined) return;
  if (line.kind === "release") {
    tracer.add(
      `pay.commission.release.${line.invoice}.${line.event}`,
      "commission × base / credited, shared over the releases by largest remainder",
      () => ({ invoice: line.invoice, event: line.event, eventKind: line.eventKind, date: line.date, base: cash(line.base) }),
      cash(line.commission),
    );
  } else {
    tracer.add(
      `pay.commission.clawback.${line.invoice}.${line.event}.${line.reverses as string}`,
      "−(commission of the reversed release × reversed base / its base), rounded",
      () => ({ invoice: line.invoice, event: line.event, eventKind: line.eventKind, date: line.date, reverses: line.reverses as string, base: cash(line.base) }),
      cash(line.commission),
    );
  }
}

/**
 * A reversal outside the clawback window in a person's trace (nothing clawed back).
 *
 * @internal
 * @param tracer - the person's tracer
 * @param line - the forgiven reversal
 * @param cash - money as text
 *
 * @example
 * ```ts
 * traceForgiven(tracer, result.forgiven[0], (x) => x.toFixed(2)); // result "0.00"
 * ```
 */
export function traceForgiven(tracer: Tracer | undefined, line: D.CollectionsResult["forgiven"][number], cash: (x: Decimal) => string): void {
  tracer?.add(
    `pay.commission.forgiven.${line.invoice}.${line.event}`,
    "outside the clawback window: nothing clawed back",
    () => ({ invoice: line.invoice, event: line.event, eventKind: line.eventKind, date: line.date, base: cash(line.base) }),
    cash(new Decimal(0)),
  );
}
