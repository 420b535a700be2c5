import { CliError } from "./CliError.js";
import { cliMessage } from "./locales/cliMessages.js";
import { readInput } from "./inputFile.js";
import { DEFAULT_LIMITS, type InputLimits } from "./inputLimits.js";
import { locateJsonError } from "./locateJsonError.js";
import { Utf8Reader } from "./Utf8Reader.js";

/**
 * Reads a JSON file (a plan, a data file, a saved run): strict UTF-8, a byte-order mark
 * dropped, and a syntax error reported as `file:line:column: what is wrong`. `-` reads standard
 * input; a FIFO is read too. A file over `--max-bytes`, or over the longest string `JSON.parse`
 * can read (512 MiB), is refused before it is parsed. A file that does not even start like JSON
 * (`{` or `[`) is refused without quoting any of it: it may be any file at all.
 *
 * @param file - the path as the user wrote it (`-` for stdin)
 * @param cwd - the folder a relative path is read from
 * @param limits - the input limits (`--max-bytes`); the defaults without it
 * @returns the parsed value
 * @throws {CliError} for a missing, empty, too large, non-UTF-8 or non-JSON file
 *
 * @example
 * ```ts
 * await readJsonFile("plan.json", process.cwd()); // { version: 1, … }
 * // plan.json:3:1: a trailing comma is not allowed in JSON
 * ```
 */
export async function readJsonFile(file: string, cwd: string, limits: InputLimits = DEFAULT_LIMITS): Promise<unknown> {
  const bytes = await readInput(file, cwd, limits, { json: true });
  const reader = new Utf8Reader(file);
  const text = reader.decode(bytes) + reader.end();
  if (text.trim() === "") throw new CliError(cliMessage("emptyFile", { file }));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Issue 22: only a file that starts like JSON gets a quoted character from it.
    if (!/^[\s\uFEFF]*[[{]/.test(text.slice(0, 4096))) throw new CliError(cliMessage("jsonNotObject", { file }));
    const fault = locateJsonError(text);
    if (fault === null) throw new CliError(cliMessage("jsonInvalid", { file }));
    throw new CliError(cliMessage("jsonInvalidAt", { file, line: fault.line, column: fault.column, detail: fault.message }));
  }
}
