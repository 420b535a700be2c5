import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { RunInputs } from "../plan/index.js";
import { fileProblem } from "./fileProblem.js";

/** The files a run reads, as the command line names them (a path as given, or from the plan's inputs). */
export interface RunFiles {
  readonly plan: string;
  readonly data: string;
  readonly ratings?: string | undefined;
  readonly history?: string | undefined;
  readonly transactions?: string | undefined;
  readonly deals?: string | undefined;
  readonly responses?: string | undefined;
  readonly activities?: string | undefined;
  readonly tickets?: string | undefined;
}

/**
 * The SHA-256 of each input file's bytes, for the run's audit record (`runPlan`'s `inputs`
 * option, the header's `inputs`): the plan file, the data, and the ratings and history when
 * given. Each file is read as a stream (a large file is never held whole for this), as bytes:
 * the hash is of what is on disk, whatever its encoding. An input that is not a regular file —
 * `-` (standard input) or a FIFO, which can be read only once — is left out of the record.
 *
 * @param files - the paths, relative to `cwd`
 * @param cwd - the folder they are relative to
 * @returns `{ plan: { file, sha256 }, data: { file, sha256 }, … }`
 * @throws {CliError} when a file cannot be read
 *
 * @example
 * ```ts
 * (await inputDigests({ plan: "plan.json", data: "data.csv" }, process.cwd())).data;
 * // { file: "data.csv", sha256: "3a6eb0790f39ac87c94f3856b2dd2c5d110e6811602261a9a923d3bb23adc8b7" }
 * ```
 */
export async function inputDigests(files: RunFiles, cwd: string): Promise<RunInputs> {
  const inputs: Record<string, { file: string; sha256: string }> = {};
  for (const kind of ["plan", "data", "ratings", "history", "transactions", "deals", "responses", "activities", "tickets"] as const) {
    const file = files[kind];
    if (file !== undefined && (await isRegularFile(file, cwd))) inputs[kind] = { file, sha256: await sha256Of(file, cwd) };
  }
  return inputs;
}

/** Whether the input can be read again for its hash: a regular file, not `-` or a FIFO (a missing file is left to the hash, which names it). */
async function isRegularFile(file: string, cwd: string): Promise<boolean> {
  if (file === "-") return false;
  const info = await stat(resolve(cwd, file)).catch(() => null);
  return info === null || info.isFile();
}

async function sha256Of(file: string, cwd: string): Promise<string> {
  const hash = createHash("sha256");
  try {
    for await (const chunk of createReadStream(resolve(cwd, file), { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) hash.update(chunk);
  } catch (error) {
    throw fileProblem(error, file, "read");
  }
  return hash.digest("hex");
}
