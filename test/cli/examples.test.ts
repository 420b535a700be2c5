import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Progress } from "../../src/cli/Progress.js";
import { runCli } from "../../src/cli/runCli.js";
import { Decimal, type PayoutRun } from "../../src/index.js";
import { captureIo, cliSandbox, exampleFile, projectRoot as root } from "./helpers.js";

const regional = exampleFile("regional-team");
const regionalArgs = ["--data", regional("data.csv"), "--ratings", regional("ratings.csv"), "--history", regional("history.csv")];

const { dir, cli } = cliSandbox();

describe("the regional-team example through the command line", () => {
  it("runs with no flags: the plan names its inputs, and gives the same run as with the flags", async () => {
    const bare = await cli("run", regional("plan.json"), "--out", "bare.json");
    expect([bare.code, bare.err]).toEqual([0, ""]);
    const flagged = await cli("run", regional("plan.json"), ...regionalArgs, "--out", "flagged.json");
    expect([flagged.code, flagged.err]).toEqual([0, ""]);
    expect(readFileSync(join(dir.path, "bare.json"), "utf8")).toBe(readFileSync(join(dir.path, "flagged.json"), "utf8"));
    const validated = await cli("validate", regional("plan.json"));
    expect(validated.out).toMatch(/: valid \(version 1, 6 KPIs, 12 people\); .*examples\/regional-team\/data\.csv: 12 statements computed\n$/);
  });

  it("validates, with its data", async () => {
    const { code, out, err } = await cli("validate", regional("plan.json"), ...regionalArgs);
    expect([code, err]).toEqual([0, ""]);
    expect(out).toMatch(/: valid \(version 1, 6 KPIs, 12 people\); .*data\.csv: 12 statements computed\n$/);
  });

  it("runs to JSON whose statements sum to its totals, byte-identical to JSON.stringify", async () => {
    const { code, err } = await cli("run", regional("plan.json"), ...regionalArgs, "--out", "run.json");
    expect([code, err]).toEqual([0, ""]);
    const text = readFileSync(join(dir.path, "run.json"), "utf8");
    const run = JSON.parse(text) as PayoutRun;
    expect(text).toBe(`${JSON.stringify(run, null, 2)}\n`);
    expect(run.statements).toHaveLength(12);
    const sum = run.statements.reduce((total, statement) => total.plus(statement.totalPayout), new Decimal(0));
    expect(sum.toFixed(2)).toBe(run.totals.payout);
    for (const statement of run.statements) expect(statement.trace.length).toBeGreaterThan(0);
    expect(dir.list()).toEqual(["run.json"]);
  });

  it("runs to CSV with one row per person and the same payouts", async () => {
    await cli("run", regional("plan.json"), ...regionalArgs, "--out", "run.json");
    const run = JSON.parse(readFileSync(join(dir.path, "run.json"), "utf8")) as PayoutRun;
    const { code } = await cli("run", regional("plan.json"), ...regionalArgs, "--out", "payouts.csv");
    expect(code).toBe(0);
    const [header, ...rows] = readFileSync(join(dir.path, "payouts.csv"), "utf8").trimEnd().split("\n");
    const columns = (header ?? "").split(",");
    expect(columns.slice(0, 3)).toEqual(["id", "name", "team"]);
    expect(columns).toContain("pool:regional-bonus");
    expect(rows).toHaveLength(12);
    const total = columns.indexOf("totalPayout");
    rows.forEach((row, i) => {
      expect(row.split(",")[total]).toBe(run.statements[i]?.totalPayout);
    });
  });

  it("leaves the traces out with --no-trace", async () => {
    const { out } = await cli("run", regional("plan.json"), ...regionalArgs, "--no-trace");
    const run = JSON.parse(out) as PayoutRun;
    expect(run.statements.every((statement) => statement.trace.length === 0)).toBe(true);
  });

  it("explains one person in English and in Chinese", async () => {
    const en = await cli("explain", regional("plan.json"), ...regionalArgs, "--person", "R01", "--locale", "en");
    expect(en.code).toBe(0);
    expect(en.out).toContain("Wang Fang (R01)");
    const zh = await cli("explain", regional("plan.json"), ...regionalArgs, "--person", "R01", "--locale", "zh-CN");
    expect(zh.out).toContain("结算单");
  });

  it("chooses Chinese by default when LANG says so", async () => {
    const io = captureIo(dir.path, { env: { LANG: "zh_CN.UTF-8" } });
    expect(await runCli(["explain", regional("plan.json"), ...regionalArgs, "--person", "R01"], io)).toBe(0);
    expect(io.out()).toContain("结算单");
  });

  it("refuses a person who is not in the run", async () => {
    const { code, err } = await cli("explain", regional("plan.json"), ...regionalArgs, "--person", "R99");
    expect(code).toBe(2);
    expect(err).toBe('payscore explain: no person "R99" in the run; the ids are: R01, R02, R03, R04, R05, R06, R07, R08, R09, R10, … (12 in all)\n');
  });

  it("diffs a recalculation: who changed, by how much, and which lines", async () => {
    await cli("run", regional("plan.json"), ...regionalArgs, "--out", "before.json");
    const corrected = readFileSync(regional("data.csv"), "utf8").replace("R04,745000,", "R04,845000,");
    dir.write("corrected.csv", corrected);
    await cli("run", regional("plan.json"), "--data", "corrected.csv", "--ratings", regional("ratings.csv"), "--history", regional("history.csv"), "--out", "after.json");
    const text = await cli("diff", "before.json", "after.json", "--locale", "en");
    expect(text.code).toBe(0);
    const lines = text.out.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "Changes from before.json to after.json",
      expect.stringMatching(/^Plan: the same \(sha256:[0-9a-f]{12}…\)$/),
      "Total payout: CN¥756,987.61 → CN¥761,693.44 (+CN¥4,705.83)",
      "People: 8 changed, 4 unchanged",
    ]);
    // who, by how much as money, the cause naming the cell, and each line before → after
    expect(text.out).toContain("\nR04 Liu Yang: total payout CN¥44,468.67 → CN¥48,955.57 (+CN¥4,486.90)\n");
    expect(text.out).toContain("\n  Cause: data changed: revenue actual (row R04, column revenue) 745,000 → 845,000, margin actual, input revenue 745,000 → 845,000\n");
    expect(text.out).toMatch(/\n {2}revenue actual +745,000 → 845,000 \(\+100,000\)\n/);
    expect(text.out).toMatch(/\n {2}revenue attainment +84\.85% → 96\.24% \(\+11\.39%\)\n/);
    expect(text.out).toMatch(/\n {2}Commission +CN¥3,725\.00 → CN¥4,225\.00 \(\+CN¥500\.00\)\n/);
    expect(text.out).not.toContain("pay.commission.commission");
    // R01 changed only through the pool
    expect(text.out).toContain("\nR01 Wang Fang: total payout CN¥82,596.14 → CN¥82,620.40 (+CN¥24.26)\n  Cause: none of this person's own data changed");
    const zh = await cli("diff", "before.json", "after.json", "--locale", "zh-CN");
    expect(zh.out).toContain("\nR04 Liu Yang：应发合计 ¥44,468.67 → ¥48,955.57 (+¥4,486.90)\n  原因：数据变更：revenue 实际值（R04 行，revenue 列） 745,000 → 845,000");
    const json = await cli("diff", "before.json", "after.json", "--format", "json");
    expect((JSON.parse(json.out) as { changed: { person: string }[] }).changed.map((p) => p.person)).toContain("R04");
  });

  it("refuses to diff a CSV, saying what diff expects", async () => {
    dir.write("payouts.csv", "id,totalPayout\nR01,82596.14\n");
    const { code, err } = await cli("diff", "payouts.csv", "payouts.csv");
    expect(code).toBe(2);
    expect(err).toBe(
      "payouts.csv: payscore diff compares two runs saved as JSON, and this file is not JSON (it looks like a CSV; a CSV of payouts has no statements to compare); save each run with: payscore run <plan.json> --data <file> --format json --out run.json\n",
    );
  });

  it("refuses to diff a file that is not a saved run", async () => {
    dir.write("plan.json", readFileSync(regional("plan.json")));
    const { code, err } = await cli("diff", "plan.json", "plan.json");
    expect(code).toBe(2);
    expect(err).toBe("plan.json: not a saved run (make one with: payscore run <plan.json> --data <file> --format json --out plan.json)\n");
  });

  it("runs the commission-team example", async () => {
    const team = (name: string): string => join(root, "examples", "commission-team", name);
    const { code, out } = await cli("run", team("plan.json"), "--data", team("data.csv"), "--format", "csv");
    expect(code).toBe(0);
    // C01 sold 412,000: 200,000 · 3 % + 200,000 · 5 % + 12,000 · 7 % = 6,000 + 10,000 + 840.
    expect(out.split("\n")[1]).toMatch(/^C01,Zhao Lei,Inside sales,.*,16840\.00,16840\.00,$/);
  });

  it("writes the schema to --out atomically", async () => {
    expect((await cli("schema", "--out", "plan.schema.json")).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir.path, "plan.schema.json"), "utf8"))).toHaveProperty("properties.kpis");
    expect(dir.list()).toEqual(["plan.schema.json"]);
  });
});

describe("the progress line", () => {
  it("is drawn on a terminal once the run is long enough, and wiped at the end", () => {
    const io = captureIo(dir.path, { tty: true });
    const progress = new Progress(io, 0);
    progress.update("reading data.csv: 10,000 rows", true);
    progress.done();
    expect(io.err()).toBe("\r\u001b[Kreading data.csv: 10,000 rows\r\u001b[K");
  });

  it("is never drawn when stderr is not a terminal, nor for a short run", () => {
    const pipe = captureIo(dir.path, { tty: false });
    const notTty = new Progress(pipe, 0);
    notTty.update("x", true);
    notTty.done();
    const tty = captureIo(dir.path, { tty: true });
    const short = new Progress(tty);
    short.update("x", true);
    short.done();
    expect([pipe.err(), tty.err()]).toEqual(["", ""]);
  });
});

describe("a plan with a 360 review", () => {
  it("refuses to run without ratings rather than leave the 360 part out", async () => {
    // The plan without its inputs (which name the ratings), run on the data alone.
    const { inputs: _inputs, ...plan } = JSON.parse(readFileSync(regional("plan.json"), "utf8")) as Record<string, unknown>;
    dir.write("plan.json", JSON.stringify(plan));
    const { code, err } = await cli("run", "plan.json", "--data", regional("data.csv"));
    expect(code).toBe(2);
    expect(err).toMatch(/data\.csv: the plan has a 360 review \(review360\) but no ratings were given; pass --ratings <ratings\.csv>/);
  });
});
