import { closeSync, linkSync, openSync, readFileSync, readdirSync, renameSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import { cliMessage } from "./locales/cliMessages.js";
import { basename, dirname, join, resolve } from "node:path";
import process from "node:process";
import { CliError } from "./CliError.js";
import { fileProblem } from "./fileProblem.js";

/** An `--out` file locked by this process; `release` gives it up (once per {@link lockOutput} call). */
export interface OutputLock {
  /** The lock file's path. */
  readonly lockFile: string;
  release(): void;
}

/** The locks this process holds: target path → lock file and how many callers hold it. */
const held = new Map<string, { lockFile: string; count: number }>();

/**
 * The name of the temp file this process writes `target` through:
 * `.<name>.payscore-<pid>.tmp` beside it, so a later run can tell whose it is and remove it
 * when that process is gone.
 *
 * @param target - the absolute path of the file to write
 * @param pid - the writing process (this one by default)
 * @returns the temp file's absolute path
 *
 * @example
 * ```ts
 * tempFileFor("/srv/pay/run.csv", 4242); // "/srv/pay/.run.csv.payscore-4242.tmp"
 * ```
 */
export function tempFileFor(target: string, pid: number = process.pid): string {
  return join(dirname(target), `.${basename(target)}.payscore-${pid}.tmp`);
}

/**
 * Locks an output file for this process (issue 22): creates `<name>.lock` beside it, holding
 * this process's id, only if it does not exist (made complete under another name and then
 * hard-linked into place, so a reader never sees it empty). A lock whose process is no longer
 * running (killed with `kill -9`, a crash) is taken over. Once the lock is held, the temp files
 * earlier runs left for the same target (see {@link tempFileFor}; also the older
 * `.<name>.<pid>.<hex>.tmp`) whose processes are gone are removed. The same process may lock a
 * file again (`run` locks early, the writer again); each call is released once.
 *
 * Process ids are those of this machine: two machines writing one file on a shared drive are not
 * told apart.
 *
 * @param file - the output path as the user wrote it
 * @param cwd - the folder a relative path is written to
 * @returns the lock
 * @throws {CliError} `OUTPUT_LOCKED` (exit 2) when another running payscore holds the lock; a file-system problem
 *
 * @example
 * ```ts
 * const lock = lockOutput("run.csv", process.cwd());
 * try { await write(); } finally { lock.release(); }
 * ```
 */
export function lockOutput(file: string, cwd: string): OutputLock {
  const target = resolve(cwd, file);
  const mine = held.get(target);
  if (mine !== undefined) {
    mine.count += 1;
    return handle(target, mine.lockFile);
  }
  const lockFile = `${target}.lock`;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (createLock(lockFile, file)) {
      held.set(target, { lockFile, count: 1 });
      removeOrphans(target);
      return handle(target, lockFile);
    }
    const owner = lockOwner(lockFile);
    if (owner !== null && owner !== process.pid && isRunning(owner)) {
      throw new CliError(cliMessage("outputLocked", { file, pid: owner, lock: basename(lockFile) }), { code: "OUTPUT_LOCKED" });
    }
    takeOver(lockFile, owner);
  }
  throw new CliError(cliMessage("lockKeepsChanging", { file, lock: basename(lockFile) }), { code: "OUTPUT_LOCKED" });
}

/**
 * Gives up every lock this process holds (when it is interrupted), so a stopped run leaves no lock.
 *
 * @example
 * ```ts
 * process.on("SIGTERM", () => { releaseHeldLocks(); process.exit(143); });
 * ```
 */
export function releaseHeldLocks(): void {
  for (const { lockFile } of held.values()) removeIfMine(lockFile);
  held.clear();
}

function handle(target: string, lockFile: string): OutputLock {
  let released = false;
  return {
    lockFile,
    release() {
      if (released) return;
      released = true;
      const entry = held.get(target);
      if (entry === undefined) return;
      entry.count -= 1;
      if (entry.count > 0) return;
      held.delete(target);
      removeIfMine(entry.lockFile);
    },
  };
}

/** Creates the lock file with this process's id in it; false if it exists already. */
function createLock(lockFile: string, file: string): boolean {
  const temp = join(dirname(lockFile), `.${basename(lockFile)}.payscore-${process.pid}.tmp`);
  try {
    // Exclusive, so never through a link left in its place; one of this id left behind is an orphan.
    try {
      writeFileSync(temp, `${process.pid}\n`, { flag: "wx" });
    } catch (error) {
      if (codeOf(error) !== "EEXIST") throw error;
      unlinkSync(temp);
      writeFileSync(temp, `${process.pid}\n`, { flag: "wx" });
    }
  } catch (error) {
    throw fileProblem(error, file, "write");
  }
  try {
    linkSync(temp, lockFile);
    return true;
  } catch (error) {
    if (codeOf(error) === "EEXIST") return false;
    // No hard links here (some network and FAT drives): an exclusive create, then the id.
    return createExclusively(lockFile, file);
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  }
}

function createExclusively(lockFile: string, file: string): boolean {
  let fd: number;
  try {
    fd = openSync(lockFile, "wx");
  } catch (error) {
    if (codeOf(error) === "EEXIST") return false;
    throw fileProblem(error, file, "write");
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The process id a lock file holds, or null (gone, unreadable, or not an id). */
function lockOwner(lockFile: string): number | null {
  try {
    const text = readFileSync(lockFile, "utf8").trim();
    return /^[1-9]\d{0,9}$/.test(text) ? Number(text) : null;
  } catch {
    return null;
  }
}

/**
 * Moves a stale lock aside and removes it. If, in between, another process took it over and
 * made its own (the file moved holds another id), that lock is put back.
 */
function takeOver(lockFile: string, owner: number | null): void {
  const aside = join(dirname(lockFile), `.${basename(lockFile)}.payscore-${process.pid}.stale.tmp`);
  try {
    renameSync(lockFile, aside);
  } catch {
    return; // gone already: try again
  }
  if (lockOwner(aside) !== owner) {
    try {
      linkSync(aside, lockFile);
    } catch {
      // another lock is in place already
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // already gone
  }
}

function removeIfMine(lockFile: string): void {
  if (lockOwner(lockFile) !== process.pid) return;
  try {
    unlinkSync(lockFile);
  } catch {
    // already gone
  }
}

/** Whether a process with this id is running (one of another user counts). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === "EPERM";
  }
}

/**
 * Removes the temp files earlier runs left for `target` whose processes are gone:
 * `.<name>.payscore-<pid>.tmp` (and `.stale.tmp`), and the older `.<name>.<pid>.<8 hex>.tmp`.
 * Called with the lock held, so no live payscore is writing them.
 */
function removeOrphans(target: string): void {
  const folder = dirname(target);
  const name = basename(target);
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return;
  }
  const prefix = `.${name}.`;
  const prefixLock = `.${name}.lock.`;
  for (const entry of entries) {
    const rest = entry.startsWith(prefixLock) ? entry.slice(prefixLock.length) : entry.startsWith(prefix) ? entry.slice(prefix.length) : null;
    if (rest === null) continue;
    const match = /^(?:payscore-(\d{1,10})(?:\.stale)?|(\d{1,10})\.[0-9a-f]{8})\.tmp$/.exec(rest);
    if (match === null) continue;
    const pid = Number(match[1] ?? match[2]);
    if (pid !== process.pid && isRunning(pid)) continue;
    try {
      unlinkSync(join(folder, entry));
    } catch {
      // gone already, or not ours to remove
    }
  }
}

function codeOf(error: unknown): unknown {
  return typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
}
