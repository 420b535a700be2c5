import { diffRuns, type PayoutRun } from "../plan/index.js";
import { CliError } from "./CliError.js";
import type { CliIo } from "./CliIo.js";
import { emitText } from "./emitText.js";
import { helpText } from "./helpText.js";
import { choiceFlag, parseCommandArgs, stringFlag } from "./parseCommandArgs.js";
import { readJsonFile } from "./readJsonFile.js";

/**
 * `payscore diff <before.json> <after.json> [--format text|json] [--out <file>]`: compares two
 * runs saved with `payscore run --format json` — for an appeal or a recalculation — and prints
 * who changed, by how much, and which lines differ.
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
  const parsed = parseCommandArgs("diff", args, { format: { type: "string" }, out: { type: "string" } }, { names: ["<before.json>", "<after.json>"] });
  if (parsed.values["help"] === true) {
    io.stdout.write(helpText("diff"));
    return 0;
  }
  const [beforeFile, afterFile] = parsed.positionals as [string, string];
  const format = choiceFlag(parsed, "diff", "format", ["text", "json"] as const) ?? "text";
  const before = await readRunFile(beforeFile, io.cwd);
  const after = await readRunFile(afterFile, io.cwd);
  const diff = diffRuns(before, after);
  const text = format === "json" ? `${JSON.stringify(diff, null, 2)}\n` : renderDiff(diff);
  await emitText(io, stringFlag(parsed, "out"), (write) => write(text));
  return 0;
}

async function readRunFile(file: string, cwd: string): Promise<PayoutRun> {
  const value = await readJsonFile(file, cwd);
  if (typeof value !== "object" || value === null || Array.isArray(value) || !Array.isArray((value as { statements?: unknown }).statements)) {
    throw new CliError(`${file}: not a saved run (make one with: payscore run <plan.json> --data <file> --format json --out ${file})`);
  }
  return value as PayoutRun;
}

function renderDiff(diff: unknown): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}
