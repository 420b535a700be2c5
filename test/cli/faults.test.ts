import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { open } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtCli, type BuiltCli } from "./builtCli.js";
import { commissionPlanText, goodCsv } from "./fixtures.js";
import { tempDir, type TempDir } from "./helpers.js";

// Issue 22, part 3: the command line under faults — killed mid-write, two writers on one file,
// FIFOs and stdin, SIGTERM while waiting — with the real executable in child processes.
const fifoSupported = process.platform !== "win32";
let cliBuild: BuiltCli;
let dir: TempDir;

beforeAll(async () => {
  dir = tempDir();
  dir.write("plan.json", commissionPlanText);
  dir.write("data.csv", goodCsv);
  cliBuild = await builtCli();
}, 120_000);

afterAll(() => {
  dir.remove();
  cliBuild.remove();
});

function payscore(args: readonly string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cliBuild.bin, ...args], { cwd: dir.path, encoding: "utf8", ...(input === undefined ? {} : { input }) });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Running {
  readonly child: ChildProcess;
  /** Resolves with the exit code, the signal and stderr when the process ends. */
  readonly ended: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

function start(args: readonly string[]): Running {
  const child = spawn(process.execPath, [cliBuild.bin, ...args], { cwd: dir.path, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (text: string) => (stderr += text));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolveEnd) => {
    child.on("close", (code, signal) => resolveEnd({ code, signal, stderr }));
  });
  return { child, ended };
}

async function waitFor(condition: () => boolean, what: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

function mkfifo(name: string): string {
  const path = join(dir.path, name);
  const made = spawnSync("mkfifo", [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${String(made.stderr)}`);
  return path;
}

/** Data for a run whose JSON output (with traces) takes a while to write: several MB. */
function bigCsv(people: number): string {
  const lines = ["id,sales"];
  for (let i = 0; i < people; i += 1) lines.push(`P${String(i).padStart(6, "0")},${100_000 + i * 7}`);
  return `${lines.join("\n")}\n`;
}

const temps = (): string[] => readdirSync(dir.path).filter((name) => name.endsWith(".tmp"));

describe.skipIf(!fifoSupported)("payscore under faults", () => {
  it("leaves a temp file when killed with -9 mid-write, and the next run removes it and takes over the lock", async () => {
    dir.write("big.csv", bigCsv(12_000));
    const first = start(["run", "plan.json", "--data", "big.csv", "--out", "killed.json"]);
    const pid = first.child.pid as number;
    const temp = `.killed.json.payscore-${pid}.tmp`;
    await waitFor(() => existsSync(join(dir.path, temp)) || first.child.exitCode !== null, "the temp file");
    first.child.kill("SIGKILL");
    const killed = await first.ended;
    expect(killed.signal).toBe("SIGKILL");
    // What kill -9 leaves: the half-written temp and the lock, both named after the dead process.
    expect(temps()).toContain(temp);
    expect(readFileSync(join(dir.path, "killed.json.lock"), "utf8").trim()).toBe(String(pid));
    expect(existsSync(join(dir.path, "killed.json"))).toBe(false);

    const rerun = payscore(["run", "plan.json", "--data", "data.csv", "--out", "killed.json"]);
    expect(rerun).toEqual({ status: 0, stdout: "", stderr: "" });
    expect(temps()).toEqual([]);
    expect(existsSync(join(dir.path, "killed.json.lock"))).toBe(false);
    expect((JSON.parse(readFileSync(join(dir.path, "killed.json"), "utf8")) as { statements: unknown[] }).statements).toHaveLength(3);
  }, 120_000);

  it("fails a second writer of the same --out with the lock message (exit 2) while the first waits on a FIFO", async () => {
    const fifo = mkfifo("slow.csv");
    const first = start(["run", "plan.json", "--data", "slow.csv", "--out", "shared.csv"]);
    await waitFor(() => existsSync(join(dir.path, "shared.csv.lock")), "the first writer's lock");

    const second = payscore(["run", "plan.json", "--data", "data.csv", "--out", "shared.csv"]);
    expect(second.status).toBe(2);
    expect(second.stderr).toBe(
      `shared.csv: another payscore (process ${first.child.pid}) is writing this file now; wait for it to finish, or write to another --out (the lock is shared.csv.lock; remove it only if no payscore is running)\n`,
    );
    const json = payscore(["run", "plan.json", "--data", "data.csv", "--out", "shared.csv", "--json"]);
    expect(JSON.parse(json.stderr)).toMatchObject({ code: "OUTPUT_LOCKED", file: "shared.csv", exitCode: 2 });

    // The first writer reads its data through the FIFO and finishes: its result is the file.
    const writer = await open(fifo, "w");
    await writer.write("id,sales\nF01,250000\n");
    await writer.close();
    const done = await first.ended;
    expect([done.code, done.stderr]).toEqual([0, ""]);
    expect(readFileSync(join(dir.path, "shared.csv"), "utf8")).toMatch(/^id,.*\nF01,/s);
    expect(existsSync(join(dir.path, "shared.csv.lock"))).toBe(false);
  }, 120_000);

  it("stops on SIGTERM while waiting on a FIFO no one writes to, leaving no lock", async () => {
    mkfifo("never.csv");
    const waiting = start(["run", "plan.json", "--data", "never.csv", "--out", "never.json"]);
    await waitFor(() => existsSync(join(dir.path, "never.json.lock")), "the lock");
    // The lock is taken just before the inputs are read; give it a moment to reach the FIFO.
    await sleep(200);
    waiting.child.kill("SIGTERM");
    const stopped = await waiting.ended;
    expect(stopped.signal).toBe("SIGTERM");
    expect(stopped.stderr).toContain("payscore: stopped (SIGTERM); no output file was written");
    expect(existsSync(join(dir.path, "never.json.lock"))).toBe(false);
    expect(existsSync(join(dir.path, "never.json"))).toBe(false);
  }, 120_000);

  it("reads the data or the plan from stdin (-)", () => {
    const data = payscore(["run", "plan.json", "--data", "-", "--format", "csv"], goodCsv);
    expect(data.status).toBe(0);
    expect(data.stdout).toMatch(/\nC01,Zhao Lei,.*,16600\.00,/);
    const plan = payscore(["run", "-", "--data", "data.csv", "--format", "csv"], commissionPlanText);
    expect(plan.stdout).toBe(data.stdout);
    const refused = payscore(["run", "plan.json", "--data", "-", "--format", "csv"], "id,sales\nC01,1,2\n");
    expect([refused.status, refused.stderr]).toEqual([2, "-:2:3: the row has 3 cells but the header has 2 columns (extra: \"2\"; a number with a comma such as 1,200 must be quoted or written 1200)\n"]);
  });

  it("exits 0 done, 2 bad input, 64 usage, and prints --json errors as one object", () => {
    expect(payscore(["validate", "plan.json"]).status).toBe(0);
    expect(payscore(["run", "plan.json", "--data", "missing.csv"])).toMatchObject({ status: 2, stderr: "missing.csv: no such file\n" });
    expect(payscore(["run", "plan.json", "--data", "data.csv", "--max-rows", "many"]).status).toBe(64);
    expect(payscore(["run"]).status).toBe(64);
    const usage = payscore(["--json", "run", "plan.json", "--colour"]);
    expect(usage.status).toBe(64);
    expect(JSON.parse(usage.stderr)).toEqual({
      code: "USAGE",
      message: "unknown option '--colour' (see payscore run --help)",
      path: [],
      file: null,
      line: null,
      column: null,
      exitCode: 64,
    });
    dir.write("bad.csv", "id,sales\nC01,1 200\n");
    const data = payscore(["run", "plan.json", "--data", "bad.csv", "--json"]);
    expect(data.status).toBe(2);
    expect(data.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(JSON.parse(data.stderr)).toMatchObject({ code: "INVALID_INPUT", file: "bad.csv", line: 2, column: 2 });
  });
});
