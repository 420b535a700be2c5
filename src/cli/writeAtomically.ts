import { open, rename, unlink } from "node:fs/promises";
import { unlinkSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileProblem } from "./fileProblem.js";
import { lockOutput, tempFileFor } from "./outputLock.js";

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
 * and then renamed over the target, and the folder is flushed too (so the rename itself survives
 * a power cut). If `produce` throws, the temp file is removed and the target is left as it was.
 *
 * Issue 22: the target is written under its lock ({@link lockOutput}: a second payscore writing
 * the same file fails instead of one result silently replacing the other), and the temp file is
 * `.<name>.payscore-<pid>.tmp`, so a run killed with `kill -9` leaves a file the next run
 * recognises and removes.
 *
 * @param file - the target path as the user wrote it
 * @param cwd - the folder a relative path is written to
 * @param produce - writes the content through the given function
 * @returns when the target is in place
 * @throws whatever `produce` throws; a {@link CliError} when the folder cannot be written or another payscore holds the lock
 *
 * @example
 * ```ts
 * await writeAtomically("run.json", process.cwd(), async (write) => { await write("{}\n"); });
 * ```
 */
export async function writeAtomically(file: string, cwd: string, produce: (write: WriteText) => Promise<void>): Promise<void> {
  const target = resolve(cwd, file);
  const lock = lockOutput(file, cwd);
  try {
    await writeLocked(file, target, produce);
  } finally {
    lock.release();
  }
}

async function writeLocked(file: string, target: string, produce: (write: WriteText) => Promise<void>): Promise<void> {
  const temp = tempFileFor(target);
  let handle;
  try {
    // Exclusive (never through a link someone left there); the lock removed any orphan of this name.
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
    await syncFolder(dirname(target));
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

/**
 * Flushes a folder's entries to disk (after a rename into it). Where a folder cannot be opened or
 * flushed (Windows, some network drives) there is nothing more to do.
 */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, "r");
    await handle.sync();
  } catch {
    // not supported here
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
