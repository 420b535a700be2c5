import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/cli/inputLimits.js";
import { readListFile } from "../../src/cli/readListFile.js";
import { readPaidRuns } from "../../src/cli/readPaidRuns.js";
import { readPlanData } from "../../src/cli/readPlanData.js";
import { parsePlan } from "../../src/index.js";
import { cliSandbox, exampleFile } from "./helpers.js";

// Issue 22: the list inputs (--transactions, --deals, --responses, --activities, --tickets) and
// the earlier runs (--paid) are held to --max-bytes, --max-cell and --max-rows as the data is.

const cash = exampleFile("cash-commission");
const lists = exampleFile("list-indicators");

const { dir, cli } = cliSandbox();

describe("the list inputs within the input limits", () => {
  it("refuses a transactions file larger than --max-bytes, naming the file, the limit and the flag", async () => {
    // transactions.csv is 425 bytes, and 1 445 with 30 more payments; the plan 750, the data 151 (under 1000).
    dir.write("tx.csv", `${readFileSync(cash("transactions.csv"), "utf8")}${"INV-103,2026-04-15,payment,1,,,RC-9\n".repeat(30)}`);
    expect(await cli("run", cash("plan.json"), "--data", cash("data.csv"), "--transactions", "tx.csv", "--max-bytes", "1000")).toEqual({
      code: 2,
      out: "",
      err: "tx.csv: the file is larger than 1000 bytes, the limit for each input; pass --max-bytes <size> (such as --max-bytes 2000) to read it\n",
    });
  });

  it("refuses a deals, responses, activities or tickets file larger than --max-bytes", async () => {
    // The plan is 1 820 bytes, under 2 KiB; each list padded to 40 more rows is over it.
    for (const [flag, file, row] of [
      ["--deals", "deals.csv", "D-9,p01,1,0.1,lead,2026-02-15,\n"],
      ["--responses", "responses.csv", "p02,4,a comment that is long enough\n"],
      ["--activities", "activities.csv", "p01,call,B,2026-01-09,10\n"],
      ["--tickets", "tickets.csv", "p02,2026-03-20T09:00:00+08:00,\n"],
    ] as const) {
      dir.write(file, `${readFileSync(lists(file), "utf8")}${row.repeat(80)}`);
      expect(await cli("run", lists("plan.json"), flag, file, "--max-bytes", "2K")).toEqual({
        code: 2,
        out: "",
        err: `${file}: the file is larger than 2 KiB, the limit for each input; pass --max-bytes <size> (such as --max-bytes 4096) to read it\n`,
      });
    }
  });

  it("refuses a CSV cell longer than --max-cell with its file, line and column", async () => {
    dir.write("tx.csv", `invoice,date,kind,amount,reps,shares,id\nINV-1,2026-01-05,invoice,100,${"S".repeat(40)},,\n`);
    expect(await cli("run", cash("plan.json"), "--data", cash("data.csv"), "--transactions", "tx.csv", "--max-cell", "32")).toEqual({
      code: 2,
      out: "",
      err: "tx.csv:2:5: a cell longer than 32 characters, the limit for a cell; pass --max-cell <n> to read it\n",
    });
    dir.write("responses.csv", `person,score,comment\np01,5,${"x".repeat(40)}\n`);
    await expect(readListFile("responses", "responses.csv", dir.path, { limits: { ...DEFAULT_LIMITS, maxCell: 32 } })).rejects.toMatchObject({
      message: "responses.csv:2:3: a cell longer than 32 characters, the limit for a cell; pass --max-cell <n> to read it",
      exitCode: 2,
      code: "LIMIT_EXCEEDED",
    });
  });

  it("refuses a JSON text value longer than --max-cell with its path", async () => {
    dir.write("tx.json", JSON.stringify([{ invoice: "INV-1", date: "2026-01-05", kind: "invoice", amount: "100", reps: "S".repeat(40) }]));
    expect(await cli("run", cash("plan.json"), "--data", cash("data.csv"), "--transactions", "tx.json", "--max-cell", "32")).toEqual({
      code: 2,
      out: "",
      err: "tx.json: [0].reps: a cell longer than 32 characters, the limit for a cell; pass --max-cell <n> to read it\n",
    });
  });

  it("refuses more rows than --max-rows, in a CSV (at the first row past the limit) and in JSON", async () => {
    // transactions.csv has 9 rows (the data 3): the sixth (line 7) is past --max-rows 5.
    dir.write("tx.csv", readFileSync(cash("transactions.csv")));
    expect(await cli("run", cash("plan.json"), "--data", cash("data.csv"), "--transactions", "tx.csv", "--max-rows", "5")).toEqual({
      code: 2,
      out: "",
      err: "tx.csv:7: more than 5 rows, the limit for each input; pass --max-rows <n> to read them all\n",
    });
    dir.write("responses.json", JSON.stringify([{ person: "p01", score: 5 }, { person: "p01", score: 4 }]));
    await expect(readListFile("responses", "responses.json", dir.path, { limits: { ...DEFAULT_LIMITS, maxRows: 1 } })).rejects.toMatchObject({
      message: "responses.json: the array: more than 1 rows, the limit for each input; pass --max-rows <n> to read them all",
      exitCode: 2,
    });
  });

  it("holds the tables inside JSON data (ratings, transactions, the list inputs) to the limits as their own files", async () => {
    const data = { rows: [{ id: "p01" }, { id: "p02" }], responses: [{ person: "p01", score: 5 }, { person: "p01", score: 4 }, { person: "p02", score: "5".repeat(40) }] };
    dir.write("data.json", JSON.stringify(data));
    const plan = dir.write("plan.json", JSON.stringify({ ...(JSON.parse(readFileSync(lists("plan.json"), "utf8")) as object), inputs: undefined }));
    // Two rows pass --max-rows 2; three responses do not; a 40-character score is past --max-cell 32.
    expect((await cli("validate", plan, "--data", "data.json", "--max-rows", "2")).err).toBe("data.json: responses: more than 2 rows, the limit for each input; pass --max-rows <n> to read them all\n");
    expect((await cli("validate", plan, "--data", "data.json", "--max-cell", "32")).err).toBe("data.json: responses[2].score: a cell longer than 32 characters, the limit for a cell; pass --max-cell <n> to read it\n");
  });

  it("checks a list CSV's header before any row, so a file that is not one is not quoted past its header", async () => {
    dir.write("tx.csv", `customer,notes\nACME,${"x".repeat(40)}\n`);
    const result = await cli("run", cash("plan.json"), "--data", cash("data.csv"), "--transactions", "tx.csv", "--max-cell", "32");
    expect(result.err).toMatch(/^tx\.csv:1: no column "invoice" in the header/);
  });
});

describe("the earlier runs (--paid) within the input limits", () => {
  const plan = parsePlan({ ...(JSON.parse(readFileSync(cash("plan.json"), "utf8")) as Record<string, unknown>), inputs: undefined });
  const paidRun = (people: number, id = "S1"): string =>
    JSON.stringify({ currency: "CNY", statements: Array.from({ length: people }, () => ({ person: { id }, pay: [{ component: "commission", id: "commission", amount: "100.00" }] })) });

  it("reads an earlier run within the limits: S1 paid 100.00 twice is 200.00", async () => {
    dir.write("q1.json", paidRun(2));
    expect(await readPaidRuns(["q1.json"], plan, dir.path, DEFAULT_LIMITS)).toEqual({ paidToDate: { S1: "200" } });
  });

  it("refuses a run larger than --max-bytes", async () => {
    dir.write("q1.json", paidRun(10));
    await expect(readPaidRuns(["q1.json"], plan, dir.path, { ...DEFAULT_LIMITS, maxBytes: 100 })).rejects.toMatchObject({
      message: "q1.json: the file is larger than 100 bytes, the limit for each input; pass --max-bytes <size> (such as --max-bytes 200) to read it",
      exitCode: 2,
      code: "LIMIT_EXCEEDED",
    });
  });

  it("refuses a run with more statements than --max-rows", async () => {
    dir.write("q1.json", paidRun(3));
    await expect(readPaidRuns(["q1.json"], plan, dir.path, { ...DEFAULT_LIMITS, maxRows: 2 })).rejects.toMatchObject({
      message: "q1.json: statements: more than 2 rows, the limit for each input; pass --max-rows <n> to read them all",
      exitCode: 2,
    });
  });

  it("refuses a text value longer than --max-cell anywhere in a statement, with its path", async () => {
    dir.write("q1.json", paidRun(1, "S".repeat(40)));
    await expect(readPaidRuns(["q1.json"], plan, dir.path, { ...DEFAULT_LIMITS, maxCell: 32 })).rejects.toMatchObject({
      message: "q1.json: statements[0].person.id: a cell longer than 32 characters, the limit for a cell; pass --max-cell <n> to read it",
      exitCode: 2,
    });
  });

  it("takes the limits from the command's flags (payscore run --paid … --max-bytes)", async () => {
    const trueUp = { ...(JSON.parse(readFileSync(cash("plan.json"), "utf8")) as { pay: Record<string, unknown> }) };
    delete trueUp.pay["draw"];
    trueUp.pay["trueUp"] = { onNegative: "carry-forward" };
    dir.write("plan.json", JSON.stringify({ ...trueUp, inputs: undefined }));
    dir.write("q1.json", paidRun(40));
    const result = await cli("run", "plan.json", "--data", cash("data.csv"), "--transactions", cash("transactions.csv"), "--paid", "q1.json", "--max-bytes", "1K");
    expect([result.code, result.err]).toEqual([2, "q1.json: the file is larger than 1 KiB, the limit for each input; pass --max-bytes <size> (such as --max-bytes 2048) to read it\n"]);
  });
});

describe("at most one input may be - (standard input)", () => {
  const refusal = { code: 64, out: "", err: "payscore: only one input can be - (standard input); give the others as files\n" };

  it("refuses two, whichever inputs they are: the plan, the data, a list input, a --paid run", async () => {
    expect(await cli("run", lists("plan.json"), "--data", "-", "--deals", "-")).toEqual(refusal);
    expect(await cli("run", "-", "--data", "-")).toEqual(refusal);
    expect(await cli("run", "-", "--tickets", "-")).toEqual(refusal);
    expect(await cli("run", cash("plan.json"), "--transactions", "-", "--paid", "q1.json", "--paid", "-")).toEqual(refusal);
    expect(await cli("validate", lists("plan.json"), "--responses", "-", "--activities", "-")).toEqual(refusal);
    expect(await cli("explain", lists("plan.json"), "--person", "p01", "--data", "-", "--history", "-")).toEqual(refusal);
  });

  it("refuses two in readPlanData too, for every input it reads", async () => {
    const plan = parsePlan({ ...(JSON.parse(readFileSync(lists("plan.json"), "utf8")) as Record<string, unknown>), inputs: undefined });
    await expect(readPlanData(plan, { data: "data.csv", transactions: "-", tickets: "-", cwd: dir.path })).rejects.toMatchObject({ exitCode: 64, code: "USAGE" });
  });
});
