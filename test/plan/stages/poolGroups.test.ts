import { describe, expect, it } from "vitest";
import { parsePlan, type PlanInput } from "../../../src/plan/index.js";
import { fundedUnitsOf, poolGroupReport, poolGroupsOf } from "../../../src/plan/stages/poolGroups.js";
import { readInputs } from "../../../src/plan/stages/readInputs.js";
import { runContext } from "../../../src/plan/stages/RunContext.js";

/** A run of people with these teams and roles (null: none). */
function ctxOf(roster: readonly { id: string; team?: string; role?: string }[]) {
  const p = parsePlan({ version: 1, currency: "CNY", period: { start: "2026-01-01", end: "2026-03-31", label: "Q1" }, people: roster, kpis: [{ id: "s", weight: 1, actual: "s", target: 1 }] } as PlanInput);
  return runContext(p, readInputs(p, { rows: roster.map((person) => ({ id: person.id, s: "1" })) }).people, false);
}

describe("poolGroupsOf", () => {
  it("divides 100.00 by headcount, 1 manager and 2 reps: 33.33 and 66.67 (the @example)", () => {
    const ctx = ctxOf([{ id: "a", role: "rep" }, { id: "b", role: "manager" }, { id: "c", role: "rep" }]);
    // 10000 · 1/3 = 3333.33…, 10000 · 2/3 = 6666.66…: floors 3333 + 6666 = 9999; the unit left
    // goes to the larger remainder, the reps' 0.67 (not the manager's 0.33).
    const groups = poolGroupsOf(ctx, Int32Array.of(0, 1, 2), "role", 10000);
    expect(groups.map((g) => [g.group, Array.from(g.at), g.units])).toEqual([
      ["manager", [1], 3333],
      ["rep", [0, 2], 6667],
    ]);
  });

  it("puts the people without a team in the group \"\", first by name, and ties to the group first by name", () => {
    const ctx = ctxOf([{ id: "a", team: "West" }, { id: "b" }, { id: "c", team: "East" }]);
    // Three groups of one: 100 units → 33.33… each; floors 33 · 3 = 99, the one left to the first by name ("").
    const groups = poolGroupsOf(ctx, Int32Array.of(0, 1, 2), "team", 100);
    expect(groups.map((g) => [g.group, g.units])).toEqual([
      ["", 34],
      ["East", 33],
      ["West", 33],
    ]);
  });

  it("gives nothing to divide as 0 to each group, and no groups for no members", () => {
    const ctx = ctxOf([{ id: "a", role: "rep" }, { id: "b", role: "lead" }]);
    expect(poolGroupsOf(ctx, Int32Array.of(0, 1), "role", 0).map((g) => g.units)).toEqual([0, 0]);
    expect(poolGroupsOf(ctx, new Int32Array(0), "role", 500)).toEqual([]);
  });

  it("always sums the groups' parts to the funded pool exactly", () => {
    const ctx = ctxOf(Array.from({ length: 7 }, (_, i) => ({ id: `p${i}`, team: ["A", "B", "C"][i % 3] as string })));
    for (const funded of [0, 1, 2, 99, 100, 12345, 999999]) {
      const groups = poolGroupsOf(ctx, Int32Array.from({ length: 7 }, (_, i) => i), "team", funded);
      expect(groups.reduce((sum, g) => sum + g.units, 0)).toBe(funded);
      expect(groups.map((g) => g.at.length)).toEqual([3, 2, 2]);
    }
  });
});

describe("poolGroupReport and fundedUnitsOf", () => {
  it("reports a group's headcount, part, allocations and what is left, at the minor units", () => {
    expect(poolGroupReport({ group: "rep", at: Int32Array.of(0, 1), units: 6666 }, 6666, 2)).toEqual({ group: "rep", people: 2, amount: "66.66", allocated: "66.66", unallocated: "0.00" });
    // A capped group leaves some of its part unallocated.
    expect(poolGroupReport({ group: "lead", at: Int32Array.of(3), units: 5000 }, 4000, 2)).toEqual({ group: "lead", people: 1, amount: "50.00", allocated: "40.00", unallocated: "10.00" });
    expect(poolGroupReport({ group: "", at: new Int32Array(0), units: 7 }, 0, 0)).toEqual({ group: "", people: 0, amount: "7", allocated: "0", unallocated: "7" });
  });

  it("reads the funded pool's money text as minor units", () => {
    expect(fundedUnitsOf("100.00", 2)).toBe(10000);
    expect(fundedUnitsOf("0.00", 2)).toBe(0);
    expect(fundedUnitsOf("1234", 0)).toBe(1234);
  });
});
