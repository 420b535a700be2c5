import { PayscoreError, formatPath } from "../../errors/index.js";
import { Decimal, readDecimal } from "../../numeric/index.js";
import { within } from "../dataCells.js";
import * as D from "../domains.js";
import type { RosterPerson } from "../roster.js";
import type { CommissionColumn } from "./collectionsStage.js";
import { tracerOf, type RunContext } from "./RunContext.js";

/** Amounts per person id, as the data gives them. */
type ById = Readonly<Record<string, string | number>> | undefined;

/**
 * Issue 20, a year-to-date true-up (年度/季度清算, per person, independent): with `pay.trueUp`,
 * this run's commission (every commission line so far, for a period that runs from the start of
 * the year) is the earned-to-date, netted by `trueUp` against what was paid to date (the data's
 * `paidToDate`, by person; 0 for someone it does not list) and what earlier true-ups forgave
 * (`forgivenToDate`). More commission lines: `paidToDate` (−paid); `forgivenToDate` (+ the
 * deficits forgiven earlier, which are not netted again; under `forgive`, or when the data gives
 * them); and, under `carry-forward` or `forgive`, `trueUpCarried` or `trueUpForgiven` — the
 * deficit not taken now (0 when there is none) — so the commission lines sum to `trueUp`'s `pay`.
 *
 * @internal
 * @param ctx - the run
 * @param earned - the commission columns so far
 * @param paidToDate - paid to date by person
 * @param forgivenToDate - forgiven at earlier true-ups by person
 * @returns the `paidToDate` column (and the deficit's), or `[]` without `pay.trueUp`
 * @throws {PayscoreError} `INVALID_DATA` when the plan has a true-up and the data no `paidToDate`,
 *   or for an amount that is not a number in whole minor units (path `["paidToDate", id]`)
 *
 * @example
 * ```ts
 * trueUpStage(ctx, [["12000.00"]], { S1: "5000" }, undefined).map((c) => `${c.id} ${c.amounts[0]}`); // ["paidToDate -5000.00"]
 * ```
 */
export function trueUpStage(ctx: RunContext, earned: readonly (readonly string[])[], paidToDate: ById, forgivenToDate: ById): CommissionColumn[] {
  const rule = ctx.p.pay?.trueUp;
  if (rule === undefined) return [];
  if (paidToDate === undefined) {
    throw new PayscoreError(
      "INVALID_DATA",
      "paidToDate: the plan has a true-up (pay.trueUp) but the data says nothing of what was paid to date; give data.paidToDate ({ id: amount }; {} when nothing was paid), or payscore run --paid <earlier-run.json>",
      { path: ["paidToDate"] },
    );
  }
  const n = ctx.people.length;
  const paidLine = new Array<string>(n);
  const deficitId = rule.onNegative === "carry-forward" ? "trueUpCarried" : rule.onNegative === "forgive" ? "trueUpForgiven" : undefined;
  const deficit = deficitId === undefined ? undefined : new Array<string>(n);
  const earlier = rule.onNegative === "forgive" || forgivenToDate !== undefined ? new Array<string>(n) : undefined;
  for (let j = 0; j < n; j++) {
    const person = ctx.people[j] as RosterPerson;
    let sum = new Decimal(0);
    for (const column of earned) sum = sum.plus(column[j] as string);
    const paid = amountOf(paidToDate, "paidToDate", person.id);
    const forgiven = amountOf(forgivenToDate, "forgivenToDate", person.id);
    const r = within(["paidToDate", person.id], `person "${person.id}", true-up`, () => D.trueUp(sum, paid, { onNegative: rule.onNegative, forgivenToDate: forgiven, scale: ctx.scale }));
    paidLine[j] = ctx.cash(r.paidToDate.isZero() ? r.paidToDate : r.paidToDate.negated());
    if (earlier !== undefined) earlier[j] = ctx.cash(r.forgivenToDate);
    if (deficit !== undefined) deficit[j] = ctx.cash(r.carried.plus(r.forgiven));
    tracerOf(ctx, j).add(
      "pay.trueUp",
      `trueUp(earnedToDate, paidToDate, ${rule.onNegative})`,
      () => ({
        earnedToDate: ctx.cash(r.earnedToDate),
        paidToDate: ctx.cash(r.paidToDate),
        forgivenToDate: ctx.cash(r.forgivenToDate),
        difference: ctx.cash(r.difference),
        carried: ctx.cash(r.carried),
        forgiven: ctx.cash(r.forgiven),
      }),
      ctx.cash(r.pay),
    );
  }
  return [
    { id: "paidToDate", amounts: paidLine },
    ...(earlier === undefined ? [] : [{ id: "forgivenToDate", amounts: earlier }]),
    ...(deficit === undefined ? [] : [{ id: deficitId as string, amounts: deficit }]),
  ];
}

function amountOf(table: ById, name: string, id: string): Decimal {
  if (table === undefined || !Object.hasOwn(table, id)) return new Decimal(0);
  const value = table[id];
  const path = [name, id];
  try {
    return readDecimal(value, path);
  } catch (error) {
    throw new PayscoreError("INVALID_DATA", `${formatPath(path)} must be a plain decimal number such as "1200.50"; got ${JSON.stringify(value)}`, { path, cause: error });
  }
}
