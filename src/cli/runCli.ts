import { PayscoreError } from "../errors/index.js";
import { PAYSCORE_VERSION } from "../plan/index.js";
import { CliError } from "./CliError.js";
import type { CliIo } from "./CliIo.js";
import { diffCommand } from "./diffCommand.js";
import { explainCommand } from "./explainCommand.js";
import { helpText } from "./helpText.js";
import { runCommand } from "./runCommand.js";
import { schemaCommand } from "./schemaCommand.js";
import { validateCommand } from "./validateCommand.js";

const COMMANDS: Readonly<Record<string, (args: readonly string[], io: CliIo) => Promise<number>>> = {
  run: runCommand,
  validate: validateCommand,
  explain: explainCommand,
  diff: diffCommand,
  schema: schemaCommand,
};

/**
 * The `payscore` command line: picks the command, runs it, and turns what goes wrong into an
 * exit code and lines on stderr — never a stack trace.
 *
 * - 0: done;
 * - 2: a problem with the input (a flag, a file, the plan, the data): one line per problem,
 *   `file:line:column: what is wrong` where a place is known;
 * - 1: a bug in payscore: one short line asking for a report.
 *
 * @param argv - the arguments after `payscore`
 * @param io - the streams, folder and environment
 * @returns the exit code
 *
 * @example
 * ```ts
 * await runCli(["validate", "plan.json"], io); // 0, and "plan.json: valid (…)" on stdout
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === "--help" || first === "-h" || first === "help") {
      const topic = first === "help" ? (rest[0] ?? "") : "";
      (first === undefined ? io.stderr : io.stdout).write(helpText(topic));
      return first === undefined ? 2 : 0;
    }
    if (first === "--version" || first === "-v" || first === "version") {
      io.stdout.write(`payscore ${PAYSCORE_VERSION}\n`);
      return 0;
    }
    const command = Object.prototype.hasOwnProperty.call(COMMANDS, first) ? COMMANDS[first] : undefined;
    if (command === undefined) {
      throw new CliError(`payscore: unknown command ${JSON.stringify(first)}; the commands are run, validate, explain, diff and schema (see payscore --help)`);
    }
    return await command(rest, io);
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: CliIo): number {
  if (error instanceof CliError) {
    for (const line of error.lines) io.stderr.write(`${line}\n`);
    return error.exitCode;
  }
  // Issue 22: INTERNAL_ERROR (a foreign throw inside the library, or a run that fails its conservation check) is a bug: exit 1.
  if (error instanceof PayscoreError && error.code === "INTERNAL_ERROR") {
    io.stderr.write(`payscore: internal error (a bug in payscore ${PAYSCORE_VERSION}; please report it with the command you ran): ${error.message.split("\n")[0] ?? ""}\n`);
    return 1;
  }
  if (error instanceof PayscoreError) {
    // Faults in the input that no command mapped to a file: still the user's input, still one line each.
    for (const issue of error.issues) io.stderr.write(`payscore: ${issue.message}\n`);
    return 2;
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  io.stderr.write(`payscore: internal error (a bug in payscore ${PAYSCORE_VERSION}; please report it with the command you ran): ${message.split("\n")[0] ?? ""}\n`);
  return 1;
}
