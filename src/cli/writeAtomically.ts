import { randomBytes } from "node:crypto";
import { open, rename, unlink } from "node:fs/promises";
import { unlinkSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileProblem } from "./fileProblem.js";

/**
 * Writes text (or UTF-8 bytes, which are handed on as they are) somewhere; resolves when more
 * may follow (backpressure).
 */
export type WriteText = (text: string | Uint8Array) => Promise<void>;

/** Temp files being written right now, removed if the process is interrupted. */
const pendingTemps = new Set<string>();

/**
 * Writes a file so that it is either complete or not there: the text goes to a temp file in
 * the target's own folder (same file system, so the rename is atomic), is flushed to disk,
 * and then renamed over the target. If `produce` throws, the temp file is removed and the
 * target is left as it was.
 *
 * @param file - the target path as the user wrote it
 * @param cwd - the folder a relative path is written to
 * @param produce - writes the content through the given function
 * @returns when the target is in place
 * @throws whatever `produce` throws; a {@link CliError} when the folder cannot be written
 *
 * @example
 * ```ts
 * await writeAtomically("run.json", process.cwd(), async (write) => { await write("{}\n"); });
 * ```
 */
export async function writeAtomically(file: string, cwd: string, produce: (write: WriteText) => Promise<void>): Promise<void> {
  const target = resolve(cwd, file);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let handle;
  try {
    handle = await open(temp, "wx");
  } catch (error) {
    throw fileProblem(error, file, "write");
  }
  pendingTemps.add(temp);
  let done = false;
  try {
    let buffered: string[] = [];
    let size = 0;
    const opened = handle;
    const flush = async (): Promise<void> => {
      if (buffered.length === 0) return;
      const text = buffered.join("");
      buffered = [];
      size = 0;
      await opened.write(text, null, "utf8");
    };
    await produce(async (text) => {
      if (typeof text !== "string") {
        await flush();
        await opened.write(text);
        return;
      }
      buffered.push(text);
      size += text.length;
      if (size >= 1 << 16) await flush();
    });
    await flush();
    await handle.sync();
    await handle.close();
    handle = undefined;
    try {
      await rename(temp, target);
    } catch (error) {
      throw fileProblem(error, file, "write");
    }
    done = true;
  } catch (error) {
    throw fileProblem(error, file, "write");
  } finally {
    if (handle !== undefined) await handle.close().catch(() => undefined);
    if (!done) await unlink(temp).catch(() => undefined);
    pendingTemps.delete(temp);
  }
}

/**
 * Removes every temp file still being written (called when the process is interrupted), so an
 * interrupted run leaves nothing behind.
 *
 * @example
 * ```ts
 * process.on("SIGINT", () => { removePendingTemps(); process.exit(130); });
 * ```
 */
export function removePendingTemps(): void {
  for (const temp of pendingTemps) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  }
  pendingTemps.clear();
}
