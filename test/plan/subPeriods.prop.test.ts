import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/numeric/index.js";
import { splitPeriod } from "../../src/period/index.js";
import { runPlan, type Plan, type PlanData, type Statement } from "../../src/plan/index.js";
import { fixturePlan } from "./helpers.js";

// Issue 21, point 1: the invariants of scored sub-periods, through runPlan.

const base = fixturePlan();
/** The fixture (sales from a column, prorated; collection rate; 360; bands; pay) without the parts that name its people. */
const general: Plan = {
  ...base,
  grading: { method: "bands", bands: [{ grade: "A", min: 100 }, { grade: "B", min: 85 }, { grade: "C", min: 0 }] },
  pay: { ...base.pay, awards: [] },
};
const UNITS = ["half", "quarter", "month", "week"] as const;
/** Weekdays of 2026-Q1 a joiner may start on (so every active sub-period has a business day). */
const STARTS = ["2026-01-01", "2026-01-16", "2026-02-02", "2026-02-27", "2026-03-10"];

const splitArb = fc.oneof(
  fc.constantFrom("equal", "business-days", "calendar-days"),
  fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 14, maxLength: 14 }),
);
const peopleArb = fc.uniqueArray(
  fc.record({
    id: fc.stringMatching(/^[a-z][a-z0-9]{0,4}$/),
    targetCents: fc.integer({ min: 10_000, max: 50_000_000 }),
    sales: fc.integer({ min: 0, max: 600_000 }),
    start: fc.option(fc.constantFrom(...STARTS), { nil: undefined }),
    cells: fc.array(fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }), { minLength: 14, maxLength: 14 }),
    billed: fc.integer({ min: 1, max: 200_000 }),
    manager: fc.integer({ min: 1, max: 5 }),
  }),
  { minLength: 1, maxLength: 8, selector: (p) => p.id },
);

type Person = { id: string; targetCents: number; sales: number; start: string | undefined; cells: (number | null)[]; billed: number; manager: number };

function dataFor(people: readonly Person[], labels: readonly string[]): PlanData {
  return {
    rows: people.map((p) => ({
      id: p.id,
      sales: String(p.sales),
      sales_target: new Decimal(p.targetCents).div(100).toString(),
      collected: String(Math.floor(p.billed / 2)),
      billed: String(p.billed),
      basePay: "10000",
      ...(p.start === undefined ? {} : { activeFrom: p.start }),
      ...Object.fromEntries(labels.map((label, i) => [`sales@${label}`, p.cells[i] === null ? "" : String(p.cells[i])])),
    })),
    ratings: people.map((p) => ({ person: p.id, rater: "m", group: "manager", score: p.manager })),
  };
}

function scored(unit: (typeof UNITS)[number], split: string | number[]): Plan {
  const count = splitPeriod(general.period, unit).length;
  return { ...general, subPeriods: { by: unit, split: typeof split === "string" ? split : { profile: split.slice(0, count) }, missing: "empty" } } as Plan;
}

function withoutSubPeriods(statement: Statement): Statement {
  const { subPeriods: _s, ...rest } = statement;
  return rest;
}

describe("scored sub-periods (properties)", () => {
  it("sub-period targets always sum to the period target, exactly", () => {
    fc.assert(
      fc.property(fc.constantFrom(...UNITS), splitArb, peopleArb, (unit, split, people) => {
        const labels = splitPeriod(general.period, unit).map((p) => p.label);
        const run = runPlan(scored(unit, split), dataFor(people, labels));
        for (const s of run.statements) {
          expect(s.subPeriods?.map((m) => m.label)).toEqual(labels);
          const sum = (s.subPeriods ?? []).reduce((acc, m) => acc.plus(m.kpis[0]?.target ?? "NaN"), new Decimal(0));
          expect(sum.eq(s.kpis[0]?.target ?? "NaN")).toBe(true);
          // Only sales (a column) is split; the collection rate (an indicator) is not.
          expect(s.subPeriods?.every((m) => m.kpis.length === 1 && m.kpis[0]?.id === "sales")).toBe(true);
        }
      }),
      { seed: 2101, numRuns: 60 },
    );
  });

  it("plans without the option give identical statements, and the option changes nothing else", () => {
    fc.assert(
      fc.property(fc.constantFrom(...UNITS), splitArb, peopleArb, (unit, split, people) => {
        const labels = splitPeriod(general.period, unit).map((p) => p.label);
        const data = dataFor(people, labels);
        const none = runPlan(general, data);
        const strings = runPlan({ ...general, subPeriods: unit } as Plan, data);
        const objects = runPlan(scored(unit, split), data);
        expect(JSON.stringify(strings.statements)).toBe(JSON.stringify(none.statements));
        expect(objects.statements.map(withoutSubPeriods)).toEqual(none.statements);
        expect(objects.totals).toEqual(none.totals);
        expect(objects.pools).toEqual(none.pools);
        expect(objects.subPeriods).toEqual(strings.subPeriods);
      }),
      { seed: 2102, numRuns: 40 },
    );
  });
});
