import { describe, expect, it } from "vitest";
import { diffRuns, runPlan, type PayoutRun } from "../../src/plan/index.js";
import { fixtureData, fixturePlan } from "./helpers.js";

describe("diffRuns", () => {
  const before = runPlan(fixturePlan(), fixtureData());

  it("finds nothing between a run and itself (or its JSON copy)", () => {
    const diff = diffRuns(before, JSON.parse(JSON.stringify(before)) as PayoutRun);
    expect(diff).toEqual({
      planChanged: false,
      planHashes: { before: before.planHash, after: before.planHash },
      currency: "CNY",
      rateKpis: ["collection"],
      added: [],
      removed: [],
      changed: [],
      unchanged: 4,
      totals: { before: "51053.80", after: "51053.80", delta: "0" },
    });
  });

  it("names who changed, by how much and which lines differ after a data correction", () => {
    // p04's sales corrected from 60000 to 64000: attainment 0.75 → 0.8, commission 600 → 640, …
    const data = fixtureData();
    const rows = data.rows.map((row) => (row["id"] === "p04" ? { ...row, sales: "64000" } : row));
    const after = runPlan(fixturePlan(), { ...data, rows });
    const diff = diffRuns(before, after);
    expect(diff.planChanged).toBe(false);
    const p04 = diff.changed.find((c) => c.person === "p04");
    expect(p04?.lines).toEqual(
      expect.arrayContaining([
        { field: "kpi.sales.actual", before: "60000", after: "64000", delta: "4000" },
        { field: "kpi.sales.attainment", before: "0.75", after: "0.8", delta: "0.05" },
        { field: "pay.commission.commission", before: "600.00", after: "640.00", delta: "40" },
      ]),
    );
    // the cause: p04's own cell, named by the trace; p02 and p03 changed only through the pool
    expect(p04?.causes).toEqual([{ step: "kpi.sales.actual", column: "sales", input: "sales", before: "60000", after: "64000" }]);
    expect(p04?.name).toBe("Zhao Qiang");
    expect(diff.changed.find((c) => c.person === "p02")?.causes).toEqual([]);
    const total = diff.changed.reduce((s, c) => s + Number(c.delta), 0);
    expect(Number(diff.totals.delta)).toBeCloseTo(total, 6);
  });

  it("lists people added and removed, and notices a changed plan", () => {
    const data = fixtureData();
    const plan = fixturePlan();
    const fewer = runPlan({ ...plan, pay: { ...plan.pay, awards: [] }, grading: { ...plan.grading, overrides: [] } as typeof plan.grading }, { ...data, rows: data.rows.filter((r) => r["id"] !== "p04"), ratings: (data.ratings ?? []).filter((r) => r.person !== "p04") });
    const diff = diffRuns(before, fewer);
    expect(diff.removed).toEqual(["p04"]);
    expect(diff.added).toEqual([]);
    expect(diff.planChanged).toBe(true);
    expect(diffRuns(fewer, before).added).toEqual(["p04"]);
  });

  it("refuses something that is not a run with INVALID_ARGUMENT", () => {
    expect(() => diffRuns({} as PayoutRun, before)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["before"] }));
  });
});
