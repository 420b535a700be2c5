import { describe, expect, it } from "vitest";
import { runEngine } from "../../src/plan/runEngine.js";
import { unitsFixed, unitsText } from "../../src/plan/stages/unitsText.js";
import { parsePlan } from "../../src/plan/index.js";

// The one engine behind runPlan/runPlanLazy: the examples of its TSDoc. Its statements are
// compared with the oracle's (test/plan/oracle/perPersonRun.ts) in runPlanLazy.prop.test.ts.

describe("runEngine", () => {
  const plan = parsePlan({
    version: 1,
    currency: "CNY",
    period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
    kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000 }],
  });

  it("scores a plain row with integers: 100 · 120000 / 100000 = 120", () => {
    expect(runEngine(plan, plan, { rows: [{ id: "p01", sales: "120000" }] }, false, false).statementAt(0).score).toBe("120");
  });

  it("scores a row it cannot read as an integer on the Decimal path, to the same digits", () => {
    expect(runEngine(plan, plan, { rows: [{ id: "p01", sales: "12e4" }] }, false, false).statementAt(0).score).toBe("120");
  });

  it("reports a bad cell with its path", () => {
    expect(() => runEngine(plan, plan, { rows: [{ id: "p01", sales: "12 0000" }] }, false, false)).toThrow(/rows\[0\]\.sales must be a plain decimal number/);
  });

  it("reads ratings from any iterable, once", () => {
    const review = parsePlan({
      version: 1,
      currency: "CNY",
      period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
      kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000 }],
      score: { kpi: 0.5, review360: 0.5 },
      review360: { weights: { manager: 1 }, scale: { min: 1, max: 5 } },
    });
    let reads = 0;
    function* ratings(): Generator<{ person: string; rater: string; group: string; score: string }> {
      reads++;
      yield { person: "p01", rater: "m1", group: "manager", score: "4" };
    }
    const run = runEngine(review, review, { rows: [{ id: "p01", sales: "120000" }], ratings: ratings() }, false, false);
    expect(reads).toBe(1);
    expect(run.statementAt(0).review360?.points).toBe("75");
    expect(run.statementAt(0).score).toBe("97.5");
  });
});

describe("unitsText and unitsFixed", () => {
  it("write units as Decimal#toString and Decimal#toFixed(scale) do", () => {
    expect([unitsText(12050, 2), unitsText(-5, 3), unitsText(0, 4), unitsText(7, 0)]).toEqual(["120.5", "-0.005", "0", "7"]);
    expect([unitsFixed(12050, 2), unitsFixed(-5, 3), unitsFixed(0, 2), unitsFixed(7, 0)]).toEqual(["120.50", "-0.005", "0.00", "7"]);
  });
});
