import { extname } from "node:path";
import { cliMessage } from "./locales/cliMessages.js";
import { formatPath } from "../errors/index.js";
import { planDataSchema, type DataRow, type Plan, type PlanData, type PlanDataStream, type RatingRow } from "../plan/index.js";
import { CliError } from "./CliError.js";
import { columnsReadBy } from "./columnsReadBy.js";
import type { CsvEncoding } from "./EncodedReader.js";
import { numberFormatMessage } from "./numberFormatMessage.js";
import { readCsvTable } from "./readCsvTable.js";
import { RatingsFile } from "./RatingsFile.js";
import { jsonIssueLines } from "./jsonIssueLines.js";
import { readJsonFile } from "./readJsonFile.js";
import { checkInputSize, readInput, refuseSecondStdin } from "./inputFile.js";
import { checkJsonRows } from "./checkJsonRows.js";
import { DEFAULT_LIMITS, type InputLimits } from "./inputLimits.js";
import { readListFile } from "./readListFile.js";

/** Where a table of the data came from, to turn an index back into a file and line. */
export interface TableSource {
  readonly file: string;
  readonly kind: "csv" | "json";
  /** CSV: the 1-based line of each row. */
  readonly lines?: ArrayLike<number> | undefined;
  /** CSV: the column names, for the column number. */
  readonly header?: readonly string[] | undefined;
  /** JSON: the path of the table inside the file (`["rows"]`, or `[]` for a bare array). */
  readonly jsonPath?: readonly (string | number)[] | undefined;
}

/** The data read for a run, with where each table came from. */
export interface LoadedData {
  /** The data; CSV ratings are a stream, read once by the run. */
  readonly data: PlanData | PlanDataStream;
  readonly sources: { readonly rows: TableSource; readonly ratings?: TableSource | undefined; readonly history?: string | undefined; readonly transactions?: TableSource | undefined; readonly deals?: TableSource | undefined; readonly responses?: TableSource | undefined; readonly activities?: TableSource | undefined; readonly tickets?: TableSource | undefined };
}

/** Options for {@link readPlanData}. */
export interface ReadPlanDataOptions {
  /** The data file: `.csv`, or `.json` (`{ rows, ratings?, history? }` or a bare array of rows). */
  readonly data: string;
  /** A ratings CSV (`person,rater,group,score[,competency]`), or JSON (an array of ratings). */
  readonly ratings?: string | undefined;
  /**
   * Earlier periods' values of the promotion measure: a CSV with an `id` column and one column
   * per earlier period, oldest first (an empty cell: no value for that period), or JSON
   * (`{ "R01": [1.04, 1.08] }`).
   */
  readonly history?: string | undefined;
  /** Issue 20: invoices, payments and credit notes (CSV or JSON), for commission on collections. */
  readonly transactions?: string | undefined;
  /** Issue 21: the list inputs of the list indicators (CSV or JSON). */
  readonly deals?: string | undefined;
  readonly responses?: string | undefined;
  readonly activities?: string | undefined;
  readonly tickets?: string | undefined;
  readonly cwd: string;
  readonly onProgress?: ((rows: number) => void) | undefined;
  /** The CSV files' encoding (`--encoding`); without it, UTF-8. */
  readonly encoding?: CsvEncoding | undefined;
  /** The input limits (`--max-bytes`, `--max-cell`, `--max-rows`); the defaults without it. */
  readonly limits?: InputLimits | undefined;
}

/**
 * Reads the data for a run and checks what the command line can check before the run: the
 * `id` column and the columns the plan reads are in the header, ids are present and distinct,
 * and the cells the plan reads as numbers are plain numbers (no thousands separators, currency
 * or percent signs — reported, never guessed). A plan with a 360 review needs ratings (from
 * `--ratings` or the JSON data's `ratings`): a run that silently left the 360 part out would
 * pay people differently, so it is refused. Any one input may be `-` (standard input; CSV, as a
 * name without `.json` is; two are refused, exit 64) or a FIFO; each is held to the input limits.
 *
 * @param plan - the validated plan (it says which columns must be there)
 * @param options - the files
 * @returns the data and its sources
 * @throws {CliError} `file:line:column: what is wrong` for the first problem
 *
 * @example
 * ```ts
 * await readPlanData(plan, { data: "data.csv", ratings: "ratings.csv", cwd: process.cwd() });
 * ```
 */
export async function readPlanData(plan: Plan, options: ReadPlanDataOptions): Promise<LoadedData> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  refuseSecondStdin([options.data, options.ratings, options.history, options.transactions, options.deals, options.responses, options.activities, options.tickets]);
  let loaded = isJson(options.data) ? await readJsonData(options.data, options.cwd, limits) : await readCsvData(plan, options, limits);
  if (options.ratings !== undefined) {
    if (loaded.data.ratings !== undefined) {
      throw new CliError(cliMessage("ratingsTwice", { file: options.data }));
    }
    const ratings = isJson(options.ratings) ? await readJsonRatings(options.ratings, options.cwd, limits) : await readCsvRatings(options.ratings, options.cwd, options.encoding, limits);
    loaded = { data: { ...loaded.data, ratings: ratings.ratings }, sources: { ...loaded.sources, ratings: ratings.source } };
  }
  if (options.history !== undefined) {
    if (loaded.data.history !== undefined) {
      throw new CliError(cliMessage("historyTwice", { file: options.data }));
    }
    // Issue 18: a CSV's period columns (historyPeriods) name the earlier periods in the promotion trace.
    const { history, historyPeriods } = isJson(options.history)
      ? { history: await readJsonHistory(options.history, options.cwd, limits), historyPeriods: undefined }
      : await readCsvHistory(options.history, options.cwd, options.encoding, limits);
    loaded = { data: { ...loaded.data, history, ...(historyPeriods === undefined ? {} : { historyPeriods }) }, sources: { ...loaded.sources, history: options.history } };
  }
  // Issue 20's transactions and issue 21's list inputs (deals, responses, activities, tickets).
  for (const kind of ["transactions", "deals", "responses", "activities", "tickets"] as const) {
    const file = options[kind];
    if (file === undefined) continue;
    if (loaded.data[kind] !== undefined) throw new CliError(cliMessage("listTwice", { file: options.data, kind }));
    const read = await readListFile(kind, file, options.cwd, { encoding: options.encoding, limits });
    loaded = { data: { ...loaded.data, [kind]: read.rows }, sources: { ...loaded.sources, [kind]: read.source } };
  }
  const commission = plan.pay?.commission;
  if (commission !== undefined && "collections" in commission.base && loaded.data.transactions === undefined) {
    throw new CliError(cliMessage("transactionsRequired", { file: options.data }));
  }
  if (plan.review360 !== undefined && loaded.data.ratings === undefined) {
    throw new CliError(cliMessage("ratingsRequired", { file: options.data }));
  }
  return loaded;
}

/**
 * The common plain numbers, checked without a regular expression: an optional sign, digits, and
 * an optional "." with more digits (`numberFormatProblem` decides everything else).
 */
function isPlainDecimal(text: string): boolean {
  const n = text.length;
  let i = 0;
  let c = n > 0 ? text.charCodeAt(0) : 0;
  if (c === 0x2b || c === 0x2d) i = 1;
  const firstDigit = i;
  let point = -1;
  for (; i < n; i += 1) {
    c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) continue;
    if (c === 0x2e && point === -1) {
      point = i;
      continue;
    }
    return false;
  }
  return n > firstDigit && point !== firstDigit;
}

function isJson(file: string): boolean {
  return extname(file).toLowerCase() === ".json";
}

/** A whole number written canonically that fits V8's small integers. */
const SMALL_INTEGER = /^(?:0|-?[1-9]\d{0,8})$/;

async function readCsvData(plan: Plan, options: ReadPlanDataOptions, limits: InputLimits): Promise<LoadedData> {
  const file = options.data;
  const needed = columnsReadBy(plan);
  // At the header, before any row: a file without the "id" column is not a data CSV, and none of
  // its text is quoted (unless it has the column in another case: "ID").
  const checkHeader = (header: readonly string[]): void => {
    if (!header.includes("id")) {
      const near = header.find((name) => name.toLowerCase() === "id");
      throw new CliError(
        near !== undefined
          ? cliMessage("idColumnCase", { file, near: JSON.stringify(near), header: header.join(", ") })
          : header.length === 1
            ? cliMessage("noIdColumnOne", { file })
            : cliMessage("noIdColumn", { file, count: header.length }),
      );
    }
    for (const use of needed) {
      if (!header.includes(use.column)) {
        throw new CliError(cliMessage("noColumnForPlan", { file, column: JSON.stringify(use.column), path: formatPath(use.path), header: header.join(", ") }));
      }
    }
  };
  const table = await readCsvTable(file, options.cwd, { onProgress: options.onProgress, encoding: options.encoding, limits, checkHeader });
  const { header, rows, lines } = table;
  if (rows.length === 0) throw new CliError(cliMessage("noDataRows", { file }));
  const idColumn = header.indexOf("id") + 1;
  const numeric = [...new Set([...needed.map((use) => use.column), ...(plan.people === undefined && header.includes("basePay") ? ["basePay"] : [])])].map(
    (column) => ({ column, number: header.indexOf(column) + 1 }),
  );
  // While the ids rise (a file sorted by id, the usual export), none repeats and no table of
  // ids is needed; at the first id out of order, the table is built from the rows before it.
  let firstLine: Map<string, number> | undefined;
  let previous: string | undefined;
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index] as Record<string, string>;
    const line = lines[index] as number;
    const id = row["id"] as string;
    if (id === "") throw new CliError(cliMessage("emptyId", { file, line, column: idColumn }));
    if (firstLine === undefined && previous !== undefined && !(previous < id)) {
      firstLine = new Map();
      for (let before = 0; before < index; before += 1) firstLine.set((rows[before] as Record<string, string>)["id"] as string, lines[before] as number);
    }
    if (firstLine !== undefined) {
      const seen = firstLine.get(id);
      if (seen !== undefined) throw new CliError(cliMessage("duplicateIdAt", { file, line, column: idColumn, id: JSON.stringify(id), seen }));
      firstLine.set(id, line);
    }
    previous = id;
    for (let k = 0; k < numeric.length; k += 1) {
      const { column, number } = numeric[k] as { column: string; number: number };
      const cell = row[column] as string;
      if (isPlainDecimal(cell)) {
        // A small whole number is kept as a JS number (the same value: the run reads "120" and
        // 120 alike), which V8 stores in the row itself instead of as a string beside it.
        if (SMALL_INTEGER.test(cell)) (row as Record<string, string | number>)[column] = Number(cell);
        continue;
      }
      const problem = numberFormatMessage(cell);
      if (problem !== null) throw new CliError(cliMessage("badCell", { file, line, column: number, name: column, problem }));
    }
  }
  return { data: { rows }, sources: { rows: { file, kind: "csv", lines, header } } };
}

async function readJsonData(file: string, cwd: string, limits: InputLimits): Promise<LoadedData> {
  const value = await readJsonFile(file, cwd, limits);
  const bare = Array.isArray(value);
  // The rows, and any table the file holds beside them (ratings, transactions, the list inputs), as their own files would be.
  const tables = bare ? [] : (["rows", "ratings", "transactions", "deals", "responses", "activities", "tickets"] as const);
  if (bare) checkJsonRows(file, value, [], limits);
  for (const table of tables) checkJsonRows(file, (value as Partial<Record<string, unknown>> | null)?.[table], [table], limits);
  const result = planDataSchema.safeParse(bare ? { rows: value } : value);
  if (!result.success) throw new CliError(jsonIssueLines(file, result.error.issues, "expected { rows, ratings?, history? } or an array of rows", bare ? 1 : 0));
  const data: PlanData = result.data as PlanData;
  if (data.rows.length === 0) throw new CliError(cliMessage(bare ? "jsonArrayEmpty" : "jsonRowsEmpty", { file }));
  const firstIndex = new Map<string, number>();
  data.rows.forEach((row: DataRow, index) => {
    const id = row["id"];
    const where = `${file}: ${formatPath(bare ? [index, "id"] : ["rows", index, "id"])}`;
    if (id === undefined || id === null || id === "") throw new CliError(cliMessage("jsonIdMissing", { where }));
    const key = String(id);
    const seen = firstIndex.get(key);
    if (seen !== undefined) throw new CliError(cliMessage("jsonDuplicateId", { where, id: JSON.stringify(key), seen: formatPath(bare ? [seen] : ["rows", seen]) }));
    firstIndex.set(key, index);
  });
  const jsonPath = bare ? [] : ["rows"];
  return { data, sources: { rows: { file, kind: "json", jsonPath }, ratings: { file, kind: "json", jsonPath: ["ratings"] } } };
}

/**
 * A ratings CSV as a stream: the header is checked now, the ratings as the run reads them. A
 * FIFO or standard input is read into memory first (the run reads ratings without waiting).
 */
async function readCsvRatings(file: string, cwd: string, encoding: CsvEncoding | undefined, limits: InputLimits): Promise<{ ratings: Iterable<RatingRow>; source: TableSource }> {
  const kind = await checkInputSize(file, cwd, limits);
  const ratings = kind.kind === "file" ? RatingsFile.open(file, cwd, encoding, limits) : RatingsFile.fromBytes(file, await readInput(file, cwd, limits), encoding, limits);
  return {
    ratings,
    source: {
      file,
      kind: "csv",
      header: ratings.columns,
      // The lines of the ratings read so far, when a fault needs one.
      get lines() {
        return ratings.lines;
      },
    },
  };
}

async function readJsonRatings(file: string, cwd: string, limits: InputLimits): Promise<{ ratings: RatingRow[]; source: TableSource }> {
  const value = await readJsonFile(file, cwd, limits);
  checkJsonRows(file, value, [], limits);
  const result = planDataSchema.shape.ratings.safeParse(value);
  if (!result.success || result.data === undefined) throw new CliError(jsonIssueLines(file, result.success ? [] : result.error.issues, "expected an array of ratings"));
  return { ratings: result.data as RatingRow[], source: { file, kind: "json", jsonPath: [] } };
}

async function readCsvHistory(file: string, cwd: string, encoding: CsvEncoding | undefined, limits: InputLimits): Promise<{ history: Record<string, string[]>; historyPeriods: string[] }> {
  const checkHeader = (names: readonly string[]): void => {
    if (!names.includes("id")) throw new CliError(cliMessage("historyNoId", { file }));
  };
  const { header, rows, lines } = await readCsvTable(file, cwd, { encoding, limits, checkHeader });
  const periods = header.filter((name) => name !== "id");
  const history: Record<string, string[]> = {};
  rows.forEach((row, index) => {
    const line = lines[index] as number;
    const id = row["id"] as string;
    if (id === "") throw new CliError(cliMessage("emptyId", { file, line, column: header.indexOf("id") + 1 }));
    if (Object.prototype.hasOwnProperty.call(history, id)) throw new CliError(cliMessage("duplicateId", { file, line, column: header.indexOf("id") + 1, id: JSON.stringify(id) }));
    const values: string[] = [];
    for (const period of periods) {
      const cell = row[period] as string;
      const problem = numberFormatMessage(cell);
      if (problem !== null) throw new CliError(cliMessage("badCell", { file, line, column: header.indexOf(period) + 1, name: period, problem }));
      if (cell !== "") values.push(cell);
    }
    history[id] = values;
  });
  return { history, historyPeriods: periods };
}

async function readJsonHistory(file: string, cwd: string, limits: InputLimits): Promise<Readonly<Record<string, readonly (string | number)[]>>> {
  const value = await readJsonFile(file, cwd, limits);
  const result = planDataSchema.shape.history.safeParse(value);
  if (!result.success || result.data === undefined) throw new CliError(jsonIssueLines(file, result.success ? [] : result.error.issues, "expected an object of id → list of earlier values"));
  return result.data;
}
