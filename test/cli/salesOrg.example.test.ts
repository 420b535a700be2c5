import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import type { PayoutRun } from "../../src/index.js";
import { captureIo, tempDir, type TempDir } from "./helpers.js";

// Issue 21: the sales-org example — territory difficulty from a column, 360 calibration and
// training needs, forced distribution per team, team scores and a two-level team pool; team
// leads scored by their own scorecard (the account managers by kpis) and a pool split per role.

const root = fileURLToPath(new URL("../../", import.meta.url));
const org = (name: string): string => join(root, "examples", "sales-org", name);

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

describe("the sales-org example through the command line", () => {
  it("validates and runs with no flags", async () => {
    expect((await cli("validate", org("plan.json"))).code).toBe(0);
    const { code, out, err } = await cli("run", org("plan.json"));
    expect(err).toBe("");
    expect(code).toBe(0);
    const run = JSON.parse(out) as PayoutRun;
    expect(run.statements).toHaveLength(12);
    expect(run.teams?.map((t) => t.team)).toEqual(["East", "West"]);
    expect(run.pools[1]?.teams?.map((t) => t.team)).toEqual(["East", "West"]);
    const first = run.statements[0];
    expect(first?.kpis[0]?.difficulty).toBe("0.95"); // R01 sells in Shanghai
    expect(first?.review360?.competencies?.map((c) => c.competency)).toEqual(["customer-focus", "teamwork"]);
    expect(Array.isArray(first?.review360?.trainingNeeds)).toBe(true);
    expect(first?.trace.map((t) => t.step)).toContain("review360.calibration");
    // Role scorecards: the team leads by theirs, the account managers by kpis (scorecardFallback).
    expect(run.statements.map((s) => s.scorecard)).toEqual(["Team lead", ...Array<string>(5).fill("default"), "Team lead", ...Array<string>(5).fill("default")]);
    expect(first?.kpis.map((k) => k.id)).toEqual(["revenue", "collection", "margin"]);
    // The regional pool per role, by headcount: 10 of 12 and 2 of 12 of the funded amount, to the fen.
    const regional = run.pools[0];
    expect(regional?.groups?.map((g) => [g.group, g.people])).toEqual([
      ["Account manager", 10],
      ["Team lead", 2],
    ]);
    const parts = regional?.groups?.reduce((sum, g) => sum + Math.round(Number(g.amount) * 100), 0);
    expect(parts).toBe(Math.round(Number(regional?.funded) * 100));
  });

  it("writes the competency and training-needs columns to CSV", async () => {
    const { code, out } = await cli("run", org("plan.json"), "--format", "csv");
    expect(code).toBe(0);
    const header = out.split("\n")[0] as string;
    expect(header).toContain("review360,review360.customer-focus,review360.teamwork,trainingNeeds,score");
    expect(header).toContain("pool:team-bonus");
  });

  it("explains a statement in Chinese with its training needs", async () => {
    const { code, out } = await cli("explain", org("plan.json"), "--person", "R04", "--locale", "zh-CN");
    expect(code).toBe(0);
    expect(out).toContain("分项能力得分");
    expect(out).toContain("培训需求");
    expect(out).toContain("难度系数");
  });
});
