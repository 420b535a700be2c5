import { PayscoreError } from "../errors/index.js";
import { Decimal, minorUnits, readDecimal, roundDecimal, scaledInteger } from "../numeric/index.js";
import type { KpiScorecard, RoundedScores } from "./domains.js";
import { readText } from "./dataCells.js";
import * as D from "./domains.js";
import { frozenKpiSpecs, roundingPlacesOf } from "./perPersonRun.js";
import { runHeader } from "./runHeader.js";
import { isIsoDay, type DataRow, type Plan, type PlanData } from "./schema.js";
import type { LazyPayoutRun, PayLine, PoolReport, Statement, StatementKpiLine } from "./types.js";

const PERSON_COLUMNS = ["name", "team", "region", "role", "activeFrom", "activeTo", "basePay"] as const;
type PersonColumn = (typeof PERSON_COLUMNS)[number];
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** The shared empty list of a columnar statement's indicators and trace (frozen: no statement can add to another's). */
const EMPTY: readonly never[] = Object.freeze([]);

/** One pool's columnar result. */
interface PoolColumns {
  readonly id: string;
  /** Person `j`'s amount as `toFixed(scale)` text. */
  readonly amountAt: (j: number) => string;
  /** Each person's amount in minor units. */
  readonly units: Float64Array;
}

/** A text column's cell, `null` when the column is all empty. */
const cellOf = (column: readonly (string | null)[] | undefined, i: number): string | null => (column === undefined ? null : (column[i] as string | null));

/**
 * The columnar run (批量核算): the same run as the per-person path, computed once per column
 * with exact integers — KPI scores by `compileRoundedScorecard`, ranks and forced grades by
 * `forcedDistributionColumns`, pools by `allocatePool` — and statements made on request.
 *
 * It applies to plans without a roster (`people`), derived indicators, per-person, decomposed
 * or prorated targets, a 360 review, calibration overrides, fixed pay, a target incentive,
 * commission, team pools, pools weighted by base pay or capped by a multiple of base pay,
 * awards and promotion, and to data without ratings or history, with rows of plain
 * string/number/null cells sorted or not. Any other plan — and any data the columnar path finds
 * a fault in, or cannot prove it handles exactly — returns `undefined`, and the caller runs the
 * per-person path, which gives the result or the error. Without a fault the two give identical
 * statements.
 *
 * @internal
 * @param p - the parsed plan
 * @param plan - the plan as given (for its hash)
 * @param data - the data as given
 * @param shareLines - whether statements share their repeated KPI lines (for a caller that
 *   keeps every statement; a caller that streams them would only pay for the look-ups)
 * @returns the lazy run, or `undefined` when the per-person path must run
 *
 * @example
 * ```ts
 * const plan = parsePlan({ version: 1, currency: "CNY", period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
 *   kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000 }] });
 * bulkRun(plan, plan, { rows: [{ id: "p01", sales: "120000" }] })?.statementAt(0).score; // "120"
 * bulkRun(plan, plan, { rows: [{ id: "p01", sales: "12e4" }] })?.statementAt(0).score; // "120" (1.2 · 100: the row goes the Decimal way)
 * bulkRun(plan, plan, { rows: [{ id: "p01", sales: "12 0000" }] }); // undefined (the per-person path reports the cell)
 * ```
 */
export function bulkRun(p: Plan, plan: Plan, data: PlanData, shareLines = false): LazyPayoutRun | undefined {
  if (!supported(p)) return undefined;
  const rows = plainRows(data);
  if (rows === undefined || rows.length === 0) return undefined;
  try {
    return compute(p, plan, rows, shareLines);
  } catch (error) {
    // A fault the per-person path reports with its own words and path.
    if (error instanceof PayscoreError) return undefined;
    throw error;
  }
}

function supported(p: Plan): boolean {
  if (p.people !== undefined || p.review360 !== undefined || p.promotion !== undefined) return false;
  for (const kpi of p.kpis) {
    if (typeof kpi.actual !== "string" && !("column" in kpi.actual)) return false;
    const t = kpi.target;
    if (typeof t === "object" && !("column" in t)) return false;
    if (kpi.prorate !== undefined) return false;
  }
  if ((p.grading?.overrides ?? []).length > 0) return false;
  const pay = p.pay;
  if (pay !== undefined) {
    if (pay.fixed !== undefined || pay.targetIncentive !== undefined || pay.commission !== undefined) return false;
    if ((pay.awards ?? []).length > 0) return false;
    for (const pool of pay.pools ?? []) {
      if (pool.team !== undefined || pool.weightBy === "basePay-score") return false;
      if (typeof pool.cap === "object") return false;
    }
  }
  return true;
}

/** The rows when `data` is `{ rows }` of plain objects whose cells are strings, finite numbers or null (what the schema accepts unchanged). */
function plainRows(data: unknown): readonly DataRow[] | undefined {
  if (typeof data !== "object" || data === null || Object.getPrototypeOf(data) !== Object.prototype) return undefined;
  const keys = Object.keys(data);
  if (keys.length !== 1 || keys[0] !== "rows") return undefined;
  const rows: unknown = (data as { rows: unknown }).rows;
  if (!Array.isArray(rows)) return undefined;
  for (let i = 0; i < rows.length; i++) {
    const row: unknown = rows[i];
    if (typeof row !== "object" || row === null) return undefined;
    const proto: unknown = Object.getPrototypeOf(row);
    if (proto !== Object.prototype && proto !== null) return undefined;
    for (const key in row) {
      const v: unknown = (row as Record<string, unknown>)[key];
      if (typeof v !== "string" && v !== null && !(typeof v === "number" && Number.isFinite(v))) return undefined;
    }
  }
  return rows as DataRow[];
}

const isEmpty = (v: unknown): boolean => v === null || v === "" || v === undefined;

function compute(p: Plan, plan: Plan, rows: readonly DataRow[], shareLines: boolean): LazyPayoutRun | undefined {
  const n = rows.length;
  const scale = minorUnits(p.currency);
  const places = roundingPlacesOf(p);
  const mode = places.mode;
  const cash = (x: Decimal): string => x.toFixed(scale);

  // ── Roster: ids sorted in code-unit order, unique; dates and base pay checked. ──
  const ids = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const raw = (rows[i] as DataRow)["id"];
    if (raw === undefined) return undefined;
    const id = raw === null ? "" : String(raw).trim();
    if (id === "") return undefined;
    ids[i] = id;
  }
  let rowOf: Int32Array | undefined;
  let sorted = true;
  for (let i = 1; i < n; i++) {
    if (!((ids[i - 1] as string) < (ids[i] as string))) {
      sorted = false;
      break;
    }
  }
  if (!sorted) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
      const x = ids[a] as string;
      const y = ids[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
    for (let j = 1; j < n; j++) if (ids[order[j - 1] as number] === ids[order[j] as number]) return undefined;
    rowOf = Int32Array.from(order);
  }
  const rowAt = (j: number): number => (rowOf === undefined ? j : (rowOf[j] as number));
  const { start, end } = p.period;

  // ── One pass over the rows: the KPI cells in statement order, and the person's text cells
  // (a statement reads these columns, never the rows; a text column stays `undefined` while
  // every cell in it is empty). One pass reads each row once, not once per column. ──
  const kpis = p.kpis;
  const kpiCount = kpis.length;
  const missing = p.score?.missing ?? "error";
  const actualColumns: string[] = kpis.map((kpi) => (typeof kpi.actual === "string" ? kpi.actual : (kpi.actual as { column: string }).column));
  const targetColumns: (string | null)[] = kpis.map((kpi) => (typeof kpi.target === "object" ? (kpi.target as { column: string }).column : null));
  const targetConstants: (Decimal | null)[] = kpis.map((kpi, k) => (typeof kpi.target === "object" ? null : readDecimal(kpi.target, ["kpis", k, "target"])));
  const actualCells = kpis.map(() => new Array<unknown>(n));
  const targetCells = kpis.map((_, k) => (targetColumns[k] === null ? null : new Array<unknown>(n)));
  const personCells: ((string | null)[] | undefined)[] = PERSON_COLUMNS.map(() => undefined);
  const putText = (c: number, rowIndex: number, value: unknown): void => {
    if (value === null || value === undefined || value === "") return;
    let cells = personCells[c];
    if (cells === undefined) {
      cells = new Array<string | null>(n).fill(null);
      personCells[c] = cells;
    }
    cells[rowIndex] = String(value);
  };
  // A row read cell by cell (`row[column]`): the reference, used for a row whose keys differ
  // from the row before it.
  const readRow = (row: DataRow, j: number, rowIndex: number): void => {
    for (let c = 0; c < PERSON_COLUMNS.length; c++) putText(c, rowIndex, readText(row, PERSON_COLUMNS[c] as PersonColumn));
    for (let k = 0; k < kpiCount; k++) {
      // A cell that is not a string, number or null is a missing column (or an inherited key).
      const a: unknown = row[actualColumns[k] as string];
      if (a === undefined || typeof a === "function" || (typeof a === "object" && a !== null)) throw fault();
      (actualCells[k] as unknown[])[j] = a;
      const targetColumn = targetColumns[k] ?? null;
      if (targetColumn !== null) {
        const t: unknown = row[targetColumn];
        if (t === undefined || typeof t === "function" || (typeof t === "object" && t !== null)) throw fault();
        (targetCells[k] as unknown[])[j] = t;
      }
    }
  };
  // Where each column's cells go: KPI slots (0, 1, …) and person columns (−1 … −7). With every
  // column used once, a row is read with `for…in` (V8 reads a row's fields in key order much
  // faster than by name): the row's keys are compared with the previous row's, the same strings
  // in the same order, and a row whose keys differ is read by name instead.
  const UNUSED = -1000;
  const slotOfKey = new Map<string, number>();
  const slotColumns: unknown[][] = [];
  let fast = true;
  const addSlot = (key: string, slot: number): void => {
    if (slotOfKey.has(key)) fast = false;
    slotOfKey.set(key, slot);
  };
  for (let k = 0; k < kpiCount; k++) {
    addSlot(actualColumns[k] as string, slotColumns.length);
    slotColumns.push(actualCells[k] as unknown[]);
    const targetColumn = targetColumns[k] ?? null;
    if (targetColumn !== null) {
      addSlot(targetColumn, slotColumns.length);
      slotColumns.push(targetCells[k] as unknown[]);
    }
  }
  PERSON_COLUMNS.forEach((column, c) => addSlot(column, -1 - c));
  const slotCount = slotColumns.length;
  const knownKeys: string[] = [];
  const knownSlots: number[] = [];
  for (let j = 0; j < n; j++) {
    const rowIndex = rowOf === undefined ? j : (rowOf[j] as number);
    const row = rows[rowIndex] as DataRow;
    let read = false;
    if (fast) {
      // plainRows has checked every enumerable cell: a string, a finite number or null.
      let position = 0;
      let filled = 0;
      read = true;
      for (const key in row) {
        if (key !== knownKeys[position]) {
          read = false;
          break;
        }
        const slot = knownSlots[position++] as number;
        if (slot >= 0) {
          (slotColumns[slot] as unknown[])[j] = row[key];
          filled++;
        } else if (slot !== UNUSED) putText(-1 - slot, rowIndex, row[key]);
      }
      if (position !== knownKeys.length || filled !== slotCount) read = false;
      if (!read) {
        knownKeys.length = 0;
        knownSlots.length = 0;
        for (const key in row) {
          knownKeys.push(key);
          knownSlots.push(slotOfKey.get(key) ?? UNUSED);
        }
      }
    }
    if (!read) readRow(row, j, rowIndex);
    for (let k = 0; k < kpiCount; k++) {
      const targetColumn = targetColumns[k] ?? null;
      if (targetColumn === null || !isEmpty((actualCells[k] as unknown[])[j])) continue;
      // The per-person path reads a target cell even when the actual is empty: it must be a number.
      const t = (targetCells[k] as unknown[])[j];
      if (!isEmpty(t) && scaledInteger(t, 6) === undefined) readDecimal(t, ["rows", rowIndex, targetColumn]);
    }
  }
  const columns: Record<string, { actual: unknown[]; target: unknown[] }> = {};
  kpis.forEach((kpi, k) => {
    const target = targetCells[k] ?? new Array<unknown>(n).fill((targetConstants[k] as Decimal).toString());
    columns[kpi.id] = { actual: actualCells[k] as unknown[], target };
  });
  const textColumns: Record<PersonColumn, (string | null)[] | undefined> = {
    name: personCells[0],
    team: personCells[1],
    region: personCells[2],
    role: personCells[3],
    activeFrom: personCells[4],
    activeTo: personCells[5],
    basePay: personCells[6],
  };
  const fromColumn = textColumns.activeFrom;
  const toColumn = textColumns.activeTo;
  const basePayColumn = textColumns.basePay;
  // The base pay cells as given (a statement shows them as `Decimal#toString` does); with the
  // other columns read here, a statement never needs the rows, so the run does not hold them.
  const basePayCells: unknown[] | undefined = basePayColumn === undefined ? undefined : new Array<unknown>(n).fill(null);
  for (let i = 0; i < (fromColumn === undefined && toColumn === undefined && basePayCells === undefined ? 0 : n); i++) {
    const from = fromColumn === undefined ? null : (fromColumn[i] as string | null);
    const to = toColumn === undefined ? null : (toColumn[i] as string | null);
    if (from !== null || to !== null) {
      // A date that is not a real day is a fault the per-person path reports.
      if ((from !== null && !isIsoDay(from)) || (to !== null && !isIsoDay(to))) return undefined;
      const activeFrom = from === null || from < start ? start : from;
      const activeTo = to === null || to > end ? end : to;
      if (activeFrom > activeTo) return undefined;
    }
    if (basePayCells !== undefined && (basePayColumn as (string | null)[])[i] !== null) {
      const pay = (rows[i] as DataRow)["basePay"];
      if (!isEmpty(pay) && scaledInteger(pay, 6) === undefined) readDecimal(pay, ["rows", i, "basePay"]);
      basePayCells[i] = pay;
    }
  }

  const specs = frozenKpiSpecs(p);
  D.compileScorecard(specs, { missing });
  const scorer = D.compileRoundedScorecard(specs, { missing, attainmentScale: places.attainment, pointsScale: places.points, scoreScale: places.score, mode });
  const scored: RoundedScores = scorer({ kpis: columns as Record<string, { actual: D.NumericColumn; target: D.NumericColumn }> });
  const decimalRows = new Map<number, KpiScorecard>();
  const scoreUnits = scored.score;
  for (const { row, scorecard } of scored.decimalRows) {
    const units = scaledInteger(scorecard.score.toFixed(), places.score);
    if (units === undefined) return undefined;
    decimalRows.set(row, scorecard);
    scoreUnits[row] = units;
  }

  // ── Ranks and grades. ──
  const grading = p.grading;
  const ranked = D.forcedDistributionColumns(
    scoreUnits,
    grading?.method === "forced" ? grading.quotas : [{ grade: "-", share: 1 }],
    grading?.method === "forced" ? { ties: grading.ties ?? "share-grade" } : undefined,
  );
  const rank = ranked.rank;
  let gradeNames: string[] = [];
  let gradeIndex: Int32Array | undefined;
  if (grading?.method === "forced") {
    gradeNames = grading.quotas.map((q) => q.grade);
    gradeIndex = ranked.grade;
  } else if (grading?.method === "bands") {
    gradeNames = grading.bands.map((b) => b.grade);
    const byUnits = new Map<number, number>();
    gradeIndex = new Int32Array(n);
    for (let j = 0; j < n; j++) {
      const u = scoreUnits[j] as number;
      let g = byUnits.get(u);
      if (g === undefined) {
        const name = D.gradeByScore(unitsText(u, places.score), grading.bands);
        g = gradeNames.indexOf(name);
        byUnits.set(u, g);
      }
      gradeIndex[j] = g;
    }
  }

  // ── Pools. ──
  const pay = p.pay;
  const poolColumns: PoolColumns[] = [];
  const pools: PoolReport[] = [];
  let poolTotal = 0;
  const multiplierTable = pay?.gradeMultipliers;
  let multiplierUnits: number[] | undefined;
  let multiplierScale = 0;
  if (multiplierTable !== undefined && gradeIndex !== undefined) {
    const multipliers = gradeNames.map((g) => D.gradeMultiplier(g, multiplierTable));
    multiplierScale = Math.max(0, ...multipliers.map((m) => m.decimalPlaces()));
    if (multiplierScale > 6) return undefined;
    multiplierUnits = [];
    for (const m of multipliers) {
      const u = scaledInteger(m.toFixed(), multiplierScale);
      if (u === undefined) return undefined;
      multiplierUnits.push(u);
    }
  }
  for (const [poolIndex, pool] of (pay?.pools ?? []).entries()) {
    const path = ["pay", "pools", poolIndex];
    const budget = readDecimal(pool.budget, [...path, "budget"]);
    let ratio = new Decimal(1);
    let funded = roundDecimal(budget, scale, mode);
    if (pool.funding !== undefined) {
      const measure = pool.funding.measure;
      let sum = 0;
      let sumScale: number;
      if (measure === "score") {
        for (let j = 0; j < n; j++) sum += scoreUnits[j] as number;
        sumScale = places.score + 2;
      } else {
        const k = kpis.findIndex((kpi) => kpi.id === measure.kpi);
        const column = scored.kpis[k];
        if (column === undefined) return undefined;
        for (let j = 0; j < n; j++) {
          const scorecard = decimalRows.get(j);
          if (scorecard === undefined) sum += column.attainment[j] as number;
          else {
            const a = scorecard.lines[k]?.attainment ?? null;
            const u = a === null ? 0 : scaledInteger(a.toFixed(), places.attainment);
            if (u === undefined) return undefined;
            sum += u;
          }
        }
        sumScale = places.attainment;
      }
      if (!Number.isSafeInteger(sum)) return undefined;
      // The per-person path's Σ(measure) / n: the sum is exact, then one division at 40 digits.
      const mean = new Decimal(sum).div(new Decimal(10).pow(sumScale)).div(n);
      const curve = pool.funding.curve as D.CurveInput;
      ratio = D.evaluateCurve(curve, mean);
      funded = D.fundPool(budget, mean, curve, { scale });
    }
    const weightBy = pool.weightBy ?? "score";
    const cap = pool.cap === undefined ? undefined : roundDecimal(readDecimal(pool.cap, [...path, "cap"]), scale, "floor");
    const weights = new Float64Array(n);
    let anyWeight = false;
    for (let j = 0; j < n; j++) {
      let w = weightBy === "equal" ? 1 : (scoreUnits[j] as number);
      if (multiplierUnits !== undefined && gradeIndex !== undefined) w *= multiplierUnits[gradeIndex[j] as number] as number;
      if (w < 0) w = 0;
      if (!(w <= MAX_SAFE)) return undefined;
      weights[j] = w + 0;
      if (w !== 0) anyWeight = true;
    }
    let units: Float64Array;
    let capped: Uint8Array;
    let unallocated: Decimal;
    if (!anyWeight || funded.isZero()) {
      units = new Float64Array(n);
      capped = new Uint8Array(n);
      unallocated = funded;
    } else {
      // Weights in integer units (score × 10^scoreScale × multiplier × 10^multiplierScale): the
      // shares are the same as with the decimal weights, since only their ratios count.
      // `allocatePoolColumns` gives `allocatePool`'s amounts step for step, on integer columns.
      const fundedUnits = scaledInteger(funded.toFixed(scale), scale);
      const capUnits = cap === undefined ? undefined : scaledInteger(cap.toFixed(scale), scale);
      if (fundedUnits === undefined || (cap !== undefined && capUnits === undefined)) return undefined;
      const result = D.allocatePoolColumns(fundedUnits, weights, capUnits === undefined ? undefined : new Float64Array(n).fill(capUnits));
      units = result.amountUnits;
      capped = result.capped;
      unallocated = new Decimal(unitsFixed(result.unallocatedUnits, scale));
    }
    const amountText = cachedText(scale, unitsFixed);
    const amountAt = (j: number): string => amountText.value(units[j] as number);
    let allocated = 0;
    for (let j = 0; j < n; j++) allocated += units[j] as number;
    poolTotal += allocated;
    const allocations = new Array<{ person: string; amount: string; capped: boolean }>(n);
    for (let j = 0; j < n; j++) allocations[j] = { person: ids[rowAt(j)] as string, amount: amountAt(j), capped: capped[j] === 1 };
    poolColumns.push({ id: pool.id, amountAt, units });
    pools.push({
      id: pool.id,
      team: null,
      budget: cash(budget),
      fundingRatio: ratio.toString(),
      funded: cash(funded),
      allocated: unitsFixed(allocated, scale),
      unallocated: cash(unallocated),
      allocations,
    });
  }
  if (!Number.isSafeInteger(poolTotal)) return undefined;

  // ── Statements on request. ──
  const weightText = specs.map((s) => readDecimal(s.weight, ["kpis"]).toString());
  const difficultyText = specs.map((s) => readDecimal(s.difficulty ?? 1, ["kpis"]).toString());
  const targetText = targetConstants.map((t) => (t === null ? null : t.toString()));
  const kpiScales = scored.scales;
  // Attainments, points and scores repeat a lot: one shared string per value (bounded caches).
  const attainmentText = cachedText(kpiScales.attainment);
  const pointsText = cachedText(kpiScales.points);
  const contributionText = cachedText(kpiScales.contribution);
  const scoreText = cachedText(places.score);
  // A contribution is weight × points: where it equals that product, its text comes from a cache
  // per KPI keyed by the points, whose values lie close together, instead of by the contribution,
  // spread `weight` times wider (a cache that large misses the processor's memory caches).
  const contributionScale = kpiScales.contribution;
  // (NaN, never equal to a product, for a weight finer than the contribution's scale.)
  const weightUnits = weightText.map((w) => Number(scaledInteger(w, contributionScale - kpiScales.points)));
  const contributionByPoints = weightUnits.map((w) => new UnitsCache((points) => unitsText(points * w, contributionScale)));
  // A cell as the per-person path shows it (`readDecimal(cell).toString()`): the cell itself when
  // it is already written that way, else from its digits when it has at most 6 decimals.
  const cellText = (value: unknown): string | null => {
    if (isEmpty(value)) return null;
    if (typeof value === "string" && isCanonical(value)) return value;
    const units = scaledInteger(value, 6);
    return units === undefined ? readDecimal(value, ["rows"]).toString() : unitsText(units, 6);
  };
  // The same for a cell the scorer has read as an exact integer (a scored KPI of a row on the
  // integer path): its digits, sign and point are already known good, so whether it is written
  // canonically shows in its first two characters and its last (`isCanonicalParsed`) — a
  // million statements read 16 million such cells.
  const scoredCellText = (value: unknown): string | null => (typeof value === "string" && isCanonicalParsed(value) ? value : cellText(value));
  const zeroCash = cash(new Decimal(0));

  const kpiNames = kpis.map((kpi) => kpi.name ?? null);
  const kpiCategories = kpis.map((kpi) => kpi.category ?? null);
  const kpiIds = kpis.map((kpi) => kpi.id);
  const columnOf = (k: number): RoundedScores["kpis"][number] => {
    const column = scored.kpis[k];
    if (column === undefined) throw fault();
    return column;
  };
  const presentColumns = kpis.map((_, k) => columnOf(k).present);
  const attainmentColumns = kpis.map((_, k) => columnOf(k).attainment);
  const pointsColumns = kpis.map((_, k) => columnOf(k).points);
  const contributionColumns = kpis.map((_, k) => columnOf(k).contribution);
  // Parts that are equal for many people are shared, frozen (so one statement cannot change
  // another's): the empty lists, one grade object per grade, and with one pool one pay list per
  // amount. A statement stays a plain JSON-ready object, deep-equal to the per-person path's.
  const gradeObjects = gradeNames.map((g) => Object.freeze({ initial: g, final: g, reason: null }));
  const onlyPool = poolColumns.length === 1 ? (poolColumns[0] as PoolColumns) : undefined;
  const payListOf =
    onlyPool === undefined
      ? undefined
      : new UnitsCache((units): readonly PayLine[] => Object.freeze([Object.freeze({ component: "pool" as const, id: onlyPool.id, amount: unitsFixed(units, scale) })]));
  const payOf = (j: number): readonly PayLine[] => {
    if (payListOf !== undefined) return payListOf.value((onlyPool as PoolColumns).units[j] as number);
    if (poolColumns.length === 0) return EMPTY;
    const lines = new Array<PayLine>(poolColumns.length);
    for (let q = 0; q < poolColumns.length; q++) {
      const pc = poolColumns[q] as PoolColumns;
      lines[q] = { component: "pool", id: pc.id, amount: pc.amountAt(j) };
    }
    return lines;
  };
  const lineOfDecimal = (k: number, actual: string | null, target: string | null, scorecard: KpiScorecard): StatementKpiLine => {
    const line = scorecard.lines[k];
    return {
      id: kpiIds[k] as string,
      name: kpiNames[k] ?? null,
      category: kpiCategories[k] ?? null,
      actual,
      target,
      attainment: line?.attainment == null ? null : line.attainment.toString(),
      points: (line?.points ?? new Decimal(0)).toString(),
      weight: (line?.weight ?? new Decimal(0)).toString(),
      difficulty: (line?.difficulty ?? new Decimal(1)).toString(),
      contribution: (line?.contribution ?? new Decimal(0)).toString(),
    };
  };

  const contributionOf = (k: number, points: number, contribution: number): string =>
    contribution === points * (weightUnits[k] as number) ? (contributionByPoints[k] as UnitsCache<string>).value(points) : contributionText.value(contribution);
  /**
   * KPI `k`'s line of person `j` from the integer columns. A plain literal, not `{ ...base, … }`:
   * a spread followed by more keys is many times slower in V8.
   */
  const integerLine = (k: number, j: number, actual: string | null, target: string | null): StatementKpiLine => ({
    id: kpiIds[k] as string,
    name: kpiNames[k] ?? null,
    category: kpiCategories[k] ?? null,
    actual,
    target,
    attainment: (presentColumns[k] as Uint8Array)[j] === 1 ? attainmentText.value((attainmentColumns[k] as Float64Array)[j] as number) : null,
    points: pointsText.value((pointsColumns[k] as Float64Array)[j] as number),
    weight: weightText[k] as string,
    difficulty: difficultyText[k] as string,
    contribution: contributionOf(k, (pointsColumns[k] as Float64Array)[j] as number, (contributionColumns[k] as Float64Array)[j] as number),
  });
  // On the integer path a KPI line is a function of its actual and target cells (the same text is
  // the same value, so the same attainment, points and contribution). When every statement is
  // kept (`runPlan`), lines that repeat — counts such as visits, new customers or complaints
  // against a common target — are one shared, frozen object per (target, actual) text of a KPI: a
  // million statements hold far fewer objects, and keeping objects alive is most of the time such
  // a run spends. A KPI whose lines are mostly distinct (revenue) stops being looked up once its
  // table holds LINE_TABLE_LIMIT lines; its later lines are each person's own. Statements made one
  // at a time (`runPlanLazy`, the command line) do without: there the look-ups would cost more
  // than the objects they save.
  const lineTables: (Map<string | null, Map<string | null, StatementKpiLine>> | undefined)[] = kpis.map(() => (shareLines ? new Map() : undefined));
  const lineTableSizes = new Int32Array(kpiCount);
  /** KPI `k`'s line of person `j`: the shared one while the KPI's table is in use. */
  const sharedLine = (k: number, j: number, actual: string | null, target: string | null): StatementKpiLine => {
    const table = lineTables[k];
    if (table === undefined) return integerLine(k, j, actual, target);
    let byActual = table.get(target);
    if (byActual === undefined) {
      byActual = new Map();
      table.set(target, byActual);
    }
    let line = byActual.get(actual);
    if (line === undefined) {
      // Frozen, as every shared part of a statement: no statement can change another's line.
      line = Object.freeze(integerLine(k, j, actual, target));
      byActual.set(actual, line);
      if (++(lineTableSizes[k] as number) >= LINE_TABLE_LIMIT) lineTables[k] = undefined;
    }
    return line;
  };

  const statementAt = (j: number): Statement => {
    if (!Number.isInteger(j) || j < 0 || j >= n) {
      throw new PayscoreError("OUT_OF_RANGE", `statementAt: index must be a whole number from 0 to ${n - 1}; got ${String(j)}`, { path: ["index"] });
    }
    const rowIndex = rowOf === undefined ? j : (rowOf[j] as number);
    const scorecard = decimalRows.size === 0 ? undefined : decimalRows.get(j);
    const lines = new Array<StatementKpiLine>(kpiCount);
    for (let k = 0; k < kpiCount; k++) {
      const scored = scorecard === undefined && (presentColumns[k] as Uint8Array)[j] === 1;
      const actualCell = (actualCells[k] as unknown[])[j];
      const actual = scored ? scoredCellText(actualCell) : cellText(actualCell);
      const targetColumn = targetCells[k] ?? null;
      const target = targetColumn === null ? (targetText[k] ?? null) : scored ? scoredCellText(targetColumn[j]) : cellText(targetColumn[j]);
      lines[k] = scorecard !== undefined ? lineOfDecimal(k, actual, target, scorecard) : sharedLine(k, j, actual, target);
    }
    const score = scorecard !== undefined ? scorecard.score.toString() : scoreText.value(scoreUnits[j] as number);
    const from = cellOf(fromColumn, rowIndex);
    const to = cellOf(toColumn, rowIndex);
    const basePay = cellOf(basePayColumn, rowIndex);
    const pay = payOf(j);
    let totalPayout: string;
    if (onlyPool !== undefined) totalPayout = (pay[0] as PayLine).amount;
    else {
      let total = 0;
      for (const pc of poolColumns) total += pc.units[j] as number;
      totalPayout = unitsFixed(total, scale);
    }
    return {
      person: {
        id: ids[rowIndex] as string,
        name: cellOf(textColumns.name, rowIndex),
        team: cellOf(textColumns.team, rowIndex),
        region: cellOf(textColumns.region, rowIndex),
        role: cellOf(textColumns.role, rowIndex),
        activeFrom: from === null || from < start ? start : from,
        activeTo: to === null || to > end ? end : to,
        basePay: basePay === null || basePayCells === undefined ? null : cellText(basePayCells[rowIndex]),
      },
      indicators: EMPTY,
      kpis: lines,
      kpiScore: score,
      review360: null,
      score,
      rank: rank[j] as number,
      grade: gradeIndex === undefined ? null : (gradeObjects[gradeIndex[j] as number] as Statement["grade"]),
      pay,
      totalPayout,
      promotion: null,
      trace: EMPTY,
    };
  };

  return {
    ...runHeader(plan, p, scale, mode),
    size: n,
    statementAt,
    totals: {
      people: n,
      fixed: zeroCash,
      targetIncentive: zeroCash,
      commission: zeroCash,
      pool: unitsFixed(poolTotal, scale),
      award: zeroCash,
      payout: unitsFixed(poolTotal, scale),
    },
    pools,
    lineIds: { kpis: kpis.map((kpi) => kpi.id), pay: poolColumns.map((pc) => ({ component: "pool" as const, id: pc.id })) },
    path: "columnar",
  };
}

/** How many distinct lines a KPI's table of shared lines holds before it is no longer used. */
const LINE_TABLE_LIMIT = 4096;
const CACHE_SIZE = 1 << 21;
const PAGE_BITS = 12;

/**
 * `make(units)` remembered for units 0 … 2^21 − 1, in pages of 4096 array slots indexed by the
 * units (a `Map` keyed by heap numbers costs more than the value it saves; one sparse array
 * would fall into dictionary mode); other units are made each time.
 *
 * A class, not a closure: the run holds several caches (attainments, points, contributions,
 * scores, amounts, pay lists) read at the same call sites for every person, and V8 keeps one
 * class's `value` monomorphic where the copies of one closure shared their feedback and were
 * not inlined — materialising a million statements in a fresh process took about twice as
 * long (≈ 4.0 s → ≈ 2.2 s here).
 */
class UnitsCache<T> {
  private readonly pages: ((T | undefined)[] | undefined)[] = new Array<(T | undefined)[] | undefined>(CACHE_SIZE >>> PAGE_BITS).fill(undefined);

  constructor(private readonly make: (units: number) => T) {}

  /**
   * The value of `units`, made once while the units are cached.
   *
   * @param units - an integer count of steps
   * @returns `make(units)`, the same value (object) each time for units 0 … 2^21 − 1
   */
  value(units: number): T {
    if (units >= 0 && units < CACHE_SIZE && Number.isInteger(units)) {
      const page = units >>> PAGE_BITS;
      let cache = this.pages[page];
      if (cache === undefined) {
        cache = new Array<T | undefined>(1 << PAGE_BITS).fill(undefined);
        this.pages[page] = cache;
      }
      const slot = units & ((1 << PAGE_BITS) - 1);
      let value = cache[slot];
      if (value === undefined) {
        value = this.make(units);
        cache[slot] = value;
      }
      return value;
    }
    return this.make(units);
  }
}

/** A {@link UnitsCache} of `write(units, scale)` (default `unitsText`). */
function cachedText(scale: number, write: (units: number, scale: number) => string = unitsText): UnitsCache<string> {
  return new UnitsCache((units) => write(units, scale));
}

/**
 * Whether a decimal string is written as `Decimal#toString` writes its value: an optional "-",
 * no leading zeros, a fraction without trailing zeros, not "-0", at most 15 digits.
 *
 * @internal
 * @param text - any string
 * @returns whether `text` is the canonical text of its value
 *
 * @example
 * ```ts
 * isCanonical("1234.5"); // true
 * isCanonical("1234.50"); // false ("1234.5")
 * isCanonical("+7"); // false ("7")
 * ```
 */
export function isCanonical(text: string): boolean {
  const length = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  const first = i;
  let digits = 0;
  let dot = -1;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && dot < 0) dot = i;
    else return false;
  }
  if (digits === 0 || digits > 15 || dot === first || dot === length - 1) return false;
  const integerDigits = (dot < 0 ? length : dot) - first;
  if (integerDigits > 1 && text.charCodeAt(first) === 48) return false;
  if (dot >= 0 && text.charCodeAt(length - 1) === 48) return false;
  // "-0" and "-0.0…" never reach here with a nonzero digit check: refuse a negative zero.
  if (first === 1 && dot < 0 && integerDigits === 1 && text.charCodeAt(1) === 48) return false;
  return true;
}

/**
 * {@link isCanonical} for a string that `scaledInteger` reads (at any scale): such a string is an
 * optional sign, 1–15 digits and at most one point, so only its first two characters and its
 * last can make it other than canonical — a "+", a point first or last, a leading zero before
 * another digit, a trailing zero after the point, or "-0".
 *
 * @internal
 * @param text - a string `scaledInteger(text, scale)` reads as a number for some scale
 * @returns `isCanonical(text)`
 *
 * @example
 * ```ts
 * isCanonicalParsed("0.25"); // true
 * isCanonicalParsed("05"); // false ("5")
 * isCanonicalParsed("-0"); // false ("0")
 * ```
 */
export function isCanonicalParsed(text: string): boolean {
  const length = text.length;
  const sign = text.charCodeAt(0);
  if (sign === 43 /* + */) return false;
  const first = sign === 45 /* - */ ? 1 : 0;
  const lead = text.charCodeAt(first);
  const last = text.charCodeAt(length - 1);
  if (lead === 46 /* . */ || last === 46) return false;
  if (lead === 48 /* 0 */) {
    if (length === first + 1) return first === 0; // "0", never "-0"
    if (text.charCodeAt(first + 1) !== 46) return false; // "05"
  }
  return !(last === 48 && text.includes("."));
}

function fault(): PayscoreError {
  return new PayscoreError("INVALID_DATA", "the columnar path does not apply", { path: ["rows"] });
}

/**
 * `units · 10^-scale` as `Decimal#toString` writes it (no trailing zeros, no exponent).
 *
 * @internal
 * @param units - a safe integer count of `10^-scale` steps
 * @param scale - decimal places, ≥ 0
 * @returns the value's text
 *
 * @example
 * ```ts
 * unitsText(12050, 2); // "120.5"
 * unitsText(-5, 3); // "-0.005"
 * ```
 */
export function unitsText(units: number, scale: number): string {
  if (units === 0) return "0";
  const negative = units < 0;
  let digits = String(negative ? -units : units);
  if (scale > 0) {
    if (digits.length <= scale) digits = "0".repeat(scale - digits.length + 1) + digits;
    const whole = digits.slice(0, digits.length - scale);
    let fraction = digits.slice(digits.length - scale);
    let cut = fraction.length;
    while (cut > 0 && fraction.charCodeAt(cut - 1) === 48) cut--;
    fraction = fraction.slice(0, cut);
    digits = fraction === "" ? whole : `${whole}.${fraction}`;
  }
  return negative ? `-${digits}` : digits;
}

/**
 * `units · 10^-scale` as `Decimal#toFixed(scale)` writes it.
 *
 * @internal
 * @param units - a safe integer count of `10^-scale` steps
 * @param scale - decimal places, ≥ 0
 * @returns the value's text with exactly `scale` decimals
 *
 * @example
 * ```ts
 * unitsFixed(12050, 2); // "120.50"
 * unitsFixed(-5, 3); // "-0.005"
 * ```
 */
export function unitsFixed(units: number, scale: number): string {
  const negative = units < 0;
  let digits = String(negative ? -units : units);
  if (scale > 0) {
    if (digits.length <= scale) digits = "0".repeat(scale - digits.length + 1) + digits;
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  return negative && units !== 0 ? `-${digits}` : digits;
}
