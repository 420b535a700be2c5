import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runPerPerson } from "./oracle/perPersonRun.js";
import { parsePlan, runPlan, runPlanLazy, type Plan, type PlanData } from "../../src/plan/index.js";
import { outcome } from "./helpers.js";

// The engine (runPlan / runPlanLazy with trace: false) against the oracle (a plain per-person
// run kept in test/plan/oracle), on random plans and random data with awkward cells: exact
// halves, zero and empty targets, numbers past 2^53 and with exponents, negative actuals.

const cellArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 2000 }).map(String) },
  { weight: 4, arbitrary: fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 999 })).map(([a, b]) => `${a}.${String(b).padStart(3, "0")}`) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 400 }).map((x) => x / 8) },
  { weight: 1, arbitrary: fc.constantFrom("", "0", "0.5", "2.5", "1e3", "-5", "9007199254740993", "12345678901234567890", "1.50", "0.000001", "7.0000005") },
);
const targetCellArb = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 2000 }).map(String) }, { weight: 1, arbitrary: cellArb });

const curveArb = fc.record(
  {
    points: fc.constantFrom(
      [{ x: "0.6", y: 50 }, { x: 1, y: 100 }, { x: "1.5", y: 150 }],
      [{ x: 0, y: 0 }, { x: "0.8", y: 60 }, { x: 1, y: 100 }, { x: "1.2", y: 120 }],
      [{ x: "0.5", y: "33.333" }, { x: 1, y: 100 }],
    ),
    below: fc.constantFrom("zero", "clamp", "extrapolate"),
    above: fc.constantFrom("clamp", "extrapolate"),
    step: fc.boolean(),
  },
  { requiredKeys: ["points"] },
);

const kpiArb = fc.record(
  {
    direction: fc.constantFrom("higher", "lower"),
    lowerFormula: fc.constantFrom("reflect", "inverse"),
    zeroTarget: fc.constantFrom("error", "zero", "full"),
    cap: fc.constantFrom("1.2", "1.5", "1.25", "1.23456"),
    floor: fc.constantFrom(0, "0.5"),
    curve: curveArb,
    difficulty: fc.constantFrom("1.1", "0.9", 1),
    targetColumn: fc.boolean(),
    target: fc.constantFrom(100, "80.5", 3),
  },
  { requiredKeys: ["targetColumn", "target"] },
);

const planArb = fc
  .record({
    kpis: fc.array(kpiArb, { minLength: 1, maxLength: 4 }),
    weights: fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 4, maxLength: 4 }),
    missing: fc.constantFrom("error", "zero", "reweight"),
    mode: fc.constantFrom("half-even", "half-up", "half-down", "up", "down", "ceil", "floor"),
    attainment: fc.integer({ min: 0, max: 6 }),
    points: fc.integer({ min: 0, max: 4 }),
    score: fc.integer({ min: 0, max: 4 }),
    grading: fc.constantFrom("none", "forced", "forced-by-order", "bands"),
    multipliers: fc.boolean(),
    pools: fc.array(
      fc.record(
        {
          budget: fc.constantFrom("10000", "999.99", "0", "123456.78"),
          cap: fc.constantFrom("3000", "1500.555", "1"),
          weightBy: fc.constantFrom("score", "equal"),
          funding: fc.constantFrom("score", "kpi"),
        },
        { requiredKeys: ["budget"] },
      ),
      { maxLength: 2 },
    ),
  })
  .map((r): Plan => {
    const total = r.kpis.reduce((s, _k, i) => s + (r.weights[i] ?? 1), 0);
    let left = 10000;
    const kpis = r.kpis.map((k, i) => {
      const share = i === r.kpis.length - 1 ? left : Math.floor(((r.weights[i] ?? 1) * 10000) / total);
      left -= share;
      const { targetColumn, target, ...rest } = k;
      return { id: `k${i}`, weight: (share / 10000).toString(), actual: `a${i}`, target: targetColumn ? { column: `t${i}` } : target, ...rest };
    });
    const quotas = [
      { grade: "A", share: "0.2" },
      { grade: "B", share: "0.7" },
      { grade: "C", share: "0.1" },
    ];
    const grading =
      r.grading === "none"
        ? undefined
        : r.grading === "bands"
          ? { method: "bands" as const, bands: [{ grade: "A", min: 100 }, { grade: "B", min: "80.5" }, { grade: "C", min: -1000000 }] }
          : { method: "forced" as const, quotas, ...(r.grading === "forced-by-order" ? { ties: "by-order" as const } : {}) };
    const pools = r.pools.map((pool, i) => ({
      id: `pool${i}`,
      budget: pool.budget,
      ...(pool.cap === undefined ? {} : { cap: pool.cap }),
      ...(pool.weightBy === undefined ? {} : { weightBy: pool.weightBy }),
      ...(pool.funding === undefined
        ? {}
        : { funding: { measure: pool.funding === "score" ? ("score" as const) : { kpi: "k0" }, curve: { points: [{ x: "0.5", y: 0 }, { x: 1, y: 1 }, { x: "1.5", y: "1.3" }] } } }),
    }));
    return {
      version: 1,
      currency: "CNY",
      rounding: { mode: r.mode, attainment: r.attainment, points: r.points, score: r.score },
      period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
      kpis,
      score: { kpi: 1, missing: r.missing },
      ...(grading === undefined ? {} : { grading }),
      pay: { ...(r.multipliers && grading !== undefined ? { gradeMultipliers: { A: "1.5", B: 1, C: "0.5" } } : {}), pools },
    } as unknown as Plan;
  });

const dataArb = (kpiCount: number): fc.Arbitrary<PlanData> =>
  fc
    .uniqueArray(
      fc.record({
        id: fc.stringMatching(/^[a-zA-Z0-9]{1,4}$/),
        actuals: fc.array(cellArb, { minLength: kpiCount, maxLength: kpiCount }),
        targets: fc.array(targetCellArb, { minLength: kpiCount, maxLength: kpiCount }),
        name: fc.constantFrom("", "Li", null),
        basePay: fc.constantFrom("", "8000.00", "12000", 9000.5),
      }),
      { minLength: 1, maxLength: 20, selector: (p) => p.id },
    )
    .map((people) => ({
      rows: people.map((p) => {
        const row: Record<string, string | number | null> = { id: p.id, name: p.name, basePay: p.basePay };
        p.actuals.forEach((a, i) => {
          row[`a${i}`] = a;
          row[`t${i}`] = p.targets[i] ?? "1";
        });
        return row;
      }),
    }));

const planAndData = planArb.chain((plan) => dataArb(plan.kpis.length).map((data) => ({ plan, data })));

describe("runPlan's columnar path", () => {
  it("gives byte-identical runs (or the same error) as the per-person reference path", () => {
    let columnar = 0;
    fc.assert(
      fc.property(planAndData, ({ plan, data }) => {
        const reference = outcome(() => runPerPerson(parsePlan(plan), plan, data, false));
        const fast = outcome(() => runPlan(plan, data, { trace: false }));
        expect(fast).toBe(reference);
        try {
          if (runPlanLazy(plan, data, { trace: false }).path === "columnar") columnar++;
        } catch {
          // the error was compared above
        }
      }),
      { numRuns: 250, seed: 20261123 },
    );
    // Every run is on the one engine.
    expect(columnar).toBeGreaterThan(50);
  }, 120_000);

  it("row order is irrelevant: a shuffled successful run is byte-identical", () => {
    fc.assert(
      fc.property(planAndData, fc.array(fc.integer(), { minLength: 1, maxLength: 20 }), ({ plan, data }, keys) => {
        const rows = data.rows
          .map((row, i) => ({ row, key: keys[i % keys.length] ?? 0, i }))
          .sort((a, b) => a.key - b.key || a.i - b.i)
          .map((entry) => entry.row);
        const before = outcome(() => runPlan(plan, data, { trace: false }));
        // An error names its row index, which a shuffle moves: compare the runs that succeed.
        if (!before.startsWith("{")) return;
        expect(outcome(() => runPlan(plan, { rows }, { trace: false }))).toBe(before);
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it("statementAt(i) equals runPlan's statements[i], and the header equals the run's", () => {
    fc.assert(
      fc.property(planAndData, ({ plan, data }) => {
        let run;
        try {
          run = runPlan(plan, data, { trace: false });
        } catch {
          return;
        }
        const lazy = runPlanLazy(plan, data, { trace: false });
        expect(lazy.size).toBe(run.statements.length);
        run.statements.forEach((statement, i) => expect(lazy.statementAt(i)).toEqual(statement));
        expect(lazy.totals).toEqual(run.totals);
        expect(lazy.pools).toEqual(run.pools);
        expect(lazy.planHash).toBe(run.planHash);
      }),
      { numRuns: 100, seed: 11 },
    );
  });
});
