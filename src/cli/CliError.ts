/**
 * A fault in what the user gave the command (a file, a flag, the data): the command prints
 * `lines` on stderr, one problem a line, and exits with `exitCode` (2 unless said otherwise).
 * Anything else that escapes a command is a bug in payscore and exits with 1.
 *
 * @example
 * ```ts
 * throw new CliError(["data.csv:4:3: revenue: \"1,200\" is not a plain number"]);
 * ```
 */
export class CliError extends Error {
  /** The lines to print, each one whole problem. */
  readonly lines: readonly string[];
  /** The process exit code: 2 for a user error. */
  readonly exitCode: number;

  constructor(lines: string | readonly string[], exitCode = 2) {
    const list = typeof lines === "string" ? [lines] : [...lines];
    super(list.join("\n"));
    this.name = "CliError";
    this.lines = Object.freeze(list);
    this.exitCode = exitCode;
  }
}
