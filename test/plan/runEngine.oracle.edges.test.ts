import { describe, expect, it } from "vitest";
import { parsePlan, runPlan, type Plan, type PlanData } from "../../src/plan/index.js";
import { runPerPerson } from "./oracle/perPersonRun.js";
import { outcome } from "./helpers.js";

// The engine's quick paths against the oracle at their edges: a total split by weights the quick
// split does not take (signs, many decimals, numbers, zeros, empty cells), and 360 reviews with
// more than 127 distinct scores or groups (the stored ratings widen their byte columns).

/** The engine's run and the oracle's, traced and untraced. */
function both(given: Record<string, unknown>, data: PlanData): { engine: string; oracle: string }[] {
  const plan = given as unknown as Plan;
  return [true, false].map((trace) => ({ engine: outcome(() => runPlan(plan, data, { trace })), oracle: outcome(() => runPerPerson(parsePlan(plan), plan, data, trace)) }));
}

const period = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };

describe("a total split by a weight column", () => {
  const plan = { version: 1, currency: "CNY", period, kpis: [{ id: "sales", weight: 1, actual: "sales", target: { total: "1000000.01", weightColumn: "w" } }] };
  const rows = (weights: readonly (string | number | null)[]): PlanData => ({ rows: weights.map((w, i) => ({ id: `p${i}`, sales: "1000", w })) });

  it.each([
    ["plain weights", ["1", "1.2", "0.8", "1.5"]],
    ["numbers and text alike", [1, "2", 0.5, "0.25"]],
    ["more than 6 decimals", ["1.0000001", "2", "3"]],
    ["trailing zeros past 6 decimals", ["1.50000000", "2", "3"]],
    ["a plus sign", ["+1", "2"]],
    ["a zero weight among others", ["0", "2", "3"]],
    ["every weight zero", ["0", "0"]],
    ["a negative weight", ["-1", "2"]],
    ["minus zero", ["-0", "2"]],
    ["an empty weight", ["1", ""]],
    ["a null weight", ["1", null]],
    ["a weight with spaces", [" 1 ", "2"]],
    ["a weight in exponent form", ["1e2", "3"]],
  ] as const)("gives the oracle's run with %s", (_name, weights) => {
    for (const { engine, oracle } of both(plan, rows(weights))) expect(engine).toBe(oracle);
  });

  it("gives the oracle's run with a total that is not whole cents, and with a negative total", () => {
    for (const total of ["1000.005", "-1000"]) {
      const other = { ...plan, kpis: [{ ...plan.kpis[0], target: { total, weightColumn: "w" } }] };
      for (const { engine, oracle } of both(other, rows(["1", "2"]))) expect(engine).toBe(oracle);
    }
  });

  it("splits a total of more steps than a double holds exactly: 10^12 over weights 1.25 and 0.75", () => {
    // 10^12 CNY = 10^14 fen; 10^14 · 125 / 200 = 62500000000000 fen for the first person.
    const big = { ...plan, kpis: [{ ...plan.kpis[0], target: { total: "1000000000000", weightColumn: "w" } }] };
    const runs = both(big, rows(["1.25", "0.75"]));
    for (const { engine, oracle } of runs) expect(engine).toBe(oracle);
    expect((JSON.parse(runs[1]?.engine ?? "{}") as { statements: { kpis: { target: string }[] }[] }).statements[0]?.kpis[0]?.target).toBe("625000000000");
  });
});

describe("a 360 review with many distinct values", () => {
  const review = (weights: Record<string, number>): Record<string, unknown> => ({
    version: 1,
    currency: "CNY",
    period,
    kpis: [{ id: "sales", weight: 1, actual: "sales", target: 1000 }],
    score: { kpi: 0.5, review360: 0.5 },
    review360: { weights, scale: { min: 1, max: 5 } },
  });

  it("gives the oracle's run with 300 distinct scores (past a byte's 127)", () => {
    const ratings = Array.from({ length: 300 }, (_, i) => ({ person: `p${i % 3}`, rater: `r${i}`, group: "peer", score: (1 + i / 100).toFixed(2) }));
    const data: PlanData = { rows: [0, 1, 2].map((i) => ({ id: `p${i}`, sales: "1000" })), ratings };
    for (const { engine, oracle } of both(review({ peer: 1 }), data)) expect(engine).toBe(oracle);
  });

  it("gives the oracle's run with 200 groups and 200 competencies", () => {
    const weights = Object.fromEntries(Array.from({ length: 200 }, (_, g) => [`g${g}`, 1]));
    const ratings = Array.from({ length: 400 }, (_, i) => ({ person: `p${i % 2}`, rater: `r${i}`, group: `g${i % 200}`, score: String(1 + (i % 5)), competency: `c${i % 200}` }));
    const data: PlanData = { rows: [0, 1].map((i) => ({ id: `p${i}`, sales: "1000" })), ratings };
    for (const { engine, oracle } of both(review(weights), data)) expect(engine).toBe(oracle);
  });
});

describe("promotion over a history the quick comparison does not take", () => {
  const plan = (threshold: string | number): Record<string, unknown> => ({
    version: 1,
    currency: "CNY",
    period,
    kpis: [{ id: "sales", weight: 1, actual: "sales", target: 1000 }],
    promotion: { measure: { kpi: "sales" }, threshold, count: 2 },
  });
  const data = (values: readonly (string | number)[]): PlanData => ({
    rows: values.map((_, i) => ({ id: `p${i}`, sales: String(900 + 50 * i) })),
    history: Object.fromEntries(values.map((v, i) => [`p${i}`, [v, "1.2"]])),
  });

  it.each([
    ["plain values", ["1", "0.99", "1.2", 1, 0.5]],
    ["more than 6 decimals", ["1.0000001", "0.99999999", "1"]],
    ["signs and points", ["+1", ".5", "1.", "-0", "-1"]],
    ["exponents and spaces", ["1e0", " 1", "1 "]],
    ["a value that is not a number", ["1", "abc"]],
  ] as const)("gives the oracle's run with %s", (name, values) => {
    for (const threshold of ["1", "0.9999999", 1]) {
      for (const { engine, oracle } of both(plan(threshold), data(values))) {
        expect(engine).toBe(oracle);
        if (name === "plain values") expect(engine).toMatch(/"promotion":\{"eligible":true/);
      }
    }
  });
});

describe("a commission the integer path does not take", () => {
  const plan = (tiers: readonly { from: string | number; rate: string | number }[], mode: string, currency = "CNY", rounding = "half-up"): Record<string, unknown> => ({
    version: 1,
    currency,
    rounding: { mode: rounding },
    period,
    kpis: [{ id: "revenue", weight: 1, actual: "revenue", target: 1000000 }],
    pay: { commission: { base: { kpi: "revenue" }, tiers, mode } },
  });
  const data = (bases: readonly (string | number)[]): PlanData => ({ rows: bases.map((revenue, i) => ({ id: `p${i}`, revenue })) });
  const bases = ["1419370", 682863, "1000000", "999999.99", "0", "0.005", "1.5e6", "12345.678", "+5", 9007199254740991];
  const tierSets = [
    [{ from: "0", rate: "0.005" }, { from: "1000000", rate: "0.01" }],
    [{ from: 0, rate: "0.0333333" }, { from: "500000.5", rate: "0.02" }],
    [{ from: "0.001", rate: "0.01" }],
    [{ from: 0, rate: 0.07 }, { from: 100, rate: "0.125" }, { from: 1000, rate: "0.2" }],
  ];

  it("gives the oracle's run for each tier set, mode, currency and rounding", () => {
    for (const tiers of tierSets) {
      for (const mode of ["marginal", "retroactive"]) {
        for (const [currency, rounding] of [["CNY", "half-up"], ["JPY", "half-even"], ["KWD", "down"]] as const) {
          for (const { engine, oracle } of both(plan(tiers, mode, currency, rounding), data(bases))) expect(engine).toBe(oracle);
        }
      }
    }
  });

  it("gives the oracle's fault for a negative base", () => {
    for (const base of ["-1", "-0", -5]) {
      for (const { engine, oracle } of both(plan(tierSets[0] ?? [], "marginal"), data([base]))) expect(engine).toBe(oracle);
    }
  });

  it("writes 1000000 × 0.005 + 419370 × 0.01 = 9193.70 for a revenue of 1419370", () => {
    const run = JSON.parse(both(plan(tierSets[0] ?? [], "marginal"), data(["1419370"]))[1]?.engine ?? "{}") as { statements: { pay: { component: string; amount: string }[] }[] };
    expect(run.statements[0]?.pay.find((line) => line.component === "commission")?.amount).toBe("9193.70");
  });
});
