import { PayscoreError, formatPath } from "../../errors/index.js";
import { readCell } from "../dataCells.js";
import * as D from "../domains.js";
import type { RosterPerson } from "../roster.js";
import type { Plan } from "../schema.js";
import { deepFreeze } from "./RunContext.js";

type Kpi = Plan["kpis"][number];

/**
 * The data column a KPI takes its difficulty (难度系数) from, or `undefined` for a constant one.
 *
 * @internal
 * @param kpi - the plan's KPI
 * @returns the column name, or `undefined`
 *
 * @example
 * ```ts
 * difficultyColumnOf({ id: "sales", weight: 1, actual: "sales", target: 100, difficulty: { column: "territoryDifficulty" } }); // "territoryDifficulty"
 * difficultyColumnOf({ id: "sales", weight: 1, actual: "sales", target: 100, difficulty: "1.2" }); // undefined
 * ```
 */
export function difficultyColumnOf(kpi: Pick<Kpi, "difficulty">): string | undefined {
  const difficulty = kpi.difficulty;
  return typeof difficulty === "object" ? difficulty.column : undefined;
}

/**
 * A person's difficulty for a KPI that takes it from a data column: the cell, a number > 0, as
 * text.
 *
 * @internal
 * @param kpi - the plan's KPI
 * @param column - its difficulty column
 * @param person - the person
 * @returns the coefficient as text
 * @throws {PayscoreError} `INVALID_DATA` for a missing column, an empty or malformed cell, or a
 *   coefficient that is not > 0 (path `["rows", i, column]`)
 *
 * @example
 * ```ts
 * difficultyCellOf(kpi, "territoryDifficulty", person); // "1.2"
 * ```
 */
export function difficultyCellOf(kpi: Kpi, column: string, person: RosterPerson): string {
  const value = readCell(person.row, person.rowIndex, column);
  const path = ["rows", person.rowIndex, column];
  if (value === null) throw new PayscoreError("INVALID_DATA", `${formatPath(path)} is empty; KPI "${kpi.id}" takes its difficulty from it (a coefficient > 0, 1 = no adjustment)`, { path });
  if (!value.gt(0)) {
    throw new PayscoreError("INVALID_DATA", `${formatPath(path)} is ${value.toString()}: KPI "${kpi.id}" takes its difficulty from it, which must be a coefficient > 0 (1 = no adjustment)`, { path });
  }
  return value.toString();
}

/**
 * Each KPI's per-person difficulty texts, for the KPIs whose difficulty is a data column
 * (`undefined` for a constant difficulty); `undefined` when no KPI has one.
 *
 * @internal
 * @param p - the plan
 * @param people - the roster
 * @returns per KPI, each person's difficulty text, or `undefined`
 * @throws {PayscoreError} as {@link difficultyCellOf}
 *
 * @example
 * ```ts
 * kpiDifficulties(plan, people)?.[0]?.[3]; // "1.2": person 3's difficulty of KPI 0
 * ```
 */
export function kpiDifficulties(p: Plan, people: readonly RosterPerson[]): readonly (readonly string[] | undefined)[] | undefined {
  if (!p.kpis.some((kpi) => difficultyColumnOf(kpi) !== undefined)) return undefined;
  return p.kpis.map((kpi) => {
    const column = difficultyColumnOf(kpi);
    return column === undefined ? undefined : people.map((person) => difficultyCellOf(kpi, column, person));
  });
}

/**
 * The KPI specs with person `j`'s column difficulties in place, deeply frozen.
 *
 * @internal
 * @param specs - the plan's specs (column difficulties left out)
 * @param difficulties - per KPI, the per-person difficulty texts or `undefined`
 * @param j - the person's position
 * @returns the specs for that person
 *
 * @example
 * ```ts
 * specsWithDifficulties(specs, [["1.2", "0.9"]], 1)[0].difficulty; // "0.9"
 * ```
 */
export function specsWithDifficulties(specs: readonly D.KpiSpec[], difficulties: readonly (readonly string[] | undefined)[], j: number): readonly D.KpiSpec[] {
  return deepFreeze(specs.map((spec, k) => {
    const column = difficulties[k];
    return column === undefined ? { ...spec } : { ...spec, difficulty: column[j] as string };
  }));
}

/**
 * Scores every person with `compileRoundedScorecard` when some KPIs take their difficulty from a
 * column: the people are grouped by their difficulties (a territory's people share one), each
 * group is scored by a scorecard compiled with its coefficients, and the results are put back in
 * the people's positions. Digit for digit what `scoreRounded` gives each person with their own
 * coefficients.
 *
 * @internal
 * @param specs - the plan's specs (column difficulties left out)
 * @param options - the scorer's options
 * @param columns - per KPI id, the actual and target columns
 * @param difficulties - per KPI, the per-person difficulty texts or `undefined`
 * @param n - the number of people (> 0)
 * @returns the scores, as one scorer over everyone would give them
 * @throws {PayscoreError} as the scorer, with the person's position in the path
 *
 * @example
 * ```ts
 * scoreByDifficulty(specs, options, columns, [["1.2", "1", "1.2"]], 3).score; // Float64Array of 3 scores
 * ```
 */
export function scoreByDifficulty(
  specs: readonly D.KpiSpec[],
  options: D.ScoreRoundedOptions,
  columns: Readonly<Record<string, { actual: D.NumericColumn; target: D.NumericColumn }>>,
  difficulties: readonly (readonly string[] | undefined)[],
  n: number,
): D.RoundedScores {
  const groups = new Map<string, number[]>();
  for (let j = 0; j < n; j++) {
    const key = difficulties.map((column) => (column === undefined ? "" : (column[j] as string))).join("|");
    let rows = groups.get(key);
    if (rows === undefined) groups.set(key, (rows = []));
    rows.push(j);
  }
  let result: { score: Float64Array; kpis: D.RoundedKpiColumns[]; scales: D.RoundedScales } | undefined;
  const decimalRows: D.DecimalRow[] = [];
  for (const rows of groups.values()) {
    const scorer = D.compileRoundedScorecard(specsWithDifficulties(specs, difficulties, rows[0] as number), options);
    const sub: Record<string, { actual: unknown[]; target: unknown[] }> = {};
    for (const [id, column] of Object.entries(columns)) sub[id] = { actual: rows.map((j) => column.actual[j]), target: rows.map((j) => column.target[j]) };
    let scored: D.RoundedScores;
    try {
      scored = scorer({ kpis: sub as Record<string, { actual: D.NumericColumn; target: D.NumericColumn }> });
    } catch (error) {
      throw repathed(error, rows);
    }
    result ??= {
      scales: scored.scales,
      score: new Float64Array(n),
      kpis: scored.kpis.map((c) => ({ id: c.id, present: new Uint8Array(n), attainment: new Float64Array(n), points: new Float64Array(n), contribution: new Float64Array(n) })),
    };
    const into = result;
    rows.forEach((j, i) => {
      into.score[j] = scored.score[i] as number;
      scored.kpis.forEach((c, k) => {
        const out = into.kpis[k] as D.RoundedKpiColumns;
        out.present[j] = c.present[i] as number;
        out.attainment[j] = c.attainment[i] as number;
        out.points[j] = c.points[i] as number;
        out.contribution[j] = c.contribution[i] as number;
      });
    });
    for (const row of scored.decimalRows) decimalRows.push({ row: rows[row.row] as number, scorecard: row.scorecard });
  }
  const done = result as NonNullable<typeof result>;
  decimalRows.sort((a, b) => a.row - b.row);
  return { size: n, scales: done.scales, score: done.score, kpis: done.kpis, decimalRows };
}

/** A group scorer's row fault, with the row's position among everyone. */
function repathed(error: unknown, rows: readonly number[]): unknown {
  if (!(error instanceof PayscoreError) || error.path[0] !== "rows" || typeof error.path[1] !== "number") return error;
  const own = formatPath(error.path);
  const path = ["rows", rows[error.path[1]] as number, ...error.path.slice(2)];
  const message = error.message.startsWith(own) ? formatPath(path) + error.message.slice(own.length) : error.message;
  return new PayscoreError(error.code, message, { path, cause: error });
}
