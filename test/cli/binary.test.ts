import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commissionPlanText, goodCsv } from "./fixtures.js";
import { tempDir, type TempDir } from "./helpers.js";

// A handful of real spawns of the built executable. dist/cli.js is used when it is newer than
// every file in src/; otherwise the same entry is built with tsup into a temp folder under
// node_modules/.cache (so a test run never wipes the shared dist/ while someone else uses it,
// and the bundle resolves csv-parse, zod… from the project as dist/cli.js does).
const root = fileURLToPath(new URL("../../", import.meta.url));
let bin = join(root, "dist", "cli.js");
let buildDir: string | null = null;
let dir: TempDir;

function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

beforeAll(async () => {
  dir = tempDir();
  if (existsSync(bin) && statSync(bin).mtimeMs > newestSource(join(root, "src"))) return;
  const cache = join(root, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  buildDir = mkdtempSync(join(cache, "payscore-cli-build-"));
  const { build } = await import("tsup");
  await build({
    config: false,
    entry: { cli: join(root, "src/cli/main.ts") },
    format: ["esm"],
    outDir: buildDir,
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
    silent: true,
  });
  bin = join(buildDir, "cli.js");
}, 120_000);

afterAll(() => {
  dir.remove();
  if (buildDir !== null) rmSync(buildDir, { recursive: true, force: true });
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
