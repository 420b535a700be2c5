import { describe, expect, it } from "vitest";
import { bulkRun, unitsFixed, unitsText } from "../../src/plan/bulkRun.js";
import { parsePlan } from "../../src/plan/index.js";

// The columnar run behind runPlan/runPlanLazy with { trace: false }: the examples of its TSDoc.
// Its statements are compared with the per-person path's in runPlan.prop.test.ts and
// runPlanLazy.prop.test.ts.

describe("bulkRun", () => {
  const plan = parsePlan({
    version: 1,
    currency: "CNY",
    period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
    kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000 }],
  });

  it("scores a plain row with integers: 100 · 120000 / 100000 = 120", () => {
    expect(bulkRun(plan, plan, { rows: [{ id: "p01", sales: "120000" }] })?.statementAt(0).score).toBe("120");
  });

  it("scores a row it cannot read as an integer on the Decimal path, to the same digits", () => {
    expect(bulkRun(plan, plan, { rows: [{ id: "p01", sales: "12e4" }] })?.statementAt(0).score).toBe("120");
  });

  it("leaves a bad cell to the per-person path, which reports it", () => {
    expect(bulkRun(plan, plan, { rows: [{ id: "p01", sales: "12 0000" }] })).toBeUndefined();
  });
});

describe("unitsText and unitsFixed", () => {
  it("write units as Decimal#toString and Decimal#toFixed(scale) do", () => {
    expect([unitsText(12050, 2), unitsText(-5, 3), unitsText(0, 4), unitsText(7, 0)]).toEqual(["120.5", "-0.005", "0", "7"]);
    expect([unitsFixed(12050, 2), unitsFixed(-5, 3), unitsFixed(0, 2), unitsFixed(7, 0)]).toEqual(["120.50", "-0.005", "0.00", "7"]);
  });
});
