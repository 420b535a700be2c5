import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { groupPayColumns, neutraliseFormula, zeroAmount } from "../../src/cli/spreadsheetText.js";
import type { WriteText } from "../../src/cli/writeAtomically.js";
import { writeRunCsv } from "../../src/cli/writeRunCsv.js";
import { currencyNumberFormat, writeRunXlsx } from "../../src/cli/writeRunXlsx.js";
import type { PayoutRun, Statement } from "../../src/index.js";
import { runOf } from "./fixtures.js";
import { cliSandbox } from "./helpers.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const regional = (name: string): string => join(root, "examples", "regional-team", name);
const regionalArgs = ["--data", regional("data.csv"), "--ratings", regional("ratings.csv"), "--history", regional("history.csv")];

const { dir, cli } = cliSandbox();

async function bytesOf(produce: (write: WriteText) => Promise<void>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await produce(async (chunk) => {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk));
  });
  return Buffer.concat(chunks);
}

/** A run of two people whose text fields start formulas, with a negative amount and a pay line only one of them has. */
function hostileRun(): PayoutRun {
  const base = { region: null, role: null, activeFrom: "2026-01-01", activeTo: "2026-03-31", basePay: "1000" };
  const statement = (id: string, name: string, team: string, pay: Statement["pay"], total: string): Statement => ({
    person: { id, name, team, ...base },
    indicators: [],
    kpis: [{ id: "=k", name: null, category: null, actual: "-5", target: "10", attainment: "0", points: "0", weight: "1", difficulty: "1", contribution: "0" }],
    kpiScore: "0",
    review360: null,
    score: "0",
    rank: 1,
    grade: { initial: "-B", final: "@A" },
    pay,
    totalPayout: total,
    promotion: null,
    trace: [],
  } as unknown as Statement);
  const statements = [
    statement("p1", '=HYPERLINK("http://evil.example","click")', "+cmd", [{ component: "award", id: "fine", amount: "-12.00" }], "-12.00"),
    statement("p2", "\tTab", "\rCR", [{ component: "pool", id: "=pool", amount: "5.50" }], "5.50"),
  ];
  return runOf(statements, {
    totals: { people: 2, fixed: "0.00", targetIncentive: "0.00", commission: "0.00", pool: "5.50", award: "-12.00", payout: "-6.50" },
    pools: [{ id: "=pool", team: "-West", budget: "5.50", fundingRatio: "1", funded: "5.50", allocated: "5.50", unallocated: "0.00", allocations: [{ person: "p2", amount: "5.50", capped: false }] }],
  });
}

describe("spreadsheet cells", () => {
  it("neutralises the @example formulas and leaves other text alone", () => {
    expect(neutraliseFormula('=HYPERLINK("http://x","y")')).toBe('\'=HYPERLINK("http://x","y")');
    expect(neutraliseFormula("+cmd")).toBe("'+cmd");
    for (const start of ["-", "@", "\t", "\r"]) expect(neutraliseFormula(`${start}x`)).toBe(`'${start}x`);
    expect(neutraliseFormula("Wang Fang")).toBe("Wang Fang");
    expect(neutraliseFormula("")).toBe("");
  });

  it("groups pay columns by kind and writes zero at the minor units", () => {
    expect(groupPayColumns(["fixed", "pool:a", "award:x", "pool:b"])).toEqual(["fixed", "pool:a", "pool:b", "award:x"]);
    expect(groupPayColumns(["award:x", "commission", "other", "targetIncentive", "fixed"])).toEqual(["fixed", "targetIncentive", "commission", "award:x", "other"]);
    expect([zeroAmount(2), zeroAmount(0), zeroAmount(3)]).toEqual(["0.00", "0", "0.000"]);
  });

  it("writes the @example currency formats", () => {
    expect(currencyNumberFormat("CNY", 2)).toBe('"¥"#,##0.00;-"¥"#,##0.00');
    expect(currencyNumberFormat("JPY", 0)).toBe('"¥"#,##0;-"¥"#,##0');
    expect(currencyNumberFormat("XYZ", 2)).toBe('"XYZ"#,##0.00;-"XYZ"#,##0.00');
  });
});

describe("CSV output", () => {
  it("neutralises formula text in CSV but never a number, and writes a missing amount as 0.00", async () => {
    const text = (await bytesOf((write) => writeRunCsv(hostileRun(), write))).toString("utf8");
    const [header, p1, p2] = parse(text, { relax_quotes: true }) as string[][];
    expect(header).toEqual([
      "id", "name", "team", "region", "role", "activeFrom", "activeTo", "basePay", "'=k.actual", "'=k.target", "'=k.attainment", "'=k.points",
      "kpiScore", "review360", "score", "rank", "initialGrade", "grade", "pool:=pool", "award:fine", "totalPayout", "promotionEligible",
    ]);
    expect(p1?.slice(0, 3)).toEqual(["p1", '\'=HYPERLINK("http://evil.example","click")', "'+cmd"]);
    expect(p1?.slice(16, 18)).toEqual(["'-B", "'@A"]);
    // numbers stay numbers: a negative actual and a negative amount are not quoted or prefixed
    expect(p1?.[8]).toBe("-5");
    expect(p1?.slice(18, 21)).toEqual(["0.00", "-12.00", "-12.00"]);
    expect(p2?.slice(1, 3)).toEqual(["'\tTab", "'\rCR"]);
    expect(p2?.slice(18, 20)).toEqual(["5.50", "0.00"]);
  });

  it("starts with a byte-order mark with --bom, and groups the pools before the awards", async () => {
    const { code } = await cli("run", regional("plan.json"), ...regionalArgs, "--out", "payouts.csv", "--bom");
    expect(code).toBe(0);
    const bytes = readFileSync(join(dir.path, "payouts.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const header = bytes.subarray(3).toString("utf8").split("\n")[0]?.split(",") ?? [];
    expect(header.slice(header.indexOf("fixed"), header.indexOf("totalPayout"))).toEqual(["fixed", "targetIncentive", "commission", "pool:regional-bonus", "pool:west-team", "award:new-logo"]);
    const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    // R01 is in the East team: no west-team share and no award, written 0.00
    expect(rows[0]).toMatchObject({ id: "R01", "pool:west-team": "0.00", "award:new-logo": "0.00" });
    const plain = await cli("run", regional("plan.json"), ...regionalArgs, "--format", "csv");
    expect(plain.out.startsWith("id,")).toBe(true);
    const refused = await cli("run", regional("plan.json"), ...regionalArgs, "--bom");
    expect([refused.code, refused.err]).toEqual([64, "payscore run: --bom is for CSV output (--format csv), not json\n"]);
  });
});

/** The Statements sheet against the CSV, cell by cell: text as text, numbers as numbers (money and attainment in their formats). */
function expectSheetMatchesCsv(sheet: ExcelJS.Worksheet, csv: string[][], money: readonly string[]): void {
  expect(sheet.rowCount).toBe(csv.length);
  const header = csv[0] as string[];
  const textColumns = new Set(["id", "name", "team", "region", "role", "scorecard", "activeFrom", "activeTo", "trainingNeeds", "initialGrade", "grade"]);
  const moneyColumns = new Set(money);
  csv.forEach((record, r) => {
    const row = sheet.getRow(r + 1);
    expect(row.cellCount).toBeLessThanOrEqual(record.length);
    record.forEach((text, c) => {
      const cell = row.getCell(c + 1);
      const name = header[c] as string;
      if (r === 0 || textColumns.has(name)) expect(cell.value ?? "").toBe(text);
      else if (name === "promotionEligible") expect(cell.value ?? "").toBe(text === "" ? "" : text === "true");
      else if (text === "") expect(cell.value).toBeNull();
      else {
        expect(typeof cell.value).toBe("number");
        expect(cell.value).toBe(Number(text));
      }
      if (r > 0 && moneyColumns.has(name)) expect(cell.numFmt).toBe('"¥"#,##0.00;-"¥"#,##0.00');
      if (r > 0 && name.endsWith(".attainment")) expect(cell.numFmt).toBe("0.00%");
    });
  });
}

describe("xlsx output", () => {
  it("has the CSV's scorecard and sub-period columns, cell by cell (the sales-org example)", async () => {
    const org = (name: string): string => join(root, "examples", "sales-org", name);
    expect((await cli("run", org("plan.json"), "--out", "org.xlsx")).code).toBe(0);
    expect((await cli("run", org("plan.json"), "--out", "org.csv")).code).toBe(0);
    const csv = parse(readFileSync(join(dir.path, "org.csv")), { bom: true }) as string[][];
    const header = csv[0] as string[];
    // The scorecard after the role; the months after the period's KPIs, before kpiScore.
    expect(header.slice(0, 7)).toEqual(["id", "name", "team", "region", "role", "scorecard", "activeFrom"]);
    expect(header.slice(header.indexOf("revenue@2026-01.actual"), header.indexOf("kpiScore"))).toEqual(
      ["2026-01", "2026-02", "2026-03"].flatMap((month) => [
        ...["revenue", "visits"].flatMap((kpi) => [`${kpi}@${month}.actual`, `${kpi}@${month}.target`, `${kpi}@${month}.attainment`, `${kpi}@${month}.points`]),
        `score@${month}`,
      ]),
    );
    // R01 (a team lead) by the "Team lead" scorecard, R02 by the plan's kpis.
    expect(csv.slice(1, 3).map((record) => record[5])).toEqual(["Team lead", "default"]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(dir.path, "org.xlsx")) as unknown as ArrayBuffer);
    expectSheetMatchesCsv(workbook.getWorksheet("Statements") as ExcelJS.Worksheet, csv, ["basePay", "fixed", "targetIncentive", "commission", "totalPayout"]);
  });

  it("writes a workbook whose Statements sheet matches the CSV cell by cell, numbers as numbers with the currency's format", async () => {
    expect((await cli("run", regional("plan.json"), ...regionalArgs, "--out", "payouts.xlsx")).code).toBe(0);
    expect((await cli("run", regional("plan.json"), ...regionalArgs, "--out", "payouts.csv")).code).toBe(0);
    expect((await cli("run", regional("plan.json"), ...regionalArgs, "--out", "run.json")).code).toBe(0);
    const csv = parse(readFileSync(join(dir.path, "payouts.csv")), { bom: true }) as string[][];
    const run = JSON.parse(readFileSync(join(dir.path, "run.json"), "utf8")) as PayoutRun;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(dir.path, "payouts.xlsx")) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Statements", "Pools"]);
    const sheet = workbook.getWorksheet("Statements") as ExcelJS.Worksheet;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.rowCount).toBe(csv.length);
    expectSheetMatchesCsv(sheet, csv, ["basePay", "fixed", "targetIncentive", "commission", "pool:regional-bonus", "pool:west-team", "award:new-logo", "totalPayout"]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const pools = workbook.getWorksheet("Pools") as ExcelJS.Worksheet;
    expect(pools.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect((pools.getRow(1).values as unknown[]).slice(1)).toEqual(["id", "team", "budget", "fundingRatio", "funded", "allocated", "unallocated", "people", "capped"]);
    run.pools.forEach((pool, i) => {
      const values = (pools.getRow(i + 2).values as unknown[]).slice(1);
      // an empty cell (a pool for everyone has no team) reads back as a hole
      expect(values).toEqual([pool.id, pool.team ?? undefined, Number(pool.budget), Number(pool.fundingRatio), Number(pool.funded), Number(pool.allocated), Number(pool.unallocated), pool.allocations.length, pool.allocations.filter((a) => a.capped).length]);
      expect(pools.getRow(i + 2).getCell(3).numFmt).toBe('"¥"#,##0.00;-"¥"#,##0.00');
    });
  });

  it("neutralises formula text in the workbook but keeps a negative amount a number", async () => {
    const bytes = await bytesOf((write) => writeRunXlsx(hostileRun(), write));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Statements") as ExcelJS.Worksheet;
    const p1 = sheet.getRow(2);
    expect([p1.getCell(2).value, p1.getCell(3).value]).toEqual(['\'=HYPERLINK("http://evil.example","click")', "'+cmd"]);
    expect(p1.getCell(2).formula).toBeUndefined();
    expect([sheet.getRow(1).getCell(9).value, sheet.getRow(1).getCell(19).value]).toEqual(["'=k.actual", "pool:=pool"]);
    expect([p1.getCell(19).value, p1.getCell(20).value, p1.getCell(21).value]).toEqual([0, -12, -12]);
    expect(sheet.getRow(3).getCell(2).value).toBe("'\tTab");
    const pools = workbook.getWorksheet("Pools") as ExcelJS.Worksheet;
    expect([pools.getRow(2).getCell(1).value, pools.getRow(2).getCell(2).value]).toEqual(["'=pool", "'-West"]);
  });
});
