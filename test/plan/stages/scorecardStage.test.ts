import { describe, expect, it } from "vitest";
import { parsePlan, type PlanInput } from "../../../src/plan/index.js";
import { readInputs } from "../../../src/plan/stages/readInputs.js";
import { runContext } from "../../../src/plan/stages/RunContext.js";
import { DEFAULT_SCORECARD, scorecardKpiStage, scorecardRunPlan } from "../../../src/plan/stages/scorecardStage.js";
import { fault } from "../../helpers.js";

const period = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };
const sales = { id: "sales", weight: 1, actual: "sales", target: 100 };
const noLists = { deals: undefined, responses: undefined, activities: undefined, tickets: undefined };

function plan(extra: Partial<PlanInput> = {}): PlanInput {
  return {
    version: 1,
    currency: "CNY",
    period,
    kpis: [sales],
    scorecards: {
      rep: { kpis: [{ ...sales, weight: "0.6" }, { id: "visits", weight: "0.4", actual: "visits", target: 50 }] },
      manager: { kpis: [{ ...sales, weight: "0.5", target: 200 }, { id: "team", weight: "0.5", actual: "teamScore", target: 100 }] },
    },
    ...extra,
  } as PlanInput;
}

function stage(p: PlanInput, rows: readonly Record<string, string>[]) {
  const parsed = parsePlan(p);
  const ctx = runContext(scorecardRunPlan(parsed), readInputs(parsed, { rows }).people, false);
  return scorecardKpiStage(ctx, parsed, noLists, false);
}

const rows = [
  { id: "p01", role: "rep", sales: "120", visits: "40" },
  { id: "p02", role: "manager", sales: "300", teamScore: "90" },
  { id: "p03", sales: "80" },
];

describe("scorecardRunPlan", () => {
  it("lists every KPI id of kpis and the scorecards once, in order of first appearance (the @example)", () => {
    expect(scorecardRunPlan(parsePlan(plan())).kpis.map((k) => k.id)).toEqual(["sales", "visits", "team"]);
  });

  it("returns a plan without scorecards as it is", () => {
    const p = parsePlan(plan({ scorecards: undefined }));
    expect(scorecardRunPlan(p)).toBe(p);
  });
});

describe("scorecardKpiStage", () => {
  it("scores each person by their role's scorecard, and people without a role by kpis", () => {
    const result = stage(plan(), rows);
    // p01 rep: 0.6 · 120 + 0.4 · (40 / 50 → 80) = 72 + 32 = 104.
    // p02 manager: 0.5 · (300 / 200 → 150) + 0.5 · 90 = 75 + 45 = 120.
    // p03 by kpis: 80 / 100 → 80.
    expect([0, 1, 2].map((j) => [result.scorecards.nameOf(j), result.kpis.scoreText(j)])).toEqual([
      ["rep", "104"],
      ["manager", "120"],
      [DEFAULT_SCORECARD, "80"],
    ]);
    // Each person's lines are their scorecard's KPIs.
    expect(result.kpis.linesOf(0).map((line) => [line.id, line.weight])).toEqual([["sales", "0.6"], ["visits", "0.4"]]);
    expect(result.kpis.linesOf(2).map((line) => line.id)).toEqual(["sales"]);
  });

  it("refuses a role without a scorecard, or scores it by kpis with scorecardFallback \"kpis\"", () => {
    const lead = [...rows, { id: "p04", role: "lead", sales: "50" }];
    expect(fault(() => stage(plan(), lead))).toMatchObject({ code: "INVALID_DATA", path: ["rows", 3, "role"] });
    const result = stage(plan({ scorecardFallback: "kpis" }), lead);
    expect([result.scorecards.nameOf(3), result.kpis.scoreText(3)]).toEqual([DEFAULT_SCORECARD, "50"]);
  });

  it("refuses a role without a scorecard at the roster's path when the plan lists the people", () => {
    const people = [{ id: "p01", role: "rep" }, { id: "p02", role: "boss" }];
    expect(fault(() => stage(plan({ people }), [{ id: "p01", sales: "1", visits: "1" }, { id: "p02", sales: "1" }]))).toMatchObject({ code: "INVALID_PLAN", path: ["people", 1, "role"] });
  });

  it("reports a scorecard's missing cell at the row, naming the scorecard's KPI", () => {
    expect(fault(() => stage(plan(), [{ id: "p01", role: "rep", sales: "1" }]))).toMatchObject({ code: "INVALID_DATA", path: ["rows", 0, "visits"] });
  });
});
