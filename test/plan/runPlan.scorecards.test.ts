import { describe, expect, it } from "vitest";
import { explain, parsePlan, runPlan, type Plan, type PlanData } from "../../src/plan/index.js";

const period = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };

/** Reps by sales and visits, managers by sales and their team's score; people without a role by `kpis`. */
function mixedPlan(): Plan {
  return {
    version: 1,
    currency: "CNY",
    period,
    kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000 }],
    scorecards: {
      rep: {
        kpis: [
          { id: "sales", weight: 0.6, actual: "sales", target: 100000 },
          { id: "visits", weight: 0.4, actual: "visits", target: 50 },
        ],
      },
      manager: {
        kpis: [
          { id: "sales", weight: 0.5, actual: "sales", target: 300000 },
          { id: "team", weight: 0.5, actual: "teamScore", target: 100 },
        ],
      },
    },
    pay: { pools: [{ id: "bonus", budget: 1000, per: "role" }] },
  };
}

const data: PlanData = {
  rows: [
    { id: "m1", role: "manager", sales: "330000", visits: "", teamScore: "90" },
    { id: "r1", role: "rep", sales: "120000", visits: "40", teamScore: "" },
    { id: "r2", role: "rep", sales: "90000", visits: "55", teamScore: "" },
    { id: "r3", role: "", sales: "95000", visits: "", teamScore: "" },
  ],
};

function failure(run: () => unknown): { code: string; path: readonly (string | number)[]; message: string } {
  try {
    run();
  } catch (error) {
    const e = error as { code: string; path: readonly (string | number)[]; message: string };
    return { code: e.code, path: e.path, message: e.message };
  }
  throw new Error("expected the run to fail");
}

describe("runPlan with role scorecards (issue 21)", () => {
  it("scores each person by their role's scorecard on one 0..100 scale and ranks them together", () => {
    const run = runPlan(mixedPlan(), data, { trace: false });
    const byId = Object.fromEntries(run.statements.map((s) => [s.person.id, s]));
    // m1 (manager): sales 330000/300000 = 1.1 → 110 × 0.5 = 55; team 90/100 = 0.9 → 90 × 0.5 = 45; score 100
    expect(byId["m1"]?.scorecard).toBe("manager");
    expect(byId["m1"]?.kpis.map((k) => [k.id, k.attainment, k.contribution])).toEqual([
      ["sales", "1.1", "55"],
      ["team", "0.9", "45"],
    ]);
    expect(byId["m1"]?.score).toBe("100");
    // r1 (rep): 1.2 → 120 × 0.6 = 72; visits 40/50 = 0.8 → 80 × 0.4 = 32; score 104
    expect(byId["r1"]?.scorecard).toBe("rep");
    expect(byId["r1"]?.score).toBe("104");
    // r2 (rep): 0.9 → 54; 55/50 = 1.1 → 44; score 98
    expect(byId["r2"]?.score).toBe("98");
    // r3 (no role): the plan's kpis, sales 0.95 → 95
    expect(byId["r3"]?.scorecard).toBe("default");
    expect(byId["r3"]?.kpis.map((k) => k.id)).toEqual(["sales"]);
    expect(byId["r3"]?.score).toBe("95");
    // one ranking over everyone: 104, 100, 98, 95
    expect(run.statements.map((s) => [s.person.id, s.rank])).toEqual([
      ["m1", 2],
      ["r1", 1],
      ["r2", 3],
      ["r3", 4],
    ]);
  });

  it("splits a pool per role by headcount, then shares each part by score, to the fen", () => {
    const run = runPlan(mixedPlan(), data, { trace: false });
    const pool = run.pools[0];
    // 1000.00 over 4 people: "" (r3) 1 → 250.00, manager 1 → 250.00, rep 2 → 500.00
    expect(pool?.groups).toEqual([
      { group: "", people: 1, amount: "250.00", allocated: "250.00", unallocated: "0.00" },
      { group: "manager", people: 1, amount: "250.00", allocated: "250.00", unallocated: "0.00" },
      { group: "rep", people: 2, amount: "500.00", allocated: "500.00", unallocated: "0.00" },
    ]);
    // reps: 50000 fen × 104/202 = 25742.57 → 25742, × 98/202 = 24257.43 → 24257; the one fen left to r1 (.57 > .43)
    expect(run.statements.map((s) => s.totalPayout)).toEqual(["250.00", "257.43", "242.57", "250.00"]);
    expect(run.totals.pool).toBe("1000.00");
  });

  it("divides by headcount within a team pool per role as well, with no pool line for the person outside the team", () => {
    const plan = mixedPlan();
    const withTeams: PlanData = { rows: data.rows.map((row) => ({ ...row, team: row["id"] === "r3" ? "West" : "East" })) };
    const run = runPlan({ ...plan, pay: { pools: [{ id: "east", budget: 999.99, team: "East", per: "role", weightBy: "equal" }] } }, withTeams, { trace: false });
    // East: m1, r1, r2 → manager 1, rep 2: 99999 fen × 1/3 = 33333, × 2/3 = 66666; reps equal: 33333 each
    expect(run.pools[0]?.groups?.map((g) => [g.group, g.amount])).toEqual([
      ["manager", "333.33"],
      ["rep", "666.66"],
    ]);
    expect(run.statements.map((s) => s.pay.map((line) => line.amount))).toEqual([["333.33"], ["333.33"], ["333.33"], []]);
  });

  it("measures a KPI named by pay in each person's own scorecard", () => {
    const plan: Plan = { ...mixedPlan(), pay: { targetIncentive: { amount: 1000, measure: { kpi: "sales" }, curve: { points: [{ x: 0, y: 0 }, { x: 2, y: 2 }] } } } };
    const run = runPlan(plan, data, { trace: false });
    // attainment of sales: m1 1.1 (target 300000), r1 1.2, r2 0.9, r3 0.95 → × 1000
    expect(run.statements.map((s) => s.totalPayout)).toEqual(["1100.00", "1200.00", "900.00", "950.00"]);
  });

  it("grades per role over the same scores", () => {
    const plan: Plan = { ...mixedPlan(), grading: { method: "forced", per: "role", quotas: [{ grade: "A", share: 0.5 }, { grade: "B", share: 0.5 }] } };
    const run = runPlan(plan, data, { trace: false });
    // each role on its own: the reps r1 (104) A, r2 (98) B; m1 and r3 alone in their groups
    expect(run.statements.find((s) => s.person.id === "r1")?.grade?.final).toBe("A");
    expect(run.statements.find((s) => s.person.id === "r2")?.grade?.final).toBe("B");
  });

  it("takes the role from the plan's people as well as from a data column", () => {
    const plan: Plan = { ...mixedPlan(), people: [{ id: "m1", role: "manager" }, { id: "r1", role: "rep" }, { id: "r2", role: "rep" }, { id: "r3" }] };
    const rows = data.rows.map(({ role: _role, ...row }) => row);
    expect(runPlan(plan, { rows }, { trace: false }).statements.map((s) => s.scorecard)).toEqual(["manager", "rep", "rep", "default"]);
  });

  it("gives a mixed run's trace and explanation the scorecard", () => {
    const run = runPlan(mixedPlan(), data, { trace: true });
    const m1 = run.statements[0];
    if (m1 === undefined) throw new Error("no statement");
    expect(m1.trace.find((step) => step.step === "kpi.team.points")?.result).toBe("90");
    expect(explain(m1, { locale: "en" })).toContain("KPIs · Scorecard: manager");
    expect(explain(m1, { locale: "zh-CN" })).toContain("KPI 指标 · 评分卡：manager");
    expect(explain(run.statements[3] as (typeof run.statements)[number], { locale: "en" })).toContain("Scorecard: default (the plan's kpis)");
  });

  it("scores a plan whose everyone has one role exactly as that scorecard's plan without scorecards", () => {
    const reps: PlanData = { rows: [{ id: "r1", role: "rep", sales: "120000", visits: "40" }, { id: "r2", role: "rep", sales: "90000", visits: "55" }] };
    const plan = mixedPlan();
    const flat: Plan = { version: 1, currency: "CNY", period, kpis: plan.scorecards?.["rep"]?.kpis ?? [], pay: { pools: [{ id: "bonus", budget: 1000 }] } };
    const a = runPlan({ ...plan, pay: { pools: [{ id: "bonus", budget: 1000 }] } }, reps, { trace: true });
    const b = runPlan(flat, reps, { trace: true });
    expect(a.statements.map(({ scorecard: _s, ...rest }) => rest)).toEqual(b.statements);
    expect(a.totals).toEqual(b.totals);
  });

  it("leaves a plan without scorecards without a scorecard field or pool groups", () => {
    const { scorecards: _s, ...plan } = mixedPlan();
    const run = runPlan({ ...plan, pay: { pools: [{ id: "bonus", budget: 1000 }] } }, data, { trace: false });
    expect(run.statements.every((s) => !("scorecard" in s))).toBe(true);
    expect(run.pools[0] !== undefined && "groups" in run.pools[0]).toBe(false);
  });
});

describe("runPlan with role scorecards: bad input", () => {
  it("refuses a data row whose role has no scorecard, at its role cell, with a suggestion", () => {
    const rows = data.rows.map((row) => (row["id"] === "m1" ? { ...row, role: "manger" } : row));
    const e = failure(() => runPlan(mixedPlan(), { rows }, { trace: false }));
    expect([e.code, e.path]).toEqual(["INVALID_DATA", ["rows", 0, "role"]]);
    expect(e.message).toContain('rows[0].role is "manger" (person "m1"): no scorecard for this role');
    expect(e.message).toContain('did you mean "manager"?');
  });

  it("scores a role without a scorecard by kpis with scorecardFallback \"kpis\"", () => {
    const rows = data.rows.map((row) => (row["id"] === "m1" ? { ...row, role: "director" } : row));
    const run = runPlan({ ...mixedPlan(), scorecardFallback: "kpis" }, { rows }, { trace: false });
    // m1 by kpis: sales 330000 / 100000 = 3.3 → 330
    expect([run.statements[0]?.scorecard, run.statements[0]?.score]).toEqual(["default", "330"]);
    const { scorecards: _s, ...flat } = mixedPlan();
    expect(failure(() => parsePlan({ ...flat, scorecardFallback: "kpis" }))).toMatchObject({ code: "INVALID_PLAN", path: ["scorecardFallback"] });
  });

  it("refuses a planned person whose role has no scorecard, at people[i].role", () => {
    const plan: Plan = { ...mixedPlan(), people: [{ id: "m1", role: "manager" }, { id: "r1", role: "supervisor" }, { id: "r2" }, { id: "r3" }] };
    const rows = data.rows.map(({ role: _role, ...row }) => row);
    expect(failure(() => runPlan(plan, { rows }, { trace: false }))).toMatchObject({ code: "INVALID_PLAN", path: ["people", 1, "role"] });
  });

  it("refuses a scorecard whose weights do not sum to 1, at its KPI list", () => {
    const plan = mixedPlan();
    const rep = plan.scorecards?.["rep"];
    if (rep === undefined) throw new Error("no rep scorecard");
    const bad: Plan = { ...plan, scorecards: { ...plan.scorecards, rep: { kpis: [{ ...(rep.kpis[0] as Plan["kpis"][number]), weight: 0.5 }, rep.kpis[1] as Plan["kpis"][number]] } } };
    const e = failure(() => parsePlan(bad));
    expect([e.code, e.path]).toEqual(["INVALID_PLAN", ["scorecards", "rep", "kpis"]]);
    expect(e.message).toContain("scorecards.rep.kpis: the KPI weights must sum to 1; they sum to 0.9");
  });

  it("refuses a duplicate KPI id within a scorecard, and a scorecard named default", () => {
    const plan = mixedPlan();
    const sales = plan.kpis[0] as Plan["kpis"][number];
    expect(failure(() => parsePlan({ ...plan, scorecards: { rep: { kpis: [{ ...sales, weight: 0.5 }, { ...sales, weight: 0.5 }] } } }))).toMatchObject({ code: "INVALID_PLAN", path: ["scorecards", "rep", "kpis", 1, "id"] });
    expect(failure(() => parsePlan({ ...plan, scorecards: { default: { kpis: [sales] } } }))).toMatchObject({ code: "INVALID_PLAN", path: ["scorecards", "default"] });
  });

  it("refuses a KPI named by the commission base, a measure or team scores unless every scorecard has it", () => {
    const plan = mixedPlan();
    // visits is in the rep scorecard only
    expect(failure(() => parsePlan({ ...plan, pay: { commission: { base: { kpi: "visits" }, tiers: [{ from: "0", rate: "0.01" }], mode: "retroactive" } } }))).toMatchObject({ code: "INVALID_PLAN", path: ["pay", "commission", "base", "kpi"] });
    const e = failure(() => parsePlan({ ...plan, kpis: [{ id: "sales", weight: 0.5, actual: "sales", target: 1 }, { id: "visits", weight: 0.5, actual: "visits", target: 1 }], teamScores: { by: "target", kpi: "visits" } }));
    expect([e.code, e.path]).toEqual(["INVALID_PLAN", ["teamScores", "kpi"]]);
    expect(e.message).toContain('KPI "visits" is not in scorecard "manager"');
    expect(failure(() => parsePlan({ ...plan, promotion: { measure: { kpi: "team" }, threshold: 1, count: 1 } }))).toMatchObject({ code: "INVALID_PLAN", path: ["promotion", "measure", "kpi"] });
  });

  it("refuses a pool both per role and byTeam", () => {
    expect(failure(() => parsePlan({ ...mixedPlan(), pay: { pools: [{ id: "bonus", budget: 1000, per: "role", byTeam: {} }] } }))).toMatchObject({ code: "INVALID_PLAN", path: ["pay", "pools", 0, "per"] });
  });

  it("reports a scorecard KPI's fault found in the run at the scorecard's path", () => {
    const plan = mixedPlan();
    const bad: Plan = {
      ...plan,
      scorecards: { ...plan.scorecards, rep: { kpis: [{ id: "sales", weight: 0.6, actual: "sales", target: { perPerson: { r1: 100000 } } }, { id: "visits", weight: 0.4, actual: "visits", target: 50 }] } },
    };
    const e = failure(() => runPlan(bad, data, { trace: false }));
    expect([e.code, e.path]).toEqual(["INVALID_PLAN", ["scorecards", "rep", "kpis", 0, "target", "perPerson"]]);
    expect(e.message).toContain('scorecards.rep.kpis[0].target.perPerson has no target for person "r2"');
  });

  it("reports an empty cell a scorecard needs at the data row", () => {
    const rows = data.rows.map((row) => (row["id"] === "r2" ? { ...row, visits: "" } : row));
    expect(failure(() => runPlan(mixedPlan(), { rows }, { trace: false }))).toMatchObject({ code: "INVALID_DATA", path: ["rows", 2, "visits"] });
  });
});
