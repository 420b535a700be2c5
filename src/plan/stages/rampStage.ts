import * as D from "../domains.js";
import { within } from "../dataCells.js";
import type { RosterPerson } from "../roster.js";
import type { Plan } from "../schema.js";
import { tracerOf, type RunContext } from "./RunContext.js";

type Kpi = Plan["kpis"][number];

/**
 * A person's start date for a ramp: `activeFrom` as the roster gives it — the plan's `people`
 * entry, or the data row's `activeFrom` column when the plan has no people — before it is
 * clipped to the period (so a hire of last November starts then). `null` when none is given:
 * the person is not new, and no ramp applies.
 *
 * @internal
 * @param p - the parsed plan
 * @param person - the person
 * @returns the start date, or null
 *
 * @example
 * ```ts
 * rampStart(plan, person); // "2025-11-16"
 * ```
 */
export function rampStart(p: Plan, person: RosterPerson): string | null {
  if (p.people !== undefined) return p.people.find((entry) => entry.id === person.id)?.activeFrom ?? null;
  const cell = person.row["activeFrom"];
  return typeof cell === "string" && cell.trim() !== "" ? cell.trim() : null;
}

/**
 * Issue 20, a ramped target (新人爬坡指标, stage 2, per person): with `kpi.ramp`, the target
 * becomes `rampTarget(target, ramp.schedule, start, period)` — the full target times the mean
 * factor of the months of tenure the period covers, counted from the person's start date
 * (`rampStart`), rounded to the currency's minor units in the plan's mode — and the trace gets a
 * `kpi.<id>.ramp` step. A person without a start date keeps the full target.
 *
 * @internal
 * @param ctx - the run
 * @param kpi - the KPI (with `ramp`)
 * @param k - its index
 * @param j - the person's position
 * @param target - the full target, as text
 * @returns the ramped target as text
 * @throws {PayscoreError} as `rampTarget` (a negative target), with the person's path
 *
 * @example
 * ```ts
 * rampedTarget(ctx, kpi, 0, j, "100000"); // "50000" in month 2 of a 25/50/75 % ramp
 * ```
 */
export function rampedTarget(ctx: RunContext, kpi: Kpi, k: number, j: number, target: string): string {
  const ramp = kpi.ramp as NonNullable<Kpi["ramp"]>;
  const person = ctx.people[j] as RosterPerson;
  const start = rampStart(ctx.p, person);
  if (start === null) return target;
  const result = within(["kpis", k, "ramp"], `person "${person.id}", KPI "${kpi.id}" ramp`, () =>
    D.rampTarget(target, ramp.schedule, start, ctx.p.period, { scale: ctx.scale, rounding: ctx.mode }),
  );
  const ramped = result.target.toString();
  tracerOf(ctx, j).add(
    `kpi.${kpi.id}.ramp`,
    "round(target × the mean ramp factor of the months of tenure in the period)",
    () => ({ target, start, tenureMonths: result.months.map((m) => String(m.tenureMonth)).join(", "), schedule: ramp.schedule.map(String).join(", "), factor: result.factor.toString() }),
    ramped,
  );
  return ramped;
}
