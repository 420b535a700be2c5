import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readListFile } from "../../src/cli/readListFile.js";
import { runCli } from "../../src/cli/runCli.js";
import type { PayoutRun } from "../../src/index.js";
import { captureIo, tempDir, type TempDir } from "./helpers.js";

// Issue 21 point 6: the list inputs (deals, responses) through the command line, with the
// list-indicators example.

const root = fileURLToPath(new URL("../../", import.meta.url));
const example = (name: string): string => join(root, "examples", "list-indicators", name);

let dir: TempDir;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  dir.remove();
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(dir.path);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe("the list-indicators example through the command line", () => {
  it("runs with no flags (the plan names data.csv, deals.csv and responses.csv) with the worked numbers", async () => {
    const { code, out, err } = await cli("run", example("plan.json"));
    expect([code, err]).toEqual([0, ""]);
    const run = JSON.parse(out) as PayoutRun;
    const actuals = Object.fromEntries(run.statements.map((s) => [s.person.id, s.kpis.map((line) => line.actual)]));
    // p01: 50 000 + 10 000 + 3 000 + 20 000 = 83 000; 2 of 3 deals past quote won; 2 of 4 ratings ≥ 4.
    expect(actuals).toEqual({ p01: ["83000", "0.6667", "0.5"], p02: ["2500", null, "1"], p03: ["0", null, null] });
    const p01 = run.statements[0];
    expect(p01?.trace.find((step) => step.step === "kpi.pipeline.actual")?.inputs).toEqual({ from: "deals", events: "4", total: "200000", weighted: "83000" });
  });

  it("hashes the deals and responses into the audit record; validate and explain read them from the plan's inputs", async () => {
    const run = JSON.parse((await cli("run", example("plan.json"), "--no-trace")).out) as PayoutRun & { inputs?: Record<string, { file: string; sha256: string }> };
    const header = run as unknown as { inputs: Record<string, { file: string; sha256: string }> };
    expect(Object.keys(header.inputs).sort()).toEqual(["data", "deals", "plan", "responses"]);
    expect(header.inputs["deals"]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const validate = await cli("validate", example("plan.json"));
    expect([validate.code, validate.err]).toEqual([0, ""]);
    expect(validate.out).toContain("3 statements computed");
    const explained = await cli("explain", example("plan.json"), "--person", "p01", "--locale", "en");
    expect([explained.code, explained.err]).toEqual([0, ""]);
    expect(explained.out).toContain("pipeline value");
  });

  it("gives the same run with --deals and --responses as with the plan's inputs", async () => {
    const bare = await cli("run", example("plan.json"), "--no-trace");
    const flagged = await cli("run", example("plan.json"), "--no-trace", "--deals", example("deals.csv"), "--responses", example("responses.csv"));
    expect(flagged.code).toBe(0);
    expect(flagged.out).toBe(bare.out);
  });

  it("names the file, line and column of a bad cell", async () => {
    const deals = dir.write("deals.csv", "person,amount,probability,stage\np01,100000,0.5,quote\np01,12.000,60%,won\n");
    const { code, err } = await cli("run", example("plan.json"), "--deals", deals);
    expect(code).not.toBe(0);
    expect(err).toContain("deals.csv:3:3: probability: expected a plain number");
    const responses = dir.write("responses.csv", "person,score\np01,5\np07,4\n");
    const second = await cli("run", example("plan.json"), "--responses", responses);
    expect(second.err).toContain('responses.csv:3:1: person: "p07" is not on the roster');
  });

  it("refuses a file without its columns, naming what it needs", async () => {
    const responses = dir.write("responses.csv", "person,rating\np01,5\n");
    const { code, err } = await cli("run", example("plan.json"), "--responses", responses);
    expect(code).not.toBe(0);
    expect(err).toContain('responses.csv:1: no column "score" in the header; a responses file has person, score; the header has: person, rating');
  });
});

describe("readListFile", () => {
  it("keeps the list's columns as the CSV gives them, and reads JSON", async () => {
    const read = await readListFile("deals", example("deals.csv"), root);
    expect(read.rows[0]).toEqual({ person: "p01", amount: "100000", probability: "0.5", stage: "quote" });
    const json = dir.write("responses.json", JSON.stringify([{ person: "p01", score: 5 }]));
    expect((await readListFile("responses", json, dir.path)).rows).toEqual([{ person: "p01", score: 5 }]);
    const bad = dir.write("bad.json", JSON.stringify([{ score: 5 }]));
    await expect(readListFile("responses", bad, dir.path)).rejects.toThrow(/bad\.json: \[0\]\.person|bad\.json: 0\.person|person/);
  });
});
