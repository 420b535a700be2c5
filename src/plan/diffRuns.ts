import { PayscoreError, describeValue } from "../errors/index.js";
import { Decimal, isNumeric } from "../numeric/index.js";
import type { PayoutRun, Statement } from "./types.js";

/** One line of a statement that differs between two runs. */
export interface DiffLine {
  /** `score`, `kpiScore`, `rank`, `grade`, `kpi.<id>.<field>`, `review360`, `pay.<component>.<id>`, `totalPayout`, `promotion`. */
  readonly field: string;
  readonly before: string | null;
  readonly after: string | null;
  /** after − before, when both are numbers. */
  readonly delta: string | null;
}

/** A person whose statement changed. */
export interface PersonDiff {
  readonly person: string;
  readonly before: string;
  readonly after: string;
  /** Change of the total payout: after − before. */
  readonly delta: string;
  readonly lines: readonly DiffLine[];
}

/** What {@link diffRuns} returns. */
export interface RunDiff {
  /** Whether the plans differ (by `planHash`). */
  readonly planChanged: boolean;
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
 * attainment and points, scores, rank, grade, each pay component, promotion). The trace is not
 * compared line by line; the lines it explains are. Accepts runs read back from JSON.
 *
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
    changed.push({ person: id, before: p, after: q, delta: difference(p, q) ?? "0", lines });
  }
  const totalBefore = String(a.totals?.payout ?? "0");
  const totalAfter = String(b.totals?.payout ?? "0");
  return {
    planChanged: a.planHash !== b.planHash,
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
  return run as PayoutRun;
}

/** The comparable lines of a statement, in a stable order. */
function flatten(s: Statement): Map<string, string | null> {
  const lines = new Map<string, string | null>();
  lines.set("score", s.score ?? null);
  lines.set("kpiScore", s.kpiScore ?? null);
  lines.set("rank", s.rank === undefined ? null : String(s.rank));
  lines.set("grade", s.grade?.final ?? null);
  for (const k of s.kpis ?? []) {
    for (const field of ["actual", "target", "attainment", "points", "weight", "contribution"] as const) lines.set(`kpi.${k.id}.${field}`, k[field] ?? null);
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
