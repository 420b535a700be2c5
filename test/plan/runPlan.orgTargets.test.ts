import { describe, expect, it } from "vitest";
import { explain, runPlan, type Plan, type PlanData } from "../../src/plan/index.js";
import { failure } from "./helpers.js";

// Issue 21, point 2: a KPI target given at the top or per region/team, decomposed down the
// roster's tree (region → team → person) with decomposeTree, exact at every level.

const period = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };
type Target = Plan["kpis"][number]["target"];
const planWith = (target: Target, extra: Partial<Plan["kpis"][number]> = {}): Plan => ({
  version: 1,
  currency: "CNY",
  period,
  kpis: [{ id: "sales", weight: 1, actual: "sales", target, ...extra }],
});
// North: N1 (p01, p02), N2 (p03); South: S1 (p04, p05, p06).
const rows: PlanData["rows"] = [
  { id: "p01", region: "North", team: "N1", sales: "2000", w: "1" },
  { id: "p02", region: "North", team: "N1", sales: "2000", w: "2" },
  { id: "p03", region: "North", team: "N2", sales: "2000", w: "1" },
  { id: "p04", region: "South", team: "S1", sales: "2000", w: "1" },
  { id: "p05", region: "South", team: "S1", sales: "2000", w: "1" },
  { id: "p06", region: "South", team: "S1", sales: "2000", w: "1" },
];
const targets = (plan: Plan, data: PlanData["rows"] = rows): (string | null | undefined)[] => runPlan(plan, { rows: data }).statements.map((s) => s.kpis[0]?.target);
const targetStep = (plan: Plan, id: string) => runPlan(plan, { rows }).statements.find((s) => s.person.id === id)?.trace.find((t) => t.step === "kpi.sales.target");

describe("runPlan with a target decomposed down the org tree", () => {
  it("splits a total to the regions by their weights, to the teams by headcount, then equally to the people", () => {
    const plan = planWith({ total: 10000, over: ["region", "team"], weights: { region: { North: 3, South: 2 } } });
    // North 10000 × 3/5 = 6000, South 4000.
    // North's teams by headcount 2 : 1 → N1 4000 (p01 2000, p02 2000), N2 2000 (p03).
    // South: S1 4000 over 3 people → 1333.34, 1333.33, 1333.33 (the remainder cent to the first).
    expect(targets(plan)).toEqual(["2000", "2000", "2000", "1333.34", "1333.33", "1333.33"]);
  });

  it("without weights, weighs each unit by its people's weights (a weight column's sum)", () => {
    const plan = planWith({ total: 10000, over: ["region", "team"], weights: { region: { North: 3, South: 2 } }, weightColumn: "w" });
    // North 6000: N1 weighs 1 + 2 = 3, N2 1 → N1 6000 × 3/4 = 4500, N2 1500; N1 to p01 : p02 = 1 : 2 → 1500, 3000.
    // South 4000: S1 to 1 : 1 : 1 → 1333.34, 1333.33, 1333.33.
    expect(targets(plan)).toEqual(["1500", "3000", "1500", "1333.34", "1333.33", "1333.33"]);
    // With no level weights at all, the regions weigh 4 : 3 → North 10000 × 4/7 = 5714.29 (5714.285…, the larger remainder),
    // South 4285.71; North: N1 5714.29 × 3/4 = 4285.7175 → 4285.72, N2 1428.57; N1: 1428.57 (1428.5733…), 2857.15 (2857.1466…).
    expect(targets(planWith({ total: 10000, over: ["region", "team"], weightColumn: "w" }))).toEqual(["1428.57", "2857.15", "1428.57", "1428.57", "1428.57", "1428.57"]);
  });

  it("takes given totals per region and splits each by the team weights", () => {
    const plan = planWith({ totals: { North: 6000, South: 4000 }, over: ["region", "team"], weights: { team: { N1: 1, N2: 1, S1: 1 } } });
    // North 6000 → N1 3000 (p01 1500, p02 1500), N2 3000 (p03); South 4000 → S1 4000 → 1333.34, 1333.33, 1333.33.
    expect(targets(plan)).toEqual(["1500", "1500", "3000", "1333.34", "1333.33", "1333.33"]);
  });

  it("splits over one level, teams above regions too", () => {
    // Teams only: N1 3, N2 1, S1 3 (headcount 2 : 1 : 3 weighed by w) of 7000 → 3000, 1000, 3000.
    expect(targets(planWith({ total: 7000, over: ["team"], weightColumn: "w" }))).toEqual(["1000", "2000", "1000", "1000", "1000", "1000"]);
  });

  it("shows in the trace each level's unit, weight, siblings' total weight and target, so the share can be redone by hand", () => {
    const plan = planWith({ total: 10000, over: ["region", "team"], weights: { region: { North: 3, South: 2 } }, weightColumn: "w" });
    // 10000 × 3/5 = 6000; 6000 × 3/4 = 4500; 4500 × 2/3 = 3000.
    expect(targetStep(plan, "p02")).toEqual({
      step: "kpi.sales.target",
      formula: "decomposeTree(total, region → team → person) — this person's share at each level",
      inputs: { total: "10000", region: "North", regionWeight: "3", totalRegionWeight: "5", regionTarget: "6000", team: "N1", teamWeight: "3", totalTeamWeight: "4", teamTarget: "4500", weight: "2", totalWeight: "3" },
      result: "3000",
    });
    // Given totals: the first level has no weights in the trace, only its target.
    const given = targetStep(planWith({ totals: { North: 6000, South: 4000 }, over: ["region", "team"] }), "p03");
    expect(given?.formula).toBe("decomposeTree(totals, region → team → person) — this person's share at each level");
    expect(given?.inputs).toEqual({ total: "10000", region: "North", regionTarget: "6000", team: "N2", teamWeight: "1", totalTeamWeight: "3", teamTarget: "2000", weight: "1", totalWeight: "1" });
  });

  it("explains the decomposition in English and Chinese, every word translated", () => {
    const plan = planWith({ total: 10000, over: ["region", "team"], weights: { region: { North: 3, South: 2 } }, weightColumn: "w" });
    const statement = runPlan(plan, { rows }).statements[1];
    if (statement === undefined) throw new Error("no statement");
    const en = explain(statement, { locale: "en" });
    expect(en).toContain("split down the org tree over region → team → person");
    expect(en).toContain("region=North; region weight=3; total region weight=5; region target=6,000; team=N1; team weight=3; total team weight=4; team target=4,500; weight=2; total weight=3");
    expect(en).not.toMatch(/decomposeTree|regionWeight|teamTarget/);
    const zh = explain(statement, { locale: "zh-CN" });
    expect(zh).toContain("区域 → 团队 → 个人");
    expect(zh).toContain("区域=North；区域权重=3；区域权重合计=5；区域目标=6,000；团队=N1");
    expect(zh).not.toMatch(/decomposeTree|regionWeight|teamTarget/);
  });

  it("prorates the decomposed target of someone active for part of the period, keeping the levels in the trace", () => {
    const plan = planWith({ total: 6000, over: ["team"] }, { prorate: "calendar-days" });
    const data = [
      { id: "a", team: "T", sales: "100" },
      { id: "b", team: "T", sales: "100", activeFrom: "2026-02-15" },
    ];
    const run = runPlan(plan, { rows: data });
    // T 6000 → a 3000, b 3000; b active 2026-02-15 … 03-31 = 45 of 90 days → 1500.
    expect(run.statements.map((s) => s.kpis[0]?.target)).toEqual(["3000", "1500"]);
    const step = run.statements[1]?.trace.find((t) => t.step === "kpi.sales.target");
    expect(step?.inputs).toMatchObject({ target: "3000", team: "T", teamTarget: "6000" });
  });

  it("gives 0 to a unit weighted 0, and to its people", () => {
    const plan = planWith({ total: 5000, over: ["region"], weights: { region: { North: 1, South: 0 } } }, { zeroTarget: "zero" });
    // North 5000 over 3 people → 1666.67, 1666.67, 1666.66; South 0.
    expect(targets(plan)).toEqual(["1666.67", "1666.67", "1666.66", "0", "0", "0"]);
  });

  it("groups by the plan's parent field, or a data column parent", () => {
    const people = [
      { id: "a", parent: "m1" },
      { id: "b", parent: "m1" },
      { id: "c", parent: "m2" },
    ];
    const data = people.map((p) => ({ id: p.id, sales: "100" }));
    const plan: Plan = { ...planWith({ total: 900, over: ["parent"], weights: { parent: { m1: 2, m2: 1 } } }), people };
    // m1 900 × 2/3 = 600 (a 300, b 300), m2 300.
    expect(runPlan(plan, { rows: data }).statements.map((s) => s.kpis[0]?.target)).toEqual(["300", "300", "300"]);
    const fromData = people.map((p) => ({ id: p.id, parent: p.parent, sales: "100" }));
    expect(targets(planWith({ total: 900, over: ["parent"], weights: { parent: { m1: 2, m2: 1 } } }), fromData)).toEqual(["300", "300", "300"]);
  });

  it("runs an empty roster", () => {
    expect(runPlan(planWith({ total: 100, over: ["team"] }), { rows: [] }).statements).toEqual([]);
  });
});

describe("runPlan refuses an org target it cannot decompose", () => {
  it("refuses a region in the weights that no one is in, with INVALID_PLAN at that weight", () => {
    const f = failure(() => runPlan(planWith({ total: 100, over: ["region"], weights: { region: { North: 1, South: 1, West: 1 } } }), { rows }));
    expect(f).toMatchObject({ code: "INVALID_PLAN", path: ["kpis", 0, "target", "weights", "region", "West"] });
    expect(f.message).toContain('names region "West", which no one of the roster is in');
  });

  it("refuses weights or totals that leave out a unit of the roster", () => {
    const f = failure(() => runPlan(planWith({ total: 100, over: ["region"], weights: { region: { North: 1 } } }), { rows }));
    expect(f).toMatchObject({ code: "INVALID_PLAN", path: ["kpis", 0, "target", "weights", "region"] });
    expect(f.message).toContain('nothing for region "South" (person "p04" is in it)');
    const g = failure(() => runPlan(planWith({ totals: { South: 100 }, over: ["region", "team"] }), { rows }));
    expect(g).toMatchObject({ code: "INVALID_PLAN", path: ["kpis", 0, "target", "totals"] });
  });

  it("refuses a person without a team, at the data cell or the plan's person", () => {
    const data = rows.map((row) => (row["id"] === "p03" ? { ...row, team: "" } : row));
    const f = failure(() => runPlan(planWith({ total: 100, over: ["region", "team"] }), { rows: data }));
    expect(f).toMatchObject({ code: "INVALID_DATA", path: ["rows", 2, "team"] });
    expect(f.message).toContain('person "p03" has no team, and KPI "sales" decomposes its target over region → team');
    const plan: Plan = { ...planWith({ total: 100, over: ["team"] }), people: [{ id: "a", team: "T" }, { id: "b" }] };
    const g = failure(() => runPlan(plan, { rows: [{ id: "a", sales: "1" }, { id: "b", sales: "1" }] }));
    expect(g).toMatchObject({ code: "INVALID_PLAN", path: ["people", 1, "team"] });
    // An empty team in the plan is no team either.
    const blank: Plan = { ...plan, people: [{ id: "a", team: "T" }, { id: "b", team: "" }] };
    expect(failure(() => runPlan(blank, { rows: [{ id: "a", sales: "1" }, { id: "b", sales: "1" }] }))).toMatchObject({ code: "INVALID_PLAN", path: ["people", 1, "team"] });
  });

  it("refuses a team that sits in two regions", () => {
    const data = rows.map((row) => (row["id"] === "p04" ? { ...row, team: "N1" } : row));
    const f = failure(() => runPlan(planWith({ total: 100, over: ["region", "team"] }), { rows: data }));
    expect(f).toMatchObject({ code: "INVALID_DATA", path: ["rows", 3, "team"] });
    expect(f.message).toContain('person "p04"\'s team "N1" is in region "South", but person "p01"\'s is in region "North"');
  });

  it("refuses negative weights in the plan and in the weight column, and all-zero weights", () => {
    const f = failure(() => runPlan(planWith({ total: 100, over: ["region"], weights: { region: { North: 1, South: -1 } } }), { rows }));
    expect(f).toMatchObject({ code: "INVALID_PLAN", path: ["kpis", 0, "target", "weights", "region", "South"] });
    expect(f.message).toContain("a weight must not be negative");
    const data = rows.map((row) => (row["id"] === "p05" ? { ...row, w: "-1" } : row));
    const g = failure(() => runPlan(planWith({ total: 100, over: ["region"], weightColumn: "w" }), { rows: data }));
    expect(g).toMatchObject({ code: "INVALID_WEIGHTS", path: ["rows", 4, "w"] });
    const h = failure(() => runPlan(planWith({ total: 100, over: ["region"], weights: { region: { North: 0, South: 0 } } }), { rows }));
    expect(h).toMatchObject({ code: "INVALID_WEIGHTS", path: ["kpis", 0, "target", "weights", "region"] });
    expect(h.message).toContain("every weight is 0");
    // A team with something to share whose people all weigh 0.
    const zero = rows.map((row) => (row["team"] === "S1" ? { ...row, w: "0" } : row));
    const z = failure(() => runPlan(planWith({ total: 100, over: ["team"], weights: { team: { N1: 1, N2: 1, S1: 1 } }, weightColumn: "w" }), { rows: zero }));
    expect(z).toMatchObject({ code: "INVALID_WEIGHTS", path: ["kpis", 0, "target", "weightColumn"] });
    expect(z.message).toContain('team "S1"');
    const empty = rows.map((row) => (row["id"] === "p01" ? { ...row, w: "" } : row));
    expect(failure(() => runPlan(planWith({ total: 100, over: ["team"], weightColumn: "w" }), { rows: empty }))).toMatchObject({ code: "INVALID_DATA", path: ["rows", 0, "w"] });
  });

  it("refuses a plan with both or neither of total and totals, a level twice, or weights for a level not in over", () => {
    const both = failure(() => runPlan(planWith({ total: 100, totals: { North: 50, South: 50 }, over: ["region"] }), { rows }));
    expect(both).toMatchObject({ code: "INVALID_PLAN", path: ["kpis", 0, "target"] });
    expect(both.message).toContain("exactly one of total");
    expect(failure(() => runPlan(planWith({ over: ["region"] }), { rows }))).toMatchObject({ code: "INVALID_PLAN", path: ["kpis", 0, "target"] });
    expect(failure(() => runPlan(planWith({ total: 100, over: ["team", "team"] }), { rows }))).toMatchObject({ code: "INVALID_PLAN", path: ["kpis", 0, "target", "over", 1] });
    const level = failure(() => runPlan(planWith({ total: 100, over: ["region"], weights: { team: { N1: 1 } } }), { rows }));
    expect(level).toMatchObject({ code: "INVALID_PLAN", path: ["kpis", 0, "target", "weights", "team"] });
    expect(level.message).toContain("over has no team level");
    expect(failure(() => runPlan(planWith({ total: 100, over: ["city"] } as unknown as Target), { rows })).code).toBe("INVALID_PLAN");
    expect(failure(() => runPlan(planWith({ total: -100, over: ["region"] }), { rows }))).toMatchObject({ code: "INVALID_PLAN", path: ["kpis", 0, "target", "total"] });
  });

  it("refuses a total that is not a whole number of cents", () => {
    const f = failure(() => runPlan(planWith({ total: "100.005", over: ["region"] }), { rows }));
    expect(f).toMatchObject({ code: "INVALID_ARGUMENT", path: ["kpis", 0, "target", "total"] });
  });
});
