import { PayscoreError, describeValue, guard } from "../errors/index.js";
import { Decimal, isNumeric } from "../numeric/index.js";
import { readRunShape } from "./runShapes.js";
import type { PayoutRun, Statement, TraceStep } from "./types.js";

/** One line of a statement that differs between two runs. */
export interface DiffLine {
  /**
   * `score`, `kpiScore`, `rank`, `grade`, `scorecard`, `kpi.<id>.<field>`, `review360`,
   * `pay.<component>.<id>`, `totalPayout`, `promotion`; for the scored sub-periods (issue 21)
   * `kpi.<id>@<label>.<field>` (target, actual, attainment, points) and `score@<label>`, named
   * as the CSV's columns are (`kpi.revenue@2026-01.actual`, `score@2026-01`).
   */
  readonly field: string;
  readonly before: string | null;
  readonly after: string | null;
  /** after − before, when both are numbers. */
  readonly delta: string | null;
}

/**
 * A value read from the data that differs between the runs, found in the two statements' traces:
 * a cell behind a KPI's actual or target, the base pay, a target incentive's amount, a rater
 * group's mean (the ratings) or the promotion history.
 */
export interface DataChange {
  /** The trace step that read it: `kpi.sales.actual`, `kpi.sales.target`, `pay.fixed`, `score.review360`, `promotion`. */
  readonly step: string;
  /** The data column, when the trace names it (`column sales`); null for an indicator's input, a rating or the history. */
  readonly column: string | null;
  /** The input's name in the step: the column, the indicator's input (`collected`), `basePay`, a rater group, `history`. */
  readonly input: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** A person whose statement changed. */
export interface PersonDiff {
  readonly person: string;
  /** The person's name in the later run (the earlier one's when the later has none). */
  readonly name: string | null;
  readonly before: string;
  readonly after: string;
  /** Change of the total payout: after − before. */
  readonly delta: string;
  readonly lines: readonly DiffLine[];
  /**
   * The person's own data that changed (from the traces; without traces, the KPI actuals that
   * changed). Empty when none did: the change then comes from the plan or from other people
   * (pools, ranks and forced grades depend on everyone).
   */
  readonly causes: readonly DataChange[];
}

/** What {@link diffRuns} returns. */
export interface RunDiff {
  /** Whether the plans differ (by `planHash`). */
  readonly planChanged: boolean;
  /** The two runs' plan hashes. */
  readonly planHashes: { readonly before: string | null; readonly after: string | null };
  /** The later run's currency (the earlier one's when the later has none), for writing amounts. */
  readonly currency: string | null;
  /** KPIs whose actual and target are rates (from an indicator that is a rate), for writing them as percentages. */
  readonly rateKpis: readonly string[];
  /** People only in the later run, and only in the earlier one (sorted by id). */
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** People in both runs whose statements differ, sorted by id. */
  readonly changed: readonly PersonDiff[];
  /** How many people are in both runs with identical lines. */
  readonly unchanged: number;
  /** Total payout before and after, and the change. */
  readonly totals: { readonly before: string; readonly after: string; readonly delta: string };
}

/**
 * Compares two runs person by person, for appeals and recalculation (申诉复核): who was added or
 * removed, whose payout changed and by how much, and which lines differ (KPI actuals, targets,
 * attainment and points, scores, rank, grade, the role scorecard, each pay component, promotion,
 * and each scored sub-period's KPI lines and score). The trace is not compared line by line; the
 * lines it explains are. Accepts runs read back from JSON.
 *
 * @category Plans and runs
 * @param before - the earlier run
 * @param after - the later run
 * @returns the differences; `changed` lists only people with at least one differing line
 * @throws {PayscoreError} `INVALID_ARGUMENT` when either is not a run (an object with `statements`)
 *
 * @example
 * ```ts
 * // the worked example (test/fixtures/plan) rerun after correcting p04's sales from 60000 to 64000
 * const diff = diffRuns(run, rerun);
 * diff.totals; // { before: "51053.80", after: "51360.55", delta: "306.75" }
 * diff.changed.map((c) => `${c.person} ${c.delta}`); // ["p02 22.75", "p03 22.62", "p04 261.38"]  (the pool's funding rose too)
 * diff.changed[2]?.lines[2]; // { field: "kpi.sales.actual", before: "60000", after: "64000", delta: "4000" }
 * ```
 */
export function diffRuns(before: PayoutRun, after: PayoutRun): RunDiff {
  return guard(computeDiffRuns, [before, after]);
}

function computeDiffRuns(before: PayoutRun, after: PayoutRun): RunDiff {
  const a = readRun(before, "before");
  const b = readRun(after, "after");
  const beforeById = new Map(a.statements.map((s) => [s.person.id, s]));
  const afterById = new Map(b.statements.map((s) => [s.person.id, s]));
  const sort = (ids: string[]): string[] => ids.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const added = sort([...afterById.keys()].filter((id) => !beforeById.has(id)));
  const removed = sort([...beforeById.keys()].filter((id) => !afterById.has(id)));
  const changed: PersonDiff[] = [];
  let unchanged = 0;
  for (const id of sort([...beforeById.keys()].filter((key) => afterById.has(key)))) {
    const x = flatten(beforeById.get(id) as Statement);
    const y = flatten(afterById.get(id) as Statement);
    const fields = [...new Set([...x.keys(), ...y.keys()])];
    const lines: DiffLine[] = [];
    for (const field of fields) {
      const p = x.get(field) ?? null;
      const q = y.get(field) ?? null;
      if (p !== q) lines.push({ field, before: p, after: q, delta: difference(p, q) });
    }
    if (lines.length === 0) {
      unchanged++;
      continue;
    }
    const p = x.get("totalPayout") ?? "0";
    const q = y.get("totalPayout") ?? "0";
    const earlier = beforeById.get(id) as Statement;
    const later = afterById.get(id) as Statement;
    const name = later.person.name ?? earlier.person.name ?? null;
    changed.push({ person: id, name, before: p, after: q, delta: difference(p, q) ?? "0", lines, causes: dataChanges(earlier, later, lines) });
  }
  const RATE_INDICATORS = new Set(["collection-rate", "margin", "growth", "market-share", "complaint-rate"]);
  const rateKpis = new Set<string>();
  for (const s of [...a.statements, ...b.statements]) for (const i of s.indicators ?? []) if (RATE_INDICATORS.has(i.indicator)) rateKpis.add(i.kpi);
  const totalBefore = String(a.totals?.payout ?? "0");
  const totalAfter = String(b.totals?.payout ?? "0");
  return {
    planChanged: a.planHash !== b.planHash,
    planHashes: { before: a.planHash ?? null, after: b.planHash ?? null },
    currency: b.currency ?? a.currency ?? null,
    rateKpis: [...rateKpis],
    added,
    removed,
    changed,
    unchanged,
    totals: { before: totalBefore, after: totalAfter, delta: difference(totalBefore, totalAfter) ?? "0" },
  };
}

function readRun(run: unknown, name: string): PayoutRun {
  if (typeof run !== "object" || run === null || !Array.isArray((run as { statements?: unknown }).statements)) {
    throw new PayscoreError("INVALID_ARGUMENT", `${name} must be a run from runPlan (an object with statements); got ${describeValue(run)}`, { path: [name] });
  }
  const statements = (run as PayoutRun).statements;
  statements.forEach((s, i) => {
    if (typeof s !== "object" || s === null || typeof s.person !== "object" || s.person === null || typeof s.person.id !== "string") {
      throw new PayscoreError("INVALID_ARGUMENT", `${name}.statements[${i}] must be a statement with person.id; got ${describeValue(s)}`, { path: [name, "statements", i] });
    }
  });
  return readRunShape(run, [name]);
}

/** The comparable lines of a statement, in a stable order. */
function flatten(s: Statement): Map<string, string | null> {
  const lines = new Map<string, string | null>();
  lines.set("score", s.score ?? null);
  lines.set("kpiScore", s.kpiScore ?? null);
  lines.set("rank", s.rank === undefined ? null : String(s.rank));
  lines.set("grade", s.grade?.final ?? null);
  if (s.scorecard !== undefined) lines.set("scorecard", s.scorecard);
  for (const k of s.kpis ?? []) {
    for (const field of ["actual", "target", "attainment", "points", "weight", "contribution"] as const) lines.set(`kpi.${k.id}.${field}`, k[field] ?? null);
  }
  // Issue 21: the scored sub-periods, each KPI's lines and the sub-period's score.
  for (const sub of s.subPeriods ?? []) {
    for (const k of sub.kpis) {
      for (const field of ["actual", "target", "attainment", "points"] as const) lines.set(`kpi.${k.id}@${sub.label}.${field}`, k[field] ?? null);
    }
    lines.set(`score@${sub.label}`, sub.score ?? null);
  }
  if (s.review360 !== null && s.review360 !== undefined) lines.set("review360", s.review360.points ?? null);
  for (const line of s.pay ?? []) lines.set(`pay.${line.component}.${line.id}`, line.amount);
  lines.set("totalPayout", s.totalPayout ?? null);
  if (s.promotion !== null && s.promotion !== undefined) lines.set("promotion", String(s.promotion.eligible));
  return lines;
}

function difference(p: string | null, q: string | null): string | null {
  if (!isNumeric(p ?? "0") || !isNumeric(q ?? "0")) return null;
  if (p === null && q === null) return null;
  const delta = new Decimal(q ?? "0").minus(p ?? "0");
  return delta.isZero() ? "0" : delta.toString();
}

/** The data behind a person's statement that differs between two runs, read from the traces. */
function dataChanges(before: Statement, after: Statement, lines: readonly DiffLine[]): DataChange[] {
  const earlier = stepsByName(before.trace);
  const later = stepsByName(after.trace);
  const changes: DataChange[] = [];
  const add = (step: string, column: string | null, input: string, p: string | null, q: string | null): void => {
    if (p !== q) changes.push({ step, column, input, before: p, after: q });
  };
  if (earlier.size === 0 || later.size === 0) {
    // No traces (a run saved with --no-trace): the KPI actuals are the data lines the diff has.
    for (const line of lines) if (/^kpi\..+\.actual$/s.test(line.field)) add(line.field, null, "actual", line.before, line.after);
    return changes;
  }
  for (const [name, q] of later) {
    const p = earlier.get(name);
    if (p === undefined) continue;
    if (/^kpi\..+\.actual$/s.test(name)) {
      const column = columnOf(q.formula);
      for (const key of new Set([...Object.keys(p.inputs), ...Object.keys(q.inputs)])) add(name, column, key, p.inputs[key] ?? null, q.inputs[key] ?? null);
    } else if (/^kpi\..+\.target$/s.test(name)) {
      // A target read from a column: the result, or (prorated) the target before proration.
      const raw = (t: TraceStep): { column: string | null; value: string | null } =>
        columnOf(t.formula) !== null ? { column: columnOf(t.formula), value: t.result } : { column: columnOf(t.inputs["source"] ?? ""), value: t.inputs["target"] ?? null };
      const x = raw(p);
      const y = raw(q);
      if (y.column !== null && x.column === y.column) add(name, y.column, y.column, x.value, y.value);
      // Active dates are in the trace only when prorated; a person active the whole period is active from its start to its end.
      const ends = { activeFrom: p.inputs["periodStart"] ?? q.inputs["periodStart"] ?? null, activeTo: p.inputs["periodEnd"] ?? q.inputs["periodEnd"] ?? null };
      for (const key of ["activeFrom", "activeTo"] as const) add(name, null, key, p.inputs[key] ?? ends[key], q.inputs[key] ?? ends[key]);
    } else if (name === "pay.fixed") {
      add(name, null, "basePay", p.inputs["basePay"] ?? null, q.inputs["basePay"] ?? null);
    } else if (name === "pay.targetIncentive") {
      add(name, null, "targetAmount", p.inputs["targetAmount"] ?? null, q.inputs["targetAmount"] ?? null);
    } else if (name === "score.review360") {
      // "mean × weight": the mean comes from the ratings; the weight from the plan and the other groups.
      for (const group of new Set([...Object.keys(p.inputs), ...Object.keys(q.inputs)])) add(name, null, group, meanOf(p.inputs[group]), meanOf(q.inputs[group]));
    } else if (name === "promotion") {
      add(name, null, "history", earlierValues(p.inputs["history"]), earlierValues(q.inputs["history"]));
    }
  }
  return changes;
}

function stepsByName(trace: readonly TraceStep[] | undefined): Map<string, TraceStep> {
  const steps = new Map<string, TraceStep>();
  for (const step of trace ?? []) if (!steps.has(step.step)) steps.set(step.step, step);
  return steps;
}

function columnOf(formula: string): string | null {
  const match = /^column (.+)$/s.exec(formula);
  return match === null ? null : (match[1] as string);
}

function meanOf(value: string | undefined): string | null {
  if (value === undefined) return null;
  const product = /^(\S+) × \S+$/.exec(value);
  return product === null ? value : (product[1] as string);
}

/** The promotion history without its last value (this period's measure, which the other lines show). */
function earlierValues(history: string | undefined): string | null {
  if (history === undefined) return null;
  return history.split(", ").slice(0, -1).join(", ");
}
