import { describe, expect, it } from "vitest";
import { CliError } from "../../src/cli/CliError.js";
import { executeRun } from "../../src/cli/executeRun.js";
import { parsePlan } from "../../src/index.js";
import { commissionLoaded, commissionPlan } from "./fixtures.js";

const plan = parsePlan(commissionPlan);
const loaded = commissionLoaded;

describe("executeRun", () => {
  it("runs the plan: C01's commission on 412 000 is 200 000 · 3 % + 212 000 · 5 % = 16 600.00", () => {
    const run = executeRun(plan, loaded("412000"), "plan.json", true);
    expect(run.statements.map((s) => s.person.id)).toEqual(["C01", "C02"]);
    expect(run.statements[0]?.pay.find((line) => line.component === "commission")?.amount).toBe("16600.00");
    expect(run.statements[0]?.trace.length).toBeGreaterThan(0);
    expect(executeRun(plan, loaded("412000"), "plan.json", false).statements[0]?.trace).toEqual([]);
  });

  it("turns a fault in the data into a CliError at the file, line and column, with the library's code and path", () => {
    let caught: unknown;
    try {
      executeRun(plan, loaded("abc"), "plan.json", false);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CliError);
    const error = caught as CliError;
    expect([error.exitCode, error.code, error.path]).toEqual([2, "INVALID_DATA", ["rows", 0, "sales"]]);
    expect(error.lines).toEqual(['data.csv:2:3: sales must be a plain decimal number such as "1200.50" (no thousands separators or currency signs); got "abc"']);
  });
});
