import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import type { PayoutRun } from "../../src/index.js";
import { captureIo, tempDir, type TempDir } from "./helpers.js";

// Issue 21: examples/list-indicators/fiscal-margin.plan.json — a fiscal-year period (fiscalYear),
// a margin over the deals (aggregateMargin) and weights 3 : 1 (normalizeWeights).

const root = fileURLToPath(new URL("../../", import.meta.url));
const plan = join(root, "examples", "list-indicators", "fiscal-margin.plan.json");

let dir: TempDir;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  dir.remove();
});

describe("the fiscal-margin example through the command line", () => {
  it("runs over FY2026 (April to March) with the worked numbers", async () => {
    const io = captureIo(dir.path);
    const code = await runCli(["run", plan, "--no-trace"], io);
    expect([code, io.err()]).toEqual([0, ""]);
    const run = JSON.parse(io.out()) as PayoutRun;
    expect(run.period).toEqual({ start: "2026-04-01", end: "2027-03-31", label: "FY2026" });
    expect(run.subPeriods.map((s) => s.label)).toEqual(["FY2026-Q1", "FY2026-Q2", "FY2026-Q3", "FY2026-Q4"]);
    // Weights 3 : 1 → 0.75, 0.25.
    // p01: margin (30 000 + 120 000) / 400 000 = 0.375 (the open 50 000 deal has no cost) → 1.25 → 125;
    //      CSAT 2 of 4 ratings ≥ 4 = 0.5 → 0.625 → 62.5; 0.75 · 125 + 0.25 · 62.5 = 93.75 + 15.625 = 109.375 → 109.38.
    // p02: margin 20 000 / 80 000 = 0.25 → 0.8333 → 83.33; CSAT 1 → 1.25, capped 1.2 → 120;
    //      0.75 · 83.33 + 0.25 · 120 = 62.4975 + 30 = 92.4975 → 92.5.
    // p03: no deals, no responses: both missing, scored 0.
    expect(run.statements.map((s) => [s.person.id, s.kpis.map((line) => [line.weight, line.actual]), s.score])).toEqual([
      ["p01", [["0.75", "0.375"], ["0.25", "0.5"]], "109.38"],
      ["p02", [["0.75", "0.25"], ["0.25", "1"]], "92.5"],
      ["p03", [["0.75", null], ["0.25", null]], "0"],
    ]);
  });
});
