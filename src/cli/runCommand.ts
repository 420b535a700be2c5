import { stat } from "node:fs/promises";
import { cliMessage } from "./locales/cliMessages.js";
import { dirname, extname, resolve } from "node:path";
import { CliError, usageError } from "./CliError.js";
import { checkMemory } from "./checkMemory.js";
import type { CliIo } from "./CliIo.js";
import { emitText } from "./emitText.js";
import { executeLazyRun } from "./executeLazyRun.js";
import { helpText } from "./helpText.js";
import { inputDigests } from "./inputDigests.js";
import { inputLimits } from "./inputLimits.js";
import { lockOutput } from "./outputLock.js";
import { choiceFlag, parseCommandArgs, stringFlag } from "./parseCommandArgs.js";
import { PLAN_INPUT_FLAGS, refuseTwoStdinInputs, inputFileFlags, planInputFiles, requireHistory, requiredInput } from "./planInputs.js";
import { Progress, formatCount } from "./Progress.js";
import { readPlanData } from "./readPlanData.js";
import { withPaidRuns } from "./readPaidRuns.js";
import { readPlanFile } from "./readPlanFile.js";
import { writeRunCsv } from "./writeRunCsv.js";
import { writeRunJson } from "./writeRunJson.js";
import { writeRunXlsx } from "./writeRunXlsx.js";

/**
 * `payscore run <plan.json> [--data <file>] [--ratings <file>] [--history <file>] [--transactions <file>] [--deals <file>] [--responses <file>] [--activities <file>] [--tickets <file>] [--paid <run.json>…] [--format json|csv|xlsx] [--bom] [--encoding <name>] [--out <file>] [--no-trace] [--max-bytes <size>] [--max-cell <n>] [--max-rows <n>] [--stamp]`:
 * reads the plan and the data, runs the plan, and writes the run. The input files default to the
 * plan's `inputs` (read from the plan's folder; a flag overrides each) — the whole run as JSON (every
 * statement with its trace), one CSV row per person (`--bom` starts it with a UTF-8 byte-order
 * mark for Excel), or an Excel workbook (sheets Statements and Pools). `--encoding` names the
 * CSV inputs' encoding (gbk, gb18030, utf-16le, utf-8). With `--out` the file is written
 * atomically and under a lock (a second run writing the same file fails), so a failed run leaves
 * nothing behind. Each input is held to the input limits (`--max-bytes`, `--max-cell`,
 * `--max-rows`); any input may be `-` (standard input) or a FIFO. When stderr is a terminal and the run
 * takes more than a second, a progress line shows what it is doing. The JSON run's header records
 * the SHA-256 of the plan file and of each input file (`inputs`); `--stamp` adds the time of the
 * run (`runAt`), which is otherwise left out so that a rerun is byte-identical.
 *
 * The format defaults to CSV when `--out` ends in `.csv`, xlsx when it ends in `.xlsx`, JSON otherwise. Traces are left out
 * of a CSV (it has no place for them), and out of JSON with `--no-trace`.
 *
 * @param args - the arguments after `run`
 * @param io - the streams and folder
 * @returns the exit code (0)
 * @throws {CliError} for any problem with the flags, the files or the data
 *
 * @example
 * ```ts
 * await runCommand(["plan.json", "--data", "data.csv", "--out", "run.csv"], io); // 0
 * ```
 */
export async function runCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(
    "run",
    args,
    { ...PLAN_INPUT_FLAGS, paid: { type: "string", multiple: true }, format: { type: "string" }, out: { type: "string" }, "no-trace": { type: "boolean" }, bom: { type: "boolean" }, encoding: { type: "string" }, "max-memory": { type: "string" }, stamp: { type: "boolean" } },
    { names: ["<plan.json>"] },
  );
  if (parsed.values["help"] === true) {
    io.stdout.write(helpText("run"));
    return 0;
  }
  const planFile = parsed.positionals[0] as string;
  refuseTwoStdinInputs(parsed, planFile);
  const out = stringFlag(parsed, "out");
  const format = choiceFlag(parsed, "run", "format", ["json", "csv", "xlsx"] as const) ?? formatOfOut(out);
  const bom = parsed.values["bom"] === true;
  if (bom && format !== "csv") throw usageError(cliMessage("bomNotCsv", { format }));
  const encoding = choiceFlag(parsed, "run", "encoding", ENCODINGS);
  const trace = format === "json" && parsed.values["no-trace"] !== true;

  const limits = inputLimits(parsed, "run");
  if (out !== undefined) await checkOutputFolder(out, io.cwd);
  const maxMemory = stringFlag(parsed, "max-memory");
  // Locked before anything is read: a second run writing the same file fails now, not at the end.
  const lock = out === undefined ? undefined : lockOutput(out, io.cwd);
  const progress = new Progress(io);
  try {
    const plan = await readPlanFile(planFile, io.cwd, limits);
    const files = await planInputFiles(plan, planFile, io.cwd, inputFileFlags(parsed));
    const dataFile = requiredInput(files, "run", "<data.csv|data.json>");
    // Before anything is read: refuse inputs that would not fit in memory.
    await checkMemory(
      [
        { file: dataFile, kind: "data" },
        ...(files.ratings === undefined ? [] : [{ file: files.ratings, kind: "ratings" as const }]),
        ...(files.history === undefined ? [] : [{ file: files.history, kind: "history" as const }]),
        // Issue 17: every list input counts, each at what a byte of a list costs.
        ...LIST_INPUTS.flatMap((kind) => (files[kind] === undefined ? [] : [{ file: files[kind], kind: "list" as const }])),
      ],
      io.cwd,
      maxMemory,
    );
    let loaded = await readPlanData(plan, {
      ...files,
      data: dataFile,
      cwd: io.cwd,
      encoding,
      limits,
      onProgress: (rows) => progress.update(`reading ${dataFile}: ${formatCount(rows)} rows`),
    });
    requireHistory(plan, loaded.data.history !== undefined, planFile);
    // Issue 20: a true-up nets this run's commission against the earlier runs' (--paid).
    loaded = await withPaidRuns(parsed, "run", plan, loaded, planFile, io.cwd, limits);
    // Issue 18, the audit record: every input file's SHA-256 in the header; the time only with --stamp.
    const audit = {
      inputs: await inputDigests({ plan: planFile, ...files, data: dataFile }, io.cwd),
      ...(parsed.values["stamp"] === true ? { runAt: new Date().toISOString() } : {}),
    };
    const people = loaded.data.rows.length;
    progress.update(`computing ${formatCount(people)} statements…`, true);
    // Lazy: each statement is made as the writer reaches it, so a large run streams out.
    const run = executeLazyRun(plan, loaded, planFile, trace, audit);
    const target = out ?? "stdout";
    const onWritten = (done: number): void => progress.update(`writing ${target}: ${formatCount(done)} of ${formatCount(people)}`);
    await emitText(io, out, (write) =>
      format === "csv" ? writeRunCsv(run, write, onWritten, { bom }) : format === "xlsx" ? writeRunXlsx(run, write) : writeRunJson(run, write, onWritten),
    );
  } finally {
    progress.done();
    lock?.release();
  }
  return 0;
}

/** The list inputs, counted by the memory check as kind `list`. */
const LIST_INPUTS = ["transactions", "deals", "responses", "activities", "tickets"] as const;

/** The encodings `--encoding` takes for CSV inputs (`TextDecoder` labels). */
const ENCODINGS = ["gbk", "gb18030", "utf-16le", "utf-8"] as const;

/** The format `--out`'s extension implies: csv, xlsx, else json. */
function formatOfOut(out: string | undefined): "json" | "csv" | "xlsx" {
  const ext = out === undefined ? "" : extname(out).toLowerCase();
  return ext === ".csv" ? "csv" : ext === ".xlsx" ? "xlsx" : "json";
}

/** Fails fast, before any work, when `--out` points into a folder that does not exist. */
async function checkOutputFolder(out: string, cwd: string): Promise<void> {
  const folder = dirname(resolve(cwd, out));
  const info = await stat(folder).catch(() => null);
  if (info === null) throw new CliError(cliMessage("noSuchFolder", { file: out }));
  if (!info.isDirectory()) throw new CliError(cliMessage("outParentNotFolder", { file: out, parent: dirname(out) }));
}
