// csv-parse, as the command line used it before src/cli/CsvReader.ts, read into the shape the
// reader's tests compare: the records with their lines, or the message the command line printed.
import { CsvError, parse } from "csv-parse/sync";
import type { Info } from "csv-parse";

export type CsvOutcome = { readonly records: { readonly cells: string[]; readonly line: number }[] } | { readonly error: string; readonly code: string };

export function csvParseOutcome(text: string, file = "f.csv"): CsvOutcome {
  try {
    const out = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
    }) as unknown as { record: string[]; info: Info }[];
    return { records: out.map(({ record, info }) => ({ cells: record, line: info.lines })) };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const lines = typeof error["lines"] === "number" ? error["lines"] : undefined;
    const where = lines === undefined ? file : `${file}:${lines}`;
    switch (error.code) {
      case "CSV_QUOTE_NOT_CLOSED":
        return { code: error.code, error: `${where}: a quoted cell is never closed (a " without its closing ")` };
      case "CSV_INVALID_CLOSING_QUOTE":
      case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
        return { code: error.code, error: `${where}: text after the closing quote of a cell (write a quote inside a quoted cell as "")` };
      case "INVALID_OPENING_QUOTE":
        return { code: error.code, error: `${where}: a quote in the middle of an unquoted cell (quote the whole cell and double the inner quote: "5"" screen")` };
      default:
        return { code: error.code, error: `${where}: not valid CSV: ${error.message}` };
    }
  }
}
