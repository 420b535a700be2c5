import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { Decimal, type PayoutRun } from "../../src/index.js";
import { cliSandbox, exampleFile } from "./helpers.js";

// Issue 21: the sales-org example — territory difficulty from a column, 360 calibration and
// training needs, forced distribution per team, team scores and a two-level team pool; monthly
// targets and results (scored sub-periods: revenue and visits by a 3:3:4 profile); team leads
// scored by their own scorecard (the account managers by kpis) and a pool split per role.

const org = exampleFile("sales-org");

const { dir, cli } = cliSandbox();

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
    // The account managers' revenue (the team leads R01 and R07 have their own scorecard): East's
    // 6,820,000 to Shanghai by its account managers' territoryWeight 1 of 5 = 1,364,000, all R02's.
    const r02 = run.statements[1];
    const target = r02?.trace.find((t) => t.step === "kpi.revenue.target");
    expect(target?.inputs).toMatchObject({ team: "East", teamTarget: "6820000", region: "Shanghai", regionTarget: "1364000", weight: "1", totalWeight: "1" });
    expect(r02?.kpis[0]?.target).toBe("1364000");
    const byTeam = (team: string): string =>
      run.statements
        .filter((s) => s.person.team === team && s.scorecard === "default")
        .reduce((sum, s) => sum.plus(s.trace.find((t) => t.step === "kpi.revenue.target")?.inputs["target"] ?? s.kpis[0]?.target ?? "0"), new Decimal(0))
        .toFixed(2);
    expect([byTeam("East"), byTeam("West")]).toEqual(["6820000.00", "5490000.00"]); // before R05's and R11's proration
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

  it("splits revenue and visits over the months by the 3:3:4 profile and scores each month", async () => {
    const run = JSON.parse((await cli("run", org("plan.json"))).out) as PayoutRun;
    const r02 = run.statements[1];
    // R02's revenue target 1364000 (Shanghai's share, see above) × 3/10, 3/10, 4/10 → 409200, 409200, 545600;
    // visits 60 → 18, 18, 24. January: 326000 / 409200 = 0.7967; visits 19 / 18 = 1.0556.
    expect(r02?.subPeriods?.map((m) => m.label)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(r02?.subPeriods?.map((m) => m.kpis[0]?.target)).toEqual(["409200", "409200", "545600"]);
    expect(r02?.subPeriods?.map((m) => m.kpis[1]?.target)).toEqual(["18", "18", "24"]);
    expect(r02?.subPeriods?.[0]?.kpis.map((k) => k.attainment)).toEqual(["0.7967", "1.0556"]);
    // R05 joined on 1 February: January weighs 0 and is not scored; 40 visits → 3:4 → 17.14, 22.86.
    const r05 = run.statements[4];
    expect(r05?.subPeriods?.[0]?.score).toBeNull();
    expect(r05?.subPeriods?.map((m) => m.kpis[1]?.target)).toEqual(["0", "17.14", "22.86"]);
    expect(r05?.kpis[0]?.target).toBe("894177.78");
    expect(r05?.subPeriods?.map((m) => m.kpis[0]?.target)).toEqual(["0", "383219.05", "510958.73"]);
    const csv = (await cli("run", org("plan.json"), "--format", "csv")).out;
    expect(csv.split("\n")[0]).toContain("visits.points,revenue@2026-01.actual,revenue@2026-01.target,revenue@2026-01.attainment,revenue@2026-01.points,visits@2026-01.actual");
    expect(csv.split("\n")[0]).toContain("visits@2026-03.points,score@2026-03,kpiScore");
    const en = (await cli("explain", org("plan.json"), "--person", "R05", "--locale", "en")).out;
    expect(en).toContain("Sub-periods\n  2026-01 (2026-01-01 to 2026-01-31): not scored\n");
    expect(en).toContain("  2026-02 (2026-02-01 to 2026-02-28): score 67.6\n    Revenue 销售额 (revenue): actual 304,000, target 383,219.05, attainment 79.33%, points 58.24\n");
  });

  it("writes the competency and training-needs columns to CSV", async () => {
    const { code, out } = await cli("run", org("plan.json"), "--format", "csv");
    expect(code).toBe(0);
    const header = out.split("\n")[0] as string;
    expect(header).toContain("review360,review360.customer-focus,review360.teamwork,trainingNeeds,score");
    expect(header).toContain("pool:team-bonus");
  });

  it("writes the same competency and training-needs columns to a workbook", async () => {
    expect((await cli("run", org("plan.json"), "--out", "payouts.xlsx")).code).toBe(0);
    const csv = (await cli("run", org("plan.json"), "--format", "csv")).out.split("\n");
    const header = (csv[0] as string).split(",");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(dir.path, "payouts.xlsx")) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Statements") as ExcelJS.Worksheet;
    const names = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(names).toEqual(expect.arrayContaining(["review360.customer-focus", "review360.teamwork", "trainingNeeds"]));
    for (const column of ["review360.customer-focus", "review360.teamwork", "trainingNeeds"]) {
      const c = names.indexOf(column) + 1;
      const fromCsv = (csv[1] as string).split(",")[header.indexOf(column)] as string;
      const cell = sheet.getRow(2).getCell(c).value;
      // Points are numbers in the workbook; the training needs the CSV's text.
      expect(column === "trainingNeeds" ? (cell ?? "") : String(cell)).toBe(fromCsv);
    }
  });

  it("explains a statement in Chinese with its training needs", async () => {
    const { code, out } = await cli("explain", org("plan.json"), "--person", "R04", "--locale", "zh-CN");
    expect(code).toBe(0);
    expect(out).toContain("分项能力得分");
    expect(out).toContain("培训需求");
    expect(out).toContain("难度系数");
    expect(out).toContain("分期结果\n  2026-01（2026-01-01 至 2026-01-31）：得分 ");
  });
});
