import type { LazyPayoutRun, PayLine, PayoutRun, Statement } from "../plan/index.js";
import { competencyColumns, groupPayColumns, neutraliseFormula, payKey, subPeriodAndScorecardColumns, zeroAmount } from "./spreadsheetText.js";
import type { WriteText } from "./writeAtomically.js";

/** Options for {@link writeRunCsv}. */
export interface WriteRunCsvOptions {
  /** Start with a UTF-8 byte-order mark, so Excel on Windows reads Chinese names right. */
  readonly bom?: boolean | undefined;
}

/**
 * Writes a run as CSV, one row per person, in batches of a thousand rows, so a large run
 * streams out. Columns, in this order:
 *
 * `id, name, team, region, role`, `scorecard` when the plan has role scorecards (issue 21: the
 * scorecard each person was scored by, `default` for the plan's `kpis`), `activeFrom, activeTo,
 * basePay`, then per KPI
 * `<kpi>.actual, <kpi>.target, <kpi>.attainment, <kpi>.points`; when the plan scores sub-periods
 * (issue 21), per sub-period per KPI scored in it `<kpi>@<label>.actual`, `.target`,
 * `.attainment`, `.points` and then `score@<label>` (`sales@2026-01.target`, `score@2026-01`);
 * then `kpiScore, review360`,
 * one `review360.<competency>` column of points per competency and a `trainingNeeds` column
 * (the competencies joined by "; ", weakest first) when the plan asks for them, then `score,
 * rank, initialGrade, grade`, one column per pay component grouped by kind (`fixed`,
 * `targetIncentive`, `commission`, then every `pool:<id>`, then every `award:<id>`, each group in
 * the order its columns first appear), `totalPayout` and `promotionEligible`. Amounts are the
 * run's exact decimal strings, and a pay column a person has no line in is `0.00` (at the
 * currency's minor units), never blank; elsewhere an empty cell means "none". Text cells (id,
 * name, team, region, role, grades, and the column names) that a spreadsheet would read as a
 * formula — starting with `=`, `+`, `-`, `@`, tab or CR — get a leading `'` (OWASP CSV
 * injection); numbers are never changed. With `bom`, the file starts with a UTF-8 byte-order
 * mark. A cell is quoted as csv-stringify quotes by default: only when it holds `"`, `,`, CR or
 * LF, with inner quotes doubled; each record ends with "\n".
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
 * @param options - `bom`
 * @returns when everything is written
 *
 * @example
 * ```ts
 * await writeRunCsv(run, write); // id,name,…,totalPayout,promotionEligible\nE01,Li Wei,…
 * ```
 */
export async function writeRunCsv(run: PayoutRun | LazyPayoutRun, write: WriteText, onRow?: ((done: number) => void) | undefined, options?: WriteRunCsvOptions | undefined): Promise<void> {
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
  payKeys = groupPayColumns(payKeys);
  // Issue 21: the per-competency 360 points and the training needs, when the statements carry them.
  const { competencies: competencyIds, trainingNeeds: needs } = competencyColumns(run);
  // Issue 21: the scored sub-periods (every statement has the same sub-periods and KPIs), and the role scorecard.
  const { subPeriods: subs, scorecard } = subPeriodAndScorecardColumns(run);
  const header = [
    "id", "name", "team", "region", "role", ...(scorecard ? ["scorecard"] : []), "activeFrom", "activeTo", "basePay",
    ...kpiIds.flatMap((id) => [`${id}.actual`, `${id}.target`, `${id}.attainment`, `${id}.points`]),
    ...subs.flatMap((sub) => [...sub.kpis.flatMap((id) => [`${id}@${sub.label}.actual`, `${id}@${sub.label}.target`, `${id}@${sub.label}.attainment`, `${id}@${sub.label}.points`]), `score@${sub.label}`]),
    "kpiScore", "review360", ...competencyIds.map((c) => `review360.${c}`), ...(needs ? ["trainingNeeds"] : []), "score", "rank", "initialGrade", "grade",
    ...payKeys, "totalPayout", "promotionEligible",
  ];
  const out = new CsvBytes();
  if (options?.bom === true) out.bom();
  out.record(header.map(neutraliseFormula), header.length);
  // One array of cells, filled for each row and written in one pass; the column of each competency, found once.
  const cells = new Array<string>(header.length).fill("");
  const layout: RowLayout = { kpiIds, payKeys, zero: zeroAmount(run.scale), competencies: new Map(competencyIds.map((id, k) => [id, k])), needs, subs: subs.length > 0, scorecard };
  const batchSize = 1000;
  for (let start = 0; start < size; start += batchSize) {
    const end = Math.min(start + batchSize, size);
    for (let i = start; i < end; i++) out.record(cells, rowCells(cells, statementAt(i), layout));
    for (const chunk of out.take(false)) await write(chunk);
    if (onRow !== undefined) onRow(end);
  }
  for (const chunk of out.take(true)) await write(chunk);
}

/** The columns of a run's rows, found once before the first row. */
interface RowLayout {
  readonly kpiIds: readonly string[];
  readonly payKeys: readonly string[];
  /** A pay column a person has no line in. */
  readonly zero: string;
  /** Each competency's position among the `review360.<competency>` columns. */
  readonly competencies: ReadonlyMap<string, number>;
  /** Whether there is a trainingNeeds column. */
  readonly needs: boolean;
  /** Whether there are sub-period columns. */
  readonly subs: boolean;
  /** Whether there is a scorecard column. */
  readonly scorecard: boolean;
}

/** Fills `cells` with a statement's row; returns the number of cells. */
function rowCells(cells: string[], statement: Statement, layout: RowLayout): number {
  const { kpiIds, payKeys, zero, competencies, needs, subs } = layout;
  const person = statement.person;
  cells[0] = neutraliseFormula(person.id);
  cells[1] = neutraliseFormula(person.name ?? "");
  cells[2] = neutraliseFormula(person.team ?? "");
  cells[3] = neutraliseFormula(person.region ?? "");
  cells[4] = neutraliseFormula(person.role ?? "");
  let c = 5;
  if (layout.scorecard) cells[c++] = neutraliseFormula(statement.scorecard ?? "");
  cells[c] = person.activeFrom;
  cells[c + 1] = person.activeTo;
  cells[c + 2] = person.basePay ?? "";
  c += 3;
  const lines = statement.kpis;
  // The usual case, the statement's lines in column order, without a lookup table.
  let inOrder = lines.length === kpiIds.length;
  for (let k = 0; inOrder && k < lines.length; k++) inOrder = (lines[k] as { id: string }).id === kpiIds[k];
  const byId = inOrder ? undefined : new Map(lines.map((line) => [line.id, line]));
  for (let k = 0; k < kpiIds.length; k++) {
    const line = byId === undefined ? lines[k] : byId.get(kpiIds[k] as string);
    cells[c] = line?.actual ?? "";
    cells[c + 1] = line?.target ?? "";
    cells[c + 2] = line?.attainment ?? "";
    cells[c + 3] = line?.points ?? "";
    c += 4;
  }
  if (subs) {
    for (const sub of statement.subPeriods ?? []) {
      for (const line of sub.kpis) {
        cells[c] = line.actual ?? "";
        cells[c + 1] = line.target ?? "";
        cells[c + 2] = line.attainment ?? "";
        cells[c + 3] = line.points ?? "";
        c += 4;
      }
      cells[c++] = sub.score ?? "";
    }
  }
  cells[c] = statement.kpiScore;
  cells[c + 1] = statement.review360?.points ?? "";
  c += 2;
  if (competencies.size > 0) {
    for (let k = 0; k < competencies.size; k++) cells[c + k] = "";
    for (const line of statement.review360?.competencies ?? []) {
      const k = competencies.get(line.competency);
      if (k !== undefined) cells[c + k] = line.points ?? "";
    }
    c += competencies.size;
  }
  if (needs) cells[c++] = neutraliseFormula((statement.review360?.trainingNeeds ?? []).join("; "));
  cells[c] = statement.score;
  cells[c + 1] = String(statement.rank);
  cells[c + 2] = neutraliseFormula(statement.grade?.initial ?? "");
  cells[c + 3] = neutraliseFormula(statement.grade?.final ?? "");
  c += 4;
  const pay = statement.pay;
  // The usual case again: one line per pay column, in column order.
  let payInOrder = pay.length === payKeys.length;
  for (let k = 0; payInOrder && k < pay.length; k++) {
    const line = pay[k] as PayLine;
    payInOrder = payKey(line.component, line.id) === payKeys[k];
  }
  if (payInOrder) {
    for (let k = 0; k < pay.length; k++) cells[c++] = (pay[k] as PayLine).amount;
  } else {
    const amounts = new Map<string, string>();
    for (const line of pay) amounts.set(payKey(line.component, line.id), line.amount);
    for (const key of payKeys) cells[c++] = amounts.get(key) ?? zero;
  }
  cells[c] = statement.totalPayout;
  cells[c + 1] = statement.promotion === null ? "" : String(statement.promotion.eligible);
  return c + 2;
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

  /**
   * One record: `cells[0 … count − 1]` joined by ",", each quoted only when it holds `"`, `,`,
   * CR or LF, and "\n". ASCII cells are copied byte by byte; any other goes through `cellSlowly`.
   */
  record(cells: readonly string[], count: number): void {
    let bytes = this.bytes;
    let at = this.at;
    for (let k = 0; k < count; k++) {
      const text = cells[k] as string;
      const n = text.length;
      // Room for the cell and the "," or "\n" after it, in the worst case (3 bytes a character, quoted).
      if (at + 6 * n + 3 > bytes.length) {
        this.at = at;
        this.room(6 * n + 3);
        bytes = this.bytes;
        at = this.at;
      }
      const from = at;
      let i = 0;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0x80 || c === 0x22 || c === 0x2c || c === 0x0a || c === 0x0d) break;
        bytes[at++] = c;
      }
      if (i < n) at = from + writeSlowly(bytes, from, text);
      bytes[at++] = k === count - 1 ? 0x0a : 0x2c;
    }
    this.at = at;
  }

  /** A UTF-8 byte-order mark (EF BB BF). */
  bom(): void {
    this.bytes[this.at++] = 0xef;
    this.bytes[this.at++] = 0xbb;
    this.bytes[this.at++] = 0xbf;
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

  /** Starts a new buffer with room for `length` more bytes. */
  private room(length: number): void {
    if (this.at > 0) this.full.push(this.bytes.subarray(0, this.at));
    this.bytes = Buffer.allocUnsafe(Math.max(CHUNK, length));
    this.at = 0;
  }
}

/** Writes a cell that is not plain ASCII or needs quotes; returns the bytes written. */
function writeSlowly(bytes: Buffer, at: number, text: string): number {
  const quoted = NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  return bytes.write(quoted, at, "utf8");
}
