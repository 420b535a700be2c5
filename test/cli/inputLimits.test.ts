import { spawnSync } from "node:child_process";
import { open } from "node:fs/promises";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { errorJson } from "../../src/cli/errorJson.js";
import { JSON_MAX_BYTES } from "../../src/cli/inputFile.js";
import { DEFAULT_LIMITS, formatSize, inputLimits, tooManyBytes } from "../../src/cli/inputLimits.js";
import { parseCommandArgs } from "../../src/cli/parseCommandArgs.js";
import { RatingsFile } from "../../src/cli/RatingsFile.js";
import { readJsonFile } from "../../src/cli/readJsonFile.js";
import { runCli } from "../../src/cli/runCli.js";
import { commissionPlan, commissionPlanText, goodCsv } from "./fixtures.js";
import { captureIo, tempDir, type TempDir } from "./helpers.js";

let dir: TempDir;
beforeEach(() => {
  dir = tempDir();
  dir.write("plan.json", commissionPlanText);
  dir.write("data.csv", goodCsv);
});
afterEach(() => {
  dir.remove();
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(dir.path);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const args = (...argv: string[]) => parseCommandArgs("run", argv, { "max-bytes": { type: "string" }, "max-cell": { type: "string" }, "max-rows": { type: "string" } }, { names: [] });

describe("inputLimits", () => {
  it("defaults to 2 GiB a file, 1 Mi characters a cell and 20 million rows", () => {
    expect(inputLimits(args(), "run")).toEqual({ maxBytes: 2 * 1024 ** 3, maxCell: 1024 ** 2, maxRows: 20_000_000 });
  });

  it("reads sizes with K, M or G (binary) and a row count as a whole number", () => {
    // 512 · 1024² = 536 870 912; 64 · 1024 = 65 536
    expect(inputLimits(args("--max-bytes", "512M", "--max-cell", "64KiB", "--max-rows", "1000"), "run")).toEqual({ maxBytes: 536_870_912, maxCell: 65_536, maxRows: 1000 });
    expect(inputLimits(args("--max-bytes", "4g"), "run").maxBytes).toBe(4 * 1024 ** 3);
  });

  it("refuses a value that is not a positive whole number, as a usage error (exit 64)", () => {
    for (const [flag, value] of [["--max-bytes", "0"], ["--max-bytes", "2T"], ["--max-bytes", "12 bytes"], ["--max-cell", "1.5M"], ["--max-rows", "10K"], ["--max-rows", ""]] as const) {
      let caught: unknown;
      try {
        inputLimits(args(flag, value), "run");
      } catch (error) {
        caught = error;
      }
      expect(caught).toMatchObject({ exitCode: 64, code: "USAGE" });
      expect(String((caught as Error).message)).toContain(`payscore run: ${flag} must be a whole number`);
    }
  });

  it("names sizes in words", () => {
    expect([formatSize(2 * 1024 ** 3), formatSize(1536), formatSize(300), formatSize(JSON_MAX_BYTES)]).toEqual(["2 GiB", "1.5 KiB", "300 bytes", "512 MiB"]);
    expect(tooManyBytes("data.csv", DEFAULT_LIMITS).message).toBe("data.csv: the file is larger than 2 GiB, the limit for each input; pass --max-bytes <size> (such as --max-bytes 4G) to read it");
  });
});

describe("payscore run within the input limits", () => {
  it("refuses a data file, a plan, ratings and a JSON file larger than --max-bytes, naming the file, the limit and the flag", async () => {
    // The plan is about 400 bytes; the data about 1 400.
    dir.write("big.csv", `id,sales\n${Array.from({ length: 200 }, (_, i) => `C${String(i).padStart(3, "0")},1`).join("\n")}\n`);
    expect(await cli("run", "plan.json", "--data", "big.csv", "--max-bytes", "1000")).toEqual({
      code: 2,
      out: "",
      err: "big.csv: the file is larger than 1000 bytes, the limit for each input; pass --max-bytes <size> (such as --max-bytes 2000) to read it\n",
    });
    expect((await cli("run", "plan.json", "--data", "data.csv", "--max-bytes", "50")).err).toMatch(/^plan\.json: the file is larger than 50 bytes/);
    dir.write("ratings.csv", `person,rater,group,score\n${"C01,m1,manager,4\n".repeat(100)}`);
    expect((await cli("run", "plan.json", "--data", "data.csv", "--ratings", "ratings.csv", "--max-bytes", "1000")).err).toMatch(/^ratings\.csv: the file is larger than 1000 bytes/);
    dir.write("data.json", JSON.stringify({ rows: [{ id: "C01", sales: "1" }] }).padEnd(1500, " "));
    expect((await cli("run", "plan.json", "--data", "data.json", "--max-bytes", "1000")).err).toMatch(/^data\.json: the file is larger than 1000 bytes/);
  });

  it("refuses a cell longer than --max-cell with its line and column, in CSV and JSON data", async () => {
    dir.write("long.csv", `id,name,sales\nC01,${"x".repeat(40)},5\n`);
    expect(await cli("run", "plan.json", "--data", "long.csv", "--max-cell", "32")).toEqual({
      code: 2,
      out: "",
      err: "long.csv:2:2: a cell longer than 32 characters, the limit for a cell; pass --max-cell <n> to read it\n",
    });
    dir.write("long.json", JSON.stringify({ rows: [{ id: "C01", name: "x".repeat(40), sales: "5" }] }));
    expect((await cli("run", "plan.json", "--data", "long.json", "--max-cell", "32")).err).toBe(
      "long.json: rows[0].name: a cell longer than 32 characters, the limit for a cell; pass --max-cell <n> to read it\n",
    );
  });

  it("refuses a cell that never ends as soon as it is past the limit, not at the end of the file", async () => {
    // An open quote and 3 MiB of text: refused from the unfinished record (more than twice the limit read).
    dir.write("open.csv", `id,sales\nC01,"${"y".repeat(3 * 1024 * 1024)}`);
    expect((await cli("run", "plan.json", "--data", "open.csv")).err).toBe("open.csv:2: a cell longer than 1048576 characters, the limit for a cell; pass --max-cell <n> to read it\n");
  });

  it("refuses more rows than --max-rows, in data, ratings and JSON", async () => {
    expect((await cli("run", "plan.json", "--data", "data.csv", "--max-rows", "2")).err).toBe("data.csv:4: more than 2 rows, the limit for each input; pass --max-rows <n> to read them all\n");
    dir.write("ratings.csv", "person,rater,group,score\nC01,m1,manager,4\nC01,m2,manager,5\n");
    const plan = { ...commissionPlan, review360: { weights: { manager: 1 }, scale: { min: 1, max: 5 } }, score: { kpi: "0.7", review360: "0.3" } };
    dir.write("plan360.json", JSON.stringify(plan));
    const ratings = await cli("run", "plan360.json", "--data", "data.csv", "--ratings", "ratings.csv", "--max-rows", "1");
    expect(ratings.err).toMatch(/^(ratings\.csv:3: more than 1 rows|data\.csv:3: more than 1 rows)/);
    dir.write("data.json", JSON.stringify([{ id: "C01", sales: 1 }, { id: "C02", sales: 2 }]));
    expect((await cli("run", "plan.json", "--data", "data.json", "--max-rows", "1")).err).toBe("data.json: the array: more than 1 rows, the limit for each input; pass --max-rows <n> to read them all\n");
  });

  it("refuses ratings past --max-rows as the run reads them", () => {
    const bytes = Buffer.from("person,rater,group,score\nC01,m1,manager,4\nC01,m2,manager,5\n");
    expect(() => [...RatingsFile.fromBytes("ratings.csv", bytes, undefined, { ...DEFAULT_LIMITS, maxRows: 1 })]).toThrow("ratings.csv:3: more than 1 rows, the limit for each input; pass --max-rows <n> to read them all");
  });

  it("refuses a JSON file too large for JSON.parse cleanly, before reading it", async () => {
    // A sparse file: its size is past Node's longest string, and no byte of it is on the disk.
    const path = join(dir.path, "huge.json");
    const handle = await open(path, "w");
    await handle.truncate(JSON_MAX_BYTES + 1);
    await handle.close();
    expect(await cli("validate", "huge.json")).toEqual({
      code: 2,
      out: "",
      err: "huge.json: the file is larger than 512 MiB, the most a JSON file can hold (JSON.parse reads it as one string, and Node's longest string is 512 MiB); give data this large as CSV, or split it\n",
    });
    await expect(readJsonFile("huge.json", dir.path)).rejects.toMatchObject({ code: "LIMIT_EXCEEDED", exitCode: 2 });
  });
});

describe("payscore reading FIFOs", () => {
  it.skipIf(process.platform === "win32")("reads data and ratings from FIFOs", async () => {
    const make = (name: string): string => {
      const path = join(dir.path, name);
      expect(spawnSync("mkfifo", [path]).status).toBe(0);
      return path;
    };
    const data = make("data.fifo");
    const ratings = make("ratings.fifo");
    const plan = { ...commissionPlan, review360: { weights: { manager: 1 }, scale: { min: 1, max: 5 } }, score: { kpi: "0.7", review360: "0.3" } };
    dir.write("plan360.json", JSON.stringify(plan));
    const feed = async (path: string, text: string): Promise<void> => {
      const handle = await open(path, "w");
      await handle.write(text);
      await handle.close();
    };
    expect((await cli("validate", "plan360.json")).code).toBe(0);
    const running = cli("run", "plan360.json", "--data", "data.fifo", "--ratings", "ratings.fifo", "--format", "csv");
    await feed(data, goodCsv);
    await feed(ratings, "person,rater,group,score\nC01,m1,manager,4\nC02,m1,manager,3\nC03,m1,manager,5\n");
    const { code, out, err } = await running;
    expect([code, err]).toEqual([0, ""]);
    expect(out.trimEnd().split("\n")).toHaveLength(4);
  });
});

describe("error excerpts", () => {
  it("quotes no line of a file that is not a data CSV (no id column): a system file, a binary", async () => {
    dir.write("passwd", "root:x:0:0:root:/root:/bin/bash\nbob:x:1000:1000:Bob,,,:/home/bob:/bin/bash\n");
    const { code, err } = await cli("run", "plan.json", "--data", "passwd");
    expect(code).toBe(2);
    expect(err).toBe('passwd:1: no "id" column in the header (the first line has 1 column); a data file is a CSV with an "id" column and one row per person\n');
    expect(err).not.toContain("root");
    dir.write("hosts.json", "127.0.0.1 localhost secret-host\n");
    const json = await cli("run", "hosts.json");
    expect(json.err).toBe("hosts.json: not valid JSON: the file does not start with { or [ (is it the right file?)\n");
  });

  it("still quotes a file that parsed as the CSV expected (an id column)", async () => {
    dir.write("typo.csv", "id,name,revenue\nC01,Li,5\n");
    expect((await cli("run", "plan.json", "--data", "typo.csv")).err).toBe(
      'typo.csv:1: no column "sales" in the header (the plan reads it at kpis[0].actual); the header has: id, name, revenue\n',
    );
    dir.write("extra.csv", "id,sales\nC01,1,200\n");
    expect((await cli("run", "plan.json", "--data", "extra.csv")).err).toContain('(extra: "200";');
  });
});

describe("payscore --json", () => {
  it("prints a data error as one JSON object with its code, file, line, column and path", async () => {
    dir.write("bad.csv", "id,sales\nC01,12%\n");
    const { code, err } = await cli("run", "plan.json", "--data", "bad.csv", "--json");
    expect(code).toBe(2);
    expect(err.endsWith("\n") && err.trimEnd().split("\n").length === 1).toBe(true);
    expect(JSON.parse(err)).toMatchObject({ code: "INVALID_INPUT", file: "bad.csv", line: 2, column: 2, path: [], exitCode: 2 });
  });

  it("gives a plan's problems with the PayscoreError code and the path of the first", async () => {
    dir.write("broken.json", JSON.stringify({ ...commissionPlan, currency: "XXXX", kpis: [{ id: "sales", weight: 2, actual: "sales", target: "1" }] }));
    const { code, err } = await cli("--json", "validate", "broken.json");
    expect(code).toBe(2);
    const parsed = JSON.parse(err) as { code: string; file: string; path: unknown[]; problems?: unknown[] };
    expect(parsed.code).toBe("INVALID_PLAN");
    expect(parsed.file).toBe("broken.json");
    expect(parsed.path.length).toBeGreaterThan(0);
    expect(parsed.problems?.length).toBeGreaterThan(1);
  });

  it("prints a bug as INTERNAL_ERROR with exit 1", async () => {
    const stdout = new Writable({
      write() {
        throw new TypeError("boom");
      },
    });
    const io = { ...captureIo(dir.path), stdout };
    const err: string[] = [];
    io.stderr.on("data", (chunk: Buffer) => err.push(chunk.toString()));
    expect(await runCli(["--version", "--json"], io)).toBe(1);
    expect(JSON.parse(err.join(""))).toMatchObject({ code: "INTERNAL_ERROR", file: null, exitCode: 1 });
  });

  it("reads each line of an error back into its file, line, column and message", () => {
    expect(errorJson("INVALID_DATA", ["rows", 0, "sales"], ["data.csv:5:3: sales: not a number", "plan.json: kpis[0].weight: too big", "payscore run: --out is a folder"], 2)).toEqual({
      code: "INVALID_DATA",
      message: "sales: not a number",
      path: ["rows", 0, "sales"],
      file: "data.csv",
      line: 5,
      column: 3,
      exitCode: 2,
      problems: [
        { message: "sales: not a number", file: "data.csv", line: 5, column: 3 },
        { message: "kpis[0].weight: too big", file: "plan.json", line: null, column: null },
        { message: "--out is a folder", file: null, line: null, column: null },
      ],
    });
  });
});
