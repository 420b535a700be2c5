import { extname } from "node:path";
import { planDataSchema, type ActivityRow, type DealRow, type ResponseRow, type TicketRow, type TransactionRow } from "../plan/index.js";
import { CliError } from "./CliError.js";
import { cliMessage } from "./locales/cliMessages.js";
import type { CsvEncoding } from "./EncodedReader.js";
import { checkJsonRows } from "./checkJsonRows.js";
import { DEFAULT_LIMITS, type InputLimits } from "./inputLimits.js";
import { readCsvTable } from "./readCsvTable.js";
import { jsonIssueLines } from "./jsonIssueLines.js";
import { readJsonFile } from "./readJsonFile.js";
import type { TableSource } from "./readPlanData.js";

/** Each list input's columns: those a CSV must have, and those it may have. */
const COLUMNS = {
  transactions: { required: ["invoice", "date", "kind", "amount"], optional: ["reps", "shares", "id"], shape: "invoice, date, kind, amount, reps, shares (and optionally id)" },
  deals: { required: ["person"], optional: ["amount", "probability", "stage", "openedAt", "closedAt", "cost"], shape: "person, amount, probability, stage, openedAt, closedAt, cost" },
  responses: { required: ["person", "score"], optional: [], shape: "person, score" },
  activities: { required: ["person", "type"], optional: ["tier", "date", "count"], shape: "person, type, tier, date, count" },
  tickets: { required: ["person", "openedAt"], optional: ["resolvedAt"], shape: "person, openedAt, resolvedAt" },
} as const;

/** Options for {@link readListFile}. */
export interface ReadListFileOptions {
  /** The CSV's encoding (`--encoding`); without it, UTF-8. */
  readonly encoding?: CsvEncoding | undefined;
  /** The input limits (`--max-bytes`, `--max-cell`, `--max-rows`); the defaults without it. */
  readonly limits?: InputLimits | undefined;
}

/** The rows of a list input, by its kind. */
export interface ListRows {
  readonly transactions: TransactionRow[];
  readonly deals: DealRow[];
  readonly responses: ResponseRow[];
  readonly activities: ActivityRow[];
  readonly tickets: TicketRow[];
}

/**
 * Reads a list input: the `transactions` for commission on collections (issue 20) — a CSV with
 * the columns `invoice, date, kind, amount` and, as needed, `reps, shares, id` —, or one of the
 * list indicators' (issue 21): `deals` — a CSV with the column
 * `person` and, as the plan's KPIs need, `amount, probability, stage, openedAt, closedAt, cost` —,
 * `responses` — a CSV with `person, score` —, `activities` — `person, type` and as needed
 * `tier, date, count` — or `tickets` — `person, openedAt` and `resolvedAt` (empty while open) —
 * (other columns are ignored), or JSON (an array of such objects). Each row is kept as the file
 * gives it (strings); the run checks the cells.
 *
 * @param kind - `"transactions"`, `"deals"`, `"responses"`, `"activities"` or `"tickets"`
 * @param file - the file
 * @param cwd - the working folder
 * @param options - the CSV's encoding (`--encoding`) and the input limits (`--max-bytes`,
 *   `--max-cell`, `--max-rows`, held as for the data); without them, UTF-8 and the defaults
 * @returns the rows and where they came from
 * @throws {CliError} `file:1: no column "person" in the header …` for a missing column; a JSON
 *   file's schema problems, one a line; `LIMIT_EXCEEDED` past a limit
 *
 * @example
 * ```ts
 * await readListFile("responses", "responses.csv", process.cwd());
 * // { rows: [{ person: "S1", score: "5" }, …], source: … }
 * ```
 */
export async function readListFile<K extends keyof ListRows>(kind: K, file: string, cwd: string, options?: ReadListFileOptions | undefined): Promise<{ rows: ListRows[K]; source: TableSource }> {
  const columns = COLUMNS[kind];
  const limits = options?.limits ?? DEFAULT_LIMITS;
  if (extname(file).toLowerCase() === ".json") {
    const value = await readJsonFile(file, cwd, limits);
    checkJsonRows(file, value, [], limits);
    const result = planDataSchema.shape[kind].safeParse(value);
    if (!result.success || result.data === undefined) {
      throw new CliError(jsonIssueLines(file, result.success ? [] : result.error.issues, `expected an array of ${kind} { ${columns.shape.replace(" (and optionally id)", "")} }`));
    }
    return { rows: result.data as ListRows[K], source: { file, kind: "json", jsonPath: [] } };
  }
  // At the header, before any row (and before any of the file is quoted), as for the data.
  const checkHeader = (header: readonly string[]): void => {
    for (const column of columns.required) {
      if (!header.includes(column)) {
        // A header with none of the kind's columns is likely another file (even a system file):
        // it is named by its size, not quoted, as the data reader does for a file without "id".
        const known: readonly string[] = [...columns.required, ...columns.optional];
        if (!header.some((name) => known.includes(name))) {
          throw new CliError(cliMessage("listNoKnownColumn", { file, column: JSON.stringify(column), kind, shape: columns.shape, count: header.length }));
        }
        throw new CliError(cliMessage("listNoColumn", { file, column: JSON.stringify(column), kind, shape: columns.shape, header: header.join(", ") }));
      }
    }
  };
  const { header, rows, lines } = await readCsvTable(file, cwd, { encoding: options?.encoding, limits, checkHeader });
  const kept = [...columns.required, ...columns.optional.filter((column) => header.includes(column))];
  const list = rows.map((row) => {
    const out: Record<string, string> = {};
    for (const column of kept) out[column] = row[column] as string;
    return out;
  });
  return { rows: list as unknown as ListRows[K], source: { file, kind: "csv", lines, header } };
}
