import type { LoadedData } from "../../src/cli/readPlanData.js";
import type { PayoutRun, Statement } from "../../src/index.js";

/** Small plans and data for the command-line tests. */

export const commissionPlan = {
  version: 1,
  name: "Commission test",
  currency: "CNY",
  period: { start: "2026-03-01", end: "2026-03-31", label: "2026-03" },
  kpis: [{ id: "sales", weight: 1, actual: "sales", target: "300000" }],
  pay: { commission: { base: { column: "sales" }, tiers: [{ from: "0", rate: "0.03" }, { from: "200000", rate: "0.05" }] } },
};

export const commissionPlanText = `${JSON.stringify(commissionPlan, null, 2)}\n`;

/** Three people; C01 sells 412000 → commission 200000 · 3 % + 212000 · 5 % = 16600.00. */
export const goodCsv = "id,name,sales\nC01,Zhao Lei,412000\nC02,Qian Na,268500.50\nC03,Sun Hao,155000\n";

/**
 * Two people's data as the command line loads it from a CSV (lines 2 and 3 of `data.csv`), C01
 * with the `sales` given, C02 with 100 000: for commands' helpers that take `LoadedData`.
 */
export function commissionLoaded(sales: string): LoadedData {
  return {
    data: { rows: [{ id: "C01", name: "Zhao Lei", sales }, { id: "C02", name: "Qian Na", sales: "100000" }] },
    sources: { rows: { file: "data.csv", kind: "csv", lines: [2, 3], header: ["id", "name", "sales"] } },
  };
}

/**
 * A payout run around hand-made statements, for the writers' tests: a CNY Q1 2026 run with zero
 * totals (one person a statement) and no pools unless `rest` gives its own totals or pools.
 */
export function runOf(statements: readonly Statement[], rest?: Partial<Pick<PayoutRun, "totals" | "pools">>): PayoutRun {
  return {
    version: "0.1.0",
    planHash: "sha256:00",
    planName: null,
    currency: "CNY",
    scale: 2,
    rounding: "half-even",
    period: { start: "2026-01-01", end: "2026-03-31", label: "Q1" },
    subPeriods: [],
    statements: [...statements],
    totals: { people: statements.length, fixed: "0.00", targetIncentive: "0.00", commission: "0.00", pool: "0.00", award: "0.00", payout: "0.00" },
    pools: [],
    ...rest,
  } as PayoutRun;
}
