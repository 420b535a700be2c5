import { describe, expect, it } from "vitest";
import { parsePlan, runPlan, type Plan, type PlanData } from "../../src/plan/index.js";
import { failure, fixtureData, fixturePlan } from "./helpers.js";

// Per-person path features and error paths the fixture run does not reach.

const period = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };
const base: Plan = {
  version: 1,
  currency: "CNY",
  period,
  kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000 }],
};
const rows = [
  { id: "p01", sales: "120000", basePay: "10000", team: "East" },
  { id: "p02", sales: "90000", basePay: "", team: "West" },
];

describe("runPlan options", () => {
  it("refuses options that are not an object, and a trace that is not a boolean, with INVALID_ARGUMENT", () => {
    expect(failure(() => runPlan(base, { rows }, 5 as never))).toMatchObject({ code: "INVALID_ARGUMENT", path: ["options"] });
    expect(failure(() => runPlan(base, { rows }, null as never))).toMatchObject({ code: "INVALID_ARGUMENT", path: ["options"] });
    expect(failure(() => runPlan(base, { rows }, { trace: "yes" } as never))).toMatchObject({ code: "INVALID_ARGUMENT", path: ["options", "trace"] });
  });
});

describe("runPlan with the plan's people", () => {
  const withPeople: Plan = {
    ...base,
    people: [
      { id: "p01", name: "Li Lei", basePay: 10000, activeFrom: "2026-02-15" },
      { id: "p02", team: "West" },
    ],
    pay: { pools: [{ id: "bonus", budget: 2000, weightBy: "equal" }] },
  };

  it("takes names, teams and base pay from the plan, and an equal pool splits evenly", () => {
    const run = runPlan(withPeople, { rows });
    expect(run.statements[0]?.person).toMatchObject({ id: "p01", name: "Li Lei", basePay: "10000", activeFrom: "2026-02-15", activeTo: "2026-03-31" });
    expect(run.statements[1]?.person).toMatchObject({ id: "p02", name: null, team: "West", basePay: null });
    // 2000 / 2 = 1000 each, whatever the scores (120 and 90)
    expect(run.statements.map((s) => s.totalPayout)).toEqual(["1000.00", "1000.00"]);
  });

  it("refuses a row for someone not among the people with INVALID_DATA at rows[i].id", () => {
    const data = { rows: [...rows, { id: "p03", sales: "1" }] };
    expect(failure(() => runPlan(withPeople, data))).toMatchObject({ code: "INVALID_DATA", path: ["rows", 2, "id"] });
  });

  it("refuses a listed person without a row with INVALID_DATA at rows", () => {
    const f = failure(() => runPlan(withPeople, { rows: [rows[0] as (typeof rows)[0]] }));
    expect(f).toMatchObject({ code: "INVALID_DATA", path: ["rows"] });
    expect(f.message).toContain('"p02" (people[1])');
  });

  it("refuses a listed person active only outside the period with INVALID_PLAN at people[j]", () => {
    const late: Plan = { ...withPeople, people: [{ id: "p01", activeFrom: "2026-06-01" }, { id: "p02" }] };
    expect(failure(() => runPlan(late, { rows }))).toMatchObject({ code: "INVALID_PLAN", path: ["people", 0] });
  });
});

describe("runPlan pay components on the per-person path", () => {
  it("weights a basePay-score pool by base pay × score, and refuses a person without base pay", () => {
    const plan: Plan = { ...base, pay: { pools: [{ id: "bonus", budget: 3000, weightBy: "basePay-score" }] } };
    const f = failure(() => runPlan(plan, { rows }));
    expect(f.code).toBe("INVALID_DATA");
    expect(f.path).toEqual(["rows", 1, "basePay"]);
    // 10000 · 120 = 1.2e6 and 12000 · 90 = 1.08e6: 3000 · 1.2 / 2.28 = 1578.95, 3000 · 1.08 / 2.28 = 1421.05
    const paid = runPlan(plan, { rows: [rows[0] as (typeof rows)[0], { ...rows[1], basePay: "12000" }] });
    expect(paid.statements.map((s) => s.totalPayout)).toEqual(["1578.95", "1421.05"]);
  });

  it("caps a pool share at a multiple of base pay", () => {
    const plan: Plan = { ...base, pay: { pools: [{ id: "bonus", budget: 3000, cap: { multipleOfBasePay: "0.1" } }] } };
    const data = { rows: [rows[0] as (typeof rows)[0], { ...rows[1], basePay: "12000" }] };
    const run = runPlan(plan, data);
    // by score p01 would get 1714.29, p02 1285.71; capped at 10000 · 0.1 = 1000 and 12000 · 0.1 = 1200
    expect(run.statements.map((s) => s.totalPayout)).toEqual(["1000.00", "1200.00"]);
  });

  it("pays commission on a data column, an empty cell as 0", () => {
    const plan: Plan = { ...base, pay: { commission: { base: { column: "margin" }, tiers: [{ from: 0, rate: "0.1" }] } } };
    const run = runPlan(plan, { rows: [{ ...rows[0], margin: "5000" }, { ...rows[1], margin: "" }] });
    // 5000 · 0.1 = 500; empty → 0
    expect(run.statements.map((s) => s.totalPayout)).toEqual(["500.00", "0.00"]);
  });

  it("takes a target per person from the plan and refuses a person it does not name", () => {
    const plan: Plan = { ...base, kpis: [{ id: "sales", weight: 1, actual: "sales", target: { perPerson: { p01: 100000, p02: 90000 } } }] };
    // p02: 90000 / 90000 = 100 points
    expect(runPlan(plan, { rows }).statements.map((s) => s.score)).toEqual(["120", "100"]);
    const partial: Plan = { ...plan, kpis: [{ id: "sales", weight: 1, actual: "sales", target: { perPerson: { p01: 100000 } } }] };
    const f = failure(() => runPlan(partial, { rows }));
    expect(f).toMatchObject({ code: "INVALID_PLAN", path: ["kpis", 0, "target", "perPerson"] });
    expect(f.message).toContain('no target for person "p02"');
  });

  it("refuses an award for someone not in the roster with INVALID_PLAN", () => {
    const plan: Plan = { ...base, pay: { awards: [{ id: "mvp", amount: 500, people: ["p09"] }] } };
    const f = failure(() => runPlan(plan, { rows }));
    expect(f).toMatchObject({ code: "INVALID_PLAN", path: ["pay", "awards", 0, "people", 0] });
    expect(f.message).toContain('no person "p09"');
  });

  it("refuses a grade override for someone not in the roster with INVALID_PLAN", () => {
    const plan: Plan = {
      ...base,
      grading: { method: "bands", bands: [{ grade: "A", min: 100 }, { grade: "B", min: 0 }], overrides: [{ person: "p09", grade: "A", reason: "r", by: "committee", at: "2026-04-03" }] },
    };
    const f = failure(() => runPlan(plan, { rows }));
    expect(f.code).toBe("INVALID_PLAN");
    expect(f.path).toEqual(["grading", "overrides", 0, "person"]);
  });
});

describe("runPlan 360 reviews on the per-person path", () => {
  it("refuses a rating whose score is off the scale with INVALID_DATA at ratings[i]", () => {
    const data: PlanData = fixtureData();
    const ratings = [...(data.ratings ?? [])];
    ratings[2] = { ...(ratings[2] as NonNullable<PlanData["ratings"]>[number]), score: "9" };
    const f = failure(() => runPlan(fixturePlan(), { ...data, ratings }));
    expect(f.code).toBe("INVALID_DATA");
    expect(f.path[0]).toBe("ratings");
    expect(f.path[1]).toBe(2);
  });

  it("falls back to the KPI score when no group has enough raters", () => {
    const data = fixtureData();
    const run = runPlan(fixturePlan(), { ...data, ratings: [] });
    for (const s of run.statements) {
      expect(s.review360?.points ?? null).toBeNull();
      expect(s.score).toBe(s.kpiScore);
    }
  });
});

describe("parsePlan cross-field checks", () => {
  const cases: [string, Plan, (string | number)[]][] = [
    ["a duplicate person id", { ...base, people: [{ id: "p01" }, { id: "p01" }] }, ["people", 1, "id"]],
    ["activeTo before activeFrom", { ...base, people: [{ id: "p01", activeFrom: "2026-03-01", activeTo: "2026-02-01" }] }, ["people", 0, "activeTo"]],
    ["a 360 set-up without a weight", { ...base, score: { kpi: 1 }, review360: { weights: { manager: 1 } } }, ["score", "review360"]],
    ["score weights not summing to 1", { ...base, score: { kpi: "0.7", review360: "0.2" }, review360: { weights: { manager: 1 } } }, ["score"]],
    ["grade multipliers without grading", { ...base, pay: { gradeMultipliers: { A: 1 } } }, ["pay", "gradeMultipliers"]],
    ["a duplicate pool id", { ...base, pay: { pools: [{ id: "b", budget: 1 }, { id: "b", budget: 2 }] } }, ["pay", "pools", 1, "id"]],
  ];
  it.each(cases)("refuses %s with INVALID_PLAN at its path", (_what, plan, path) => {
    const f = failure(() => parsePlan(plan));
    expect(f.code).toBe("INVALID_PLAN");
    expect(f.path).toEqual(path);
  });
});
