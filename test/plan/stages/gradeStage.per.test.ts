import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../../src/errors/index.js";
import { explain, parsePlan, runPlan, type PlanInput } from "../../../src/plan/index.js";
import { gradingGroupOf } from "../../../src/plan/stages/gradeStage.js";

// Issue 21, point 3 (part): forced distribution per team or per role.

function plan(per: unknown): PlanInput {
  return {
    version: 1,
    currency: "CNY",
    period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
    kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100 }],
    grading: { method: "forced", quotas: [{ grade: "A", share: "0.4" }, { grade: "B", share: "0.6" }], ...(per === undefined ? {} : { per }) },
  } as PlanInput;
}

const rows = [
  { id: "p01", team: "East", role: "rep", sales: "120" },
  { id: "p02", team: "East", role: "rep", sales: "80" },
  { id: "p03", team: "West", role: "manager", sales: "90" },
  { id: "p04", team: "West", role: "", sales: "70" },
  { id: "p05", team: "East", role: "manager", sales: "100" },
];

const grades = (per: unknown): string[] => runPlan(plan(per), { rows }).statements.map((s) => `${s.person.id} ${s.grade?.final ?? "-"} #${s.rank}`);

describe("forced distribution per team or role", () => {
  it("grades everyone together by default (worked by hand)", () => {
    // 5 people × (0.4, 0.6) → 2 A, 3 B: A = 120, 100
    expect(grades(undefined)).toEqual(["p01 A #1", "p02 B #4", "p03 B #3", "p04 B #5", "p05 A #2"]);
    expect(grades("all")).toEqual(grades(undefined));
  });

  it("grades each team on its own quotas; ranks stay over everyone", () => {
    // East 3 × (0.4, 0.6) = 1.2, 1.8 → 1 A, 2 B: A = p01; West 2 × (0.4, 0.6) = 0.8, 1.2 → 1 A, 1 B: A = p03
    expect(grades("team")).toEqual(["p01 A #1", "p02 B #4", "p03 A #3", "p04 B #5", "p05 B #2"]);
  });

  it("grades each role on its own quotas; people without a role form one group", () => {
    // rep (p01, p02): 0.8, 1.2 → A p01; manager (p03, p05): A p05; no role (p04): 0.4, 0.6 → B
    expect(grades("role")).toEqual(["p01 A #1", "p02 B #4", "p03 B #3", "p04 B #5", "p05 A #2"]);
  });

  it("shows the group in the trace and explain", () => {
    const statement = runPlan(plan("team"), { rows }, { trace: true }).statements[2];
    if (statement === undefined) throw new Error("no statement");
    expect(statement.trace.find((t) => t.step === "grade")?.inputs).toMatchObject({ gradingGroup: "West", rank: "3" });
    expect(explain(statement, { locale: "en" })).toContain("graded among=West");
    expect(explain(statement, { locale: "zh-CN" })).toContain("强制分布范围=West");
  });

  it("refuses another value, and names the group of a person", () => {
    const error = (() => {
      try {
        parsePlan(plan("region"));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(PayscoreError);
    expect((error as PayscoreError).message).toContain("grading.per");
    expect(gradingGroupOf({ team: "East", role: null }, "team")).toBe("East");
    expect(gradingGroupOf({ team: "East", role: null }, "role")).toBe("");
  });
});
