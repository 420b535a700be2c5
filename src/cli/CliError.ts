import { PAYSCORE_ERROR_CODES, type ErrorPath, type PayscoreError } from "../errors/index.js";
import type { CliLocale, CliMessage } from "./locales/cliMessages.js";
import { libraryLeadIn } from "./locales/libraryLeadIn.js";
import { renderCliMessage } from "./locales/renderCliMessage.js";

/** Exit code of a bug in payscore. */
export const EXIT_BUG = 1;
/** Exit code of a problem with the input: a file, the plan, the data. */
export const EXIT_INPUT = 2;
/** Exit code of a usage error: an unknown command or flag, a flag's value, a missing argument (BSD `EX_USAGE`). */
export const EXIT_USAGE = 64;

/** What a {@link CliError} carries besides its lines. */
export interface CliErrorOptions {
  /** The process exit code: 2 (bad input, the default) or 64 (usage). */
  readonly exitCode?: number | undefined;
  /**
   * A code for programs (`--json`): a `PayscoreError` code such as `INVALID_DATA`, or one of the
   * command line's own — `USAGE`, `INVALID_INPUT`, `LIMIT_EXCEEDED`, `OUTPUT_LOCKED`. Defaults
   * by the exit code: `USAGE` for 64, `INVALID_INPUT` otherwise.
   */
  readonly code?: string | undefined;
  /** Where in the input the fault is (a `PayscoreError`'s path), `[]` if not known. */
  readonly path?: ErrorPath | undefined;
}

/**
 * A fault in what the user gave the command (a file, a flag, the data): the command prints
 * `lines` on stderr, one problem a line, and exits with `exitCode` (2 unless said otherwise,
 * 64 for a usage error). Anything else that escapes a command is a bug in payscore and exits
 * with 1.
 *
 * A line is either a keyed message (`cliMessage(key, params)`, see `locales/cliMessages.ts`),
 * rendered in the user's locale when it is printed (`linesIn`), or plain text: the English of a
 * message not yet in the catalog, or a library error's line, which under `zh-CN` gets a Chinese
 * lead-in naming its code (`libraryLeadIn`). `lines` and `message` are always the English.
 *
 * @example
 * ```ts
 * throw new CliError(cliMessage("noSuchFile", { file: "plan.json" }));
 * throw new CliError(["data.csv:4:3: revenue: \"1,200\" is not a plain number"]);
 * throw new CliError("payscore run: --format must be json, csv or xlsx", { exitCode: EXIT_USAGE });
 * ```
 */
export class CliError extends Error {
  /** The lines to print in English, each one whole problem. */
  readonly lines: readonly string[];
  /** The lines as given (private, so two errors with the same lines, code and path compare equal). */
  readonly #messages: readonly (string | CliMessage)[];
  /** The process exit code: 2 for a user error, 64 for a usage error. */
  readonly exitCode: number;
  /** The code `--json` reports. */
  readonly code: string;
  /** Where in the input the fault is, `[]` if not known. */
  readonly path: ErrorPath;

  constructor(lines: string | CliMessage | readonly (string | CliMessage)[], options: number | CliErrorOptions = {}) {
    const given = typeof lines === "string" || !Array.isArray(lines) ? [lines as string | CliMessage] : [...(lines as readonly (string | CliMessage)[])];
    const list = given.map((line) => (typeof line === "string" ? line : renderCliMessage(line, "en")));
    super(list.join("\n"));
    const settings = typeof options === "number" ? { exitCode: options } : options;
    this.name = "CliError";
    this.lines = Object.freeze(list);
    this.#messages = Object.freeze(given);
    this.exitCode = settings.exitCode ?? EXIT_INPUT;
    this.code = settings.code ?? (this.exitCode === EXIT_USAGE ? "USAGE" : "INVALID_INPUT");
    this.path = Object.freeze([...(settings.path ?? [])]);
  }

  /** The lines as given: keyed messages, or plain text. */
  get messages(): readonly (string | CliMessage)[] {
    return this.#messages;
  }

  /**
   * The lines to print in a locale: keyed messages rendered in it; plain lines as they are,
   * with a Chinese lead-in under `zh-CN` when the error carries a library code (`INVALID_DATA`, …).
   *
   * @param locale - `en` or `zh-CN`
   * @returns the lines
   */
  linesIn(locale: CliLocale): readonly string[] {
    if (locale === "en") return this.lines;
    const library = (PAYSCORE_ERROR_CODES as readonly string[]).includes(this.code);
    return this.messages.map((line) => (typeof line !== "string" ? renderCliMessage(line, locale) : library ? libraryLeadIn(line, this.code, locale) : line));
  }
}

/**
 * A usage error (exit 64): an unknown command or flag, a flag without its value or with a value
 * it does not take, a missing or extra argument.
 *
 * @param lines - the lines to print
 * @returns the error to throw
 *
 * @example
 * ```ts
 * throw usageError("payscore run: missing <plan.json> (see payscore run --help)");
 * ```
 */
export function usageError(lines: string | CliMessage | readonly (string | CliMessage)[]): CliError {
  return new CliError(lines, { exitCode: EXIT_USAGE });
}

/**
 * The options of a {@link CliError} made from a library error: its code (`INVALID_DATA`, …) and
 * the path of its first issue (else its own path), for `--json`.
 *
 * @param error - the library's error
 * @returns `{ code, path }`
 *
 * @example
 * ```ts
 * throw new CliError(dataProblemLines(error, loaded, planFile), payscoreErrorOptions(error));
 * // payscoreErrorOptions(error): { code: "INVALID_DATA", path: ["rows", 3, "sales"] }
 * ```
 */
export function payscoreErrorOptions(error: PayscoreError): CliErrorOptions {
  return { code: error.code, path: error.issues[0]?.path ?? error.path };
}
