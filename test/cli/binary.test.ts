import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtCli, root, type BuiltCli } from "./builtCli.js";
import { commissionPlanText, goodCsv } from "./fixtures.js";
import { tempDir, type TempDir } from "./helpers.js";

// A handful of real spawns of the built executable (see builtCli).
let cliBuild: BuiltCli;
let bin: string;
let dir: TempDir;

beforeAll(async () => {
  dir = tempDir();
  cliBuild = await builtCli();
  bin = cliBuild.bin;
}, 120_000);

afterAll(() => {
  dir.remove();
  cliBuild.remove();
});

function payscore(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir.path, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the payscore executable", () => {
  it("prints its version", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    expect(payscore("--version")).toEqual({ status: 0, stdout: `payscore ${pkg.version}\n`, stderr: "" });
  });

  it("validates a good plan with exit 0 and a broken one with exit 2 and no stack trace", () => {
    dir.write("plan.json", commissionPlanText);
    expect(payscore("validate", "plan.json")).toMatchObject({ status: 0, stdout: "plan.json: valid (version 1, 1 KPI)\n" });
    dir.write("broken.json", commissionPlanText.replace('"currency": "CNY"', '"currency": "CNY",'));
    const broken = payscore("validate", "broken.json");
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^broken\.json:4:21: not valid JSON: unexpected ",": expected a property name in double quotes$/m);
    expect(broken.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("exits with 2, one line and no output file for a CSV with duplicate ids", () => {
    dir.write("plan.json", commissionPlanText);
    dir.write("dup.csv", "id,sales\r\nC01,1\r\nC01,2\r\n");
    const result = payscore("run", "plan.json", "--data", "dup.csv", "--out", "run.csv");
    expect(result).toEqual({ status: 2, stdout: "", stderr: 'dup.csv:3:1: duplicate id "C01" (already on line 2)\n' });
    expect(existsSync(join(dir.path, "run.csv"))).toBe(false);
    expect(readdirSync(dir.path).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("prints the plan's JSON Schema", () => {
    const result = payscore("schema");
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as { required: string[] }).required).toContain("kpis");
  });

  it("runs a plan on a CSV with a byte-order mark and CRLF, writing the CSV atomically", () => {
    dir.write("plan.json", commissionPlanText);
    dir.write("data.csv", `\uFEFF${goodCsv.replace(/\n/g, "\r\n")}`);
    const result = payscore("run", "plan.json", "--data", "data.csv", "--out", "payouts.csv");
    expect(result).toEqual({ status: 0, stdout: "", stderr: "" });
    const lines = readFileSync(join(dir.path, "payouts.csv"), "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]?.startsWith("id,name,")).toBe(true);
    // C01: 200,000 · 3 % + 212,000 · 5 % = 6,000 + 10,600.
    expect(lines[1]).toMatch(/^C01,Zhao Lei,.*,16600\.00,/);
  });
});
