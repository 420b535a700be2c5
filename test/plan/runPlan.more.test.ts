import { describe, expect, it } from "vitest";
import { diffRuns, explain, runPlan, runPlanLazy, type PayoutRun, type Plan, type PlanData } from "../../src/plan/index.js";
import { fixtureData, fixturePlan } from "./helpers.js";

const period = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };
const plan: Plan = { version: 1, currency: "CNY", period, kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000 }], pay: { pools: [{ id: "bonus", budget: 3000 }] } };
const rows = [{ id: "p01", sales: "120000" }, { id: "p02", sales: "90000" }];

describe("runPlan on data that is not plain rows", () => {
  class Rows {
    constructor(readonly rows: unknown[]) {}
  }
  const cases: [string, unknown][] = [
    ["a class instance", new Rows(rows)],
    ["a row without a prototype", { rows: [Object.assign(Object.create(null) as object, rows[0]), rows[1]] }],
  ];
  it.each(cases)("takes the per-person path for %s, paying the same 1714.29 and 1285.71", (_what, data) => {
    const lazy = runPlanLazy(plan, data as PlanData, { trace: false });
    // a null-prototype row is still plain (columnar); a class instance is not
    expect(lazy.path).toBe("columnar");
    // pool 3000 by score 120 : 90
    expect(runPlan(plan, data as PlanData, { trace: false }).statements.map((s) => s.totalPayout)).toEqual(["1714.29", "1285.71"]);
  });

  it("refuses rows that are not an array, or a row that is not an object, with INVALID_DATA on both paths", () => {
    for (const data of [{ rows: "p01" }, { rows: [null] }, { rows: [{ id: "p01", sales: { value: 1 } }] }]) {
      for (const trace of [false, true]) {
        expect(() => runPlan(plan, data as unknown as PlanData, { trace })).toThrow(expect.objectContaining({ code: "INVALID_DATA" }));
      }
    }
  });
});

describe("runPlan review360 and pay corners", () => {
  it("scores the 360 part as absent when the data has no ratings at all", () => {
    const { ratings: _ratings, ...data } = fixtureData();
    const run = runPlan(fixturePlan(), data);
    for (const s of run.statements) expect(s.score).toBe(s.kpiScore);
  });

  it("applies a single minRaters to every group when minRaters is absent (default 1)", () => {
    const plan360 = fixturePlan();
    const { minRaters: _m, ...setup } = plan360.review360 as NonNullable<Plan["review360"]>;
    const run = runPlan({ ...plan360, review360: setup }, fixtureData());
    const p01 = run.statements.find((s) => s.person.id === "p01");
    // p01: manager 5, peers 4 and 4 — all groups count: 0.6 × 5 + 0.4 × 4 = 4.6 on 1–5 → (4.6 − 1) / 4 × 100 = 90
    expect(p01?.review360?.points).toBe("90");
  });

  it("pays commission on a KPI whose actual is missing as 0 with missing: zero", () => {
    const p: Plan = { ...plan, score: { kpi: 1, missing: "zero" }, pay: { commission: { base: { kpi: "sales" }, tiers: [{ from: 0, rate: "0.01" }] } } };
    const run = runPlan(p, { rows: [{ id: "p01", sales: "" }, { id: "p02", sales: "90000" }] });
    // p02: 90000 × 0.01 = 900
    expect(run.statements.map((s) => s.totalPayout)).toEqual(["0.00", "900.00"]);
  });
});

describe("explain without the optional parts", () => {
  it("leaves out the 360, grade and promotion lines when the statement has none", () => {
    const run = runPlan(plan, { rows });
    const text = explain(run.statements[0] as PayoutRun["statements"][number], { locale: "zh-CN" });
    expect(text).not.toContain("360 评估");
    expect(text).not.toContain("绩效等级");
    expect(text).not.toContain("晋升");
    expect(text).toMatch(/应发合计：\S*1,714\.29/);
  });

  it("writes an eligible promotion in Chinese", () => {
    const s = runPlan(fixturePlan(), fixtureData()).statements[0] as PayoutRun["statements"][number];
    const text = explain({ ...s, promotion: { eligible: true, current: 3, longest: 3 } } as typeof s, { locale: "zh-CN" });
    expect(text).toContain("晋升：符合条件（当前连续 3 期，最长 3 期）");
  });
});

describe("diffRuns corners", () => {
  it("counts a statement without totalPayout as 0 and a non-numeric total as no delta", () => {
    const before = { statements: [{ person: { id: "a" }, score: "1" }], totals: { payout: "n/a" } } as unknown as PayoutRun;
    const after = { statements: [{ person: { id: "a" }, score: "2" }], totals: { payout: "5.00" } } as unknown as PayoutRun;
    const diff = diffRuns(before, after);
    expect(diff.changed).toMatchObject([{ person: "a", before: "0", after: "0", delta: "0", lines: [{ field: "score", before: "1", after: "2", delta: "1" }] }]);
    expect(diff.totals).toEqual({ before: "n/a", after: "5.00", delta: "0" });
  });
});

describe("runPlan 360 rating errors point at data.ratings", () => {
  const data = fixtureData();
  const ratings = data.ratings ?? [];
  it("refuses a rating in a group the plan does not weigh with INVALID_DATA at ratings[i].group", () => {
    const bad = [...ratings, { person: "p01", rater: "c1", group: "client", score: "3" }];
    expect(() => runPlan(fixturePlan(), { ...data, ratings: bad })).toThrow(expect.objectContaining({ code: "INVALID_DATA", path: ["ratings", ratings.length, "group"] }));
  });

  it("refuses a rating of someone not in the run with INVALID_DATA at ratings[i].person", () => {
    const bad = [...ratings, { person: "p99", rater: "c1", group: "peer", score: "3" }];
    expect(() => runPlan(fixturePlan(), { ...data, ratings: bad })).toThrow(expect.objectContaining({ code: "INVALID_DATA", path: ["ratings", ratings.length, "person"] }));
  });

  it("gives no 360 points when every group weighs 0, and the score falls back to the KPI score", () => {
    const p = fixturePlan();
    const run = runPlan({ ...p, review360: { ...(p.review360 as NonNullable<Plan["review360"]>), weights: { manager: 0, peer: 0 } } }, data);
    for (const s of run.statements) {
      expect(s.review360?.points).toBeNull();
      expect(s.score).toBe(s.kpiScore);
    }
  });
});

