import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lockOutput, releaseHeldLocks, tempFileFor } from "../../src/cli/outputLock.js";
import { writeAtomically } from "../../src/cli/writeAtomically.js";
import { tempDir, type TempDir } from "./helpers.js";

let dir: TempDir;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  releaseHeldLocks();
  dir.remove();
});

/** The id of a process that has ended (a finished child). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  return child.pid as number;
}

const faultOf = (action: () => unknown): { code?: unknown; exitCode?: unknown; message: string } => {
  try {
    action();
  } catch (error) {
    return error as { code?: unknown; exitCode?: unknown; message: string };
  }
  throw new Error("expected a throw");
};

describe("tempFileFor", () => {
  it("names the temp file after the target and the process, beside the target", () => {
    expect(tempFileFor("/srv/pay/run.csv", 4242)).toBe(join("/srv/pay", ".run.csv.payscore-4242.tmp"));
  });
});

describe("lockOutput", () => {
  it("creates NAME.lock holding this process's id, and removes it on release", () => {
    const lock = lockOutput("run.csv", dir.path);
    expect(readFileSync(join(dir.path, "run.csv.lock"), "utf8")).toBe(`${process.pid}\n`);
    lock.release();
    expect(existsSync(join(dir.path, "run.csv.lock"))).toBe(false);
  });

  it("lets the same process lock a file again, and keeps the lock until each call is released", () => {
    const early = lockOutput("run.csv", dir.path);
    const writer = lockOutput("run.csv", dir.path);
    writer.release();
    writer.release(); // a second release of one call changes nothing
    expect(existsSync(join(dir.path, "run.csv.lock"))).toBe(true);
    early.release();
    expect(existsSync(join(dir.path, "run.csv.lock"))).toBe(false);
  });

  it("refuses a file another running process has locked, with exit 2 and OUTPUT_LOCKED, and leaves that lock alone", () => {
    // The parent of this test process is running and is not this process.
    dir.write("run.csv.lock", `${process.ppid}\n`);
    const fault = faultOf(() => lockOutput("run.csv", dir.path));
    expect([fault.code, fault.exitCode]).toEqual(["OUTPUT_LOCKED", 2]);
    expect(fault.message).toBe(
      `run.csv: another payscore (process ${process.ppid}) is writing this file now; wait for it to finish, or write to another --out (the lock is run.csv.lock; remove it only if no payscore is running)`,
    );
    expect(readFileSync(join(dir.path, "run.csv.lock"), "utf8")).toBe(`${process.ppid}\n`);
  });

  it("takes over the lock of a process that is gone, and a lock that holds no id", () => {
    dir.write("run.csv.lock", `${deadPid()}\n`);
    lockOutput("run.csv", dir.path).release();
    dir.write("run.json.lock", "");
    const lock = lockOutput("run.json", dir.path);
    expect(readFileSync(join(dir.path, "run.json.lock"), "utf8")).toBe(`${process.pid}\n`);
    lock.release();
    expect(dir.list()).toEqual([]);
  });

  it("removes the temp files of gone processes for the same target, old names too, and keeps others", () => {
    const dead = deadPid();
    dir.write(`.run.csv.payscore-${dead}.tmp`, "half a run");
    dir.write(`.run.csv.${dead}.0a1b2c3d.tmp`, "half a run, named the old way");
    dir.write(`.run.csv.payscore-${process.ppid}.tmp`, "a live process's");
    dir.write(`.other.csv.payscore-${dead}.tmp`, "another target's");
    dir.write(".run.csv.notes.tmp", "not payscore's");
    lockOutput("run.csv", dir.path).release();
    expect(dir.list()).toEqual([".other.csv.payscore-" + String(dead) + ".tmp", `.run.csv.notes.tmp`, `.run.csv.payscore-${process.ppid}.tmp`].sort());
  });
});

describe("writeAtomically under the lock", () => {
  it("writes through the process's temp file and leaves only the target", async () => {
    await writeAtomically("run.csv", dir.path, async (write) => {
      expect(existsSync(tempFileFor(join(dir.path, "run.csv")))).toBe(true);
      expect(existsSync(join(dir.path, "run.csv.lock"))).toBe(true);
      await write("id\n");
    });
    expect(dir.list()).toEqual(["run.csv"]);
  });

  it("refuses to write a file another running process has locked, leaving the target as it was", async () => {
    dir.write("run.csv", "before\n");
    dir.write("run.csv.lock", `${process.ppid}\n`);
    await expect(writeAtomically("run.csv", dir.path, (write) => write("after\n"))).rejects.toMatchObject({ code: "OUTPUT_LOCKED" });
    expect(readFileSync(join(dir.path, "run.csv"), "utf8")).toBe("before\n");
  });
});
