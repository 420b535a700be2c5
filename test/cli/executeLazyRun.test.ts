import { describe, expect, it } from "vitest";
import { CliError } from "../../src/cli/CliError.js";
import { executeLazyRun } from "../../src/cli/executeLazyRun.js";
import { parsePlan } from "../../src/index.js";
import { commissionLoaded, commissionPlan } from "./fixtures.js";

const plan = parsePlan(commissionPlan);
const loaded = commissionLoaded;

describe("executeLazyRun", () => {
  it("makes the statements one at a time: C02's commission on 100 000 is 100 000 · 3 % = 3 000.00", () => {
    const run = executeLazyRun(plan, loaded("412000"), "plan.json", false);
    expect(run.size).toBe(2);
    const statements = [run.statementAt(0), run.statementAt(1)];
    expect(statements.map((s) => s.pay.find((line) => line.component === "commission")?.amount)).toEqual(["16600.00", "3000.00"]);
  });

  it("puts the audit record (input hashes, the time) in the run's header", () => {
    const inputs = { plan: { file: "plan.json", sha256: "a".repeat(64) } };
    const run = executeLazyRun(plan, loaded("1"), "plan.json", false, { inputs, runAt: "2026-04-01T08:00:00.000Z" });
    expect([run.inputs, run.runAt]).toEqual([inputs, "2026-04-01T08:00:00.000Z"]);
  });

  it("turns a fault in the data into a CliError at the file, line and column, with the library's code and path", () => {
    let caught: unknown;
    try {
      executeLazyRun(plan, loaded("1,200"), "plan.json", false).statementAt(0);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CliError);
    expect(caught).toMatchObject({ exitCode: 2, code: "INVALID_DATA", path: ["rows", 0, "sales"] });
    expect((caught as CliError).lines[0]).toMatch(/^data\.csv:2:3: sales must be a plain decimal number .*got "1,200"$/);
  });
});
