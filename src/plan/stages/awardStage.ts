import { PayscoreError, formatPath } from "../../errors/index.js";
import { readDecimal } from "../../numeric/index.js";
import { tracerOf, type RunContext } from "./RunContext.js";

/** One award's amount and the positions of the people who receive it. */
export interface Award {
  readonly id: string;
  readonly amount: string;
  /** How many times each person receives it (a person named twice gets two lines). */
  readonly receivers: ReadonlyMap<number, number>;
}

/**
 * Stage 8b, awards (per person): each award's amount, rounded to the minor unit, to the people
 * it names.
 *
 * @internal
 * @param ctx - the run
 * @returns the awards, in plan order
 * @throws {PayscoreError} `INVALID_PLAN` for an award naming no one in the run
 *
 * @example
 * ```ts
 * awardStage(ctx)[0]?.amount; // e.g. "5000.00"
 * ```
 */
export function awardStage(ctx: RunContext): Award[] {
  return (ctx.p.pay?.awards ?? []).map((award, a) => {
    const amount = ctx.cash(ctx.money(readDecimal(award.amount, ["pay", "awards", a, "amount"])));
    const receivers = new Map<number, number>();
    award.people.forEach((id, i) => {
      const j = ctx.indexOf.get(id);
      if (j === undefined) {
        const path = ["pay", "awards", a, "people", i];
        throw new PayscoreError("INVALID_PLAN", `${formatPath(path)}: no person "${id}" in this run`, { path });
      }
      receivers.set(j, (receivers.get(j) ?? 0) + 1);
      tracerOf(ctx, j).add(`pay.award.${award.id}`, "round(amount)", () => ({ amount: String(award.amount), ...(award.name === undefined ? {} : { name: award.name }) }), amount);
    });
    return { id: award.id, amount, receivers };
  });
}
