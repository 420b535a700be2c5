// Conservation across whole runs: every cent of a decomposed target and of every pool is
// accounted for, and a run's statements sum to its totals — for random people and amounts.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal, runPlan, type Plan } from "../../src/index.js";

const people = fc.uniqueArray(
  fc.record({
    id: fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/),
    weight: fc.integer({ min: 0, max: 1000 }),
    sales: fc.integer({ min: 0, max: 5_000_000 }),
    visits: fc.integer({ min: 0, max: 200 }),
  }),
  { minLength: 1, maxLength: 25, selector: (p) => p.id },
).filter((ps) => ps.some((p) => p.weight > 0));

function planFor(totalFen: number, budgetFen: number, cap: number): Plan {
  return {
    version: 1,
    currency: "CNY",
    period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
    kpis: [
      { id: "sales", weight: "0.7", actual: "sales", target: { total: new Decimal(totalFen).div(100).toFixed(2), weightColumn: "weight" }, cap: 2 },
      { id: "visits", weight: "0.3", actual: "visits", target: 60, cap: "1.5" },
    ],
    grading: { method: "forced", quotas: [{ grade: "A", share: "0.2" }, { grade: "B", share: "0.7" }, { grade: "C", share: "0.1" }] },
    pay: {
      gradeMultipliers: { A: "1.5", B: 1, C: "0.5" },
      pools: [{ id: "bonus", budget: new Decimal(budgetFen).div(100).toFixed(2), weightBy: "score", cap }],
    },
  } as Plan;
}

describe("conservation across a run", () => {
  it("a decomposed target's shares sum to the total, pools to their funding, statements to the totals", () => {
    fc.assert(
      fc.property(people, fc.integer({ min: 100, max: 10_000_000_000 }), fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 1, max: 100_000 }), (ps, totalFen, budgetFen, cap) => {
        const plan = planFor(totalFen, budgetFen, cap);
        const rows = ps.map((p) => ({ id: p.id, weight: String(p.weight), sales: String(p.sales), visits: String(p.visits) }));
        for (const trace of [true, false]) {
          let run;
          try {
            run = runPlan(plan, { rows }, { trace });
          } catch (error) {
            // A person whose share of the target is 0 cannot be scored against it: a data fault, not a loss.
            expect((error as { code?: string }).code).toBe("ZERO_DENOMINATOR");
            return;
          }
          const targets = run.statements.reduce((s, st) => s.plus(st.kpis.find((k) => k.id === "sales")?.target ?? "0"), new Decimal(0));
          expect(targets.eq(new Decimal(totalFen).div(100))).toBe(true);
          for (const pool of run.pools) {
            const allocated = pool.allocations.reduce((s, a) => s.plus(a.amount), new Decimal(0));
            expect(allocated.plus(pool.unallocated).eq(pool.funded)).toBe(true);
          }
          const paid = run.statements.reduce((s, st) => s.plus(st.totalPayout), new Decimal(0));
          expect(paid.eq(run.totals.payout)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
