import { createReadStream } from "node:fs";
import { resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import { parse, CsvError, type Info } from "csv-parse";
import { CliError } from "./CliError.js";
import { fileProblem } from "./fileProblem.js";
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
}

/**
 * Streams a CSV file in with csv-parse and checks its shape: strict UTF-8 (a byte-order mark
 * is dropped), CRLF or LF line ends, a header whose names are present and distinct, and every
 * row with exactly as many cells as the header has columns. Blank lines, and rows whose cells
 * are all empty (what a spreadsheet leaves under a table), are skipped. Cells are trimmed.
 *
 * Memory stays small per row: cells are kept as the parser gives them, in objects that all
 * share the header's keys.
 *
 * @param file - the path as the user wrote it
 * @param cwd - the folder a relative path is read from
 * @param options - a progress callback
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
  const reader = new Utf8Reader(file);
  const parser = parse({
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    trim: true,
  });
  let header: string[] | null = null;
  let template: Record<string, string> | null | undefined;
  const rows: Record<string, string>[] = [];
  const lines: number[] = [];
  const onProgress = options?.onProgress;
  let bytes = 0;

  try {
    await pipeline(
      createReadStream(resolve(cwd, file), { highWaterMark: 1 << 20 }),
      async function* decode(source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          bytes += chunk.length;
          const text = reader.decode(chunk);
          if (text !== "") yield text;
        }
        const rest = reader.end();
        if (rest !== "") yield rest;
      },
      parser,
      async function collect(records: AsyncIterable<{ record: string[]; info: Info }>) {
        for await (const { record, info } of records) {
          if (header === null) {
            header = readHeader(record, file);
            continue;
          }
          if (record.length !== header.length) throw cellCountError(file, info.lines, record, header);
          template ??= rowTemplate(header);
          // A copy of the template has its keys already, so every row shares one hidden class
          // (fast property reads) instead of growing its own.
          const row: Record<string, string> = template === null ? {} : { ...template };
          for (let c = 0; c < header.length; c += 1) row[header[c] as string] = record[c] as string;
          rows.push(row);
          lines.push(info.lines);
          if (onProgress !== undefined && rows.length % 10_000 === 0) onProgress(rows.length);
        }
      },
    );
  } catch (error) {
    if (error instanceof CsvError) throw csvSyntaxError(file, error);
    throw fileProblem(error, file, "read");
  }
  if (header === null) throw new CliError(bytes === 0 ? `${file}: the file is empty` : `${file}: the file has no header row (it holds only blank lines)`);
  return { header, rows, lines };
}

/**
 * An object with the header's keys in file order and empty cells, built by `JSON.parse` (which
 * gives it fast properties); `null` for a header naming `__proto__`, which an assignment must
 * not turn into an own key.
 */
function rowTemplate(header: readonly string[]): Record<string, string> | null {
  if (header.includes("__proto__")) return null;
  const fields = header.map((name) => `${JSON.stringify(name)}:""`).join(",");
  return JSON.parse(`{${fields}}`) as Record<string, string>;
}

function readHeader(record: readonly string[], file: string): string[] {
  const seen = new Map<string, number>();
  record.forEach((name, index) => {
    if (name === "") throw new CliError(`${file}:1:${index + 1}: column ${index + 1} of the header has no name`);
    const first = seen.get(name);
    if (first !== undefined) throw new CliError(`${file}:1:${index + 1}: the column name ${JSON.stringify(name)} appears twice in the header (columns ${first + 1} and ${index + 1})`);
    seen.set(name, index);
  });
  return [...record];
}

function cellCountError(file: string, line: number, record: readonly string[], header: readonly string[]): CliError {
  if (record.length < header.length) {
    const missing = header.slice(record.length).map((name) => JSON.stringify(name)).join(", ");
    return new CliError(`${file}:${line}: the row has ${record.length} cells but the header has ${header.length} columns (no cell for ${missing})`);
  }
  const extra = record.slice(header.length).map((cell) => JSON.stringify(cell)).join(", ");
  return new CliError(
    `${file}:${line}:${header.length + 1}: the row has ${record.length} cells but the header has ${header.length} columns (extra: ${extra}; a number with a comma such as 1,200 must be quoted or written 1200)`,
  );
}

function csvSyntaxError(file: string, error: CsvError): CliError {
  const lines = typeof error["lines"] === "number" ? error["lines"] : undefined;
  const where = lines === undefined ? file : `${file}:${lines}`;
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return new CliError(`${where}: a quoted cell is never closed (a " without its closing ")`);
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return new CliError(`${where}: text after the closing quote of a cell (write a quote inside a quoted cell as "")`);
    case "INVALID_OPENING_QUOTE":
      return new CliError(`${where}: a quote in the middle of an unquoted cell (quote the whole cell and double the inner quote: "5"" screen")`);
    default:
      return new CliError(`${where}: not valid CSV: ${error.message}`);
  }
}
