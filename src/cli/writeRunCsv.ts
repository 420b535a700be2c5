import type { LazyPayoutRun, PayLine, PayoutRun, Statement } from "../plan/index.js";
import type { WriteText } from "./writeAtomically.js";

/**
 * Writes a run as CSV, one row per person, in batches of a thousand rows, so a large run
 * streams out. Columns, in this order:
 *
 * `id, name, team, region, role, activeFrom, activeTo, basePay`, then per KPI
 * `<kpi>.actual, <kpi>.target, <kpi>.attainment, <kpi>.points`, then `kpiScore, review360,
 * score, rank, initialGrade, grade`, one column per pay component (`fixed`, `targetIncentive`,
 * `commission`, `pool:<id>`, `award:<id>`, in the order they first appear), `totalPayout` and
 * `promotionEligible`. Amounts are the run's exact decimal strings; an empty cell means "none".
 * A cell is quoted as csv-stringify quotes by default: only when it holds `"`, `,`, CR or LF,
 * with inner quotes doubled; each record ends with "\n".
 *
 * The rows are written as UTF-8 bytes straight into 1 MiB buffers (an ASCII cell character by
 * character, checking for the characters that need quotes as it goes), so no string per row or
 * per cell is made on the way out. A lazy run (`runPlanLazy`) gives its columns in `lineIds` and
 * its statements one at a time (`statementAt`), so a million rows stream out without a million
 * statements in memory; the bytes are the same as for the `PayoutRun` it stands for.
 *
 * @param run - the run, or a lazy run
 * @param write - where the bytes go
 * @param onRow - called now and then with the rows written (for the progress line)
 * @returns when everything is written
 *
 * @example
 * ```ts
 * await writeRunCsv(run, write); // id,name,…,totalPayout,promotionEligible\nE01,Li Wei,…
 * ```
 */
export async function writeRunCsv(run: PayoutRun | LazyPayoutRun, write: WriteText, onRow?: ((done: number) => void) | undefined): Promise<void> {
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
  const header = [
    "id", "name", "team", "region", "role", "activeFrom", "activeTo", "basePay",
    ...kpiIds.flatMap((id) => [`${id}.actual`, `${id}.target`, `${id}.attainment`, `${id}.points`]),
    "kpiScore", "review360", "score", "rank", "initialGrade", "grade",
    ...payKeys, "totalPayout", "promotionEligible",
  ];
  const out = new CsvBytes();
  for (let c = 0; c < header.length; c++) {
    if (c > 0) out.comma();
    out.cell(header[c] as string);
  }
  out.newline();
  const batchSize = 1000;
  for (let start = 0; start < size; start += batchSize) {
    const end = Math.min(start + batchSize, size);
    for (let i = start; i < end; i++) writeRow(out, statementAt(i), kpiIds, payKeys);
    for (const chunk of out.take(false)) await write(chunk);
    if (onRow !== undefined) onRow(end);
  }
  for (const chunk of out.take(true)) await write(chunk);
}

function payKey(component: string, id: string): string {
  return component === "pool" || component === "award" ? `${component}:${id}` : component;
}

function writeRow(out: CsvBytes, statement: Statement, kpiIds: readonly string[], payKeys: readonly string[]): void {
  const person = statement.person;
  out.cell(person.id);
  out.comma();
  out.cell(person.name ?? "");
  out.comma();
  out.cell(person.team ?? "");
  out.comma();
  out.cell(person.region ?? "");
  out.comma();
  out.cell(person.role ?? "");
  out.comma();
  out.cell(person.activeFrom);
  out.comma();
  out.cell(person.activeTo);
  out.comma();
  out.cell(person.basePay ?? "");
  const lines = statement.kpis;
  // The usual case, the statement's lines in column order, without a lookup table.
  let inOrder = lines.length === kpiIds.length;
  for (let k = 0; inOrder && k < lines.length; k++) inOrder = (lines[k] as { id: string }).id === kpiIds[k];
  const byId = inOrder ? undefined : new Map(lines.map((line) => [line.id, line]));
  for (let k = 0; k < kpiIds.length; k++) {
    const line = byId === undefined ? lines[k] : byId.get(kpiIds[k] as string);
    if (line === undefined) {
      out.raw(",,,,");
    } else {
      out.comma();
      out.cell(line.actual ?? "");
      out.comma();
      out.cell(line.target ?? "");
      out.comma();
      out.cell(line.attainment ?? "");
      out.comma();
      out.cell(line.points);
    }
  }
  out.comma();
  out.cell(statement.kpiScore);
  out.comma();
  out.cell(statement.review360?.points ?? "");
  out.comma();
  out.cell(statement.score);
  out.comma();
  out.cell(String(statement.rank));
  out.comma();
  out.cell(statement.grade?.initial ?? "");
  out.comma();
  out.cell(statement.grade?.final ?? "");
  const pay = statement.pay;
  // The usual case again: one line per pay column, in column order.
  let payInOrder = pay.length === payKeys.length;
  for (let k = 0; payInOrder && k < pay.length; k++) {
    const line = pay[k] as PayLine;
    payInOrder = payKey(line.component, line.id) === payKeys[k];
  }
  if (payInOrder) {
    for (let k = 0; k < pay.length; k++) {
      out.comma();
      out.cell((pay[k] as PayLine).amount);
    }
  } else {
    const amounts = new Map<string, string>();
    for (const line of pay) amounts.set(payKey(line.component, line.id), line.amount);
    for (const key of payKeys) {
      out.comma();
      out.cell(amounts.get(key) ?? "");
    }
  }
  out.comma();
  out.cell(statement.totalPayout);
  out.comma();
  out.cell(statement.promotion === null ? "" : String(statement.promotion.eligible));
  out.newline();
}

const CHUNK = 1 << 20;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * CSV text written as UTF-8 into 1 MiB buffers: an ASCII cell byte by byte, any other cell (or
 * one that needs quotes) with `Buffer#write`. Full buffers wait in a list until `take`.
 */
class CsvBytes {
  private bytes: Buffer = Buffer.allocUnsafe(CHUNK);
  private at = 0;
  private full: Buffer[] = [];

  /** One cell, quoted only when it holds `"`, `,`, CR or LF. */
  cell(text: string): void {
    const n = text.length;
    if (this.at + n > this.bytes.length) this.room(n);
    const bytes = this.bytes;
    let at = this.at;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80 || c === 0x22 || c === 0x2c || c === 0x0a || c === 0x0d) {
        this.cellSlowly(text);
        return;
      }
      bytes[at++] = c;
    }
    this.at = at;
  }

  comma(): void {
    if (this.at >= this.bytes.length) this.room(1);
    this.bytes[this.at++] = 0x2c;
  }

  newline(): void {
    if (this.at >= this.bytes.length) this.room(1);
    this.bytes[this.at++] = 0x0a;
  }

  /** ASCII text as it is (no quoting). */
  raw(text: string): void {
    for (let i = 0; i < text.length; i++) {
      if (this.at >= this.bytes.length) this.room(1);
      this.bytes[this.at++] = text.charCodeAt(i);
    }
  }

  /** The full buffers (and, with `all`, the part written of the current one), handed over. */
  take(all: boolean): Buffer[] {
    if (all && this.at > 0) {
      this.full.push(this.bytes.subarray(0, this.at));
      this.bytes = Buffer.allocUnsafe(CHUNK);
      this.at = 0;
    }
    const taken = this.full;
    this.full = [];
    return taken;
  }

  private cellSlowly(text: string): void {
    const quoted = NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    const length = Buffer.byteLength(quoted, "utf8");
    if (this.at + length > this.bytes.length) this.room(length);
    this.at += this.bytes.write(quoted, this.at, "utf8");
  }

  /** Starts a new buffer with room for `length` more bytes. */
  private room(length: number): void {
    if (this.at > 0) this.full.push(this.bytes.subarray(0, this.at));
    this.bytes = Buffer.allocUnsafe(Math.max(CHUNK, length));
    this.at = 0;
  }
}
