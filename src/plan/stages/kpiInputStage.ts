import { PayscoreError, formatPath } from "../../errors/index.js";
import { Decimal, apportion, readDecimal, roundDecimal, roundedQuotient, scaledInteger, type RoundingMode } from "../../numeric/index.js";
import { readCell, within } from "../dataCells.js";
import * as D from "../domains.js";
import type { RosterPerson } from "../roster.js";
import type { Plan } from "../schema.js";
import type { IndicatorLine } from "../types.js";
import { frozenKpiSpecs, tracerOf, type RunContext } from "./RunContext.js";
import { cellText } from "./cellText.js";
import { calendarOptions } from "./payProration.js";
import { orgTargets, type OrgTargets } from "./orgTargets.js";
import { rampedTarget } from "./rampStage.js";
import { unitsText } from "./unitsText.js";
import { isListSource, noEvents, type ListSource } from "../listEvents.js";
import type { ListActuals } from "./listIndicatorStage.js";

type Kpi = Plan["kpis"][number];
type Missing = "error" | "zero" | "reweight";
type IndicatorSource = Exclude<Kpi["actual"], string | { column: string } | ListSource>;

/** The scoring module's name of each plan indicator. */
const INDICATORS: Readonly<Record<IndicatorSource["indicator"], D.MeasurableIndicator>> = {
  "collection-rate": "collectionRate",
  margin: "orderMargin",
  nps: "nps",
  growth: "growthRate",
  "market-share": "marketShare",
  "complaint-rate": "complaintRate",
};

/** Stage 2's result: each KPI's actual and target per person, as the scorer reads them. */
export interface KpiInputs {
  /** Per KPI, each person's actual: a data cell as given, an indicator's rounded value as text, or `null`. */
  readonly actual: readonly unknown[][];
  /** Per KPI, each person's target: a cell as given, a value as text, or `null`. */
  readonly target: readonly unknown[][];
  /** Issue 21: the list KPIs' values per person (from the list indicator stage), if any. */
  readonly lists?: ListActuals | undefined;
}

/**
 * Stage 2, indicators and targets (per person, independent): reads each KPI's actual — a
 * column, or a derived indicator such as 回款率 measured from its input columns and rounded to
 * `rounding.indicator` — and its target (a constant, a column, the plan's per-person table, a
 * total decomposed over the people by a weight column, or down the org tree by `orgTargets`),
 * prorated for people active for part of the period. Every cell is checked as it is read.
 *
 * @internal
 * @param ctx - the run
 * @param lists - the list KPIs' values per person (issue 21), from `listIndicatorStage`
 * @returns the actual and target columns
 * @throws {PayscoreError} `INVALID_DATA` for a missing or malformed cell (path `["rows", i, column]`),
 *   `INVALID_PLAN` for a per-person target the plan lacks
 *
 * @example
 * ```ts
 * kpiInputStage(ctx).actual[0][0]; // the first person's first actual, e.g. "120000"
 * ```
 */
export function kpiInputStage(ctx: RunContext, lists?: ListActuals | undefined): KpiInputs {
  const { p, people } = ctx;
  const missing: Missing = p.score?.missing ?? "error";
  const decomposed = p.kpis.map((kpi, k) => decomposedTargets(ctx, kpi, k));
  // The KPIs themselves (curves, weights) are checked before any cell is read.
  within(["kpis"], "KPIs", () => D.compileScorecard(frozenKpiSpecs(p), { missing }));
  const constants = p.kpis.map((kpi, k) => (typeof kpi.target === "object" ? null : readDecimal(kpi.target, ["kpis", k, "target"]).toString()));
  const actual = p.kpis.map(() => new Array<unknown>(people.length));
  const target = p.kpis.map(() => new Array<unknown>(people.length));
  // Without traces, a column's usual cell (a JS number, or a string of a plain number) is taken
  // as it is, and a constant target as the plan's; anything else goes the full way below.
  const traced = ctx.tracers !== undefined;
  const actualColumns = p.kpis.map((kpi) => (traced ? null : typeof kpi.actual === "string" ? kpi.actual : "column" in kpi.actual ? kpi.actual.column : null));
  const targetColumns = p.kpis.map((kpi) => (traced || typeof kpi.target !== "object" || !("column" in kpi.target) ? null : kpi.target.column));
  for (let j = 0; j < people.length; j++) {
    const person = people[j] as RosterPerson;
    const row = person.row;
    for (let k = 0; k < p.kpis.length; k++) {
      const kpi = p.kpis[k] as Kpi;
      const actualColumn = actualColumns[k] as string | null;
      const a = actualColumn === null ? undefined : row[actualColumn];
      (actual[k] as unknown[])[j] = typeof a === "number" || (typeof a === "string" && a !== "" && scaledInteger(a, 6) !== undefined) ? a : actualOf(ctx, kpi, j, missing, lists?.[k]);
      const prorated = kpi.prorate !== undefined && person.partial;
      const constant = constants[k] ?? null;
      const targetColumn = targetColumns[k] as string | null;
      const t = targetColumn === null || prorated || kpi.ramp !== undefined ? undefined : row[targetColumn];
      (target[k] as unknown[])[j] =
        constant !== null && !prorated && !traced && kpi.ramp === undefined
          ? constant
          : typeof t === "number" || (typeof t === "string" && t !== "" && scaledInteger(t, 6) !== undefined)
            ? t
            : targetOf(ctx, kpi, k, j, decomposed[k] ?? null, constant, missing);
    }
  }
  return lists === undefined ? { actual, target } : { actual, target, lists };
}

/** A cell of a number column as given, checked; `null` when empty. */
function numberCell(person: RosterPerson, column: string): unknown {
  const value = person.row[column];
  if (typeof value === "number") return value;
  if (value === null || value === "") return null;
  if (typeof value === "string" && scaledInteger(value, 6) !== undefined) return value;
  // The reference reader: a missing column or a malformed number is reported with its path.
  const read = readCell(person.row, person.rowIndex, column);
  return read === null ? null : value;
}

function actualOf(ctx: RunContext, kpi: Kpi, j: number, missing: Missing, list: ListActuals[number]): unknown {
  const person = ctx.people[j] as RosterPerson;
  const tracer = tracerOf(ctx, j);
  const source = kpi.actual;
  if (isListSource(source)) {
    // Issue 21: the list indicator stage measured it; used like a column's cell.
    const measured = list?.[j];
    const value = measured?.value ?? null;
    if (value === null && missing === "error") throw noEvents(source, kpi.id, person.id);
    tracer.add(`kpi.${kpi.id}.actual`, `${source.indicator}: round(${measured?.formula ?? ""}, ${ctx.places.indicator})`, () => ({ ...measured?.inputs }), value ?? "missing");
    return value;
  }
  const cell = (column: string): unknown => {
    const value = numberCell(person, column);
    if (value === null && missing === "error") {
      const path = ["rows", person.rowIndex, column];
      throw new PayscoreError("INVALID_DATA", `${formatPath(path)} is empty; KPI "${kpi.id}" needs it (or set score.missing)`, { path });
    }
    return value;
  };
  if (typeof source === "string" || "column" in source) {
    const column = typeof source === "string" ? source : source.column;
    const value = cell(column);
    if (tracer.enabled) {
      const text = value === null ? null : cellText(value);
      tracer.add(`kpi.${kpi.id}.actual`, `column ${column}`, () => ({ [column]: text ?? "empty" }), text ?? "missing");
    }
    return value;
  }
  const columns = Object.entries(source).filter(([key]) => key !== "indicator") as [string, string][];
  const inputs: Record<string, unknown> = {};
  for (const [key, column] of columns) {
    const value = cell(column);
    if (value === null) return null;
    inputs[key] = value;
  }
  if (!tracer.enabled) {
    const fast = quickIndicator(source, inputs, ctx.places.indicator, ctx.places.mode);
    if (fast !== undefined) return fast;
  }
  const measured = measureIndicator(kpi, source, person, columns, inputs);
  const value = roundDecimal(measured.value, ctx.places.indicator, ctx.places.mode).toString();
  tracer.add(`kpi.${kpi.id}.actual`, `${source.indicator}: round(${measured.formula}, ${ctx.places.indicator})`, () => ({ ...measured.inputs }), value);
  return value;
}

/** Two cells as integers at one scale (0, 2 or 6 decimals), or `undefined`. */
function integersOf(a: unknown, b: unknown): [number, number] | undefined {
  for (const scale of SCALES) {
    const x = scaledInteger(a, scale);
    const y = x === undefined ? undefined : scaledInteger(b, scale);
    if (x !== undefined && y !== undefined) return [x, y];
  }
  return undefined;
}

const SCALES = [0, 2, 6] as const;

/**
 * An indicator's rounded value from integer cells without a Decimal — `round(p / q)` exactly by
 * `roundedQuotient` — for the usual valid inputs; `undefined` sends the person to `measure`,
 * the reference (and its words for a fault).
 */
function quickIndicator(source: IndicatorSource, inputs: Record<string, unknown>, places: number, mode: RoundingMode): string | undefined {
  // A signed cell ("-0" too, which the metrics refuse as negative) goes to the reference.
  for (const key in inputs) {
    const cell = inputs[key];
    if ((typeof cell === "string" && cell.trimStart().startsWith("-")) || Object.is(cell, -0) || (typeof cell === "number" && cell < 0)) return undefined;
  }
  let ratio: [number, number] | undefined;
  switch (source.indicator) {
    case "collection-rate": {
      const u = integersOf(inputs["collected"], inputs["billed"]);
      if (u !== undefined && u[0] >= 0 && u[1] > 0) ratio = u;
      break;
    }
    case "complaint-rate": {
      const u = integersOf(inputs["complaints"], inputs["interactions"]);
      if (u !== undefined && u[0] >= 0 && u[1] > 0) ratio = u;
      break;
    }
    case "margin": {
      const u = integersOf(inputs["revenue"], inputs["cost"]);
      if (u !== undefined && u[0] > 0 && u[1] >= 0) ratio = [u[0] - u[1], u[0]];
      break;
    }
    case "nps": {
      const u = [inputs["promoters"], inputs["passives"], inputs["detractors"]].map((cell) => scaledInteger(cell, 0));
      const [p, pa, d] = u;
      if (p !== undefined && pa !== undefined && d !== undefined && p >= 0 && pa >= 0 && d >= 0 && p + pa + d > 0 && Number.isSafeInteger(p + pa + d)) ratio = [100 * (p - d), p + pa + d];
      break;
    }
    default:
      break;
  }
  if (ratio === undefined) return undefined;
  const units = roundedQuotient(ratio[0], ratio[1], places, mode);
  return units === undefined ? undefined : unitsText(units, places);
}

function measureIndicator(kpi: Kpi, source: IndicatorSource, person: RosterPerson, columns: readonly [string, string][], inputs: Record<string, unknown>): D.Measured {
  try {
    return D.measure(INDICATORS[source.indicator], inputs as Record<string, string | number>);
  } catch (error) {
    if (!(error instanceof PayscoreError)) throw error;
    // The metric names its input (["inputs", "billed"]); point at that column of this row.
    const key = error.path[0] === "inputs" && typeof error.path[1] === "string" ? error.path[1] : undefined;
    const column = columns.find(([name]) => name === key)?.[1] ?? columns[columns.length - 1]?.[1] ?? "id";
    const at = ["rows", person.rowIndex, column];
    const code = error.code === "INVALID_ARGUMENT" || error.code === "OUT_OF_RANGE" || error.code === "INVALID_NUMBER" ? "INVALID_DATA" : error.code;
    throw new PayscoreError(code, `${formatPath(at)}: person "${person.id}", KPI "${kpi.id}" (${source.indicator}): ${error.message}`, { path: at, cause: error });
  }
}

/**
 * The statement's indicator lines of person `j`: one per indicator KPI whose inputs were all
 * present, its inputs as the metric shows them.
 *
 * @internal
 * @param ctx - the run
 * @param inputs - stage 2's result
 * @param j - the person's position
 * @returns the lines, in KPI order
 *
 * @example
 * ```ts
 * indicatorLinesOf(ctx, inputs, 0); // [{ kpi: "collection", indicator: "collection-rate", inputs: { collected: "940", billed: "1000" }, value: "0.94" }]
 * ```
 */
export function indicatorLinesOf(ctx: RunContext, inputs: KpiInputs, j: number): IndicatorLine[] {
  const lines: IndicatorLine[] = [];
  const person = ctx.people[j] as RosterPerson;
  ctx.p.kpis.forEach((kpi, k) => {
    const source = kpi.actual;
    if (typeof source === "string" || "column" in source) return;
    const value = (inputs.actual[k] as unknown[])[j];
    if (value === null) return;
    if (isListSource(source)) {
      lines.push({ kpi: kpi.id, indicator: source.indicator, inputs: { ...inputs.lists?.[k]?.[j]?.inputs }, value: value as string });
      return;
    }
    const shown: Record<string, string> = {};
    for (const name of D.INDICATOR_INPUTS[INDICATORS[source.indicator]]) {
      const column = (source as unknown as Record<string, string>)[name] as string;
      shown[name] = cellText(person.row[column]) as string;
    }
    lines.push({ kpi: kpi.id, indicator: source.indicator, inputs: shown, value: value as string });
  });
  return lines;
}

function decomposedTargets(ctx: RunContext, kpi: Kpi, k: number): readonly string[] | OrgTargets | null {
  const target = kpi.target;
  // Issue 21: a target decomposed down the org tree.
  if (typeof target === "object" && "over" in target) return orgTargets(ctx, kpi, k, target);
  if (typeof target !== "object" || !("total" in target)) return null;
  const total = readDecimal(target.total, ["kpis", k, "target", "total"]);
  const weightColumn = target.weightColumn;
  if (ctx.people.length === 0) return [];
  const quick = quickDecomposition(ctx, total, weightColumn);
  if (quick !== undefined) return quick;
  const parts = ctx.people.map((person) => {
    let weight = new Decimal(1);
    if (weightColumn !== undefined) {
      const value = readCell(person.row, person.rowIndex, weightColumn);
      if (value === null) {
        const path = ["rows", person.rowIndex, weightColumn];
        throw new PayscoreError("INVALID_DATA", `${formatPath(path)} is empty; KPI "${kpi.id}" splits its total by it`, { path });
      }
      weight = value;
    }
    return { key: person.id, weight };
  });
  const split = within(["kpis", k, "target"], `KPI "${kpi.id}" target decomposition`, () => D.decomposeTarget(total, parts, { scale: ctx.scale }));
  return split.map((part) => part.amount.toString());
}

/**
 * Each person's share of a total split by a weight column, as `decomposeTarget` gives it (the
 * same largest-remainder `apportion` of the total's steps), for the usual valid inputs: plain
 * non-negative weights of up to 6 decimals, some above zero, and a total of whole steps. The
 * weights are read as integers at 6 decimals — scaling every weight alike leaves each share as
 * it is — so a million people cost a million small integers, not Decimals, parts and a map.
 * `undefined` sends the split to `decomposeTarget`, the reference, and its words for a fault.
 */
function quickDecomposition(ctx: RunContext, total: Decimal, weightColumn: string | undefined): string[] | undefined {
  const { people, scale } = ctx;
  if (scale < 0) return undefined;
  const unit = new Decimal(10).pow(scale);
  const steps = total.times(unit);
  if (!steps.isInteger() || steps.isNegative()) return undefined;
  const weights = new Array<bigint>(people.length);
  let positive = false;
  for (let j = 0; j < people.length; j++) {
    const person = people[j] as RosterPerson;
    const cell = weightColumn === undefined ? 1 : person.row[weightColumn];
    const w = typeof cell === "string" && cell.charCodeAt(0) === 45 ? undefined : scaledInteger(cell, 6);
    if (w === undefined || w < 0) return undefined;
    if (w > 0) positive = true;
    weights[j] = BigInt(w);
  }
  if (!positive) return undefined;
  const shares = apportion(BigInt(steps.toFixed(0)), weights);
  const texts = new Array<string>(shares.length);
  for (let j = 0; j < shares.length; j++) {
    const share = shares[j] as bigint;
    texts[j] = share <= MAX_SAFE ? unitsText(Number(share), scale) : new Decimal(share.toString()).div(unit).toString();
  }
  return texts;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function targetOf(ctx: RunContext, kpi: Kpi, k: number, j: number, decomposed: readonly string[] | OrgTargets | null, constant: string | null, missing: Missing): unknown {
  const person = ctx.people[j] as RosterPerson;
  const tracer = tracerOf(ctx, j);
  const target = kpi.target;
  let value: unknown;
  let source: string;
  let inputs = (): Record<string, string> => ({});
  if (decomposed !== null && "amounts" in decomposed) {
    value = decomposed.amounts.get(person.id) ?? null;
    source = decomposed.formula;
    inputs = () => decomposed.inputsOf(j);
  } else if (decomposed !== null) {
    value = decomposed[j] ?? null;
    source = "decomposeTarget(total, weights) — this person's share";
  } else if (typeof target === "object" && "column" in target) {
    value = numberCell(person, target.column);
    if (value === null && missing === "error") {
      const path = ["rows", person.rowIndex, target.column];
      throw new PayscoreError("INVALID_DATA", `${formatPath(path)} is empty; KPI "${kpi.id}" needs its target`, { path });
    }
    source = `column ${target.column}`;
  } else if (typeof target === "object" && "perPerson" in target) {
    const given = target.perPerson[person.id];
    if (given === undefined) {
      const path = ["kpis", k, "target", "perPerson"];
      throw new PayscoreError("INVALID_PLAN", `${formatPath(path)} has no target for person "${person.id}"`, { path });
    }
    value = readDecimal(given, ["kpis", k, "target", "perPerson", person.id]).toString();
    source = "plan, per person";
  } else {
    value = constant;
    source = "plan";
  }
  if (value !== null && kpi.prorate !== undefined && person.partial) {
    const full = cellText(value) as string;
    const basis = kpi.prorate;
    const prorated = within(["kpis", k, "prorate"], `person "${person.id}", KPI "${kpi.id}" proration`, () =>
      D.prorateTarget(full, ctx.p.period, { from: person.activeFrom, to: person.activeTo }, { basis, scale: ctx.scale, ...calendarOptions(ctx.p) }),
    ).toString();
    tracer.add(
      `kpi.${kpi.id}.target`,
      `round(target × active ${basis} / period ${basis})`,
      () => ({ target: full, source, ...inputs(), activeFrom: person.activeFrom, activeTo: person.activeTo, periodStart: ctx.p.period.start, periodEnd: ctx.p.period.end }),
      prorated,
    );
    return prorated;
  }
  if (tracer.enabled) {
    const shown = value === null ? "missing" : (cellText(value) as string);
    tracer.add(`kpi.${kpi.id}.target`, source, inputs, shown);
  }
  // Issue 20: a new hire's ramped target.
  return kpi.ramp === undefined || value === null ? value : rampedTarget(ctx, kpi, k, j, cellText(value) as string);
}
