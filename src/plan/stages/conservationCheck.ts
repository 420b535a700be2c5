import { PayscoreError } from "../../errors/index.js";
import { Decimal, roundDecimal, roundedProduct, type RoundingMode } from "../../numeric/index.js";
import type { Plan } from "../schema.js";
import type { LazyPayoutRun, Statement } from "../types.js";

/**
 * The last stage of every run (核对): checks that no minor unit was lost or made, and refuses a
 * run that does not hold (`INTERNAL_ERROR`, never a payout with a hole in it).
 *
 * - each pool: `funded = round(budget × fundingRatio)` in the plan's mode, `Σ allocations =
 *   allocated` and `allocated + unallocated = funded`, every amount in whole minor units; a pool
 *   per team or role (issue 21): `Σ group parts = funded`, `Σ group allocated = allocated`;
 * - the totals: `payout = fixed + targetIncentive + commission + pool + award`, and
 *   `pool = Σ allocated` over the pools;
 * - each statement, when it is made: `Σ pay lines = totalPayout`, to the minor unit; and once
 *   every statement has been made, `Σ totalPayout = totals.payout`.
 *
 * The pools and totals are checked at once; the statements as `statementAt` makes them (a run
 * of a million people is never held in memory to be checked).
 *
 * @internal
 * @param run - the run as the statement stage made it
 * @param p - the parsed plan (for the pools' exact budgets)
 * @param scale - the currency's minor-unit places
 * @param mode - the plan's rounding mode
 * @returns the same run, whose `statementAt` checks each statement it makes
 * @throws {PayscoreError} `INTERNAL_ERROR` naming the first sum that does not hold
 *
 * @example
 * ```ts
 * const run = conservationCheck(lazyRun, plan, 2, "half-even");
 * run.statementAt(0); // the statement, its pay lines checked against its total
 * ```
 */
export function conservationCheck(run: LazyPayoutRun, p: Plan, scale: number, mode: RoundingMode): LazyPayoutRun {
  // Sums are kept in whole minor units (bigint): exact, and cheap for a million statements.
  const plain = scale > 0 ? new RegExp(`^-?\\d+\\.\\d{${scale}}$`) : /^-?\d+$/;
  const units = (text: string, where: string): bigint => {
    if (typeof text !== "string" || !plain.test(text)) fail(`${where} is ${String(text)}, not an amount in whole minor units (${scale} places)`);
    return BigInt(scale > 0 ? text.replace(".", "") : text);
  };
  let pools = 0n;
  run.pools.forEach((pool, k) => {
    const where = `pools[${k}] (${pool.id})`;
    const funded = units(pool.funded, `${where}.funded`);
    // The report writes the budget to the minor unit; the plan has it exactly (a pool per plan pool, in order).
    const planned = p.pay?.pools?.[k];
    if (planned !== undefined && planned.id === pool.id && run.pools.length === p.pay?.pools?.length) {
      const budget = new Decimal(planned.budget);
      const expected = roundedProduct(budget, new Decimal(pool.fundingRatio), (x) => roundDecimal(x, scale, mode), scale, ["pay", "pools", k, "budget"]);
      if (units(expected.toFixed(scale), `${where}.funded`) !== funded) {
        fail(`${where}: funded ${pool.funded} is not round(budget ${budget.toString()} × funding ${pool.fundingRatio}) = ${expected.toFixed(scale)}`);
      }
    }
    let allocated = 0n;
    pool.allocations.forEach((a, i) => (allocated += units(a.amount, `${where}.allocations[${i}]`)));
    if (allocated !== units(pool.allocated, `${where}.allocated`)) fail(`${where}: the allocations sum to ${allocated} minor units, not the allocated ${pool.allocated}`);
    if (allocated + units(pool.unallocated, `${where}.unallocated`) !== funded) {
      fail(`${where}: allocated ${pool.allocated} + unallocated ${pool.unallocated} is not the funded ${pool.funded}`);
    }
    // Issue 21: a pool per team or role: the groups' parts make the funded pool, their allocations the allocated.
    if (pool.groups !== undefined) {
      let parts = 0n;
      let inGroups = 0n;
      pool.groups.forEach((g, i) => {
        const part = units(g.amount, `${where}.groups[${i}].amount`);
        const given = units(g.allocated, `${where}.groups[${i}].allocated`);
        if (given + units(g.unallocated, `${where}.groups[${i}].unallocated`) !== part) fail(`${where}: group "${g.group}" allocated ${g.allocated} + unallocated ${g.unallocated} is not its part ${g.amount}`);
        parts += part;
        inGroups += given;
      });
      if (parts !== funded) fail(`${where}: the groups' parts sum to ${parts} minor units, not the funded ${pool.funded}`);
      if (inGroups !== allocated) fail(`${where}: the groups' allocations sum to ${inGroups} minor units, not the allocated ${pool.allocated}`);
    }
    pools += allocated;
  });
  const t = run.totals;
  const parts = [t.fixed, t.targetIncentive, t.commission, t.pool, t.award].reduce((sum, part, i) => sum + units(part, `totals[${i}]`), 0n);
  const payoutUnits = units(t.payout, "totals.payout");
  if (parts !== payoutUnits) fail(`totals: fixed + targetIncentive + commission + pool + award = ${parts} minor units, not the payout ${t.payout}`);
  if (pools !== units(t.pool, "totals.pool")) fail(`totals: the pools allocated ${pools} minor units, not the pool total ${t.pool}`);

  const made = new Uint8Array(run.size);
  let left = run.size;
  // Σ totalPayout: whole minor units in a double while they stay safe, moved into `paid` before they would not.
  let paid = 0n;
  let paidSmall = 0;
  const statementAt = (index: number): Statement => {
    const statement = run.statementAt(index);
    // Called for every statement of a run: no text is made unless a sum fails.
    let lines = 0;
    let exact = true;
    for (const line of statement.pay) {
      const u = smallUnits(line.amount, scale);
      if (u === undefined || !Number.isSafeInteger(lines + u)) exact = false;
      else lines += u;
    }
    let total = smallUnits(statement.totalPayout, scale);
    if (!exact || total === undefined) {
      // A long amount or a malformed one: the exact check, with the message naming the line.
      let big = 0n;
      for (const line of statement.pay) big += units(line.amount, `statement of ${statement.person.id}, pay ${line.component} ${line.id}`);
      const bigTotal = units(statement.totalPayout, `statement of ${statement.person.id}, totalPayout`);
      if (big !== bigTotal) fail(`statement of ${statement.person.id}: the pay lines sum to ${big} minor units, not the total payout ${statement.totalPayout}`);
      total = undefined;
      if (made[index] === 0) paid += bigTotal;
    } else if (lines !== total) {
      fail(`statement of ${statement.person.id}: the pay lines sum to ${lines} minor units, not the total payout ${statement.totalPayout}`);
    }
    if (made[index] === 0) {
      made[index] = 1;
      left--;
      if (total !== undefined) {
        if (!Number.isSafeInteger(paidSmall + total)) {
          paid += BigInt(paidSmall);
          paidSmall = 0;
        }
        paidSmall += total;
      }
      if (left === 0 && paid + BigInt(paidSmall) !== payoutUnits) {
        const sum = paid + BigInt(paidSmall);
        fail(`the statements' total payouts sum to ${new Decimal(sum.toString()).div(new Decimal(10).pow(scale)).toFixed(scale)}, not the run's payout ${t.payout}`);
      }
    }
    return statement;
  };
  return { ...run, statementAt };
}

/**
 * An amount written with exactly `scale` decimals (`-12.30` for 2) as whole minor units, when it
 * has at most 15 digits (so the number is exact); undefined otherwise (the caller then checks it
 * exactly). Reads the characters: no text or BigInt is made.
 */
function smallUnits(text: string, scale: number): number | undefined {
  if (typeof text !== "string") return undefined;
  const negative = text.charCodeAt(0) === 45;
  const from = negative ? 1 : 0;
  const point = scale > 0 ? text.length - scale - 1 : text.length;
  if (point <= from || text.length - from - (scale > 0 ? 1 : 0) > 15) return undefined;
  let value = 0;
  for (let i = from; i < text.length; i++) {
    if (i === point) {
      if (text.charCodeAt(i) !== 46) return undefined;
      continue;
    }
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return negative ? -value : value;
}

function fail(text: string): never {
  throw new PayscoreError("INTERNAL_ERROR", `conservation check failed, the run is refused (a bug in payscore; please report it): ${text}`);
}
