import { PayscoreError } from "../../errors/index.js";
import { Decimal, readDecimal, scaledInteger } from "../../numeric/index.js";
import { within } from "../dataCells.js";
import * as D from "../domains.js";
import type { Plan } from "../schema.js";
import type { StatementKpiLine } from "../types.js";
import { frozenKpiSpecs, tracerOf, type RunContext } from "./RunContext.js";
import { cellText } from "./cellText.js";
import { difficultyColumnOf, kpiDifficulties, scoreByDifficulty, specsWithDifficulties } from "./kpiDifficulty.js";
import type { KpiInputs } from "./kpiInputStage.js";
import { LINE_TABLE_LIMIT, UnitsCache, cachedText, isCanonicalParsed, unitsText } from "./unitsText.js";

type Curve = NonNullable<Plan["kpis"][number]["curve"]>;

/** Stage 3's result: each person's KPI score and KPI lines. */
export interface KpiScores {
  /** The KPI score as text. */
  readonly scoreText: (j: number) => string;
  /** Person `j`'s KPI lines, in plan order. */
  readonly linesOf: (j: number) => StatementKpiLine[];
  /** KPI `k`'s rounded attainment of person `j` as text, `null` when missing. */
  readonly attainmentText: (j: number, k: number) => string | null;
}

/**
 * Stage 3, KPI scores (per person, independent): scores every person's KPIs in one columnar
 * pass of `compileRoundedScorecard` — exact integers for the usual cells, the Decimal path
 * (`scoreRounded`) for a row whose values leave that domain — and makes the statement's KPI
 * lines from the result columns.
 *
 * @internal
 * @param ctx - the run
 * @param inputs - stage 2's actuals and targets
 * @param shareLines - whether lines that repeat are one shared, frozen object (for a caller
 *   that keeps every statement)
 * @returns the scores and a maker of KPI lines
 * @throws {PayscoreError} as `scoreRounded` for a row's values, with the row's path
 *
 * @example
 * ```ts
 * kpiStage(ctx, kpiInputStage(ctx), false).scoreText(0); // e.g. "104.5"
 * ```
 */
export function kpiStage(ctx: RunContext, inputs: KpiInputs, shareLines: boolean): KpiScores {
  const { p, places } = ctx;
  const n = ctx.people.length;
  const missing = p.score?.missing ?? "error";
  const specs = frozenKpiSpecs(p);
  // The KPIs were checked (with their plan paths) by stage 2, which always runs first.
  const scorer = D.compileRoundedScorecard(specs, { missing, attainmentScale: places.attainment, pointsScale: places.points, scoreScale: places.score, mode: places.mode });
  const columns: Record<string, { actual: D.NumericColumn; target: D.NumericColumn }> = {};
  p.kpis.forEach((kpi, k) => {
    const actual = inputs.actual[k] as unknown[];
    const target = inputs.target[k] as unknown[];
    columns[kpi.id] = { actual: scoredActuals(actual, target) as D.NumericColumn, target: target as D.NumericColumn };
  });
  const options = { missing, attainmentScale: places.attainment, pointsScale: places.points, scoreScale: places.score, mode: places.mode };
  // Difficulties from a data column (per person or territory): each person's coefficients.
  const difficulties = kpiDifficulties(p, ctx.people);
  let scored: D.RoundedScores | undefined;
  try {
    scored = n === 0 ? undefined : difficulties === undefined ? scorer({ kpis: columns }) : scoreByDifficulty(specs, options, columns, difficulties, n);
  } catch (error) {
    throw rowFault(ctx, (j) => (difficulties === undefined ? specs : specsWithDifficulties(specs, difficulties, j)), options, columns, error);
  }
  const decimalRows = new Map<number, D.KpiScorecard>();
  for (const { row, scorecard } of scored?.decimalRows ?? []) decimalRows.set(row, scorecard);
  const lines = kpiLineMaker(ctx, inputs, scored, decimalRows, shareLines, difficulties);
  const scoreUnits = scored?.score;
  const scoreCache = cachedText(places.score);
  const scores: KpiScores = {
    scoreText: (j) => {
      const scorecard = decimalRows.get(j);
      return scorecard !== undefined ? scorecard.score.toString() : scoreCache.value(scoreUnits?.[j] as number);
    },
    linesOf: lines,
    attainmentText: (j, k) => {
      const scorecard = decimalRows.get(j);
      if (scorecard !== undefined) return scorecard.lines[k]?.attainment?.toString() ?? null;
      const column = scored?.kpis[k];
      return column === undefined || column.present[j] !== 1 ? null : unitsText(column.attainment[j] as number, places.attainment);
    },
  };
  if (ctx.tracers !== undefined) for (let j = 0; j < n; j++) traceKpis(ctx, scores, j);
  return scores;
}

/**
 * A fault the scorer found in row `j`, as the reference `scoreRounded` reports that person's
 * values, with the person's path and name.
 */
function rowFault(ctx: RunContext, specsOf: (j: number) => readonly D.KpiSpec[], options: D.ScoreRoundedOptions, columns: Record<string, { actual: D.NumericColumn; target: D.NumericColumn }>, error: unknown): unknown {
  if (!(error instanceof PayscoreError) || error.path[0] !== "rows" || typeof error.path[1] !== "number") return error;
  const j = error.path[1];
  const person = ctx.people[j];
  if (person === undefined) return error;
  const values: Record<string, { actual: unknown; target: unknown }> = {};
  for (const [id, column] of Object.entries(columns)) {
    const actual = column.actual[j];
    if (actual !== null && actual !== undefined) values[id] = { actual, target: column.target[j] };
  }
  try {
    within(["rows", person.rowIndex], `person "${person.id}", KPI score`, () => D.scoreRounded(specsOf(j), values as Record<string, { actual: string; target: string }>, options));
  } catch (reference) {
    return reference;
  }
  return error;
}

/** The actuals the scorer reads: a KPI whose target is missing is missing (not an error). */
function scoredActuals(actual: unknown[], target: unknown[]): unknown[] {
  let copy: unknown[] | undefined;
  for (let j = 0; j < actual.length; j++) {
    if (actual[j] !== null && target[j] === null) {
      copy ??= actual.slice();
      copy[j] = null;
    }
  }
  return copy ?? actual;
}

function traceKpis(ctx: RunContext, scores: KpiScores, j: number): void {
  const { p, places } = ctx;
  const tracer = tracerOf(ctx, j);
  const lines = scores.linesOf(j);
  p.kpis.forEach((kpi, k) => {
    const line = lines[k] as StatementKpiLine;
    const difficultyIsOne = new Decimal(line.difficulty).eq(1);
    tracer.add(
      `kpi.${kpi.id}.attainment`,
      kpi.direction === "lower"
        ? `lower is better: attainment per the KPI's lowerFormula (default max(0, 2 − actual / target)), clamped to [floor, cap], rounded to ${places.attainment} places`
        : `actual / target, clamped to [floor, cap], rounded to ${places.attainment} places`,
      () => ({
        actual: line.actual ?? "missing",
        target: line.target ?? "missing",
        ...(kpi.cap === undefined ? {} : { cap: String(kpi.cap) }),
        ...(kpi.floor === undefined ? {} : { floor: String(kpi.floor) }),
      }),
      line.attainment ?? "missing",
    );
    const difficultyColumn = difficultyColumnOf(kpi);
    if (difficultyColumn !== undefined) tracer.add(`kpi.${kpi.id}.difficulty`, `column ${difficultyColumn}`, () => ({}), line.difficulty);
    tracer.add(
      `kpi.${kpi.id}.points`,
      `round(${kpi.curve === undefined ? (difficultyIsOne ? "100 × attainment" : "100 × attainment × difficulty") : difficultyIsOne ? "curve(attainment)" : "curve(attainment × difficulty)"}, ${places.points})`,
      () => ({
        attainment: line.attainment ?? "missing",
        ...(difficultyIsOne ? {} : { difficulty: line.difficulty }),
        ...(kpi.curve === undefined ? {} : { curve: curveText(kpi.curve) }),
      }),
      line.points,
    );
    tracer.add(`kpi.${kpi.id}.contribution`, "weight × points", () => ({ weight: line.weight, points: line.points }), line.contribution);
  });
  tracer.add("score.kpi", `round(Σ contribution, ${places.score})`, () => Object.fromEntries(lines.map((line) => [line.id, line.contribution])), scores.scoreText(j));
}

function curveText(curve: Curve): string {
  const points = curve.points.map((pt) => `(${String(pt.x)}, ${String(pt.y)})`).join(" ");
  const flags = [curve.step === true ? "step" : "", curve.below === undefined ? "" : `below=${curve.below}`, curve.above === undefined ? "" : `above=${curve.above}`].filter((f) => f !== "");
  return flags.length === 0 ? points : `${points} ${flags.join(" ")}`;
}

/**
 * The maker of a person's KPI lines from the scorer's columns. Attainments, points and
 * contributions repeat a lot, so their texts come from bounded caches; with `shareLines`, a
 * KPI's line that repeats (the same actual and target text, hence the same values) is one
 * shared, frozen object until the KPI has LINE_TABLE_LIMIT distinct lines.
 */
function kpiLineMaker(
  ctx: RunContext,
  inputs: KpiInputs,
  scored: D.RoundedScores | undefined,
  decimalRows: ReadonlyMap<number, D.KpiScorecard>,
  shareLines: boolean,
  difficulties: readonly (readonly string[] | undefined)[] | undefined,
): (j: number) => StatementKpiLine[] {
  const kpis = ctx.p.kpis;
  const kpiCount = kpis.length;
  const weightText = kpis.map((kpi) => readDecimal(kpi.weight, ["kpis"]).toString());
  const difficultyText = kpis.map((kpi) => (typeof kpi.difficulty === "object" ? "1" : readDecimal(kpi.difficulty ?? 1, ["kpis"]).toString()));
  const scales = scored?.scales ?? { attainment: 0, points: 0, contribution: 0, score: 0 };
  const attainmentText = cachedText(scales.attainment);
  const pointsText = cachedText(scales.points);
  const contributionText = cachedText(scales.contribution);
  // A contribution is weight × points: where it equals that product, its text comes from a cache
  // per KPI keyed by the points (close together) rather than by the contribution (spread wider).
  const weightUnits = weightText.map((w) => Number(scaledInteger(w, scales.contribution - scales.points)));
  const contributionByPoints = weightUnits.map((w) => new UnitsCache((points) => unitsText(points * w, scales.contribution)));
  const contributionOf = (k: number, points: number, contribution: number): string =>
    contribution === points * (weightUnits[k] as number) ? (contributionByPoints[k] as UnitsCache<string>).value(points) : contributionText.value(contribution);
  const present = scored?.kpis.map((c) => c.present) ?? [];
  const attainment = scored?.kpis.map((c) => c.attainment) ?? [];
  const points = scored?.kpis.map((c) => c.points) ?? [];
  const contribution = scored?.kpis.map((c) => c.contribution) ?? [];
  // Read from the plan once: a million statements read them eight million times.
  const ids = kpis.map((kpi) => kpi.id);
  const names = kpis.map((kpi) => kpi.name ?? null);
  const categories = kpis.map((kpi) => kpi.category ?? null);
  const integerLine = (k: number, j: number, actual: string | null, target: string | null): StatementKpiLine => ({
    id: ids[k] as string,
    name: names[k] ?? null,
    category: categories[k] ?? null,
    actual,
    target,
    attainment: (present[k] as Uint8Array)[j] === 1 ? attainmentText.value((attainment[k] as Float64Array)[j] as number) : null,
    points: pointsText.value((points[k] as Float64Array)[j] as number),
    weight: weightText[k] as string,
    difficulty: difficulties?.[k]?.[j] ?? (difficultyText[k] as string),
    contribution: contributionOf(k, (points[k] as Float64Array)[j] as number, (contribution[k] as Float64Array)[j] as number),
  });
  const decimalLine = (k: number, actual: string | null, target: string | null, scorecard: D.KpiScorecard): StatementKpiLine => {
    const line = scorecard.lines[k];
    return {
      id: (kpis[k] as Plan["kpis"][number]).id,
      name: kpis[k]?.name ?? null,
      category: kpis[k]?.category ?? null,
      actual,
      target,
      attainment: line?.attainment == null ? null : line.attainment.toString(),
      points: (line?.points ?? new Decimal(0)).toString(),
      weight: (line?.weight ?? new Decimal(0)).toString(),
      difficulty: (line?.difficulty ?? new Decimal(1)).toString(),
      contribution: (line?.contribution ?? new Decimal(0)).toString(),
    };
  };
  // A KPI whose difficulty differs per person has no shared lines (the same actual and target need not give the same line).
  const tables: (Map<string | null, Map<string | null, StatementKpiLine>> | undefined)[] = kpis.map((_, k) => (shareLines && difficulties?.[k] === undefined ? new Map() : undefined));
  const tableSizes = new Int32Array(kpiCount);
  const sharedLine = (k: number, j: number, actual: string | null, target: string | null): StatementKpiLine => {
    const table = tables[k];
    if (table === undefined) return integerLine(k, j, actual, target);
    let byActual = table.get(target);
    if (byActual === undefined) table.set(target, (byActual = new Map()));
    let line = byActual.get(actual);
    if (line === undefined) {
      line = Object.freeze(integerLine(k, j, actual, target));
      byActual.set(actual, line);
      if (++(tableSizes[k] as number) >= LINE_TABLE_LIMIT) tables[k] = undefined;
    }
    return line;
  };
  // A cell the scorer read as an exact integer is canonical unless its first two or last characters say otherwise.
  const scoredText = (value: unknown): string | null => (typeof value === "string" && isCanonicalParsed(value) ? value : cellText(value));
  return (j) => {
    const scorecard = decimalRows.size === 0 ? undefined : decimalRows.get(j);
    const lines = new Array<StatementKpiLine>(kpiCount);
    for (let k = 0; k < kpiCount; k++) {
      const onIntegers = scorecard === undefined && (present[k] as Uint8Array)[j] === 1;
      const actualCell = (inputs.actual[k] as unknown[])[j];
      const targetCell = (inputs.target[k] as unknown[])[j];
      const actual = onIntegers ? scoredText(actualCell) : cellText(actualCell);
      const target = onIntegers ? scoredText(targetCell) : cellText(targetCell);
      lines[k] = scorecard !== undefined ? decimalLine(k, actual, target, scorecard) : sharedLine(k, j, actual, target);
    }
    return lines;
  };
}
