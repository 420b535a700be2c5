import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { commissionPlan, goodCsv } from "./fixtures.js";
import { captureIo, tempDir, type TempDir } from "./helpers.js";

// Issue 18: plans a finance analyst can trust, at the command line.

let dir: TempDir;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  dir.remove();
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(dir.path);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

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
