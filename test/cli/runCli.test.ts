import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { captureIo, cliSandbox } from "./helpers.js";
import { commissionPlan, commissionPlanText, goodCsv } from "./fixtures.js";

const { dir, cli } = cliSandbox();

/** Runs `payscore run plan.json --data <file> --out run.json` and expects exactly one error line and no file left behind. */
async function expectRunRefused(dataName: string, data: string | Uint8Array, expected: RegExp | string): Promise<void> {
  dir.write("plan.json", commissionPlanText);
  dir.write(dataName, data);
  const before = dir.list();
  const { code, out, err } = await cli("run", "plan.json", "--data", dataName, "--out", "run.json");
  expect(code).toBe(2);
  expect(out).toBe("");
  const lines = err.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  if (typeof expected === "string") expect(lines[0]).toBe(expected);
  else expect(lines[0]).toMatch(expected);
  expect(err).not.toMatch(/\n\s+at /);
  expect(dir.list()).toEqual(before);
}

describe("payscore --version and --help", () => {
  it("prints the library's version, which is package.json's", async () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    const { code, out } = await cli("--version");
    expect(code).toBe(0);
    expect(out).toBe(`payscore ${pkg.version}\n`);
  });

  it("prints help for the command line and for each command", async () => {
    expect((await cli("--help")).out).toContain("payscore run <plan.json>");
    for (const command of ["run", "validate", "explain", "diff", "schema"]) {
      const { code, out } = await cli(command, "--help");
      expect(code).toBe(0);
      expect(out).toMatch(new RegExp(`^payscore ${command}`));
    }
  });

  it("exits with 64 (usage) and the help on stderr when no command is given", async () => {
    const { code, out, err } = await cli();
    expect(code).toBe(64);
    expect(out).toBe("");
    expect(err).toContain("Usage:");
  });

  it("refuses an unknown command and an unknown flag in one line", async () => {
    const unknown = await cli("pay", "plan.json");
    expect(unknown.code).toBe(64);
    expect(unknown.err).toBe('payscore: unknown command "pay"; the commands are run, validate, explain, diff and schema (see payscore --help)\n');
    const flag = await cli("validate", "plan.json", "--strict");
    expect(flag.code).toBe(64);
    expect(flag.err).toMatch(/^payscore validate: unknown option '--strict' \(see payscore validate --help\)\n$/);
  });

  it("refuses missing and extra file names", async () => {
    expect((await cli("validate")).err).toBe("payscore validate: missing <plan.json> (see payscore validate --help)\n");
    expect((await cli("diff", "a.json")).err).toBe("payscore diff: missing <after.json> (see payscore diff --help)\n");
    expect((await cli("validate", "a.json", "b.json")).err).toBe('payscore validate: unexpected argument "b.json" (see payscore validate --help)\n');
    dir.write("plan.json", JSON.stringify(commissionPlan));
    expect((await cli("run", "plan.json")).err).toBe('payscore run: --data <data.csv|data.json> is required, or the plan\'s "inputs": { "data": … } (see payscore run --help)\n');
  });
});

describe("payscore validate", () => {
  it("accepts a good plan with exit 0", async () => {
    dir.write("plan.json", commissionPlanText);
    const { code, out, err } = await cli("validate", "plan.json");
    expect([code, err]).toEqual([0, ""]);
    expect(out).toBe("plan.json: valid (version 1, 1 KPI)\n");
  });

  it("accepts a plan saved with a byte-order mark and CRLF line ends", async () => {
    dir.write("plan.json", `\uFEFF${commissionPlanText.replace(/\n/g, "\r\n")}`);
    expect((await cli("validate", "plan.json")).code).toBe(0);
  });

  it("lists every problem of a broken plan, one line each, with its JSON path", async () => {
    const broken = {
      ...commissionPlan,
      currency: "XYZ",
      people: [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d", basePay: "12,000" }],
      kpis: [{ id: "sales", weight: "0.5", actual: "sales", target: 100 }],
    };
    dir.write("plan.json", JSON.stringify(broken));
    const { code, out, err } = await cli("validate", "plan.json");
    expect(code).toBe(2);
    expect(out).toBe("");
    const lines = err.trimEnd().split("\n");
    expect(lines).toEqual([
      'plan.json: currency is "XYZ": expected an ISO 4217 currency code such as "CNY"',
      'plan.json: people[3].basePay is "12,000": expected a number or decimal string, e.g. "0.4"; write it without thousands separators: 12000',
      "plan.json: kpis: the KPI weights must sum to 1; they sum to 0.5",
    ]);
  });

  it("refuses an unknown key", async () => {
    dir.write("plan.json", JSON.stringify({ ...commissionPlan, bonus: 1 }));
    const { code, err } = await cli("validate", "plan.json");
    expect(code).toBe(2);
    expect(err).toMatch(/^plan\.json: bonus is an unknown key; the keys here are \$schema, version, name, currency/);
  });

  it("gives the line and column of a JSON syntax error", async () => {
    dir.write("plan.json", '{\n  "version": 1,\n  "currency": "CNY",\n}\n');
    const { code, err } = await cli("validate", "plan.json");
    expect(code).toBe(2);
    expect(err).toBe("plan.json:4:1: not valid JSON: a trailing comma is not allowed in JSON\n");
  });

  it("says so when the plan is not JSON at all (a CSV by mistake), quoting none of it", async () => {
    dir.write("plan.json", "id,sales\nC01,100\n");
    expect((await cli("validate", "plan.json")).err).toBe("plan.json: not valid JSON: the file does not start with { or [ (is it the right file?)\n");
  });

  it("reports a missing, empty or non-UTF-8 plan in one line", async () => {
    expect((await cli("validate", "missing.json")).err).toBe("missing.json: no such file\n");
    dir.write("empty.json", "  \n");
    expect((await cli("validate", "empty.json")).err).toBe("empty.json: the file is empty\n");
    dir.write("gbk.json", Buffer.concat([Buffer.from('{"name": "'), Buffer.from([0xc0, 0xee]), Buffer.from('"}')]));
    expect((await cli("validate", "gbk.json")).err).toMatch(/^gbk\.json:1:11: the file is not UTF-8 \(byte 0xC0\)/);
    expect((await cli("validate", ".")).err).toBe(".: is a folder, not a file\n");
  });

  it("checks the data too with --data", async () => {
    dir.write("plan.json", commissionPlanText);
    dir.write("data.csv", "id,sales\nC01,1 200\n");
    const { code, err } = await cli("validate", "plan.json", "--data", "data.csv");
    expect(code).toBe(2);
    expect(err).toMatch(/^data\.csv:2:2: sales: "1 200" is not/);
  });
});

describe("payscore run with a broken CSV", () => {
  it("names a column the plan reads that the header lacks", async () => {
    await expectRunRefused(
      "data.csv",
      "id,name,revenue\nC01,Zhao,100\n",
      'data.csv:1: no column "sales" in the header (the plan reads it at kpis[0].actual); the header has: id, name, revenue',
    );
  });

  it("refuses a file without an id column, hinting at a near miss", async () => {
    await expectRunRefused("data.csv", "ID,sales\nC01,100\n", 'data.csv:1: no "id" column in the header (there is "ID"; the name must be exactly "id"); the header has: ID, sales');
  });

  it("refuses a row with a missing cell", async () => {
    await expectRunRefused("data.csv", "id,name,sales\nC01,Zhao,100\nC02,Qian\n", 'data.csv:3: the row has 2 cells but the header has 3 columns (no cell for "sales")');
  });

  it("refuses a row with an extra cell (an unquoted 1,200)", async () => {
    await expectRunRefused("data.csv", "id,sales\nC01,100\nC02,1,200\n", /^data\.csv:3:3: the row has 3 cells but the header has 2 columns \(extra: "200"/);
  });

  it("refuses duplicate ids, naming both lines", async () => {
    await expectRunRefused("data.csv", "id,sales\nC01,100\nC02,200\nC01,300\n", 'data.csv:4:1: duplicate id "C01" (already on line 2)');
  });

  it("refuses duplicate ids in a file sorted by id, and in one that is not", async () => {
    await expectRunRefused("data.csv", "id,sales\nC01,100\nC02,200\nC02,300\n", 'data.csv:4:1: duplicate id "C02" (already on line 3)');
    await expectRunRefused("data.csv", "id,sales\nC03,1\nC01,2\nC04,3\nC03,4\n", 'data.csv:5:1: duplicate id "C03" (already on line 2)');
  });

  it("takes every plain decimal and refuses what is not one", async () => {
    for (const sales of ["100", "+2.", ".5", "1e6", "0012"]) {
      dir.write("plan.json", commissionPlanText);
      dir.write("ok.csv", `id,sales\nC01,${sales}\n`);
      expect((await cli("run", "plan.json", "--data", "ok.csv", "--format", "csv")).err).toBe("");
    }
    for (const sales of ["-", "+", ".", "-.", "1.2.3", "1-2", "12a"]) {
      await expectRunRefused("data.csv", `id,sales\nC01,${sales}\n`, `data.csv:2:2: sales: ${JSON.stringify(sales)} is not a number`);
    }
  });

  it("refuses an empty id", async () => {
    await expectRunRefused("data.csv", "id,sales\nC01,100\n,200\n", "data.csv:3:1: the id is empty");
  });

  it("refuses a duplicate or empty column name in the header", async () => {
    await expectRunRefused("data.csv", "id,sales,sales\nC01,1,2\n", 'data.csv:1:3: the column name "sales" appears twice in the header (columns 2 and 3)');
    await expectRunRefused("data.csv", "id,,sales\nC01,1,2\n", "data.csv:1:2: column 2 of the header has no name");
  });

  it("refuses an empty file and a header with no rows", async () => {
    await expectRunRefused("data.csv", "", "data.csv: the file is empty");
    await expectRunRefused("data.csv", "\n\n", "data.csv: the file has no header row (it holds only blank lines)");
    await expectRunRefused("data.csv", "id,sales\n", "data.csv:1: the file has a header but no data rows");
  });

  it("refuses a file that is not UTF-8 (saved as GBK), naming line and column", async () => {
    const gbk = Buffer.concat([Buffer.from("id,name,sales\nC01,Zhao,100\nC02,"), Buffer.from([0xc0, 0xee]), Buffer.from(",200\n")]);
    await expectRunRefused("data.csv", gbk, 'data.csv:3:5: the file is not UTF-8 (byte 0xC0); save it as UTF-8 (in Excel: "CSV UTF-8")');
  });

  it("refuses a UTF-16 file", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("id,sales\n", "utf16le")]);
    await expectRunRefused("data.csv", utf16, /^data\.csv:1:1: the file is UTF-16, not UTF-8/);
  });

  it("reports thousands separators and currency signs without guessing the number", async () => {
    await expectRunRefused("data.csv", 'id,sales\nC01,100\nC02,"1,200,000"\n', /^data\.csv:3:2: sales: "1,200,000" is not a plain number: it has thousands separators;/);
    await expectRunRefused("data.csv", "id,sales\nC01,¥800\n", /^data\.csv:2:2: sales: "¥800" is not a plain number: it has a currency sign;/);
    await expectRunRefused("data.csv", "id,sales\nC01,$1,200.50\n", /^data\.csv:2:3: the row has 3 cells/);
  });

  it("refuses a quote that is never closed", async () => {
    await expectRunRefused("data.csv", 'id,name,sales\nC01,"Zhao,100\n', 'data.csv:2:5: a quoted cell is never closed (a " without its closing ")');
  });

  it("reports a missing data file", async () => {
    dir.write("plan.json", commissionPlanText);
    const { code, err } = await cli("run", "plan.json", "--data", "nope.csv", "--out", "run.json");
    expect([code, err]).toEqual([2, "nope.csv: no such file\n"]);
    expect(existsSync(join(dir.path, "run.json"))).toBe(false);
  });

  it("keeps an existing output file as it was when the run fails", async () => {
    dir.write("plan.json", commissionPlanText);
    dir.write("data.csv", "id,sales\nC01,1,200\n");
    dir.write("run.json", "yesterday's run\n");
    expect((await cli("run", "plan.json", "--data", "data.csv", "--out", "run.json")).code).toBe(2);
    expect(readFileSync(join(dir.path, "run.json"), "utf8")).toBe("yesterday's run\n");
    expect(dir.list()).toEqual(["data.csv", "plan.json", "run.json"]);
  });

  it("reports a folder that does not exist for --out, and leaves nothing", async () => {
    dir.write("plan.json", commissionPlanText);
    dir.write("data.csv", goodCsv);
    const { code, err } = await cli("run", "plan.json", "--data", "data.csv", "--out", "no/such/run.json");
    expect([code, err]).toEqual([2, "no/such/run.json: cannot write: the folder does not exist\n"]);
  });

  it("refuses a bad --format", async () => {
    const { code, err } = await cli("run", "plan.json", "--data", "d.csv", "--format", "ods");
    expect([code, err]).toEqual([64, 'payscore run: --format must be json or csv or xlsx, not "ods"\n']);
  });
});

describe("payscore run with broken JSON data and ratings", () => {
  it("names the JSON path of a bad row", async () => {
    await expectRunRefused("data.json", JSON.stringify({ rows: [{ id: "C01", sales: true }] }), /^data\.json: rows\[0\]\.sales: /);
  });

  it("names both places of a duplicate id in a bare array of rows", async () => {
    await expectRunRefused("data.json", JSON.stringify([{ id: "C01", sales: 1 }, { id: "C01", sales: 2 }]), 'data.json: [1].id: duplicate id "C01" (already at [0])');
  });

  it("gives the line and column of a JSON syntax error in the data", async () => {
    await expectRunRefused("data.json", '{ "rows": [ { "id": "C01", "sales": 1,200 } ] }', /^data\.json:1:39: not valid JSON: /);
  });

  it("refuses a ratings file without a score column", async () => {
    dir.write("ratings.csv", "person,rater,group\nC01,M1,manager\n");
    dir.write("plan.json", commissionPlanText);
    dir.write("data.csv", goodCsv);
    const { code, err } = await cli("run", "plan.json", "--data", "data.csv", "--ratings", "ratings.csv");
    expect(code).toBe(2);
    expect(err).toBe('ratings.csv:1: no column "score" in the header; a ratings file has person, rater, group, score and optionally competency\n');
  });

  it("refuses a rating score with a decimal comma", async () => {
    dir.write("ratings.csv", 'person,rater,group,score\nC01,M1,manager,"4,5"\n');
    dir.write("plan.json", commissionPlanText);
    dir.write("data.csv", goodCsv);
    const { err } = await cli("run", "plan.json", "--data", "data.csv", "--ratings", "ratings.csv");
    expect(err).toMatch(/^ratings\.csv:2:4: score: "4,5" is not a plain number: it has a decimal comma/);
  });
});

describe("payscore on an internal bug", () => {
  it("exits with 1 and one short line, no stack trace", async () => {
    const stdout = new Writable({
      write() {
        throw new TypeError("boom");
      },
    });
    const io = { ...captureIo(dir.path), stdout };
    const err: string[] = [];
    io.stderr.on("data", (chunk: Buffer) => err.push(chunk.toString()));
    const code = await runCli(["--version"], io);
    expect(code).toBe(1);
    expect(err.join("")).toMatch(/^payscore: internal error \(a bug in payscore [\d.]+; please report it with the command you ran\): TypeError: boom\n$/);
  });
});
