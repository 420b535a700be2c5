import { CliError } from "./CliError.js";
import { cliMessage } from "./locales/cliMessages.js";
import { DEFAULT_LIMITS, tooLongCell, type InputLimits } from "./inputLimits.js";

/** Receives one record: `cells[0 … count − 1]` (the array is reused: copy what you keep) and its line. */
export type CsvRecordSink = (cells: readonly string[], count: number, line: number) => void;

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** The record delimiter, found at the first line end outside a quoted cell (as csv-parse finds it). */
const enum Delimiter {
  Unknown = 0,
  Lf = 1,
  CrLf = 2,
  Cr = 3,
}

/** Thrown inside a parse when the text ends before the record does (more text will come). */
const MORE = -1;

/**
 * Whether a character is white space that a cell is trimmed of: JavaScript's `String#trim` set
 * (space, tab, CR, LF, VT, FF, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F,
 * U+3000, U+FEFF), which is also the set csv-parse trims with `trim: true`.
 */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * A streaming CSV reader (RFC 4180) for text decoded by `Utf8Reader`: feed it text in pieces of
 * any size with `push` and finish with `end`; it hands each record to the sink as soon as the
 * record is complete, reusing one array of cells, and keeps nothing else per record.
 *
 * It reads exactly what csv-parse read with `{ trim: true, skip_empty_lines: true,
 * skip_records_with_empty_values: true, relax_column_count: true }`, which the command line used
 * before: cells are separated by `,`; the record delimiter is the first line end found outside a
 * quoted cell (CRLF, LF or a lone CR), and any other CR or LF is text (trimmed at a cell's edges);
 * a cell is trimmed of white space (`String#trim`'s set) — a quoted cell only outside its quotes;
 * `""` inside a quoted cell is one `"`; a record whose cells are all blank (a blank line, or what
 * a spreadsheet leaves under a table) is skipped. Lines are counted as csv-parse counted them:
 * every CR and every LF is a line end, except that a CRLF record delimiter is one. A record's
 * line is the line it ends on.
 *
 * Memory: a column of few distinct values (a team, a region, a role, a rater group, a score)
 * hands out one string per value — the first cell read with that text — instead of a fresh
 * string a cell; once a column has shown more than {@link SHARED_LIMIT} distinct texts (ids,
 * amounts) it is read as it comes. A million rows of a team column are then one string, not a
 * million, and no cell of a shared column keeps the piece of text it was cut from alive.
 *
 * Faults, each as a {@link CliError} `file:line: …`:
 * - a `"` after the start of an unquoted cell;
 * - anything but white space between a closing quote and the next `,` or line end (csv-parse
 *   read `"a" "b"` as `ab`; this reader refuses it);
 * - a quoted cell never closed: `file:line:column:` of its opening quote (csv-parse named the last
 *   line of the file);
 * - a cell longer than `limits.maxCell` characters (`--max-cell`), found as soon as that much of
 *   it has been read (issue 22: a cell with no end cannot grow without bound).
 *
 * @example
 * ```ts
 * const reader = new CsvReader("data.csv", (cells, count, line) => console.log(cells.slice(0, count), line));
 * reader.push('id,name\r\nE01,"Li, Wei"\r\n');
 * reader.end(); // logs ["id", "name"] 1, then ["E01", "Li, Wei"] 2
 * ```
 */
export class CsvReader {
  private readonly cells: string[] = [];
  /** Per column, its distinct texts so far; `null` once it has too many to share. */
  private readonly shared: (Map<string, string> | null | undefined)[] = [];
  private pending = "";
  private line = 1;
  private delimiter = Delimiter.Unknown;
  private ended = false;

  constructor(
    private readonly displayName: string,
    private readonly sink: CsvRecordSink,
    private readonly limits: Pick<InputLimits, "maxCell"> = DEFAULT_LIMITS,
  ) {}

  /** Reads the next piece of text; a record cut off at its end waits for the next piece. */
  push(text: string): void {
    if (text === "") return;
    this.parse(this.pending === "" ? text : this.pending + text, false);
  }

  /** Reads what is left: the last record needs no line end, and a quote still open is a fault. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    const rest = this.pending;
    this.pending = "";
    if (rest !== "") this.parse(rest, true);
  }

  /**
   * Reads every complete record of `text`; keeps an unfinished one in `pending` (and the line
   * counter at its start) unless `final`.
   */
  private parse(text: string, final: boolean): void {
    const n = text.length;
    const cells = this.cells;
    const sink = this.sink;
    const maxCell = this.limits.maxCell;
    const shared = this.shared;
    let pos = 0;
    let line = this.line;
    let startLine = line;
    records: while (pos < n) {
      startLine = line;
      let count = 0;
      let blank = true;
      let i = pos;
      for (;;) {
        // One cell: leading white space (a line end there may end the record), then the cell.
        let c = i < n ? text.charCodeAt(i) : -1;
        let ends = 0; // 0: a "," follows; 1: the record ends; 2: the text ends
        let value: string;
        while (c !== -1 && isSpace(c)) {
          if (c === LF || c === CR) {
            const length = this.delimiterAt(text, i, final);
            if (length === MORE) break records;
            if (length > 0) break;
            line += 1;
          }
          i += 1;
          c = i < n ? text.charCodeAt(i) : -1;
        }
        if (c === QUOTE) {
          const openAt = i;
          const openLine = line;
          value = "";
          let from = i + 1;
          for (;;) {
            const close = text.indexOf('"', from);
            if (close === -1) {
              if (!final) break records;
              throw this.unclosedQuote(text, openAt, openLine);
            }
            line += lineEndsIn(text, from, close);
            if (close + 1 >= n && !final) break records;
            if (text.charCodeAt(close + 1) === QUOTE) {
              value += text.slice(from, close + 1);
              from = close + 2;
              continue;
            }
            value += text.slice(from, close);
            i = close + 1;
            break;
          }
          if (blank && value.trim() !== "") blank = false;
          // After the closing quote: white space, then "," or the end of the record.
          for (;;) {
            if (i >= n) {
              if (!final) break records;
              ends = 2;
              break;
            }
            c = text.charCodeAt(i);
            if (c === COMMA) break;
            if (c === LF || c === CR) {
              const length = this.delimiterAt(text, i, final);
              if (length === MORE) break records;
              if (length > 0) {
                ends = 1;
                break;
              }
              line += 1;
            } else if (!isSpace(c)) {
              throw new CliError(cliMessage("textAfterQuote", { file: this.displayName, line }));
            }
            i += 1;
          }
        } else {
          const from = i;
          let last = -1; // the last character that is not white space
          for (;;) {
            if (i >= n) {
              if (!final) break records;
              ends = 2;
              break;
            }
            c = text.charCodeAt(i);
            if (c === COMMA) break;
            if (c === LF || c === CR) {
              const length = this.delimiterAt(text, i, final);
              if (length === MORE) break records;
              if (length > 0) {
                ends = 1;
                break;
              }
              line += 1;
            } else if (c === QUOTE) {
              throw new CliError(cliMessage("quoteInCell", { file: this.displayName, line }));
            } else if (!isSpace(c)) {
              last = i;
            }
            i += 1;
          }
          value = last === -1 ? "" : text.slice(from, last + 1);
          if (last !== -1) blank = false;
        }
        if (value.length > maxCell) throw tooLongCell(`${this.displayName}:${line}:${count + 1}`, this.limits);
        const texts = shared[count];
        if (texts !== null && value !== "") value = sharedText(shared, count, texts, value);
        cells[count] = value;
        count += 1;
        if (ends === 0) {
          i += 1;
          continue;
        }
        if (!blank) sink(cells, count, ends === 2 ? lastLine(text, line) : line);
        if (ends === 2) {
          pos = n;
          break;
        }
        // The record delimiter: one line end (CRLF too).
        i += this.delimiter === Delimiter.CrLf ? 2 : 1;
        line += 1;
        pos = i;
        break;
      }
    }
    if (pos < n) {
      // An unfinished record (never when final): read again, from its first line, with the next piece.
      this.pending = text.slice(pos);
      this.line = startLine;
      this.checkPending();
      return;
    }
    this.pending = "";
    this.line = line;
  }

  /**
   * Refuses an unfinished record whose last cell is already past the limit: the text after its
   * last comma (a lower bound of the cell's length, within the quotes and doubled quotes that
   * the cell's text will not keep) is more than twice the limit.
   */
  private checkPending(): void {
    const pending = this.pending;
    const limit = this.limits.maxCell;
    if (pending.length <= 2 * limit + 2) return;
    const tail = pending.length - pending.lastIndexOf(",") - 1;
    if (tail > 2 * limit + 2) throw tooLongCell(`${this.displayName}:${this.line}`, this.limits);
  }

  /**
   * The length of the record delimiter at `at` (a CR or LF): 1 or 2, 0 when that line end is
   * text, or {@link MORE} when a CR ends the text and the next piece decides. The first line end
   * outside a quoted cell fixes the delimiter for the rest of the file.
   */
  private delimiterAt(text: string, at: number, final: boolean): number {
    const c = text.charCodeAt(at);
    switch (this.delimiter) {
      case Delimiter.Lf:
        return c === LF ? 1 : 0;
      case Delimiter.Cr:
        return c === CR ? 1 : 0;
      case Delimiter.CrLf:
        if (c !== CR) return 0;
        if (at + 1 >= text.length) return final ? 0 : MORE;
        return text.charCodeAt(at + 1) === LF ? 2 : 0;
      default:
        if (c === LF) {
          this.delimiter = Delimiter.Lf;
          return 1;
        }
        if (at + 1 >= text.length && !final) return MORE;
        this.delimiter = text.charCodeAt(at + 1) === LF ? Delimiter.CrLf : Delimiter.Cr;
        return this.delimiter === Delimiter.CrLf ? 2 : 1;
    }
  }

  private unclosedQuote(text: string, openAt: number, openLine: number): CliError {
    // The text starts at the start of a record, which starts a line.
    const lineStart = Math.max(text.lastIndexOf("\n", openAt), text.lastIndexOf("\r", openAt)) + 1;
    return new CliError(cliMessage("unclosedQuote", { file: this.displayName, line: openLine, column: openAt - lineStart + 1 }));
  }
}

/** How many distinct texts a column may show and still be shared (see {@link CsvReader}). */
export const SHARED_LIMIT = 1024;

/** The column's one string of `value`'s text, or `value` itself once the column is no longer shared. */
function sharedText(shared: (Map<string, string> | null | undefined)[], column: number, texts: Map<string, string> | undefined, value: string): string {
  let table = texts;
  if (table === undefined) {
    table = new Map();
    shared[column] = table;
  }
  const known = table.get(value);
  if (known !== undefined) return known;
  if (table.size >= SHARED_LIMIT) {
    shared[column] = null;
  } else {
    table.set(value, value);
  }
  return value;
}

/**
 * The line of a record that ends with the file: csv-parse counted a line end when it read the
 * next character, so a CR or LF that is the file's last character (white space trimmed off the
 * record) did not count.
 */
function lastLine(text: string, line: number): number {
  const c = text.charCodeAt(text.length - 1);
  return c === LF || c === CR ? line - 1 : line;
}

/** How many CRs and LFs `text` holds from `from` up to (not including) `to`. */
function lineEndsIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) count += 1;
  }
  return count;
}
