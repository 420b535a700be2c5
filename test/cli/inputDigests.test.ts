import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inputDigests } from "../../src/cli/inputDigests.js";
import { commissionPlanText, goodCsv } from "./fixtures.js";
import { cliSandbox } from "./helpers.js";

// Issue 18, point 6: payscore run records the SHA-256 of the plan file and of every input file,
// and the time of the run only with --stamp.

const { dir, cli } = cliSandbox();

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

describe("payscore run, the audit record", () => {
  it("records the SHA-256 of the plan file's bytes and of the data file's bytes", async () => {
    dir.write("plan.json", commissionPlanText);
    dir.write("data.csv", goodCsv);
    const { code, out } = await cli("run", "plan.json", "--data", "data.csv");
    expect(code).toBe(0);
    const run = JSON.parse(out) as { inputs: unknown; runAt?: string; planHash: string; version: string };
    expect(run.inputs).toEqual({ plan: { file: "plan.json", sha256: sha256(commissionPlanText) }, data: { file: "data.csv", sha256: sha256(goodCsv) } });
    expect(run.runAt).toBeUndefined();
    expect(run.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("gives byte-identical output when run twice on the same files", async () => {
    dir.write("plan.json", commissionPlanText);
    dir.write("data.csv", goodCsv);
    const first = await cli("run", "plan.json", "--data", "data.csv");
    const second = await cli("run", "plan.json", "--data", "data.csv");
    expect(second.out).toBe(first.out);
  });

  it("adds runAt, the time of the run, with --stamp", async () => {
    dir.write("plan.json", commissionPlanText);
    dir.write("data.csv", goodCsv);
    const before = Date.now();
    const { code, out } = await cli("run", "plan.json", "--data", "data.csv", "--stamp");
    expect(code).toBe(0);
    const run = JSON.parse(out) as { runAt: string };
    expect(run.runAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(run.runAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(out.indexOf('"runAt"')).toBeLessThan(out.indexOf('"statements"'));
  });

  it("hashes a data file a change of one byte tells apart", async () => {
    dir.write("plan.json", commissionPlanText);
    dir.write("data.csv", goodCsv);
    const a = (await inputDigests({ plan: "plan.json", data: "data.csv" }, dir.path)).data?.sha256;
    dir.write("data.csv", goodCsv.replace("412000", "412001"));
    const b = (await inputDigests({ plan: "plan.json", data: "data.csv" }, dir.path)).data?.sha256;
    expect(a).toBe(sha256(goodCsv));
    expect(b).not.toBe(a);
  });

  it("hashes the ratings and history files when given, and names a file it cannot read", async () => {
    dir.write("plan.json", commissionPlanText);
    dir.write("data.csv", goodCsv);
    dir.write("ratings.csv", "person,rater,group,score\n");
    dir.write("history.csv", "id,2025-Q4\n");
    const digests = await inputDigests({ plan: "plan.json", data: "data.csv", ratings: "ratings.csv", history: "history.csv" }, dir.path);
    expect(Object.keys(digests)).toEqual(["plan", "data", "ratings", "history"]);
    expect(digests.history).toEqual({ file: "history.csv", sha256: sha256("id,2025-Q4\n") });
    await expect(inputDigests({ plan: "plan.json", data: "gone.csv" }, dir.path)).rejects.toThrow(/gone\.csv/);
  });

  it("leaves out an input that cannot be read twice: standard input (-) and a FIFO", async () => {
    dir.write("plan.json", commissionPlanText);
    expect(await inputDigests({ plan: "plan.json", data: "-" }, dir.path)).toEqual({ plan: { file: "plan.json", sha256: sha256(commissionPlanText) } });
    if (process.platform !== "win32") {
      execFileSync("mkfifo", [join(dir.path, "data.fifo")]);
      expect(Object.keys(await inputDigests({ plan: "plan.json", data: "data.fifo" }, dir.path))).toEqual(["plan"]);
    }
  });

  it("documents --stamp in run --help", async () => {
    const { out } = await cli("run", "--help");
    expect(out).toContain("--stamp            record the time of the run in the JSON header");
  });
});
