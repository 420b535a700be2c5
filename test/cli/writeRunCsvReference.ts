// writeRunCsv as it was before it wrote bytes (one string per row, csv-stringify quoting), with
// the pay columns grouped, 0.00 for a missing amount and formula-like text cells neutralised: the
// oracle of the writer property test.
import type { LazyPayoutRun, PayoutRun, Statement } from "../../src/plan/index.js";
import type { WriteText } from "../../src/cli/writeAtomically.js";

/**
 * Writes a run as CSV, one row per person, in batches of a thousand rows (quoted as csv-stringify quotes), so a
 * large run streams out. Columns, in this order:
 *
 * `id, name, team, region, role, activeFrom, activeTo, basePay`, then per KPI
 * `<kpi>.actual, <kpi>.target, <kpi>.attainment, <kpi>.points`, then `kpiScore, review360,
 * score, rank, initialGrade, grade`, one column per pay component (`fixed`, `targetIncentive`,
 * `commission`, `pool:<id>`, `award:<id>`, in the order they first appear), `totalPayout` and
 * `promotionEligible`. Amounts are the run's exact decimal strings; an empty cell means "none".
 *
 * A lazy run (`runPlanLazy`) gives its columns in `lineIds` and its statements one at a time
 * (`statementAt`), so a million rows stream out without a million statements in memory; the
 * bytes are the same as for the `PayoutRun` it stands for.
 *
 * @param run - the run, or a lazy run
 * @param write - where the text goes
 * @param onRow - called now and then with the rows written (for the progress line)
 * @returns when everything is written
 *
 * @example
 * ```ts
 * await writeRunCsv(run, write); // id,name,…,totalPayout,promotionEligible\nE01,Li Wei,…
 * ```
 */
export async function writeRunCsvAsBefore(run: PayoutRun | LazyPayoutRun, write: WriteText, onRow?: ((done: number) => void) | undefined): Promise<void> {
  const lazy = "statementAt" in run;
  const size = lazy ? run.size : run.statements.length;
  const statementAt = lazy ? run.statementAt : (i: number): Statement => run.statements[i] as Statement;
  let kpiIds: string[] = [];
  let payKeys: string[] = [];
  if (lazy) {
    kpiIds = [...run.lineIds.kpis];
    payKeys = [...new Set(run.lineIds.pay.map((line) => payKey(line.component, line.id)))];
  } else {
    const seenKpis = new Set<string>();
    const seenPay = new Set<string>();
    for (const statement of run.statements) {
      for (const line of statement.kpis) {
        if (!seenKpis.has(line.id)) {
          seenKpis.add(line.id);
          kpiIds.push(line.id);
        }
      }
      for (const line of statement.pay) {
        const key = payKey(line.component, line.id);
        if (!seenPay.has(key)) {
          seenPay.add(key);
          payKeys.push(key);
        }
      }
    }
  }
  payKeys = [...payKeys.filter((k) => !k.includes(":")), ...payKeys.filter((k) => k.startsWith("pool:")), ...payKeys.filter((k) => k.startsWith("award:"))];
  const zero = run.scale > 0 ? `0.${"0".repeat(run.scale)}` : "0";
  const header = [
    "id", "name", "team", "region", "role", "activeFrom", "activeTo", "basePay",
    ...kpiIds.flatMap((id) => [`${id}.actual`, `${id}.target`, `${id}.attainment`, `${id}.points`]),
    "kpiScore", "review360", "score", "rank", "initialGrade", "grade",
    ...payKeys, "totalPayout", "promotionEligible",
  ];
  await write(csvLine(header.map(safe)));
  const batchSize = 1000;
  for (let start = 0; start < size; start += batchSize) {
    const end = Math.min(start + batchSize, size);
    let batch = "";
    for (let i = start; i < end; i++) batch += csvLine(csvRow(statementAt(i), kpiIds, payKeys, zero));
    await write(batch);
    if (onRow !== undefined) onRow(end);
  }
}

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV record as csv-stringify writes it with its defaults: cells joined by ",", a cell
 * quoted only when it holds `"`, `,`, CR or LF (inner quotes doubled), and a closing "\n".
 */
function csvLine(cells: readonly string[]): string {
  let line = "";
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c] as string;
    if (c > 0) line += ",";
    line += NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  }
  return `${line}\n`;
}

function payKey(component: string, id: string): string {
  return component === "pool" || component === "award" ? `${component}:${id}` : component;
}

/** A text cell that would start a formula gets a leading quote. */
function safe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvRow(statement: Statement, kpiIds: readonly string[], payKeys: readonly string[], zero: string): string[] {
  const person = statement.person;
  const cells: string[] = [safe(person.id), safe(person.name ?? ""), safe(person.team ?? ""), safe(person.region ?? ""), safe(person.role ?? ""), person.activeFrom, person.activeTo, person.basePay ?? ""];
  const lines = statement.kpis;
  // The usual case, the statement's lines in column order, without a lookup table.
  const inOrder = lines.length === kpiIds.length && lines.every((line, k) => line.id === kpiIds[k]);
  const byId = inOrder ? undefined : new Map(lines.map((line) => [line.id, line]));
  for (let k = 0; k < kpiIds.length; k++) {
    const line = byId === undefined ? lines[k] : byId.get(kpiIds[k] as string);
    if (line === undefined) cells.push("", "", "", "");
    else cells.push(line.actual ?? "", line.target ?? "", line.attainment ?? "", line.points);
  }
  cells.push(statement.kpiScore, statement.review360?.points ?? "", statement.score, String(statement.rank), safe(statement.grade?.initial ?? ""), safe(statement.grade?.final ?? ""));
  const pay = new Map<string, string>();
  for (const line of statement.pay) pay.set(payKey(line.component, line.id), line.amount);
  for (const key of payKeys) cells.push(pay.get(key) ?? zero);
  cells.push(statement.totalPayout, statement.promotion === null ? "" : String(statement.promotion.eligible));
  return cells;
}
