import { describe, expect, it } from "vitest";
import { parsePlan, runPlan, runPlanLazy, type Plan } from "../../../src/plan/index.js";
import { conservationCheck } from "../../../src/plan/stages/conservationCheck.js";
import type { LazyPayoutRun, Statement } from "../../../src/plan/types.js";

const q1 = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };

function poolPlan(rounding: string, budget = "100.05"): Plan {
  return {
    version: 1,
    currency: "CNY",
    period: q1,
    rounding: { mode: rounding },
    kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100 }],
    pay: {
      fixed: { share: "0.01" },
      pools: [{ id: "bonus", budget, funding: { measure: { kpi: "sales" }, curve: { points: [{ x: 0, y: "0.3333" }] } } }],
    },
  } as unknown as Plan;
}

const rows = [{ id: "a", sales: "100", basePay: "1000" }, { id: "b", sales: "50", basePay: "1000" }];

describe("conservationCheck", () => {
  it("funds a pool in the plan's rounding mode: 100.05 × 0.3333 = 33.346665 → 33.35 half-up, 33.34 down", () => {
    expect(runPlan(poolPlan("half-up"), { rows }).pools[0]?.funded).toBe("33.35");
    expect(runPlan(poolPlan("half-even"), { rows }).pools[0]?.funded).toBe("33.35");
    expect(runPlan(poolPlan("down"), { rows }).pools[0]?.funded).toBe("33.34");
    expect(runPlan(poolPlan("ceil"), { rows }).pools[0]?.funded).toBe("33.35");
  });

  it("lets a run that adds up through, statement by statement", () => {
    const lazy = runPlanLazy(poolPlan("half-up"), { rows });
    const p = parsePlan(poolPlan("half-up"));
    const checked = conservationCheck(lazy, p, 2, "half-up");
    // a: fixed 10 + pool; b: fixed 10 + pool; Σ = 20 + 33.35
    const paid = [0, 1].map((i) => Number(checked.statementAt(i).totalPayout));
    expect(paid.reduce((x, y) => x + y, 0)).toBeCloseTo(53.35, 10);
  });

  it("refuses a pool whose allocations and unallocated amount do not make what it funded", () => {
    const lazy = runPlanLazy(poolPlan("half-up"), { rows });
    const pool = lazy.pools[0] as LazyPayoutRun["pools"][number];
    const broken = { ...lazy, pools: [{ ...pool, unallocated: "0.01" }] };
    expect(() => conservationCheck(broken, parsePlan(poolPlan("half-up")), 2, "half-up")).toThrow(expect.objectContaining({ code: "INTERNAL_ERROR" }));
  });

  it("refuses a pool funded other than round(budget × funding) in the plan's mode", () => {
    const lazy = runPlanLazy(poolPlan("half-up"), { rows });
    // funded by the old rule (rounded down) while the plan says half-up
    const pool = lazy.pools[0] as LazyPayoutRun["pools"][number];
    const allocations = pool.allocations.map((a, i) => (i === 0 ? { ...a, amount: (Number(a.amount) - 0.01).toFixed(2) } : a));
    const broken = { ...lazy, pools: [{ ...pool, funded: "33.34", allocated: "33.34", allocations }] };
    expect(() => conservationCheck(broken, parsePlan(poolPlan("half-up")), 2, "half-up")).toThrow(/funded 33\.34 is not round/);
  });

  it("refuses totals that are not the sum of their parts, and amounts not in whole minor units", () => {
    const lazy = runPlanLazy(poolPlan("half-up"), { rows });
    const p = parsePlan(poolPlan("half-up"));
    expect(() => conservationCheck({ ...lazy, totals: { ...lazy.totals, payout: "0.00" } }, p, 2, "half-up")).toThrow(/conservation check failed/);
    expect(() => conservationCheck({ ...lazy, totals: { ...lazy.totals, fixed: "20" } }, p, 2, "half-up")).toThrow(/whole minor units/);
  });

  it("refuses a statement whose pay lines do not make its total, and statements that do not make the run's payout", () => {
    const lazy = runPlanLazy(poolPlan("half-up"), { rows });
    const p = parsePlan(poolPlan("half-up"));
    const tampered = (s: Statement): Statement => ({ ...s, totalPayout: "1.00" });
    const broken = conservationCheck({ ...lazy, statementAt: (i) => tampered(lazy.statementAt(i)) }, p, 2, "half-up");
    expect(() => broken.statementAt(0)).toThrow(/pay lines sum to/);
    const shifted = conservationCheck(
      { ...lazy, statementAt: (i) => ({ ...lazy.statementAt(i), pay: [{ component: "fixed", id: "fixed", amount: "1.00" }], totalPayout: "1.00" }) },
      p,
      2,
      "half-up",
    );
    shifted.statementAt(0);
    expect(() => shifted.statementAt(1)).toThrow(/statements' total payouts sum to 2\.00/);
  });

  it("checks long, negative and malformed amounts in a statement exactly, naming the line", () => {
    const lazy = runPlanLazy(poolPlan("half-up"), { rows });
    const p = parsePlan(poolPlan("half-up"));
    const withPay = (pay: Statement["pay"], totalPayout: string) =>
      conservationCheck({ ...lazy, statementAt: (i) => ({ ...lazy.statementAt(i), pay, totalPayout }) }, p, 2, "half-up");
    // 18 digits: past a double's exact range, checked in BigInt
    const long = withPay([{ component: "fixed", id: "fixed", amount: "1234567890123456.78" }, { component: "pool", id: "bonus", amount: "0.01" }], "1234567890123456.79");
    expect(long.statementAt(0).totalPayout).toBe("1234567890123456.79");
    expect(() => withPay([{ component: "fixed", id: "fixed", amount: "1234567890123456.78" }], "1234567890123456.77").statementAt(0)).toThrow(/pay lines sum to 123456789012345678 minor units/);
    // a clawback line
    expect(withPay([{ component: "fixed", id: "fixed", amount: "10.00" }, { component: "commission", id: "commission", amount: "-2.50" }], "7.50").statementAt(0).totalPayout).toBe("7.50");
    expect(() => withPay([{ component: "fixed", id: "fixed", amount: "10.00" }, { component: "commission", id: "commission", amount: "-2.50" }], "12.50").statementAt(0)).toThrow(/pay lines sum to 750 minor units/);
    // not in whole minor units
    for (const bad of ["10.0", "10.000", ".50", "+1.00", "1e3", "10,00"]) {
      expect(() => withPay([{ component: "fixed", id: "fixed", amount: bad }], "10.00").statementAt(0)).toThrow(/pay fixed fixed is .*not an amount in whole minor units/);
    }
  });
});
