import { describe, expect, it } from "vitest";
import { parsePlan, type PlanInput } from "../../../src/plan/index.js";
import { orgTargets, type OrgTarget } from "../../../src/plan/stages/orgTargets.js";
import { readInputs } from "../../../src/plan/stages/readInputs.js";
import { runContext } from "../../../src/plan/stages/RunContext.js";
import { fault } from "../../helpers.js";

const period = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };
const people = [
  { id: "p1", region: "North", team: "N1" },
  { id: "p2", region: "North", team: "N1" },
  { id: "p3", region: "South", team: "S1" },
];

/** The stage on a plan whose one KPI has the org target `target`. */
function decompose(target: unknown, roster: readonly Record<string, string>[] = people, rows: readonly Record<string, string>[] = roster.map((p) => ({ id: p["id"] as string }))) {
  const p = parsePlan({ version: 1, currency: "CNY", period, people: roster, kpis: [{ id: "sales", weight: 1, actual: "sales", target }] } as PlanInput);
  const kpi = p.kpis[0] as (typeof p.kpis)[number];
  const ctx = runContext(p, readInputs(p, { rows }).people, false);
  return orgTargets(ctx, kpi, 0, kpi.target as OrgTarget);
}

describe("orgTargets", () => {
  it("splits 9000 over region → team by the regions' weights 2 : 1, then equally (the @example)", () => {
    // North 9000 · 2/3 = 6000 → N1 6000 → p1, p2 3000 each; South 3000 → S1 → p3 3000.
    const result = decompose({ over: ["region", "team"], total: 9000, weights: { region: { North: 2, South: 1 } } });
    expect([...result.amounts]).toEqual([["p1", "3000"], ["p2", "3000"], ["p3", "3000"]]);
    expect(result.formula).toBe("decomposeTree(total, region → team → person) — this person's share at each level");
  });

  it("weighs units by their headcount without weights: 9000 → North 6000 (2 people), South 3000", () => {
    expect([...decompose({ over: ["region"], total: 9000 }).amounts]).toEqual([["p1", "3000"], ["p2", "3000"], ["p3", "3000"]]);
  });

  it("takes given totals for the first level, and a weight column between a unit's people", () => {
    // N1 1000 split by weights 3 : 1 → 750, 250; S1 500 → p3.
    const rows = [{ id: "p1", w: "3" }, { id: "p2", w: "1" }, { id: "p3", w: "5" }];
    const result = decompose({ over: ["team"], totals: { N1: 1000, S1: 500 }, weightColumn: "w" }, people, rows);
    expect([...result.amounts]).toEqual([["p1", "750"], ["p2", "250"], ["p3", "500"]]);
    // The trace: the top (1500 = 1000 + 500), p1's team and its target, p1's weight of the team's 4.
    expect(result.inputsOf(0)).toEqual({ total: "1500", team: "N1", teamTarget: "1000", weight: "3", totalWeight: "4" });
  });

  it("splits exactly at every level: 100 over three equal people is 33.34, 33.33, 33.33", () => {
    const amounts = [...decompose({ over: ["team"], totals: { N1: "66.67", S1: "33.33" } }).amounts.values()];
    expect(amounts).toEqual(["33.34", "33.33", "33.33"]);
    expect(amounts.reduce((sum, a) => sum + Math.round(Number(a) * 100), 0)).toBe(10000);
  });

  it("refuses a person without a unit, a unit missing from the weights or totals, a unit nobody is in, and a team under two regions", () => {
    expect(fault(() => decompose({ over: ["team"], total: 10 }, [...people, { id: "p4", region: "South" }]))).toMatchObject({ code: "INVALID_PLAN", path: ["people", 3, "team"] });
    expect(fault(() => decompose({ over: ["region"], total: 10, weights: { region: { North: 1 } } })).code).toBe("INVALID_PLAN");
    expect(fault(() => decompose({ over: ["team"], totals: { N1: 1, S1: 1, X9: 1 } })).code).toBe("INVALID_PLAN");
    expect(fault(() => decompose({ over: ["region", "team"], total: 10 }, [...people, { id: "p4", region: "South", team: "N1" }])).code).toBe("INVALID_PLAN");
  });

  it("refuses negative or empty weight cells, and all-zero weights with something to share", () => {
    const target = { over: ["team"], totals: { N1: 1000, S1: 500 }, weightColumn: "w" };
    expect(fault(() => decompose(target, people, [{ id: "p1", w: "-1" }, { id: "p2", w: "1" }, { id: "p3", w: "1" }])).code).toBe("INVALID_WEIGHTS");
    expect(fault(() => decompose(target, people, [{ id: "p1", w: "" }, { id: "p2", w: "1" }, { id: "p3", w: "1" }])).code).toBe("INVALID_DATA");
    expect(fault(() => decompose(target, people, [{ id: "p1", w: "0" }, { id: "p2", w: "0" }, { id: "p3", w: "1" }])).code).toBe("INVALID_WEIGHTS");
  });
});
