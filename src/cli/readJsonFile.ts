import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { CliError } from "./CliError.js";
import { fileProblem } from "./fileProblem.js";
import { locateJsonError } from "./locateJsonError.js";
import { Utf8Reader } from "./Utf8Reader.js";

/**
 * Reads a JSON file (a plan, a data file, a saved run): strict UTF-8, a byte-order mark
 * dropped, and a syntax error reported as `file:line:column: what is wrong`.
 *
 * @param file - the path as the user wrote it
 * @param cwd - the folder a relative path is read from
 * @returns the parsed value
 * @throws {CliError} for a missing, empty, non-UTF-8 or non-JSON file
 *
 * @example
 * ```ts
 * await readJsonFile("plan.json", process.cwd()); // { version: 1, … }
 * // plan.json:3:1: a trailing comma is not allowed in JSON
 * ```
 */
export async function readJsonFile(file: string, cwd: string): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(cwd, file));
  } catch (error) {
    throw fileProblem(error, file, "read");
  }
  const reader = new Utf8Reader(file);
  const text = reader.decode(bytes) + reader.end();
  if (text.trim() === "") throw new CliError(`${file}: the file is empty`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const fault = locateJsonError(text);
    if (fault === null) throw new CliError(`${file}: not valid JSON`);
    throw new CliError(`${file}:${fault.line}:${fault.column}: not valid JSON: ${fault.message}`);
  }
}
