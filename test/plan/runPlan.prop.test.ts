import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/numeric/index.js";
import { runPlan, type Plan, type PlanData } from "../../src/plan/index.js";
import { fixtureData, fixturePlan } from "./helpers.js";

const plan = fixturePlan();
const data = fixtureData();
/** The fixture without the parts that name fixture people (the override and the award). */
const general: Plan = {
  ...plan,
  grading: { method: "bands", bands: [{ grade: "A", min: 100 }, { grade: "B", min: 85 }, { grade: "C", min: 0 }] },
  pay: { ...plan.pay, awards: [] },
};

/** Random people with random sales, collections and ratings, for a plan with everything in it. */
const peopleArb = fc.uniqueArray(
  fc.record({
    id: fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/),
    team: fc.constantFrom("East", "West"),
    basePay: fc.integer({ min: 1000, max: 50000 }),
    sales: fc.integer({ min: 0, max: 300000 }),
    target: fc.integer({ min: 1, max: 200000 }),
    collectedShare: fc.integer({ min: 0, max: 100 }),
    billed: fc.integer({ min: 1, max: 200000 }),
    manager: fc.integer({ min: 1, max: 5 }),
    peers: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 3 }),
  }),
  { minLength: 1, maxLength: 12, selector: (p) => p.id },
);

function dataFor(people: readonly { id: string; team: string; basePay: number; sales: number; target: number; collectedShare: number; billed: number; manager: number; peers: number[] }[]): PlanData {
  return {
    rows: people.map((p) => ({
      id: p.id,
      team: p.team,
      basePay: String(p.basePay),
      sales: String(p.sales),
      sales_target: String(p.target),
      collected: String(Math.floor((p.billed * p.collectedShare) / 100)),
      billed: String(p.billed),
    })),
    ratings: people.flatMap((p) => [
      { person: p.id, rater: "m", group: "manager", score: p.manager },
      ...p.peers.map((score, i) => ({ person: p.id, rater: `q${i}`, group: "peer", score })),
    ]),
  };
}

function shuffled<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i % Math.max(1, keys.length)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map((entry) => entry.item);
}

describe("runPlan properties", () => {
  it("row order is irrelevant: the run's JSON is byte-identical after any shuffle of rows and ratings", () => {
    fc.assert(
      fc.property(peopleArb, fc.array(fc.integer(), { minLength: 1, maxLength: 40 }), (people, keys) => {
        const input = dataFor(people);
        const base = JSON.stringify(runPlan(general, input));
        const again = JSON.stringify(runPlan(general, { rows: shuffled(input.rows, keys), ratings: shuffled(input.ratings ?? [], [...keys].reverse()) }));
        expect(again).toBe(base);
      }),
      { numRuns: 40 },
    );
  });

  it("pool totals are conserved: Σ allocations + unallocated = funded, and totals add up", () => {
    fc.assert(
      fc.property(peopleArb, fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 5000 }), (people, budgetFen, cap) => {
        const budget = new Decimal(budgetFen).div(100).toFixed(2);
        const variant: Plan = {
          ...plan,
          grading: { method: "bands", bands: [{ grade: "A", min: 100 }, { grade: "B", min: 85 }, { grade: "C", min: -1e9 }] },
          pay: { ...plan.pay, awards: [], pools: [{ id: "pool", budget, weightBy: "score", cap }] },
        };
        const run = runPlan(variant, dataFor(people), { trace: false });
        for (const pool of run.pools) {
          const allocated = pool.allocations.reduce((s, a) => s.plus(a.amount), new Decimal(0));
          expect(allocated.plus(pool.unallocated).eq(pool.funded)).toBe(true);
          expect(allocated.eq(pool.allocated)).toBe(true);
          for (const a of pool.allocations) expect(new Decimal(a.amount).lte(cap)).toBe(true);
        }
        const sum = run.statements.reduce((s, st) => s.plus(st.totalPayout), new Decimal(0));
        expect(sum.eq(run.totals.payout)).toBe(true);
        for (const st of run.statements) {
          const parts = st.pay.reduce((s, line) => s.plus(line.amount), new Decimal(0));
          expect(parts.eq(st.totalPayout)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("the shared fixture runs identically every time", () => {
    expect(JSON.stringify(runPlan(plan, data))).toBe(JSON.stringify(runPlan(fixturePlan(), fixtureData())));
  });
});
