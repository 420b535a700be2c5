import { Decimal, readDecimal } from "../../numeric/index.js";
import { readCell, within } from "../dataCells.js";
import * as D from "../domains.js";
import type { RosterPerson } from "../roster.js";
import type { Plan } from "../schema.js";
import type { CommissionColumn } from "./collectionsStage.js";
import { tracerOf, type RunContext } from "./RunContext.js";

type Draw = NonNullable<NonNullable<Plan["pay"]>["draw"]>;

/**
 * Issue 20, a draw against the commission (per person, independent): with `pay.draw`, each
 * person's earnings — the sum of their commission lines (after clawbacks) — go through
 * `applyDraw` with the draw (a number or a data column) and the balance owed from earlier draws
 * (`balance: { column }`, empty = 0; default 0). Two more commission lines: `draw`, the advance
 * paid to reach the draw (≥ 0), and, for a recoverable draw, `drawRecovery`, what is taken back
 * from the earnings above the draw (≤ 0). So the commission lines sum to `applyDraw`'s `pay`.
 * The balance carried to the next period is in the trace step `pay.draw`.
 *
 * @internal
 * @param ctx - the run
 * @param earned - the commission columns the draw is against (amounts per person)
 * @returns the `draw` (and `drawRecovery`) columns, or `[]` without `pay.draw`
 * @throws {PayscoreError} as `applyDraw`, with the person's path (a draw or balance that is not
 *   whole minor units, a negative draw or balance)
 *
 * @example
 * ```ts
 * drawStage(ctx, [{ id: "commission", amounts: ["3000.00"] }]).map((c) => c.amounts[0]); // ["2000.00", "0.00"] for a draw of 5000
 * ```
 */
export function drawStage(ctx: RunContext, earned: readonly (readonly string[])[]): CommissionColumn[] {
  const draw = ctx.p.pay?.draw;
  if (draw === undefined) return [];
  const n = ctx.people.length;
  const recoverable = draw.type === "recoverable";
  const advance = new Array<string>(n);
  const recovery = recoverable ? new Array<string>(n) : undefined;
  const fixedDraw = typeof draw.amount === "object" ? undefined : readDecimal(draw.amount, ["pay", "draw", "amount"]);
  for (let j = 0; j < n; j++) {
    const person = ctx.people[j] as RosterPerson;
    let sum = new Decimal(0);
    for (const column of earned) sum = sum.plus(column[j] as string);
    const result = drawOf(ctx.scale, draw, person, sum, fixedDraw);
    advance[j] = ctx.cash(result.advance);
    if (recovery !== undefined) recovery[j] = ctx.cash(result.recovery.isZero() ? result.recovery : result.recovery.negated());
    tracerOf(ctx, j).add(
      "pay.draw",
      `applyDraw(earned, draw, balance, ${draw.type})`,
      () => ({
        earned: ctx.cash(result.earned),
        draw: ctx.cash(result.draw),
        openingBalance: ctx.cash(result.openingBalance),
        advance: ctx.cash(result.advance),
        recovery: ctx.cash(result.recovery),
        balance: ctx.cash(result.balance),
      }),
      ctx.cash(result.pay),
    );
  }
  return [{ id: "draw", amounts: advance }, ...(recovery === undefined ? [] : [{ id: "drawRecovery", amounts: recovery }])];
}

/**
 * One person's `applyDraw`, with the draw and balance read from the plan or the row.
 *
 * @internal
 * @param scale - the currency's minor units
 * @param draw - the plan's draw
 * @param person - the person
 * @param earned - their commission
 * @param fixedDraw - the plan's draw amount when it is a number
 * @returns `applyDraw`'s result
 * @throws {PayscoreError} as `applyDraw`, with the person's path
 *
 * @example
 * ```ts
 * drawOf(2, { type: "recoverable", amount: 5000 }, person, new Decimal(3000), new Decimal(5000)).pay.toString(); // "5000"
 * ```
 */
export function drawOf(scale: number, draw: Draw, person: RosterPerson, earned: Decimal, fixedDraw: Decimal | undefined): D.DrawResult {
  const amount = fixedDraw ?? (typeof draw.amount === "object" ? (readCell(person.row, person.rowIndex, draw.amount.column) ?? new Decimal(0)) : readDecimal(draw.amount, ["pay", "draw", "amount"]));
  const balance = draw.balance === undefined ? new Decimal(0) : (readCell(person.row, person.rowIndex, draw.balance.column) ?? new Decimal(0));
  return within(["rows", person.rowIndex], `person "${person.id}", draw`, () =>
    D.applyDraw(earned, amount, balance, { type: draw.type, scale, ...(draw.recoveryShare === undefined ? {} : { recoveryShare: draw.recoveryShare }) }),
  );
}
