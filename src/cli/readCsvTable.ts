import { CliError } from "./CliError.js";
import { cliMessage } from "./locales/cliMessages.js";
import { CsvReader } from "./CsvReader.js";
import { EncodedReader, type CsvEncoding } from "./EncodedReader.js";
import { fileProblem } from "./fileProblem.js";
import { inputChunks } from "./inputFile.js";
import { DEFAULT_LIMITS, tooManyRows, type InputLimits } from "./inputLimits.js";
import { Utf8Reader } from "./Utf8Reader.js";

/** A CSV file read into rows keyed by the header's column names, every cell a string. */
export interface CsvTable {
  /** The column names, in file order. */
  readonly header: readonly string[];
  /** One object per data row: column name → cell text (an empty cell is ""). */
  readonly rows: Record<string, string>[];
  /** The 1-based line of each row in the file (the header is line 1). */
  readonly lines: readonly number[];
}

/** Options for {@link readCsvTable}. */
export interface ReadCsvTableOptions {
  /** Called now and then with the number of rows read so far (for the progress line). */
  readonly onProgress?: ((rows: number) => void) | undefined;
  /** The file's encoding (`--encoding`); without it, strict UTF-8 with the not-UTF-8 message. */
  readonly encoding?: CsvEncoding | undefined;
  /** The input limits (`--max-bytes`, `--max-cell`, `--max-rows`); the defaults without it. */
  readonly limits?: InputLimits | undefined;
  /**
   * Checks the header as soon as it is read (the columns the caller needs), before any row: it
   * throws for a file that is not the CSV expected. Until it has passed, no fault quotes the
   * file's text (issue 22: a file that is not this CSV at all — a system file — is never quoted).
   */
  readonly checkHeader?: ((header: readonly string[]) => void) | undefined;
}

/**
 * Streams a CSV file in and checks its shape: strict UTF-8 (a byte-order mark is dropped) unless
 * `encoding` names another (GBK, GB18030, UTF-16LE, decoded by {@link EncodedReader}), CRLF
 * or LF line ends, a header whose names are present and distinct, and every row with exactly as
 * many cells as the header has columns. Blank lines, and rows whose cells are all empty (what a
 * spreadsheet leaves under a table), are skipped. Cells are trimmed. The reading is
 * {@link CsvReader}'s, which reads what csv-parse read before it. `-` reads standard input, and
 * a FIFO is read as it comes; past `--max-bytes`, `--max-cell` or `--max-rows` the file is
 * refused.
 *
 * Memory stays small per row: each row is one object literal with the header's keys (every row
 * shares one hidden class, for fast property reads), holding the cells as read.
 *
 * @param file - the path as the user wrote it
 * @param cwd - the folder a relative path is read from
 * @param options - a progress callback, the encoding
 * @returns the header, the rows and the line of each row
 * @throws {CliError} `file:line:column: what is wrong` for the first fault found
 *
 * @example
 * ```ts
 * await readCsvTable("data.csv", process.cwd());
 * // { header: ["id", "revenue"], rows: [{ id: "E01", revenue: "1200" }], lines: [2] }
 * ```
 */
export async function readCsvTable(file: string, cwd: string, options?: ReadCsvTableOptions | undefined): Promise<CsvTable> {
  let header: string[] | null = null;
  let makeRow: (cells: readonly string[]) => Record<string, string> = () => ({});
  const rows: Record<string, string>[] = [];
  const lines: number[] = [];
  const onProgress = options?.onProgress;
  const limits = options?.limits ?? DEFAULT_LIMITS;
  const maxRows = limits.maxRows;
  let bytes = 0;
  const csv = new CsvReader(
    file,
    (cells, count, line) => {
      if (header === null) {
        const names = cells.slice(0, count);
        options?.checkHeader?.(names);
        header = readHeader(names, file);
        makeRow = rowMaker(header);
        return;
      }
      if (count !== header.length) throw cellCountError(file, line, cells.slice(0, count), header);
      if (rows.length === maxRows) throw tooManyRows(`${file}:${line}`, limits);
      rows.push(makeRow(cells));
      lines.push(line);
      if (onProgress !== undefined && rows.length % 10_000 === 0) onProgress(rows.length);
    },
    limits,
  );
  const encoding = options?.encoding;
  const utf8 = encoding === undefined || encoding === "utf-8" ? new Utf8Reader(file) : new EncodedReader(file, encoding);
  try {
    for await (const chunk of inputChunks(file, cwd, limits)) {
      bytes += chunk.length;
      csv.push(utf8.decode(chunk));
    }
    csv.push(utf8.end());
    csv.end();
  } catch (error) {
    throw fileProblem(error, file, "read");
  }
  if (header === null) throw new CliError(cliMessage(bytes === 0 ? "emptyFile" : "noHeaderRow", { file }));
  return { header, rows, lines };
}

/**
 * Makes a row from the cells: an object literal with the header's keys in file order, compiled
 * once per file, so every row shares one hidden class and is built without a key lookup. A
 * header naming `__proto__` gets plain assignments, as before (a string assigned to
 * `__proto__` is ignored, so that column is not a key of the row).
 */
function rowMaker(header: readonly string[]): (cells: readonly string[]) => Record<string, string> {
  if (header.includes("__proto__")) {
    return (cells) => {
      const row: Record<string, string> = {};
      for (let c = 0; c < header.length; c += 1) row[header[c] as string] = cells[c] as string;
      return row;
    };
  }
  const fields = header.map((name, c) => `${JSON.stringify(name)}: cells[${c}]`).join(", ");
  return new Function("cells", `return { ${fields} };`) as (cells: readonly string[]) => Record<string, string>;
}

function readHeader(record: readonly string[], file: string): string[] {
  const seen = new Map<string, number>();
  record.forEach((name, index) => {
    if (name === "") throw new CliError(cliMessage("headerNoName", { file, column: index + 1 }));
    const first = seen.get(name);
    if (first !== undefined) throw new CliError(cliMessage("headerTwice", { file, column: index + 1, name: JSON.stringify(name), first: first + 1 }));
    seen.set(name, index);
  });
  return [...record];
}

function cellCountError(file: string, line: number, record: readonly string[], header: readonly string[]): CliError {
  if (record.length < header.length) {
    const missing = header.slice(record.length).map((name) => JSON.stringify(name)).join(", ");
    return new CliError(cliMessage("tooFewCells", { file, line, cells: record.length, columns: header.length, missing }));
  }
  const extra = record.slice(header.length).map((cell) => JSON.stringify(cell)).join(", ");
  return new CliError(cliMessage("tooManyCells", { file, line, column: header.length + 1, cells: record.length, columns: header.length, extra }));
}
