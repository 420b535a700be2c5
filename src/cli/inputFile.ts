import { constants as bufferConstants } from "node:buffer";
import { cliMessage } from "./locales/cliMessages.js";
import { constants, createReadStream, openSync } from "node:fs";
import { stat } from "node:fs/promises";
import { Socket } from "node:net";
import { resolve } from "node:path";
import process from "node:process";
import type { Readable } from "node:stream";
import { CliError, usageError } from "./CliError.js";
import { fileProblem } from "./fileProblem.js";
import { DEFAULT_LIMITS, formatSize, tooManyBytes, type InputLimits } from "./inputLimits.js";

/** The file name that means standard input. */
export const STDIN = "-";

/**
 * Refuses a command line on which more than one input is `-`: standard input can be read once,
 * so the second would read nothing (or the first's bytes). Every input counts — the plan, the
 * data, ratings, history, transactions, the list inputs, each `--paid` run.
 *
 * @param files - the inputs (`undefined` for one not given)
 * @throws {CliError} a usage error (exit 64) when two or more are `-`
 *
 * @example
 * ```ts
 * refuseSecondStdin(["plan.json", "-", undefined]); // passes
 * refuseSecondStdin(["plan.json", "-", "-"]); // throws "payscore: only one input can be - (standard input); give the others as files"
 * ```
 */
export function refuseSecondStdin(files: readonly (string | undefined)[]): void {
  if (files.filter((file) => file === STDIN).length > 1) throw usageError(cliMessage("oneStdin", {}));
}

/** What an input is: standard input, a regular file (its size known), or a stream (a FIFO, a device). */
export type InputKind = { readonly kind: "stdin" } | { readonly kind: "file"; readonly size: number } | { readonly kind: "stream" };

/**
 * What kind of input a path is, without opening it (so a FIFO with no writer does not block).
 *
 * @param file - the path as the user wrote it (`-` for stdin)
 * @param cwd - the folder a relative path is read from
 * @returns stdin, a regular file with its size, or a stream
 * @throws {CliError} for a missing file, a folder, no permission
 *
 * @example
 * ```ts
 * await inputKind("data.csv", process.cwd()); // { kind: "file", size: 1432 }
 * ```
 */
export async function inputKind(file: string, cwd: string): Promise<InputKind> {
  if (file === STDIN) return { kind: "stdin" };
  let info;
  try {
    info = await stat(resolve(cwd, file));
  } catch (error) {
    throw fileProblem(error, file, "read");
  }
  if (info.isDirectory()) throw fileProblem({ code: "EISDIR" }, file, "read");
  return info.isFile() ? { kind: "file", size: info.size } : { kind: "stream" };
}

/**
 * Refuses a regular file larger than `--max-bytes` before a byte of it is read (a stream is
 * counted as it is read instead).
 *
 * @param file - the path as the user wrote it
 * @param cwd - the folder a relative path is read from
 * @param limits - the limits in force
 * @returns the input's kind
 * @throws {CliError} `LIMIT_EXCEEDED` for a file over the limit; a file-system problem
 *
 * @example
 * ```ts
 * await checkInputSize("data.csv", process.cwd(), DEFAULT_LIMITS); // { kind: "file", size: 1432 }
 * ```
 */
export async function checkInputSize(file: string, cwd: string, limits: InputLimits): Promise<InputKind> {
  const kind = await inputKind(file, cwd);
  if (kind.kind === "file" && kind.size > limits.maxBytes) throw tooManyBytes(file, limits);
  return kind;
}

/**
 * Reads an input in chunks, whatever it is: a regular file, standard input (`-`), or a FIFO or
 * device. A FIFO is opened without blocking and read through the event loop, so a FIFO no one
 * writes to yet waits without holding a thread and SIGTERM or SIGINT still stops the process.
 * More than `--max-bytes` is refused as soon as it is read (a regular file, before reading).
 *
 * @param file - the path as the user wrote it (`-` for stdin)
 * @param cwd - the folder a relative path is read from
 * @param limits - the limits in force
 * @returns the chunks, in order
 * @throws {CliError} `LIMIT_EXCEEDED` past `--max-bytes`; a file-system problem
 *
 * @example
 * ```ts
 * for await (const chunk of inputChunks("-", process.cwd(), DEFAULT_LIMITS)) process.stdout.write(chunk);
 * ```
 */
export async function* inputChunks(file: string, cwd: string, limits: InputLimits = DEFAULT_LIMITS): AsyncGenerator<Uint8Array> {
  yield* chunksOf(file, cwd, limits, await checkInputSize(file, cwd, limits));
}

/** The chunks of an input whose kind is known (stat'ed once, by the caller). */
async function* chunksOf(file: string, cwd: string, limits: InputLimits, kind: InputKind): AsyncGenerator<Uint8Array> {
  let stream: Readable;
  try {
    stream = openStream(file, cwd, kind);
  } catch (error) {
    throw fileProblem(error, file, "read");
  }
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > limits.maxBytes) throw tooManyBytes(file, limits);
      yield chunk;
    }
  } catch (error) {
    throw fileProblem(error, file, "read");
  } finally {
    if (file !== STDIN) stream.destroy();
  }
}

function openStream(file: string, cwd: string, kind: InputKind): Readable {
  if (kind.kind === "stdin") return process.stdin;
  const path = resolve(cwd, file);
  if (kind.kind === "stream") {
    // O_NONBLOCK: opening a FIFO does not wait for a writer; the socket waits in the event loop.
    // (A device that is not a FIFO, such as /dev/zero, is read as a file.)
    const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      return new Socket({ fd, readable: true, writable: false });
    } catch {
      return createReadStream(path, { fd, highWaterMark: 1 << 20 });
    }
  }
  return createReadStream(path, { highWaterMark: 1 << 20 });
}

/** The most bytes a JSON input may have: V8's longest string (512 MiB on 64-bit Node). */
export const JSON_MAX_BYTES = bufferConstants.MAX_STRING_LENGTH;

/**
 * Reads a whole input into memory (a JSON file, or ratings from a pipe), within `--max-bytes`
 * and, for JSON, within the longest string `JSON.parse` can read: a larger file is refused
 * cleanly instead of failing inside Node.
 *
 * @param file - the path as the user wrote it (`-` for stdin)
 * @param cwd - the folder a relative path is read from
 * @param limits - the limits in force
 * @param options - `json: true` to apply the JSON ceiling
 * @returns the bytes
 * @throws {CliError} `LIMIT_EXCEEDED` past a limit; a file-system problem
 *
 * @example
 * ```ts
 * (await readInput("plan.json", process.cwd(), DEFAULT_LIMITS, { json: true })).length; // 1432
 * ```
 */
export async function readInput(file: string, cwd: string, limits: InputLimits = DEFAULT_LIMITS, options?: { readonly json?: boolean } | undefined): Promise<Buffer> {
  const json = options?.json === true;
  // One stat: a file over --max-bytes is refused by that limit, one under it but past JSON's by JSON's.
  const kind = await checkInputSize(file, cwd, limits);
  if (json && kind.kind === "file" && kind.size > JSON_MAX_BYTES) throw tooLargeForJson(file);
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for await (const chunk of chunksOf(file, cwd, limits, kind)) {
    bytes += chunk.length;
    if (json && bytes > JSON_MAX_BYTES) throw tooLargeForJson(file);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, bytes);
}

function tooLargeForJson(file: string): CliError {
  return new CliError(cliMessage("jsonTooLarge", { file, size: formatSize(JSON_MAX_BYTES) }), { code: "LIMIT_EXCEEDED" });
}
