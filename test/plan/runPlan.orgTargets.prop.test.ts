import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/numeric/index.js";
import { runPlan, type Plan, type PlanData, type Statement } from "../../src/plan/index.js";

// Issue 21, point 2: an org target's invariants through runPlan — exact at every level, and the
// same targets whatever the order of the people.

const period = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };
const REGIONS = ["North", "South", "East"] as const;

/** People in teams that each sit in one region (`North-1` in North), with weights 0–5 (one at least 1 a team). */
const peopleArb = fc.uniqueArray(
  fc.record({
    id: fc.stringMatching(/^[a-z][a-z0-9]{0,4}$/),
    region: fc.constantFrom(...REGIONS),
    team: fc.integer({ min: 1, max: 3 }),
    w: fc.integer({ min: 1, max: 5 }),
  }),
  { minLength: 1, maxLength: 25, selector: (p) => p.id },
);
const setupArb = fc.record({
  people: peopleArb,
  totalFen: fc.integer({ min: 0, max: 100_000_000 }),
  byColumn: fc.boolean(),
  regionWeights: fc.option(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 })), { nil: undefined }),
  given: fc.boolean(),
  keys: fc.array(fc.integer(), { minLength: 1, maxLength: 30 }),
});

/** The rows in an order the keys decide (a stable sort by key). */
function shuffled<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i % keys.length] ?? 0, i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map((x) => x.item);
}

const sum = (values: readonly (string | undefined)[]): string => values.reduce((s, v) => s.plus(v ?? "0"), new Decimal(0)).toFixed(2);

describe("runPlan's org targets (properties)", () => {
  it("targets sum exactly to the total at every level, and the order of the people changes no one's target", () => {
    fc.assert(
      fc.property(setupArb, (setup) => {
        const rows: PlanData["rows"] = setup.people.map((p) => ({ id: p.id, region: p.region, team: `${p.region}-${p.team}`, w: String(p.w), sales: "100" }));
        const regions = REGIONS.filter((r) => setup.people.some((p) => p.region === r));
        const total = new Decimal(setup.totalFen).div(100);
        const totals = Object.fromEntries(regions.map((r, i) => [r, new Decimal(setup.totalFen).plus(i * 7).div(100).toFixed(2)]));
        const weights = setup.regionWeights === undefined ? undefined : Object.fromEntries(regions.map((r, i) => [r, String(i === regions.length - 1 ? setup.regionWeights?.[2] : setup.regionWeights?.[i])]));
        const target = {
          over: ["region", "team"] as ("region" | "team")[],
          ...(setup.given ? { totals } : { total: total.toFixed(2) }),
          ...(weights === undefined || setup.given ? {} : { weights: { region: weights } }),
          ...(setup.byColumn ? { weightColumn: "w" } : {}),
        };
        const plan: Plan = { version: 1, currency: "CNY", period, kpis: [{ id: "sales", weight: 1, actual: "sales", target, zeroTarget: "zero" }] };
        const run = runPlan(plan, { rows });
        const targetOf = (s: Statement): string | undefined => s.kpis[0]?.target ?? undefined;
        const step = (s: Statement): Record<string, string> => s.trace.find((t) => t.step === "kpi.sales.target")?.inputs ?? {};
        // The top: every person's target adds up to the total (or the given totals' sum).
        const top = setup.given ? sum(Object.values(totals)) : total.toFixed(2);
        expect(sum(run.statements.map(targetOf))).toBe(top);
        // Each region's and each team's people add up to its target in the trace; the regions' and teams' targets to their parent's.
        const byUnit = new Map<string, { target: string; people: string[]; parent: string }>();
        for (const s of run.statements) {
          const inputs = step(s);
          for (const [unit, amount, parent] of [
            [`region ${inputs["region"] ?? ""}`, inputs["regionTarget"], "top"],
            [`team ${inputs["team"] ?? ""}`, inputs["teamTarget"], `region ${inputs["region"] ?? ""}`],
          ] as const) {
            const entry = byUnit.get(unit) ?? { target: amount ?? "", people: [], parent };
            expect(entry.target).toBe(amount);
            entry.people.push(targetOf(s) ?? "0");
            byUnit.set(unit, entry);
          }
        }
        for (const [unit, entry] of byUnit) {
          expect(sum(entry.people)).toBe(new Decimal(entry.target).toFixed(2));
          const children = [...byUnit.values()].filter((child) => child.parent === unit).map((child) => child.target);
          if (unit.startsWith("region ")) expect(sum(children)).toBe(new Decimal(entry.target).toFixed(2));
        }
        expect(sum([...byUnit.values()].filter((u) => u.parent === "top").map((u) => u.target))).toBe(top);
        // The same targets, person by person, from the rows in another order.
        const again = runPlan(plan, { rows: shuffled(rows, setup.keys) });
        expect(again.statements.map((s) => [s.person.id, targetOf(s)])).toEqual(run.statements.map((s) => [s.person.id, targetOf(s)]));
      }),
      { numRuns: 60 },
    );
  });
});
