import { describe, expect, it } from "vitest";
import { CliError } from "../../src/cli/CliError.js";
import { DEFAULT_LIMITS } from "../../src/cli/inputLimits.js";
import { planProblemLines, readPlanFile } from "../../src/cli/readPlanFile.js";
import { PayscoreError } from "../../src/index.js";
import { commissionPlan, commissionPlanText } from "./fixtures.js";
import { cliSandbox } from "./helpers.js";

const { dir } = cliSandbox();

async function refusal(file: string, limits = DEFAULT_LIMITS): Promise<CliError> {
  const error: unknown = await readPlanFile(file, dir.path, limits).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(CliError);
  return error as CliError;
}

describe("readPlanFile", () => {
  it("reads and validates a plan: one KPI, sales against 300 000", async () => {
    dir.write("plan.json", commissionPlanText);
    const plan = await readPlanFile("plan.json", dir.path);
    expect([plan.version, plan.currency, plan.kpis.map((kpi) => kpi.id)]).toEqual([1, "CNY", ["sales"]]);
  });

  it("gives one line per schema problem with its JSON path, and the code and path of the first", async () => {
    dir.write("plan.json", JSON.stringify({ ...commissionPlan, kpis: [{ id: "sales", actual: "sales", target: "300000" }], currency: 7 }));
    const error = await refusal("plan.json");
    expect([error.exitCode, error.code]).toEqual([2, "INVALID_PLAN"]);
    expect(error.lines).toEqual(["plan.json: currency is 7: expected a text in quotes", 'plan.json: kpis[0].weight is missing: a number or decimal string, e.g. "0.4"']);
    expect(error.path).toEqual(["currency"]);
  });

  it("refuses a file that is not JSON with its line and column, and one over --max-bytes", async () => {
    dir.write("plan.json", '{ "version": 1,\n}');
    expect((await refusal("plan.json")).lines[0]).toMatch(/^plan\.json:2:1: /);
    dir.write("big.json", commissionPlanText);
    expect(await refusal("big.json", { ...DEFAULT_LIMITS, maxBytes: 100 })).toMatchObject({ code: "LIMIT_EXCEEDED", message: expect.stringMatching(/^big\.json: the file is larger than 100 bytes/) as unknown });
    expect((await refusal("missing.json")).lines[0]).toMatch(/^missing\.json: /);
  });
});

describe("planProblemLines", () => {
  it("lets a message that starts with its field read on, and puts the field in front of any other", () => {
    const error = new PayscoreError("INVALID_PLAN", "two problems", {
      issues: [
        { path: ["kpis", 1, "weight"], message: "kpis[1].weight is missing" },
        { path: ["currency"], message: "must be a three-letter code" },
      ],
    });
    expect(planProblemLines("plan.json", error)).toEqual(["plan.json: kpis[1].weight is missing", "plan.json: currency: must be a three-letter code"]);
  });
});
