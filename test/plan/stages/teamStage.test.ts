import { describe, expect, it } from "vitest";
import { parsePlan, planJsonSchema, runPlan, runPlanLazy, type PlanInput } from "../../../src/plan/index.js";
import { teamsOf, wantsTeams } from "../../../src/plan/stages/teamStage.js";
import { teamMembersOf } from "../../../src/plan/stages/teamPool.js";
import { errorOf as fault } from "../../helpers.js";

// Issue 21, point 4: team scores by rollUp and two-level team pools by allocateTeamPool.

function plan(extra: Record<string, unknown>): PlanInput {
  return {
    version: 1,
    currency: "CNY",
    period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
    kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100 }],
    ...extra,
  } as PlanInput;
}

// Scores: p01 120, p02 80 (East), p03 90 (West), p04 100 (no team).
const rows = [
  { id: "p01", team: "East", sales: "120", months: "3" },
  { id: "p02", team: "East", sales: "80", months: "1" },
  { id: "p03", team: "West", sales: "90", months: "2" },
  { id: "p04", team: "", sales: "100", months: "2" },
];

describe("team scores", () => {
  it("rolls up each team's scores, equal or by a weight column (worked by hand)", () => {
    // East (120 + 80) / 2 = 100; West 90; p04 is on no team
    expect(runPlan(plan({ teamScores: {} }), { rows }).teams).toEqual([
      { team: "East", people: 2, score: "100" },
      { team: "West", people: 1, score: "90" },
    ]);
    // by months: East (3 × 120 + 1 × 80) / 4 = 110
    expect(runPlan(plan({ teamScores: { by: "weight", weightColumn: "months" } }), { rows }).teams?.[0]?.score).toBe("110");
    // by the KPI's target (100 each): the equal mean
    expect(runPlan(plan({ teamScores: { by: "target", kpi: "sales" } }), { rows }).teams?.[0]?.score).toBe("100");
    // rounded to rounding.score: (120 + 80 + 81) / 3 = 93.666… → 93.67
    const three = [...rows, { id: "p05", team: "East", sales: "81", months: "1" }];
    expect(runPlan(plan({ teamScores: {} }), { rows: three }).teams?.[0]?.score).toBe("93.67");
  });

  it("is absent without teamScores or a byTeam pool, and the same in a lazy run", () => {
    expect(runPlan(plan({}), { rows })).not.toHaveProperty("teams");
    expect(runPlanLazy(plan({ teamScores: {} }), { rows }).teams).toEqual(runPlan(plan({ teamScores: {} }), { rows }).teams);
  });

  it("refuses an empty weight cell and bad set-ups", () => {
    const empty = fault(() => runPlan(plan({ teamScores: { by: "weight", weightColumn: "months" } }), { rows: rows.map((r, i) => (i === 1 ? { ...r, months: "" } : r)) }));
    expect(empty.code).toBe("INVALID_DATA");
    expect(empty.path[2]).toBe("months");
    expect(fault(() => parsePlan(plan({ teamScores: { by: "target" } }))).message).toContain("teamScores.kpi");
    expect(fault(() => parsePlan(plan({ teamScores: { by: "weight" } }))).message).toContain("teamScores.weightColumn");
    expect(fault(() => parsePlan(plan({ teamScores: { by: "target", kpi: "nope" } }))).message).toContain('no KPI with id "nope"');
  });
});

describe("two-level team pools", () => {
  it("shares the pool to the teams by team score, then to their members (worked by hand)", () => {
    const run = runPlan(plan({ pay: { pools: [{ id: "team", budget: 1900, byTeam: {} }] } }), { rows }, { trace: true });
    // East 100, West 90: 1900 × 100 / 190 = 1000 and 900; East by score 120 : 80 → 600, 400
    expect(run.pools[0]?.teams).toEqual([
      { team: "East", weight: "100", amount: "1000.00", capped: false },
      { team: "West", weight: "90", amount: "900.00", capped: false },
    ]);
    expect(run.pools[0]?.allocations.map((a) => [a.person, a.amount])).toEqual([
      ["p01", "600.00"],
      ["p02", "400.00"],
      ["p03", "900.00"],
    ]);
    expect(run.statements.map((s) => s.totalPayout)).toEqual(["600.00", "400.00", "900.00", "0.00"]);
    const step = run.statements[0]?.trace.find((t) => t.step === "pay.pool.team");
    expect(step?.inputs).toMatchObject({ team: "East", teamWeight: "100", totalTeamWeight: "190", teamAmount: "1000.00", weight: "120", totalWeight: "200" });
    expect(run.teams).toHaveLength(2);
  });

  it("weighs teams by score × headcount, in whole cents", () => {
    const run = runPlan(plan({ pay: { pools: [{ id: "team", budget: 1900, byTeam: { weightBy: "score-headcount" } }] } }), { rows });
    // East 200, West 90: 190000 cents × 200 / 290 = 131034.48, × 90 / 290 = 58965.52 → the spare cent to West
    // East's 1310.34 by 120 : 80 = 786.204 and 524.136 → 786.20 and 524.14
    expect(run.pools[0]?.teams?.map((t) => t.amount)).toEqual(["1310.34", "589.66"]);
    expect(run.pools[0]?.allocations.map((a) => a.amount)).toEqual(["786.20", "524.14", "589.66"]);
  });

  it("passes what a capped team cannot take to the others", () => {
    const run = runPlan(plan({ pay: { pools: [{ id: "team", budget: 1900, byTeam: {}, cap: 450 }] } }), { rows });
    // East's people are capped at 450 each (900 for the team): West takes the rest, 1000, capped at 450 too
    expect(run.pools[0]?.allocations.map((a) => [a.amount, a.capped])).toEqual([
      ["450.00", true],
      ["450.00", true],
      ["450.00", true],
    ]);
    expect(run.pools[0]?.unallocated).toBe("550.00");
  });

  it("refuses a byTeam pool of one team, and is in the JSON Schema", () => {
    expect(fault(() => parsePlan(plan({ pay: { pools: [{ id: "x", budget: 1, byTeam: {}, team: "East" }] } }))).message).toContain("byTeam");
    const schema = JSON.stringify(planJsonSchema());
    expect(schema).toContain("byTeam");
    expect(schema).toContain("teamScores");
  });

  it("helpers: teams by name, members on a team, when a run lists teams", () => {
    const p = parsePlan(plan({ teamScores: {} }));
    expect(wantsTeams(p)).toBe(true);
    expect(wantsTeams(parsePlan(plan({})))).toBe(false);
    const people = [{ team: "b" }, { team: null }, { team: "a" }, { team: "b" }] as unknown as Parameters<typeof teamsOf>[0];
    expect([...teamsOf(people)]).toEqual([
      ["a", [2]],
      ["b", [0, 3]],
    ]);
    expect([...teamMembersOf({ people } as unknown as Parameters<typeof teamMembersOf>[0])]).toEqual([0, 2, 3]);
  });
});
