import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readListFile } from "../../src/cli/readListFile.js";
import type { PayoutRun } from "../../src/index.js";
import { cliSandbox, exampleFile, projectRoot as root } from "./helpers.js";

// Issue 21 point 6: the list inputs (deals, responses) through the command line, with the
// list-indicators example.

const example = exampleFile("list-indicators");

const { dir, cli } = cliSandbox();

describe("the list-indicators example through the command line", () => {
  it("runs with no flags (the plan names data.csv, deals.csv, responses.csv, activities.csv and tickets.csv) with the worked numbers", async () => {
    const { code, out, err } = await cli("run", example("plan.json"));
    expect([code, err]).toEqual([0, ""]);
    const run = JSON.parse(out) as PayoutRun;
    const actuals = Object.fromEntries(run.statements.map((s) => [s.person.id, s.kpis.map((line) => line.actual)]));
    // p01: 50 000 + 10 000 + 3 000 + 20 000 = 83 000; 2 of 3 deals past quote won; 2 of 4 ratings ≥ 4;
    //      closed deals of 30 days (01-10 → 02-09) and 40 (01-20 → 03-01) → 35 (D-1, D-4 are open);
    //      visits 1·3·2 + 10·1·1 + 2·2·1.5 = 6 + 10 + 6 = 22; tickets of 4.5 h and 17.5 h → 11.
    // p02: pipeline 2 500; no deal reached quote; one rating 5 → 1; one deal closed after 20 days
    //      (02-01 → 02-21); visits 1·3·1.5 = 4.5; tickets 6 h and one still open → 6.
    // p03: no deals, responses or tickets; visits 4 calls · 1 · 1 = 4.
    expect(actuals).toEqual({
      p01: ["83000", "0.6667", "0.5", "35", "22", "11"],
      p02: ["2500", null, "1", "20", "4.5", "6"],
      p03: ["0", null, null, null, "4", null],
    });
    const p01 = run.statements[0];
    expect(p01?.trace.find((step) => step.step === "kpi.pipeline.actual")?.inputs).toEqual({ from: "deals", events: "4", total: "200000", weighted: "83000" });
  });

  it("hashes the deals and responses into the audit record; validate and explain read them from the plan's inputs", async () => {
    const run = JSON.parse((await cli("run", example("plan.json"), "--no-trace")).out) as PayoutRun & { inputs?: Record<string, { file: string; sha256: string }> };
    const header = run as unknown as { inputs: Record<string, { file: string; sha256: string }> };
    expect(Object.keys(header.inputs).sort()).toEqual(["activities", "data", "deals", "plan", "responses", "tickets"]);
    expect(header.inputs["tickets"]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(header.inputs["deals"]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const validate = await cli("validate", example("plan.json"));
    expect([validate.code, validate.err]).toEqual([0, ""]);
    expect(validate.out).toContain("3 statements computed");
    const explained = await cli("explain", example("plan.json"), "--person", "p01", "--locale", "en");
    expect([explained.code, explained.err]).toEqual([0, ""]);
    expect(explained.out).toContain("pipeline value");
  });

  it("gives the same run with --deals and --responses as with the plan's inputs", async () => {
    const bare = await cli("run", example("plan.json"), "--no-trace");
    const flagged = await cli("run", example("plan.json"), "--no-trace", "--deals", example("deals.csv"), "--responses", example("responses.csv"), "--activities", example("activities.csv"), "--tickets", example("tickets.csv"));
    expect(flagged.code).toBe(0);
    expect(flagged.out).toBe(bare.out);
  });

  it("names the file, line and column of a bad cell", async () => {
    const deals = dir.write("deals.csv", "person,amount,probability,stage\np01,100000,0.5,quote\np01,12.000,60%,won\n");
    const { code, err } = await cli("run", example("plan.json"), "--deals", deals);
    expect(code).not.toBe(0);
    expect(err).toContain("deals.csv:3:3: probability: expected a plain number");
    const responses = dir.write("responses.csv", "person,score\np01,5\np07,4\n");
    const second = await cli("run", example("plan.json"), "--responses", responses);
    expect(second.err).toContain('responses.csv:3:1: person: "p07" is not on the roster');
  });

  it("names the file, line and column of a bad activity, ticket or deal date", async () => {
    const activities = dir.write("activities.csv", "person,type,tier\np01,visit,key\np01,visit,C\n");
    const tier = await cli("run", example("plan.json"), "--activities", activities);
    expect(tier.code).not.toBe(0);
    expect(tier.err).toContain(`activities.csv:3:3: tier: "C" has no weight in KPI "visits"'s weights.byTier ("key", "A", "B")`);
    const unknown = await cli("run", example("plan.json"), "--activities", dir.write("a2.csv", "person,type,tier\np01,visit,key\np08,call,B\n"));
    expect(unknown.err).toContain('a2.csv:3:1: person: "p08" is not on the roster');
    const late = await cli("run", example("plan.json"), "--activities", dir.write("a3.csv", "person,type,tier,date\np01,visit,key,2026-04-02\n"));
    expect(late.err).toContain("a3.csv:2:4: date: 2026-04-02 is outside the plan's period 2026-01-01 to 2026-03-31");
    const tickets = dir.write("tickets.csv", "person,openedAt,resolvedAt\np01,2026-03-02T09:00:00+08:00,2026-03-02T13:30:00+08:00\np02,2026-03-05T10:00:00+08:00,2026-03-05T09:00:00+08:00\n");
    const early = await cli("run", example("plan.json"), "--tickets", tickets);
    expect(early.code).not.toBe(0);
    expect(early.err).toContain("tickets.csv:3:3: resolvedAt: 2026-03-05T09:00:00+08:00 is before the ticket was opened (openedAt 2026-03-05T10:00:00+08:00)");
    const deals = dir.write("deals.csv", "person,amount,probability,stage,openedAt,closedAt\np01,1,1,won,2026-01-05,2026-02-30\n");
    const bad = await cli("run", example("plan.json"), "--deals", deals);
    expect(bad.err).toContain('deals.csv:2:6: closedAt: is not a real calendar date; got "2026-02-30"');
  });

  it("refuses a file without its columns, naming what it needs", async () => {
    const responses = dir.write("responses.csv", "person,rating\np01,5\n");
    const { code, err } = await cli("run", example("plan.json"), "--responses", responses);
    expect(code).not.toBe(0);
    expect(err).toContain('responses.csv:1: no column "score" in the header; a responses file has person, score; the header has: person, rating');
    const tickets = dir.write("tickets.csv", "person,opened,resolved\np01,2026-03-02T09:00Z,\n");
    expect((await cli("run", example("plan.json"), "--tickets", tickets)).err).toContain('tickets.csv:1: no column "openedAt" in the header; a tickets file has person, openedAt, resolvedAt; the header has: person, opened, resolved');
  });

  it("does not quote the header of a file with none of the kind's columns (it may be any file)", async () => {
    const other = dir.write("passwd.csv", "root:x:0:0:root:/root:/bin/bash\n");
    const { code, err } = await cli("run", example("plan.json"), "--tickets", other);
    expect([code, err]).toEqual([2, `${other}:1: no column "person" in the header, nor any other column of a tickets file (columns on the first line: 1); a tickets file has person, openedAt, resolvedAt\n`]);
    expect(err).not.toContain("root");
  });
});

describe("readListFile", () => {
  it("keeps the list's columns as the CSV gives them, and reads JSON", async () => {
    const read = await readListFile("deals", example("deals.csv"), root);
    expect(read.rows[0]).toEqual({ person: "p01", amount: "100000", probability: "0.5", stage: "quote", openedAt: "2026-01-05", closedAt: "" });
    const costed = dir.write("costed.csv", "person,amount,cost,stage\np01,1000,600,won\n");
    expect((await readListFile("deals", costed, dir.path)).rows).toEqual([{ person: "p01", amount: "1000", stage: "won", cost: "600" }]);
    expect((await readListFile("activities", example("activities.csv"), root)).rows[1]).toEqual({ person: "p01", type: "call", tier: "B", date: "2026-01-09", count: "10" });
    expect((await readListFile("tickets", example("tickets.csv"), root)).rows[3]).toEqual({ person: "p02", openedAt: "2026-03-20T09:00:00+08:00", resolvedAt: "" });
    const tickets = dir.write("tickets.json", JSON.stringify([{ person: "p01", openedAt: "2026-03-02T09:00Z" }]));
    expect((await readListFile("tickets", tickets, dir.path)).rows).toEqual([{ person: "p01", openedAt: "2026-03-02T09:00Z" }]);
    const json = dir.write("responses.json", JSON.stringify([{ person: "p01", score: 5 }]));
    expect((await readListFile("responses", json, dir.path)).rows).toEqual([{ person: "p01", score: 5 }]);
    const bad = dir.write("bad.json", JSON.stringify([{ score: 5 }]));
    await expect(readListFile("responses", bad, dir.path)).rejects.toThrow(/bad\.json: \[0\]\.person|bad\.json: 0\.person|person/);
  });
});

describe("validate and explain take run's input flags (PLAN_INPUT_FLAGS)", () => {
  it("validate reads --deals, --responses, --activities and --tickets over the plan's inputs", async () => {
    const ok = await cli("validate", example("plan.json"), "--responses", example("responses.csv"));
    expect([ok.code, ok.err]).toEqual([0, ""]);
    expect(ok.out).toMatch(/: valid \(version 1, \d+ KPIs\); .*data\.csv: 3 statements computed\n$/);
    for (const [flag, file, needs] of [
      ["--deals", "deals.csv", 'no column "person"'],
      ["--responses", "responses.csv", 'no column "score"'],
      ["--activities", "activities.csv", 'no column "type"'],
      ["--tickets", "tickets.csv", 'no column "openedAt"'],
    ] as const) {
      const wrong = dir.write(file, "person_id,x\np01,1\n");
      const result = await cli("validate", example("plan.json"), flag, wrong);
      expect([result.code, result.err.startsWith(`${wrong}:1: `), result.err.includes(needs) || result.err.includes('no column "person"')]).toEqual([2, true, true]);
    }
  });

  it("validate without data refuses another input's flag as a usage error, naming it", async () => {
    const plan = dir.write("plan.json", JSON.stringify({ ...(JSON.parse(readFileSync(example("plan.json"), "utf8")) as object), inputs: undefined }));
    expect(await cli("validate", plan, "--tickets", example("tickets.csv"))).toEqual({
      code: 64,
      out: "",
      err: "payscore validate: --tickets needs --data (see payscore validate --help)\n",
    });
  });

  it("explain reads --responses over the plan's inputs: p02's CSAT from a file of their own", async () => {
    const before = await cli("explain", example("plan.json"), "--person", "p02", "--locale", "en");
    const responses = dir.write("responses.csv", "person,score\np02,1\np02,1\n");
    const after = await cli("explain", example("plan.json"), "--person", "p02", "--locale", "en", "--responses", responses);
    expect([before.code, after.code, after.err]).toEqual([0, 0, ""]);
    expect(after.out).not.toBe(before.out);
    const wrong = dir.write("deals.csv", "who\np01\n");
    expect((await cli("explain", example("plan.json"), "--person", "p02", "--deals", wrong)).err).toMatch(/deals\.csv:1: no column "person" in the header/);
  });

  it("names the input flags in the help of all three commands", async () => {
    for (const command of ["run", "validate", "explain"]) {
      const { out } = await cli(command, "--help");
      for (const flag of ["--transactions", "--deals", "--responses", "--activities", "--tickets", "--max-rows"]) expect(out, `${command} ${flag}`).toContain(flag);
    }
  });
});
