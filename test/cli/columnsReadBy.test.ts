import { describe, expect, it } from "vitest";
import { columnsReadBy } from "../../src/cli/columnsReadBy.js";
import { parsePlan } from "../../src/index.js";
import { commissionPlan } from "./fixtures.js";

describe("columnsReadBy", () => {
  it("lists each column once, with the first place in the plan that names it", () => {
    // sales is the KPI's actual (kpis[0].actual) and the commission base: listed once, at the KPI.
    expect(columnsReadBy(parsePlan({ ...commissionPlan, pay: { commission: { base: { column: "sales" }, tiers: [{ from: "0", rate: "0.03" }] } } }))).toEqual([
      { column: "sales", path: ["kpis", 0, "actual"] },
    ]);
  });

  it("reads targets from columns, a derived indicator's columns and the commission base", () => {
    const plan = parsePlan({
      ...commissionPlan,
      kpis: [
        { id: "sales", weight: "0.5", actual: "sales", target: { column: "quota" } },
        { id: "collection", weight: "0.5", actual: { indicator: "collection-rate", collected: "cash", billed: "billed" }, target: "0.9" },
      ],
      pay: { commission: { base: { column: "cash" }, tiers: [{ from: "0", rate: "0.03" }] } },
    });
    expect(columnsReadBy(plan)).toEqual([
      { column: "sales", path: ["kpis", 0, "actual"] },
      { column: "quota", path: ["kpis", 0, "target", "column"] },
      { column: "cash", path: ["kpis", 1, "actual", "collected"] },
      { column: "billed", path: ["kpis", 1, "actual", "billed"] },
    ]);
  });

  it("leaves out a list indicator (it reads a list input, not the rows) and constant targets", () => {
    const plan = parsePlan({ ...commissionPlan, kpis: [{ id: "csat", weight: 1, actual: { indicator: "csat", from: "responses" }, target: "0.8" }], pay: undefined });
    expect(columnsReadBy(plan)).toEqual([]);
  });
});
