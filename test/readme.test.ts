// Keeps the README's first example true: every value it shows is checked here.
import { describe, expect, it } from "vitest";
import { allocate, attainment, scoreKpis, tieredCommission } from "../src/index.js";

describe("the README's first example", () => {
  it("splits 12,000,000 into four quarters", () => {
    expect(allocate(12_000_000, [1, 1, 1, 1]).map(String)).toEqual(["3000000", "3000000", "3000000", "3000000"]);
  });

  it("computes attainment 1.15", () => {
    expect(attainment(1_150_000, 1_000_000).toString()).toBe("1.15");
  });

  it("scores the two-KPI scorecard at 109", () => {
    const { score } = scoreKpis(
      [
        { id: "revenue", weight: "0.7" },
        { id: "collection", weight: "0.3", cap: "1.0" },
      ],
      {
        revenue: { actual: 1_150_000, target: 1_000_000 },
        collection: { actual: 950_000, target: 1_000_000 },
      },
    );
    expect(score.toString()).toBe("109");
  });

  it("pays 37,500 of marginal commission", () => {
    expect(tieredCommission(1_150_000, [{ from: 0, rate: "0.03" }, { from: 1_000_000, rate: "0.05" }]).toString()).toBe("37500");
  });
});

describe("the README's explain in Chinese", () => {
  it("shows lines the command really prints for R01", async () => {
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { fileURLToPath } = await import("node:url");
    const { runCli } = await import("../src/cli/runCli.js");
    const { captureIo } = await import("./cli/helpers.js");
    const root = fileURLToPath(new URL("../", import.meta.url));
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const block = /<!-- readme:explain-zh -->\n```text\n([\s\S]*?)\n```/.exec(readme)?.[1] ?? "";
    const regional = (name: string): string => join(root, "examples", "regional-team", name);
    const io = captureIo(root);
    const args = ["explain", regional("plan.json"), "--data", regional("data.csv"), "--ratings", regional("ratings.csv"), "--history", regional("history.csv"), "--person", "R01", "--locale", "zh-CN"];
    expect(await runCli(args, io)).toBe(0);
    const printed = new Set(io.out().split("\n"));
    const shown = block.split("\n").filter((line) => line.trim() !== "…");
    expect(shown.length).toBeGreaterThan(15);
    for (const line of shown) expect(printed.has(line), line).toBe(true);
  });
});
