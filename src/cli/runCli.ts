import { PayscoreError, type ErrorPath } from "../errors/index.js";
import { PAYSCORE_VERSION } from "../plan/index.js";
import { CliError, EXIT_BUG, EXIT_INPUT, EXIT_USAGE, usageError } from "./CliError.js";
import type { CliIo } from "./CliIo.js";
import { diffCommand } from "./diffCommand.js";
import { errorJson } from "./errorJson.js";
import { explainCommand } from "./explainCommand.js";
import { helpText } from "./helpText.js";
import { runCommand } from "./runCommand.js";
import { schemaCommand } from "./schemaCommand.js";
import { validateCommand } from "./validateCommand.js";
import { chooseCliLocale } from "./locales/chooseCliLocale.js";
import { cliMessage, type CliLocale } from "./locales/cliMessages.js";
import { libraryLeadIn } from "./locales/libraryLeadIn.js";
import { renderCliMessage } from "./locales/renderCliMessage.js";

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
 * - 2: a problem with the input (a file, the plan, the data): one line per problem,
 *   `file:line:column: what is wrong` where a place is known;
 * - 64: a usage error (an unknown command or flag, a flag's value, a missing argument);
 * - 1: a bug in payscore: one short line asking for a report.
 *
 * With `--json` (anywhere before a `--`), a failure is one JSON object on one line of stderr
 * instead: `{ code, message, path, file, line, column, exitCode, problems? }` (see `errorJson`).
 *
 * With `--locale zh-CN` (anywhere before a `--`, for every command; or `PAYSCORE_LOCALE=zh-CN`),
 * the command line's own messages are in Chinese; `--json` keeps `code`, `path`, `file`, `line`
 * and `column` and puts the Chinese in `message`. A library error (`PayscoreError`) keeps its
 * English message, after a Chinese lead-in naming its code (`数据错误（INVALID_DATA）：…`):
 * translating the library's messages is out of scope.
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
  const end = argv.indexOf("--");
  const json = (end === -1 ? argv : argv.slice(0, end)).includes("--json");
  const chosen = chooseCliLocale(json ? argv.filter((arg, index) => arg !== "--json" || (end !== -1 && index > end)) : argv, io.env);
  const locale = chosen.locale;
  const [first, ...rest] = chosen.args;
  try {
    if (chosen.refused !== undefined) throw chosen.refused;
    if (first === undefined || first === "--help" || first === "-h" || first === "help") {
      const topic = first === "help" ? (rest[0] ?? "") : "";
      if (first === undefined && json) throw usageError(cliMessage("noCommand", {}));
      (first === undefined ? io.stderr : io.stdout).write(helpText(topic));
      return first === undefined ? EXIT_USAGE : 0;
    }
    if (first === "--version" || first === "-v" || first === "version") {
      io.stdout.write(`payscore ${PAYSCORE_VERSION}\n`);
      return 0;
    }
    const command = Object.prototype.hasOwnProperty.call(COMMANDS, first) ? COMMANDS[first] : undefined;
    if (command === undefined) {
      throw usageError(cliMessage("unknownCommand", { command: JSON.stringify(first) }));
    }
    return await command(rest, io);
  } catch (error) {
    const { code, path, lines, exitCode } = describe(error, locale);
    if (json) io.stderr.write(`${JSON.stringify(errorJson(code, path, lines, exitCode))}\n`);
    else for (const line of lines) io.stderr.write(`${line}\n`);
    return exitCode;
  }
}

/** What went wrong, as lines for stderr, with the code, path and exit code for `--json`. */
function describe(error: unknown, locale: CliLocale): { code: string; path: ErrorPath; lines: readonly string[]; exitCode: number } {
  if (error instanceof CliError) return { code: error.code, path: error.path, lines: error.linesIn(locale), exitCode: error.exitCode };
  // Issue 22: INTERNAL_ERROR (a foreign throw inside the library, or a run that fails its conservation check) is a bug: exit 1.
  if (error instanceof PayscoreError && error.code === "INTERNAL_ERROR") {
    return { code: error.code, path: error.path, lines: [bugLine(error.message, locale)], exitCode: EXIT_BUG };
  }
  if (error instanceof PayscoreError) {
    // Faults in the input that no command mapped to a file: still the user's input, still one line each.
    return { code: error.code, path: error.path, lines: error.issues.map((issue) => libraryLeadIn(`payscore: ${issue.message}`, error.code, locale)), exitCode: EXIT_INPUT };
  }
  return { code: "INTERNAL_ERROR", path: [], lines: [bugLine(error instanceof Error ? `${error.name}: ${error.message}` : String(error), locale)], exitCode: EXIT_BUG };
}

function bugLine(message: string, locale: CliLocale): string {
  return renderCliMessage(cliMessage("internalError", { version: PAYSCORE_VERSION, detail: message.split("\n")[0] ?? "" }), locale);
}
