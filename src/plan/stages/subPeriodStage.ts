import { PayscoreError, formatPath } from "../../errors/index.js";
import { Decimal } from "../../numeric/index.js";
import type { Period } from "../../period/index.js";
import { readCell, within } from "../dataCells.js";
import * as D from "../domains.js";
import type { RosterPerson } from "../roster.js";
import { actualColumnOf, scoredSubPeriods, subPeriodKpiIndices, type ScoredSubPeriods } from "../subPeriodChecks.js";
import type { StatementSubPeriod, StatementSubPeriodKpiLine } from "../types.js";
import { deepFreeze, frozenKpiSpecs, type RunContext } from "./RunContext.js";
import { cellText } from "./cellText.js";
import type { KpiInputs } from "./kpiInputStage.js";
import { kpiDifficulties, specsWithDifficulties } from "./kpiDifficulty.js";
import { calendarOptions } from "./payProration.js";

/** Person `j`'s sub-period results, frozen (the same list on every call). @internal */
export type SubPeriodLines = (j: number) => readonly StatementSubPeriod[];

type Method = "equal" | "business-days" | "calendar-days" | { readonly weights: readonly (string | number)[] };

/**
 * Issue 21, sub-periods (分期目标与结果; per person, after stage 2): when the plan's `subPeriods`
 * is the object form, every person's sub-period results, for the statement. The period's score
 * and pay do not read them.
 *
 * For each KPI scored per sub-period (`subPeriods.kpis`, default every KPI whose actual is a data
 * column):
 * - **target**: the person's period target as stage 2 gave it (after proration or ramp),
 *   decomposed by `decomposeOverPeriods(target, period, { unit: by, method: split, scale })`, so
 *   the sub-period targets sum to it exactly. For a person active for part of the period, a
 *   sub-period without an active day weighs 0 (target 0, not scored); with `"calendar-days"` or
 *   `"business-days"` (the plan's calendar) only the active days of a sub-period count; `"equal"`
 *   and a profile keep a partly active sub-period's whole weight.
 * - **actual**: the data column `<actual column>@<label>` (`revenue@2026-01`); absent or empty →
 *   `INVALID_DATA` at `["rows", i, column]` unless `subPeriods.missing` is `"empty"` (then that
 *   sub-period of the KPI is not scored); `actuals: "none"` reads no column.
 * - **scored** like the period (`scoreRounded` with the plan's rounding points, the KPI's
 *   direction, cap, floor, curve, zero-target rule and difficulty): a KPI with both an actual and
 *   a target in a sub-period the person was active in gets attainment and points; the
 *   sub-period's score is `round(Σ weight · points, rounding.score)` over those KPIs, their
 *   weights rescaled to sum 1 (`missing: "reweight"`), `null` when there is none.
 *
 * @internal
 * @param ctx - the run
 * @param inputs - stage 2's actuals and targets
 * @returns the maker of each person's sub-period results, or `undefined` without scored sub-periods
 * @throws {PayscoreError} `INVALID_DATA` for an absent, empty or malformed sub-period column (path
 *   `["rows", i, column]`) or a column target with more decimals than the sub-period scale;
 *   `INVALID_PLAN` for such a target written in the plan (path `["kpis", k, "target"]`);
 *   `INVALID_WEIGHTS` for a split with no weight for the person (path `["subPeriods", "split"]`);
 *   a sub-period score's own code (`ZERO_DENOMINATOR` for a sub-period target of 0 under
 *   `zeroTarget: "error"`) at `["rows", i]`
 *
 * @example
 * ```ts
 * // subPeriods: { by: "month" }, one KPI sales (target 90000), row { id: "p01", sales: 100000,
 * //   "sales@2026-01": 27000, "sales@2026-02": 33000, "sales@2026-03": 40000 }
 * subPeriodStage(ctx, inputs)?.(0)[0]; // { label: "2026-01", …, kpis: [{ id: "sales", target: "30000", actual: "27000", attainment: "0.9", points: "90", … }], score: "90" }
 * ```
 */
export function subPeriodStage(ctx: RunContext, inputs: KpiInputs): SubPeriodLines | undefined {
  const sub = scoredSubPeriods(ctx.p);
  if (sub === undefined) return undefined;
  const parts = D.splitPeriod(ctx.p.period, sub.by);
  const kpiIndices = subPeriodKpiIndices(ctx.p, sub);
  const specs = frozenKpiSpecs(ctx.p);
  const difficulties = kpiDifficulties(ctx.p, ctx.people);
  const { places } = ctx;
  const options: D.ScoreRoundedOptions = { missing: "reweight", attainmentScale: places.attainment, pointsScale: places.points, scoreScale: places.score, mode: places.mode };
  const results = ctx.people.map((person, j) => {
    const personSpecs = difficulties === undefined ? specs : specsWithDifficulties(specs, difficulties, j);
    const targets = kpiIndices.map((k) => subTargets(ctx, sub, parts, person, k, (inputs.target[k] as unknown[])[j]));
    const active = parts.map((part) => part.start <= person.activeTo && part.end >= person.activeFrom);
    return deepFreeze(
      parts.map((part, i): StatementSubPeriod => {
        const actuals = kpiIndices.map((k) => subActual(ctx, sub, person, k, part, active[i] as boolean));
        const values: Record<string, { actual: string; target: string }> = {};
        kpiIndices.forEach((k, s) => {
          const target = targets[s]?.[i] ?? null;
          const actual = actuals[s] ?? null;
          if (active[i] === true && target !== null && actual !== null) values[(ctx.p.kpis[k] as { id: string }).id] = { actual, target };
        });
        const scored = Object.keys(values).length === 0 ? undefined : within(["rows", person.rowIndex], `person "${person.id}", sub-period ${part.label}`, () => D.scoreRounded(personSpecs, values, options));
        const kpis = kpiIndices.map((k, s): StatementSubPeriodKpiLine => {
          const id = (ctx.p.kpis[k] as { id: string }).id;
          const line = id in values ? scored?.lines[k] : undefined;
          return {
            id,
            target: targets[s]?.[i] ?? null,
            actual: actuals[s] ?? null,
            attainment: line?.attainment?.toString() ?? null,
            points: line === undefined ? null : line.points.toString(),
            weight: line === undefined ? null : line.weight.toString(),
            contribution: line === undefined ? null : line.contribution.toString(),
          };
        });
        return { label: part.label, start: part.start, end: part.end, kpis, score: scored === undefined ? null : scored.score.toString() };
      }),
    );
  });
  return (j) => results[j] as readonly StatementSubPeriod[];
}

/** KPI `k`'s sub-period targets for one person (`null` each when the person has no target). */
function subTargets(ctx: RunContext, sub: ScoredSubPeriods, parts: readonly Period[], person: RosterPerson, k: number, cell: unknown): (string | null)[] {
  const text = cellText(cell);
  if (text === null) return parts.map(() => null);
  const kpi = ctx.p.kpis[k] as (typeof ctx.p.kpis)[number];
  const scale = sub.scale ?? ctx.scale;
  const target = new Decimal(text);
  if (target.decimalPlaces() > scale) {
    const column = typeof kpi.target === "object" && "column" in kpi.target ? kpi.target.column : undefined;
    const path = column === undefined ? ["kpis", k, "target"] : ["rows", person.rowIndex, column];
    throw new PayscoreError(
      column === undefined ? "INVALID_PLAN" : "INVALID_DATA",
      `${formatPath(path)}: person "${person.id}", KPI "${kpi.id}": the target ${text} has more decimals than the sub-period targets' ${scale} (subPeriods.scale), so it cannot be split exactly; round it or raise subPeriods.scale`,
      { path },
    );
  }
  const calendar = calendarOptions(ctx.p);
  const method = methodFor(sub, parts, person, calendar);
  const split = within(["subPeriods", "split"], `person "${person.id}", KPI "${kpi.id}" target over the sub-periods`, () =>
    D.decomposeOverPeriods(target, ctx.p.period, { unit: sub.by, method, scale, ...calendar }),
  );
  return split.map((part) => part.amount.toString());
}

/**
 * The split for one person: the plan's as it is for someone active the whole period; otherwise
 * a profile (`{ weights }`) that gives a sub-period without an active day weight 0 and, by days,
 * counts only the active days.
 */
function methodFor(sub: ScoredSubPeriods, parts: readonly Period[], person: RosterPerson, calendar: ReturnType<typeof calendarOptions>): Method {
  const split = sub.split ?? "equal";
  const given: Method = typeof split === "object" ? { weights: split.profile } : split;
  if (!person.partial) return given;
  const weights = parts.map((part, i): string | number => {
    const from = part.start > person.activeFrom ? part.start : person.activeFrom;
    const to = part.end < person.activeTo ? part.end : person.activeTo;
    if (from > to) return 0;
    const days = { start: from, end: to, label: part.label };
    if (split === "calendar-days") return D.calendarDays(days);
    if (split === "business-days") return D.businessDays(days, calendar);
    return typeof split === "object" ? (split.profile[i] as string | number) : 1;
  });
  return { weights };
}

/** KPI `k`'s actual in one sub-period: the cell of `<actual column>@<label>` as text, or `null`. */
function subActual(ctx: RunContext, sub: ScoredSubPeriods, person: RosterPerson, k: number, part: Period, active: boolean): string | null {
  if (sub.actuals === "none") return null;
  const kpi = ctx.p.kpis[k] as (typeof ctx.p.kpis)[number];
  const column = `${actualColumnOf(kpi.actual) as string}@${part.label}`;
  const present = Object.prototype.hasOwnProperty.call(person.row, column);
  const value = present ? readCell(person.row, person.rowIndex, column) : null;
  if (value === null && active && sub.missing !== "empty") {
    const path = ["rows", person.rowIndex, column];
    const fault = present ? "is empty" : `: the data has no column "${column}"`;
    throw new PayscoreError("INVALID_DATA", `${formatPath(path)}${present ? " " : ""}${fault}; KPI "${kpi.id}" is scored per sub-period (subPeriods) and needs its actual for ${part.label} (or set subPeriods.missing to "empty")`, { path });
  }
  return value === null ? null : cellText(person.row[column]);
}
