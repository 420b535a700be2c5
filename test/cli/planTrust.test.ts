import { describe, expect, it } from "vitest";
import { commissionPlan, goodCsv } from "./fixtures.js";
import { cliSandbox } from "./helpers.js";

// Issue 18: plans a finance analyst can trust, at the command line.

const { dir, cli } = cliSandbox();

const badTiers = { ...commissionPlan, pay: { commission: { base: { column: "sales" }, tiers: [{ from: "1", rate: "0.03" }, { from: "200000", rate: "0.05" }] } } };

describe("validate finds every fault of the plan itself", () => {
  it("refuses tiers that do not start at 0, naming the plan's field", async () => {
    dir.write("plan.json", JSON.stringify(badTiers));
    const { code, out, err } = await cli("validate", "plan.json");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toBe('plan.json: pay.commission.tiers[0].from is "1": the first tier must start at 0 (it pays the slice from 0 up to the next tier)\n');
  });

  it("run blames the plan, not a data line, for a plan fault", async () => {
    dir.write("plan.json", JSON.stringify(badTiers));
    dir.write("data.csv", goodCsv);
    const { code, err } = await cli("run", "plan.json", "--data", "data.csv");
    expect(code).toBe(2);
    expect(err).toBe('plan.json: pay.commission.tiers[0].from is "1": the first tier must start at 0 (it pays the slice from 0 up to the next tier)\n');
    expect(err).not.toContain("data.csv");
  });

  it("names a pool's cap as the plan does", async () => {
    dir.write("plan.json", JSON.stringify({ ...commissionPlan, pay: { pools: [{ id: "q1", budget: "1000", cap: -1 }] } }));
    const { code, err } = await cli("validate", "plan.json");
    expect(code).toBe(2);
    expect(err).toBe("plan.json: pay.pools[0].cap is -1: a cap must not be negative\n");
    expect(err).not.toContain("entries");
  });
});

describe("the plan names its input files", () => {
  const withInputs = (inputs: Record<string, string>) => JSON.stringify({ ...commissionPlan, inputs });

  it("reads them from the plan's folder, and a flag overrides one", async () => {
    dir.write("team-data.csv", goodCsv.replace("412000", "1"));
    const { mkdirSync } = await import("node:fs");
    mkdirSync(`${dir.path}/team`);
    dir.write("team/plan.json", withInputs({ data: "data.csv" }));
    dir.write("team/data.csv", goodCsv);
    const run = await cli("run", "team/plan.json", "--format", "csv");
    expect([run.code, run.err]).toEqual([0, ""]);
    expect(run.out).toContain("C01,Zhao Lei");
    expect(run.out).toContain("16600.00");
    const overridden = await cli("run", "team/plan.json", "--data", "team-data.csv", "--format", "csv");
    expect(overridden.code).toBe(0);
    expect(overridden.out).not.toContain("16600.00");
    const valid = await cli("validate", "team/plan.json");
    expect(valid.out).toBe("team/plan.json: valid (version 1, 1 KPI); team/data.csv: 3 statements computed\n");
  });

  it("names the plan's data file in a data problem", async () => {
    const { mkdirSync } = await import("node:fs");
    mkdirSync(`${dir.path}/team`);
    dir.write("team/plan.json", withInputs({ data: "data.csv" }));
    dir.write("team/data.csv", "id,name,sales\nC01,Zhao Lei,\"1,200\"\n");
    const { code, err } = await cli("run", "team/plan.json");
    expect(code).toBe(2);
    expect(err).toMatch(/^team\/data\.csv:2:3: sales: /);
  });

  it("refuses a path that leaves the plan's folder: .., absolute, or a link out", async () => {
    const { mkdirSync, symlinkSync } = await import("node:fs");
    mkdirSync(`${dir.path}/team`);
    dir.write("secret.csv", goodCsv);
    dir.write("team/plan.json", withInputs({ data: "../secret.csv" }));
    expect((await cli("run", "team/plan.json")).err).toBe(
      'team/plan.json: inputs.data is "../secret.csv": the path leaves the plan\'s folder; name a file in the plan\'s folder (such as "data.csv") or pass --data\n',
    );
    dir.write("team/plan.json", withInputs({ ratings: `${dir.path}/secret.csv` }));
    const absolute = await cli("validate", "team/plan.json");
    expect(absolute.code).toBe(2);
    expect(absolute.err).toBe(
      `team/plan.json: inputs.ratings is ${JSON.stringify(`${dir.path}/secret.csv`)}: an absolute path is not allowed in a plan; name a file in the plan's folder (such as "ratings.csv") or pass --ratings\n`,
    );
    symlinkSync(`${dir.path}/secret.csv`, `${dir.path}/team/data.csv`);
    dir.write("team/plan.json", withInputs({ data: "data.csv" }));
    const linked = await cli("explain", "team/plan.json", "--person", "C01");
    expect(linked.code).toBe(2);
    expect(linked.err).toBe(
      'team/plan.json: inputs.data is "data.csv": it is a link to a file outside the plan\'s folder; name a file in the plan\'s folder (such as "data.csv") or pass --data\n',
    );
    // A flag is the user's own choice: it may point anywhere.
    expect((await cli("run", "team/plan.json", "--data", "secret.csv", "--format", "csv")).code).toBe(0);
  });

  it("asks for the data when neither the plan nor a flag names it", async () => {
    dir.write("plan.json", JSON.stringify(commissionPlan));
    expect((await cli("explain", "plan.json", "--person", "C01")).err).toBe(
      'payscore explain: --data <file> is required, or the plan\'s "inputs": { "data": … } (see payscore explain --help)\n',
    );
  });

  it("refuses an empty input path in the plan, naming the field", async () => {
    dir.write("plan.json", withInputs({ data: "" }));
    expect((await cli("validate", "plan.json")).err).toBe('plan.json: inputs.data is "": expected a file name in the plan\'s folder, e.g. "data.csv"\n');
  });
});

describe("a promotion rule with missing history", () => {
  const regional = (name: string): string => new URL(`../../examples/regional-team/${name}`, import.meta.url).pathname;

  it("refuses a person missing from history.csv, naming the file and the person", async () => {
    const { readFileSync } = await import("node:fs");
    const lines = readFileSync(regional("history.csv"), "utf8").trim().split("\n");
    dir.write("history.csv", `${lines.filter((line) => !line.startsWith("R05,")).join("\n")}\n`);
    const { code, err } = await cli("run", regional("plan.json"), "--history", "history.csv");
    expect(code).toBe(2);
    expect(err).toBe(
      'history.csv: history.R05 is missing: person "R05" has no earlier periods in the history, which the promotion rule needs (it counts the last 3); add them, or set promotion.missingHistory to "not-eligible"\n',
    );
  });

  it("refuses a run without history, naming the plan", async () => {
    const { readFileSync } = await import("node:fs");
    const { inputs: _inputs, ...plan } = JSON.parse(readFileSync(regional("plan.json"), "utf8")) as Record<string, unknown>;
    dir.write("plan.json", JSON.stringify(plan));
    const { code, err } = await cli("run", "plan.json", "--data", regional("data.csv"), "--ratings", regional("ratings.csv"));
    expect(code).toBe(2);
    expect(err).toBe(
      'plan.json: the plan has a promotion rule over the last 3 periods (promotion) but no history was given; pass --history <history.csv> (id and one column per earlier period, oldest first), name it in the plan\'s "inputs", or set promotion.missingHistory to "not-eligible"\n',
    );
  });

  it("labels the earlier periods by the history file's columns in the trace", async () => {
    const { readFileSync } = await import("node:fs");
    const { code } = await cli("run", regional("plan.json"), "--out", "run.json");
    expect(code).toBe(0);
    const run = JSON.parse(readFileSync(`${dir.path}/run.json`, "utf8")) as { statements: { trace: { step: string; inputs: Record<string, string> }[] }[] };
    const step = run.statements[0]?.trace.find((s) => s.step === "promotion");
    expect(step?.inputs["periods"]).toBe("2025-Q3, 2025-Q4, 2026-Q1");
  });
});
