import { expectTypeOf, test } from "vitest";
import type { Plan, PlanData, PlanInput, Statement } from "../../src/plan/index.js";
import { parsePlan, runPlan } from "../../src/plan/index.js";

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

test("PlanInput types a plan built in code, and parsePlan takes it or anything", () => {
  const input: PlanInput = {
    version: 1,
    currency: "CNY",
    period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
    kpis: [{ id: "sales", weight: "0.4", actual: { indicator: "margin", revenue: "revenue", cost: "cost" }, target: 100000 }, { id: "visits", weight: 0.6, actual: "visits", target: { column: "visitsTarget" } }],
    inputs: { data: "data.csv" },
    promotion: { measure: "score", threshold: 1, count: 2, missingHistory: "not-eligible" },
  };
  expectTypeOf(parsePlan(input)).toEqualTypeOf<Plan>();
  expectTypeOf(parsePlan(JSON.parse("{}") as unknown)).toEqualTypeOf<Plan>();
  expectTypeOf<PlanInput["kpis"][number]["direction"]>().toEqualTypeOf<"higher" | "lower" | undefined>();
  // @ts-expect-error a misspelt field does not type-check
  const misspelt: PlanInput = { ...input, kpis: [{ id: "sales", wieght: 1, actual: "sales", target: 1 }] };
  // @ts-expect-error the missing-history choice is one of two words
  const wrongChoice: PlanInput = { ...input, promotion: { measure: "score", threshold: 1, count: 2, missingHistory: "skip" } };
  void misspelt;
  void wrongChoice;
});

test("pay.prorate, the calendar and the run's audit options are typed (issue 18)", () => {
  const input: PlanInput = {
    version: 1,
    currency: "CNY",
    period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
    kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000 }],
    pay: { fixed: { share: "0.7" }, prorate: "business-days" },
    calendar: { holidays: ["2026-01-01"], workdays: ["2026-02-14"] },
  };
  // @ts-expect-error "weeks" is not a proration basis
  const wrong: PlanInput = { ...input, pay: { prorate: "weeks" } };
  void wrong;
  const run = runPlan(parsePlan(input), { rows: [] }, { inputs: { data: { file: "data.csv", sha256: "0".repeat(64) } }, runAt: "2026-04-05T09:30:00Z" });
  expectTypeOf(run.runAt).toEqualTypeOf<string | undefined>();
  // @ts-expect-error an input file needs its sha256
  runPlan(parsePlan(input), { rows: [] }, { inputs: { data: { file: "data.csv" } } });
});

test("a fiscal-year period is written in a PlanInput and read as dates in a Plan; runPlan takes either", () => {
  const input: PlanInput = {
    version: 1,
    currency: "CNY",
    period: { fiscalYear: 2026, startMonth: 4 },
    kpiWeights: "normalize",
    kpis: [{ id: "margin", weight: 3, actual: { indicator: "margin", from: "deals" }, target: "0.3" }],
  };
  expectTypeOf(parsePlan(input).period).toEqualTypeOf<{ start: string; end: string; label: string }>();
  expectTypeOf(runPlan(input, { rows: [] }).statements).toEqualTypeOf<readonly Statement[]>();
  // @ts-expect-error a Plan's period is its dates
  const parsed: Plan = { ...parsePlan(input), period: { fiscalYear: 2026 } };
  // @ts-expect-error kpiWeights is "exact" or "normalize"
  const weights: PlanInput = { ...input, kpiWeights: "percent" };
  void parsed;
  void weights;
});
