import { extname } from "node:path";
import { cliMessage } from "./locales/cliMessages.js";
import { formatPath } from "../errors/index.js";
import { planDataSchema, type TransactionRow } from "../plan/index.js";
import { CliError } from "./CliError.js";
import { checkJsonRows } from "./checkJsonRows.js";
import { DEFAULT_LIMITS } from "./inputLimits.js";
import { readCsvTable } from "./readCsvTable.js";
import { readJsonFile } from "./readJsonFile.js";
import type { ReadListFileOptions } from "./readListFile.js";
import type { TableSource } from "./readPlanData.js";

/** The columns a transactions CSV must have, and those it may have. */
const REQUIRED = ["invoice", "date", "kind", "amount"] as const;
const OPTIONAL = ["reps", "shares", "id"] as const;

/**
 * Reads the transactions for commission on collections (issue 20): a CSV with the columns
 * `invoice, date, kind, amount` and, as needed, `reps, shares, id` (other columns are ignored),
 * or JSON (an array of such objects). Each row is kept as the file gives it (strings); the run
 * checks the cells.
 *
 * @param file - the file
 * @param cwd - the working folder
 * @param options - the CSV's encoding (`--encoding`) and the input limits (`--max-bytes`,
 *   `--max-cell`, `--max-rows`, held as for the data); without them, UTF-8 and the defaults
 * @returns the rows and where they came from
 * @throws {CliError} `file:1: no column "kind" in the header …` for a missing column
 *
 * @example
 * ```ts
 * await readTransactionsFile("transactions.csv", process.cwd());
 * // { transactions: [{ invoice: "INV-1", date: "2026-01-05", kind: "invoice", amount: "100000", reps: "S1", shares: "", id: "" }, …], source: … }
 * ```
 */
export async function readTransactionsFile(file: string, cwd: string, options?: ReadListFileOptions | undefined): Promise<{ transactions: TransactionRow[]; source: TableSource }> {
  const limits = options?.limits ?? DEFAULT_LIMITS;
  if (extname(file).toLowerCase() === ".json") {
    const value = await readJsonFile(file, cwd, options?.limits);
    checkJsonRows(file, value, [], limits);
    const result = planDataSchema.shape.transactions.safeParse(value);
    if (!result.success || result.data === undefined) {
      const issues = result.success ? [] : result.error.issues;
      const problems = issues.slice(0, 20).map((issue) => `${file}: ${formatPath(issue.path.map((key) => (typeof key === "symbol" ? String(key) : key)))}: ${issue.message}`);
      throw new CliError(problems.length > 0 ? problems : [`${file}: expected an array of transactions { invoice, date, kind, amount, reps?, shares?, id? }`]);
    }
    return { transactions: result.data, source: { file, kind: "json", jsonPath: [] } };
  }
  const checkHeader = (header: readonly string[]): void => {
    for (const column of REQUIRED) {
      if (!header.includes(column)) {
        throw new CliError(cliMessage("transactionsNoColumn", { file, column: JSON.stringify(column), header: header.join(", ") }));
      }
    }
  };
  const { header, rows, lines } = await readCsvTable(file, cwd, { encoding: options?.encoding, limits, checkHeader });
  const optional = OPTIONAL.filter((column) => header.includes(column));
  const transactions = rows.map((row): TransactionRow => {
    const kept: Record<string, string> = {};
    for (const column of [...REQUIRED, ...optional]) kept[column] = row[column] as string;
    return kept as unknown as TransactionRow;
  });
  return { transactions, source: { file, kind: "csv", lines, header } };
}
