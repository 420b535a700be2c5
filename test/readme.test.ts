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
