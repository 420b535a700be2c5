import { expectTypeOf, test } from "vitest";
import type { Plan, PlanData, Statement } from "../../src/plan/index.js";
import { runPlan } from "../../src/plan/index.js";

test("a plan needs version, currency, period and kpis", () => {
  const plan: Plan = {
    version: 1,
    currency: "CNY",
    period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
    kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000 }],
  };
  expectTypeOf(runPlan(plan, { rows: [] }).statements).toEqualTypeOf<readonly Statement[]>();
  // @ts-expect-error kpis is required
  const missing: Plan = { version: 1, currency: "CNY", period: plan.period };
  // @ts-expect-error version 2 does not exist
  const wrong: Plan = { ...plan, version: 2 };
  void missing;
  void wrong;
});

test("data cells are strings, numbers or null", () => {
  const data: PlanData = { rows: [{ id: "p01", sales: "120000", bonus: 3, note: null }] };
  // @ts-expect-error a cell cannot be a boolean
  const bad: PlanData = { rows: [{ id: "p01", active: true }] };
  void data;
  void bad;
});
