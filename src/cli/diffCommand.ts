import { PayscoreError, formatPath } from "../errors/index.js";
import { cliMessage } from "./locales/cliMessages.js";
import { diffRuns, diffText, type PayoutRun, type RunDiff } from "../plan/index.js";
import { CliError } from "./CliError.js";
import type { CliIo } from "./CliIo.js";
import { emitText } from "./emitText.js";
import { defaultLocale } from "./explainCommand.js";
import { helpText } from "./helpText.js";
import { choiceFlag, parseCommandArgs, stringFlag } from "./parseCommandArgs.js";
import { readJsonFile } from "./readJsonFile.js";

/**
 * `payscore diff <before.json> <after.json> [--format text|json] [--locale zh-CN|en] [--out <file>]`:
 * compares two runs saved with `payscore run --format json` — for an appeal or a recalculation —
 * and prints a change log (`diffText`): who changed, the cause (their data, naming the cell; the
 * plan; or other people), and each line before → after with the change as money. The locale
 * defaults as for `explain`. A file that is not JSON (a CSV, say) is refused with what `diff`
 * expects.
 *
 * @param args - the arguments after `diff`
 * @param io - the streams and folder
 * @returns the exit code (0, whether or not the runs differ)
 * @throws {CliError} for a file that cannot be read or is not a saved run
 *
 * @example
 * ```ts
 * await diffCommand(["before.json", "after.json"], io);
 * ```
 */
export async function diffCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs("diff", args, { format: { type: "string" }, out: { type: "string" }, locale: { type: "string" } }, { names: ["<before.json>", "<after.json>"] });
  if (parsed.values["help"] === true) {
    io.stdout.write(helpText("diff"));
    return 0;
  }
  const [beforeFile, afterFile] = parsed.positionals as [string, string];
  const format = choiceFlag(parsed, "diff", "format", ["text", "json"] as const) ?? "text";
  const locale = choiceFlag(parsed, "diff", "locale", ["zh-CN", "en"] as const) ?? defaultLocale(io.env);
  const before = await readRunFile(beforeFile, io.cwd);
  const after = await readRunFile(afterFile, io.cwd);
  let diff: RunDiff;
  try {
    diff = diffRuns(before, after);
  } catch (error) {
    if (!(error instanceof PayscoreError)) throw error;
    throw new CliError(
      error.issues.slice(0, 20).map((issue) => {
        const [side, ...rest] = issue.path;
        const file = side === "after" ? afterFile : beforeFile;
        const known = side === "before" || side === "after";
        return `${file}: ${known && rest.length > 0 ? `${formatPath(rest)}: ` : ""}${issue.message}`;
      }),
    );
  }
  const text = format === "json" ? `${JSON.stringify(diff, null, 2)}\n` : diffText(diff, { locale, names: { before: beforeFile, after: afterFile } });
  await emitText(io, stringFlag(parsed, "out"), (write) => write(text));
  return 0;
}

const MAKE_ONE = "payscore run <plan.json> --data <file> --format json --out run.json";

async function readRunFile(file: string, cwd: string): Promise<PayoutRun> {
  let value: unknown;
  try {
    value = await readJsonFile(file, cwd);
  } catch (error) {
    if (!(error instanceof CliError) || !/not valid JSON/.test(error.message)) throw error;
    const looksCsv = /\.(csv|tsv|txt)$/i.test(file);
    throw new CliError(cliMessage(looksCsv ? "diffCsv" : "diffNotJson", { file, make: MAKE_ONE }));
  }
  if (typeof value !== "object" || value === null || Array.isArray(value) || !Array.isArray((value as { statements?: unknown }).statements)) {
    throw new CliError(cliMessage("diffNotRun", { file }));
  }
  return value as PayoutRun;
}
