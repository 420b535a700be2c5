import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PayscoreError, runPlan, type Plan } from "../../src/index.js";
import { inPlanWords } from "../../src/plan/planErrorMap.js";
import { runCli } from "../../src/cli/runCli.js";
import { captureIo, tempDir, type TempDir } from "../cli/helpers.js";

// Issue 18: a data error names what the user wrote (the KPI, the plan's field), never the option
// object of a domain function the run called (values.<kpi>.target, parts.variable.targetAmount).

const period = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };
const columnTarget = { version: 1, currency: "CNY", period, kpis: [{ id: "sales", weight: 1, actual: "sales", target: { column: "salesTarget" } }] } as unknown as Plan;
const incentive = {
  version: 1,
  currency: "CNY",
  period,
  kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100 }],
  pay: { targetIncentive: { amount: { column: "bonusTarget" }, measure: "score", curve: { points: [{ x: 0, y: 0 }, { x: 1, y: 1 }] } } },
} as unknown as Plan;

function failure(run: () => unknown): PayscoreError {
  try {
    run();
  } catch (error) {
    if (error instanceof PayscoreError) return error;
    throw error;
  }
  throw new Error("did not throw");
}

describe("data errors in the plan's words", () => {
  it("names a KPI's negative target by the KPI, not values.<kpi>.target", () => {
    const error = failure(() => runPlan(columnTarget, { rows: [{ id: "p1", sales: "10", salesTarget: "-5" }] }));
    expect(error.message).toBe('person "p1", KPI score: KPI "sales" target must not be negative; got -5');
    expect(error.message).not.toContain("values.");
    expect(error.path).toEqual(["rows", 0]);
  });

  it("names a zero target by the KPI, and the plan's zeroTarget", () => {
    const error = failure(() => runPlan(columnTarget, { rows: [{ id: "p1", sales: "10", salesTarget: "0" }] }));
    expect(error.code).toBe("ZERO_DENOMINATOR");
    expect(error.message).toBe('person "p1", KPI score: KPI "sales" target is 0, so attainment is undefined (division by zero); set zeroTarget to "zero" or "full" to score a zero target');
  });

  it("names a negative target incentive amount pay.targetIncentive.amount, not parts.variable.targetAmount", () => {
    const error = failure(() => runPlan(incentive, { rows: [{ id: "p1", sales: "10", bonusTarget: "-5" }] }));
    expect(error.message).toBe('person "p1", target incentive: pay.targetIncentive.amount must not be negative; got -5');
    expect(error.path).toEqual(["rows", 0]);
  });

  it("rewords the domain's names wherever they stand, and only them", () => {
    expect(inPlanWords('values["net sales"].actual must be a number')).toBe('KPI "net sales" actual must be a number');
    expect(inPlanWords("parts.variable.attainment must not be negative")).toBe("pay.targetIncentive.measure must not be negative");
    expect(inPlanWords("parts.variable.grade is required with parts.variable.multipliers")).toBe("pay.gradeMultipliers is required with pay.gradeMultipliers");
    expect(inPlanWords("rows[0].values.x.target is empty")).toBe("rows[0].values.x.target is empty"); // a data column path stays
    expect(inPlanWords("kpis[0].target must be a number")).toBe("kpis[0].target must be a number");
  });
});

describe("payscore run", () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => {
    dir.remove();
  });

  it("reports the data line with the plan's words", async () => {
    dir.write("plan.json", JSON.stringify(incentive));
    dir.write("data.csv", "id,sales,bonusTarget\np1,10,-5\n");
    const io = captureIo(dir.path);
    expect(await runCli(["run", "plan.json", "--data", "data.csv"], io)).toBe(2);
    expect(io.err()).toContain("pay.targetIncentive.amount must not be negative; got -5");
    expect(io.err()).toContain("data.csv:2");
    expect(io.err()).not.toContain("parts.variable");
  });
});
