import { PayscoreError, formatPath } from "../errors/index.js";
import { diffRuns, type PayoutRun, type RunDiff } from "../plan/index.js";
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

/**
 * The diff for a person to read: the totals, who was added or removed, then each person who
 * changed with the lines that differ (`before → after (delta)`).
 */
export function renderDiff(diff: RunDiff): string {
  const out: string[] = [];
  out.push(`plan: ${diff.planChanged ? "changed (the two runs used different plans)" : "the same"}`);
  out.push(`total payout: ${diff.totals.before} → ${diff.totals.after} (${signed(diff.totals.delta)})`);
  out.push(
    `people: ${diff.changed.length} changed, ${diff.unchanged} unchanged` +
      (diff.added.length > 0 ? `, added ${diff.added.join(", ")}` : "") +
      (diff.removed.length > 0 ? `, removed ${diff.removed.join(", ")}` : ""),
  );
  for (const person of diff.changed) {
    out.push("");
    out.push(`${person.person}: total payout ${person.before} → ${person.after} (${signed(person.delta)})`);
    const width = Math.max(0, ...person.lines.map((line) => line.field.length));
    for (const line of person.lines) {
      const change = line.delta === null ? "" : ` (${signed(line.delta)})`;
      out.push(`  ${line.field.padEnd(width)}  ${line.before ?? "–"} → ${line.after ?? "–"}${change}`);
    }
  }
  return `${out.join("\n")}\n`;
}

function signed(delta: string): string {
  return delta.startsWith("-") || delta === "0" || /^0(\.0+)?$/.test(delta) ? delta : `+${delta}`;
}
