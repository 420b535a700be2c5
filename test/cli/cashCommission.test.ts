import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { readListFile } from "../../src/cli/readListFile.js";
import { groupPayColumns } from "../../src/cli/spreadsheetText.js";
import type { PayoutRun } from "../../src/index.js";
import { cliSandbox, exampleFile } from "./helpers.js";

// Issue 20: the cash-commission example (commission on collections, a refund after payment, a
// three-way split with a remainder cent, a credit note, a recoverable draw) through the CLI.

const example = exampleFile("cash-commission");

const { dir, cli } = cliSandbox();

describe("the cash-commission example through the command line", () => {
  it("runs with no flags (the plan names data.csv and transactions.csv) and pays the worked numbers", async () => {
    const { code, out, err } = await cli("run", example("plan.json"));
    expect([code, err]).toEqual([0, ""]);
    const run = JSON.parse(out) as PayoutRun;
    const pay = Object.fromEntries(run.statements.map((s) => [s.person.id, s.pay.map((line) => `${line.id} ${line.amount}`)]));
    // S1: credited 40000 + 60000 + 3400.01 = 103400.01 → 100000 × 5 % + 3400.01 × 8 % = 5272.0008 → 5272.00;
    // the refund of 20000 takes back 3059.19 × 20000 / 60000 = 1019.73 of RC-2's release.
    expect(pay["S1"]).toEqual(["commission 5272.00", "clawback -1019.73", "draw 0.00", "drawRecovery 0.00"]);
    // S2: 3300.00 + 30000 credited → 1665.00; the 1200 owed from earlier draws is recovered.
    expect(pay["S2"]).toEqual(["commission 1665.00", "clawback 0.00", "draw 0.00", "drawRecovery -1200.00"]);
    // S3: 3300.00 × 5 % = 165.00, topped up to the draw of 2000 (advance 1835, carried as a balance).
    expect(pay["S3"]).toEqual(["commission 165.00", "clawback 0.00", "draw 1835.00", "drawRecovery 0.00"]);
    expect(run.totals.commission).toBe("6717.27");
    expect(run.totals.payout).toBe("6717.27");
    const s3 = run.statements.find((s) => s.person.id === "S3");
    expect(s3?.trace.find((step) => step.step === "pay.draw")?.inputs["balance"]).toBe("1835.00");
  });

  it("gives the same run with --data and --transactions as with the plan's inputs", async () => {
    const bare = await cli("run", example("plan.json"), "--no-trace");
    const flagged = await cli("run", example("plan.json"), "--no-trace", "--data", example("data.csv"), "--transactions", example("transactions.csv"));
    expect(flagged.code).toBe(0);
    expect(flagged.out).toBe(bare.out);
  });

  it("writes the clawback and draw lines as their own CSV columns, negative where they take back", async () => {
    const { code, out } = await cli("run", example("plan.json"), "--format", "csv");
    expect(code).toBe(0);
    const [header, s1] = out.split("\n");
    expect(header).toContain(",commission,commission:clawback,commission:draw,commission:drawRecovery,totalPayout,");
    expect(s1).toContain(",5272.00,-1019.73,0.00,0.00,4252.27,");
  });

  it("writes the same columns to a workbook, the clawback a negative number", async () => {
    expect((await cli("run", example("plan.json"), "--out", "run.xlsx")).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(dir.path, "run.xlsx")) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Statements") as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const at = header.indexOf("commission:clawback") + 1;
    expect(at).toBeGreaterThan(0);
    expect(sheet.getRow(2).getCell(at).value).toBe(-1019.73);
  });

  it("keeps the commission's own lines with the commission, before pools and awards", () => {
    expect(groupPayColumns(["pool:a", "commission", "award:x", "commission:clawback", "fixed"])).toEqual(["fixed", "commission", "commission:clawback", "pool:a", "award:x"]);
  });

  it("explains a clawback in both languages, naming the invoice and the refund", async () => {
    const en = await cli("explain", example("plan.json"), "--person", "S1", "--locale", "en");
    expect(en.out).toContain("Commission clawed back: -CN¥1,019.73");
    expect(en.out).toContain("[invoice=INV-101; payment or credit note=RF-1; kind=refund; date=2026-03-10; reverses the release of=RC-2; base=-CN¥20,000.00]");
    const zh = await cli("explain", example("plan.json"), "--person", "S1", "--locale", "zh-CN");
    expect(zh.out).toContain("提成追回：-¥1,019.73");
    expect(zh.out).toContain("发票=INV-101；回款或红字发票=RF-1；类型=退款");
    expect(zh.out).not.toMatch(/pay\.commission\.|applyDraw/);
  });

  it("validates the plan with its transactions", async () => {
    const { code, out } = await cli("validate", example("plan.json"));
    expect(code).toBe(0);
    expect(out).toMatch(/3 statements computed/);
  });

  it("refuses a plan on collections run without transactions, saying how to give them", async () => {
    const plan = JSON.parse(readFileSync(example("plan.json"), "utf8")) as Record<string, unknown>;
    delete plan["inputs"];
    const file = dir.write("plan.json", JSON.stringify(plan));
    dir.write("data.csv", readFileSync(example("data.csv"), "utf8"));
    const { code, err } = await cli("run", file, "--data", "data.csv");
    expect(code).toBe(2);
    expect(err).toMatch(/pay\.commission\.base\.collections.*--transactions <transactions\.csv>/);
  });

  it("refuses inputs.transactions that leaves the plan's folder", async () => {
    const plan = JSON.parse(readFileSync(example("plan.json"), "utf8")) as { inputs: Record<string, string> };
    plan.inputs["transactions"] = "../transactions.csv";
    const file = dir.write("plan.json", JSON.stringify(plan));
    dir.write("data.csv", readFileSync(example("data.csv"), "utf8"));
    const { code, err } = await cli("run", file);
    expect(code).toBe(2);
    expect(err).toContain('inputs.transactions is "../transactions.csv": the path leaves the plan\'s folder');
  });

  it("points at the file, line and column of a bad transaction", async () => {
    dir.write("transactions.csv", "invoice,date,kind,amount,reps,shares\nINV-1,2026-01-05,invoice,100,S1,\nINV-1,2026-13-01,payment,100,,\n");
    const { code, err } = await cli("run", example("plan.json"), "--data", example("data.csv"), "--transactions", "transactions.csv");
    expect(code).toBe(2);
    expect(err).toMatch(/transactions\.csv:3:2: date: expected an ISO date/);
    dir.write("t2.csv", "invoice,date,kind,amount,reps,shares\nINV-1,2026-01-05,invoice,100,S1;S9,0.5;0.5\n");
    const unknown = await cli("run", example("plan.json"), "--data", example("data.csv"), "--transactions", "t2.csv");
    expect(unknown.err).toMatch(/t2\.csv:2:5: reps: invoice "INV-1" credits "S9", who is not on the roster/);
  });

  it("reads a transactions CSV with a missing column as an error naming it, and JSON as rows", async () => {
    dir.write("bad.csv", "invoice,date,amount\nINV-1,2026-01-05,100\n");
    await expect(readListFile("transactions", "bad.csv", dir.path)).rejects.toThrow(/bad\.csv:1: no column "kind" in the header/);
    dir.write("t.json", JSON.stringify([{ invoice: "INV-1", date: "2026-01-05", kind: "invoice", amount: 100, reps: "S1" }]));
    const read = await readListFile("transactions", "t.json", dir.path);
    expect(read.rows).toEqual([{ invoice: "INV-1", date: "2026-01-05", kind: "invoice", amount: 100, reps: "S1" }]);
    dir.write("bad.json", JSON.stringify([{ invoice: 1 }]));
    await expect(readListFile("transactions", "bad.json", dir.path)).rejects.toThrow(/bad\.json: \[0\]\.invoice/);
    dir.write("extra.csv", "invoice,date,kind,amount,reps,shares,customer\nINV-1,2026-01-05,invoice,100,S1,,ACME\n");
    expect((await readListFile("transactions", "extra.csv", dir.path)).rows).toEqual([{ invoice: "INV-1", date: "2026-01-05", kind: "invoice", amount: "100", reps: "S1", shares: "" }]);
  });

  it("trues up the half year against the quarter already paid (--paid), carrying a deficit forward", async () => {
    expect((await cli("run", example("plan.json"), "--out", "q1.json")).code).toBe(0);
    const plan = JSON.parse(readFileSync(example("plan.json"), "utf8")) as { period: unknown; pay: Record<string, unknown>; inputs?: unknown };
    plan.period = { start: "2026-01-01", end: "2026-06-30", label: "2026-H1" };
    delete plan.pay["draw"];
    delete plan.inputs;
    plan.pay["trueUp"] = { onNegative: "carry-forward" };
    const file = dir.write("h1.json", JSON.stringify(plan));
    dir.write("tx.csv", `${readFileSync(example("transactions.csv"), "utf8")}INV-103,2026-04-15,payment,15000,,,RC-5\n`);
    const h1 = await cli("run", file, "--data", example("data.csv"), "--transactions", "tx.csv", "--paid", "q1.json");
    expect([h1.code, h1.err]).toEqual([0, ""]);
    const run = JSON.parse(h1.out) as PayoutRun;
    const pay = Object.fromEntries(run.statements.map((s) => [s.person.id, s.pay.map((line) => `${line.id} ${line.amount}`)]));
    // Q1 paid S1 4252.27, S2 465.00, S3 2000.00 (her draw). H1 earns S1 4252.27; S2 (33 300 + 15 000) × 5 % = 2415.00; S3 165.00.
    expect(pay["S1"]).toEqual(["commission 5272.00", "clawback -1019.73", "paidToDate -4252.27", "trueUpCarried 0.00"]);
    expect(pay["S2"]).toEqual(["commission 2415.00", "clawback 0.00", "paidToDate -465.00", "trueUpCarried 0.00"]);
    // S3 was paid 1835 more than she has earned: paid 0 now, the 1835 carried into the year-to-date figures.
    expect(pay["S3"]).toEqual(["commission 165.00", "clawback 0.00", "paidToDate -2000.00", "trueUpCarried 1835.00"]);
    expect(run.statements.map((s) => s.totalPayout)).toEqual(["0.00", "1950.00", "0.00"]);
    const en = await cli("explain", file, "--data", example("data.csv"), "--transactions", "tx.csv", "--paid", "q1.json", "--person", "S3", "--locale", "en");
    expect(en.out).toContain("Commission paid to date: -CN¥2,000.00");
    expect(en.out).toContain("Deficit carried forward: CN¥1,835.00");
    expect(en.out).toContain("True-up: earned to date − paid to date + forgiven to date; a negative result: carried forward = CN¥0.00");
    const bare = await cli("explain", file, "--data", example("data.csv"), "--transactions", "tx.csv", "--person", "S3");
    expect(bare.err).toMatch(/pass --paid <earlier-run\.json>/);
  });

  it("refuses --paid without a true-up in the plan, a true-up without --paid, and a run in another currency", async () => {
    expect((await cli("run", example("plan.json"), "--out", "q1.json")).code).toBe(0);
    const without = await cli("run", example("plan.json"), "--paid", "q1.json");
    expect([without.code, without.err]).toEqual([2, "payscore run: --paid is for a true-up, and the plan has no pay.trueUp\n"]);
    const plan = JSON.parse(readFileSync(example("plan.json"), "utf8")) as { pay: Record<string, unknown>; inputs?: unknown; currency: string };
    delete plan.inputs;
    plan.pay["trueUp"] = { onNegative: "clawback" };
    const file = dir.write("ytd.json", JSON.stringify(plan));
    const args = ["--data", example("data.csv"), "--transactions", example("transactions.csv")];
    const validated = await cli("validate", file, ...args);
    expect([validated.code, validated.err]).toEqual([0, ""]);
    const missing = await cli("run", file, ...args);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/pass --paid <earlier-run\.json>/);
    dir.write("usd.json", readFileSync(join(dir.path, "q1.json"), "utf8").replace(/"currency":\s*"CNY"/, '"currency": "USD"'));
    const usd = await cli("run", file, ...args, "--paid", "usd.json");
    expect(usd.err).toMatch(/usd\.json: the run is in USD, the plan in CNY/);
    dir.write("junk.json", "[1, 2]");
    expect((await cli("run", file, ...args, "--paid", "junk.json")).err).toMatch(/junk\.json: not a payscore run/);
  });
});
