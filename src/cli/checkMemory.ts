import { stat } from "node:fs/promises";
import { cliMessage } from "./locales/cliMessages.js";
import { resolve } from "node:path";
import { getHeapStatistics } from "node:v8";
import { CliError, usageError } from "./CliError.js";

/** One input of a run with its kind (what a byte of it costs in memory differs). */
export interface SizedInput {
  readonly file: string;
  /** `list`: transactions and the list inputs (deals, responses, activities, tickets). */
  readonly kind: "data" | "ratings" | "history" | "list";
}

const MIB = 1024 * 1024;

/**
 * Bytes of memory a byte of each input costs, measured on the realistic benchmark (about 2 KiB
 * a person: rows and roster kept for the statements, each stage's columns, and the garbage a
 * stage leaves for the collector): data rows are kept as objects; ratings are read as a stream
 * into about 20 bytes a rating; history is kept per person. A list input (transactions, deals,
 * responses, activities, tickets) is kept whole as rows of strings: measured at 3.3 bytes a byte
 * for transactions (about 170 bytes a row), 5.2 for deals (270 a row) and 12 for responses (8-byte
 * rows, 100 bytes a row: the shorter the rows, the more a byte costs), and about twice that
 * while the reader copies out the columns it keeps — 16 covers all but the shortest rows. A
 * JSON input costs more per byte than the same CSV and is parsed whole.
 */
const COST = { data: 24, ratings: 1, history: 12, list: 16 } as const;
const JSON_FACTOR = 3;
const BASELINE = 150 * MIB;

/**
 * Refuses a run whose inputs would need more memory than it may use (内存预检), before any of
 * them is read: the run would otherwise grow until Node stops it with an out-of-memory crash.
 * The estimate is the inputs' sizes times what a byte of each costs (see the guide's "Large
 * runs"); the limit is `--max-memory` (MiB) or, by default, Node's heap limit — which
 * `--max-memory` cannot raise: give Node more with `NODE_OPTIONS=--max-old-space-size=<MiB>`.
 *
 * @param inputs - the files the run will read
 * @param cwd - the folder they are relative to
 * @param maxMemory - the `--max-memory` value as given, or `undefined`
 * @returns the estimate and the limit, in bytes
 * @throws {CliError} exit 2: `--max-memory` not a positive whole number of MiB, or an estimate over the limit
 *
 * @example
 * ```ts
 * await checkMemory([{ file: "data.csv", kind: "data" }, { file: "ratings.csv", kind: "ratings" }], process.cwd(), undefined);
 * // { estimate: 205520896, limit: 4345298944 } for a 2 MiB data file and 6 MiB of ratings
 * ```
 */
export async function checkMemory(inputs: readonly SizedInput[], cwd: string, maxMemory: string | undefined): Promise<{ estimate: number; limit: number }> {
  const heapLimit = getHeapStatistics().heap_size_limit;
  let limit = heapLimit;
  if (maxMemory !== undefined) {
    if (!/^[1-9]\d*$/.test(maxMemory)) throw usageError(cliMessage("flagMemory", { value: JSON.stringify(maxMemory) }));
    limit = Math.min(Number(maxMemory) * MIB, heapLimit);
  }
  let estimate = BASELINE;
  const parts: string[] = [];
  for (const input of inputs) {
    const info = await stat(resolve(cwd, input.file)).catch(() => null);
    if (info === null || !info.isFile()) continue; // the reader reports it
    const cost = info.size * COST[input.kind] * (/\.json$/i.test(input.file) ? JSON_FACTOR : 1);
    estimate += cost;
    parts.push(`${input.file} ${mib(info.size)} MiB`);
  }
  if (estimate > limit) {
    const heap = maxMemory !== undefined && Number(maxMemory) * MIB > heapLimit;
    throw new CliError([
      cliMessage("memoryNeeded", { inputs: parts.join(", "), need: mib(estimate), limit: mib(limit) }),
      heap ? cliMessage("memoryHowHeap", { heap: mib(heapLimit) }) : cliMessage("memoryHow", {}),
    ]);
  }
  return { estimate, limit };
}

function mib(bytes: number): string {
  return String(Math.ceil(bytes / MIB));
}
