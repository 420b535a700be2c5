import { describe, expect, it } from "vitest";
import { explain, parsePlan, planJsonSchema, runPlan, type PlanInput } from "../../../src/plan/index.js";
import { difficultyColumnOf, specsWithDifficulties } from "../../../src/plan/stages/kpiDifficulty.js";
import { errorOf as fault } from "../../helpers.js";

// Issue 21, point 7: a KPI's difficulty (难度系数) per person or territory, from a data column.

function plan(extra: Record<string, unknown> = {}): PlanInput {
  return {
    version: 1,
    currency: "CNY",
    period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
    kpis: [
      { id: "sales", weight: "0.6", actual: "sales", target: 100, difficulty: { column: "territoryDifficulty" }, ...extra },
      { id: "visits", weight: "0.4", actual: "visits", target: 50 },
    ],
  } as PlanInput;
}

const rows = [
  { id: "p01", sales: "90", visits: "50", territoryDifficulty: "1.2" },
  { id: "p02", sales: "90", visits: "40", territoryDifficulty: "0.9" },
  { id: "p03", sales: "120", visits: "50", territoryDifficulty: "1" },
];

describe("difficulty from a data column", () => {
  it("scores each person with their own coefficient (worked by hand)", () => {
    const run = runPlan(plan(), { rows });
    // p01: 0.9 × 1.2 → 108 points, 0.6 × 108 = 64.8; visits 100 → 40; score 104.8
    // p02: 0.9 × 0.9 → 81 points, 48.6; visits 0.8 → 80 → 32; score 80.6
    // p03: 1.2 × 1 → 120 points, 72; visits 40; score 112
    expect(run.statements.map((s) => [s.person.id, s.kpis[0]?.difficulty, s.kpis[0]?.points, s.kpiScore])).toEqual([
      ["p01", "1.2", "108", "104.8"],
      ["p02", "0.9", "81", "80.6"],
      ["p03", "1", "120", "112"],
    ]);
    expect(run.statements[0]?.kpis[1]?.difficulty).toBe("1");
  });

  it("applies the coefficient before the curve", () => {
    const run = runPlan(plan({ curve: { points: [{ x: 0, y: 0 }, { x: 1, y: 100 }, { x: 2, y: 150 }] } }), { rows });
    // p01: curve(0.9 × 1.2 = 1.08) = 100 + 0.08 × 50 = 104; p02: curve(0.81) = 81; p03: curve(1.2) = 110
    expect(run.statements.map((s) => s.kpis[0]?.points)).toEqual(["104", "81", "110"]);
  });

  it("gives the same run whether or not statements share their lines", () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ id: `p${String(i).padStart(2, "0")}`, sales: "90", visits: "50", territoryDifficulty: ["1.2", "0.9", "1"][i % 3] as string }));
    const run = runPlan(plan(), { rows: many });
    expect(run.statements.map((s) => s.kpis[0]?.points)).toEqual(many.map((r) => ({ "1.2": "108", "0.9": "81", "1": "90" })[r.territoryDifficulty]));
  });

  it("shows the coefficient and its column in the trace and in explain", () => {
    const run = runPlan(plan(), { rows }, { trace: true });
    const statement = run.statements[0];
    if (statement === undefined) throw new Error("no statement");
    expect(statement.trace.find((step) => step.step === "kpi.sales.difficulty")).toEqual({ step: "kpi.sales.difficulty", formula: "column territoryDifficulty", inputs: {}, result: "1.2" });
    expect(statement.trace.find((step) => step.step === "kpi.visits.difficulty")).toBeUndefined();
    const points = statement.trace.find((step) => step.step === "kpi.sales.points");
    expect(points?.formula).toBe("round(100 × attainment × difficulty, 2)");
    expect(points?.inputs["difficulty"]).toBe("1.2");
    const en = explain(statement, { locale: "en" });
    expect(en).toContain("× difficulty 1.2");
    expect(en).toContain("sales · difficulty");
    const zh = explain(statement, { locale: "zh-CN" });
    expect(zh).toContain("× 难度系数 1.2");
    expect(zh).toContain("sales · 难度系数");
  });

  it("refuses an empty, zero, negative or malformed cell, or a missing column, naming the row and column", () => {
    const at = (cell: string) => fault(() => runPlan(plan(), { rows: [rows[0] as (typeof rows)[number], { ...(rows[1] as (typeof rows)[number]), territoryDifficulty: cell }] }));
    for (const cell of ["", "0", "-1.2"]) {
      const error = at(cell);
      expect(error.code).toBe("INVALID_DATA");
      expect(error.path).toEqual(["rows", 1, "territoryDifficulty"]);
      expect(error.message).toContain('KPI "sales" takes its difficulty from it');
    }
    expect(at("1,2").path).toEqual(["rows", 1, "territoryDifficulty"]);
    const missing = fault(() => runPlan(plan(), { rows: [{ id: "p01", sales: "90", visits: "50" }] }));
    expect([missing.code, missing.path]).toEqual(["INVALID_DATA", ["rows", 0, "territoryDifficulty"]]);
  });

  it("is in the schema and the JSON Schema; a constant stays a constant", () => {
    expect(parsePlan(plan()).kpis[0]?.difficulty).toEqual({ column: "territoryDifficulty" });
    const bad = fault(() => parsePlan(plan({ difficulty: { col: "x" } })));
    expect(bad.code).toBe("INVALID_PLAN");
    expect(bad.message).toContain("kpis[0].difficulty");
    expect(JSON.stringify(planJsonSchema())).toContain("each person's or territory's coefficient");
    const constant = runPlan(plan({ difficulty: "1.2" }), { rows });
    expect(constant.statements.map((s) => s.kpis[0]?.points)).toEqual(["108", "108", "144"]);
  });

  it("helpers: the column of a KPI, and a person's specs", () => {
    expect(difficultyColumnOf({ difficulty: { column: "d" } })).toBe("d");
    expect(difficultyColumnOf({ difficulty: "1.1" })).toBeUndefined();
    expect(difficultyColumnOf({})).toBeUndefined();
    const specs = specsWithDifficulties([{ id: "a", weight: 1 }], [["1.2", "0.9"]], 1);
    expect(specs[0]?.difficulty).toBe("0.9");
    expect(Object.isFrozen(specs[0])).toBe(true);
  });
});
