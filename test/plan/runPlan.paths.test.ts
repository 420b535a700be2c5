import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";
import { runPlan, runPlanLazy, type Plan, type PlanData } from "../../src/plan/index.js";

// The columnar path (runPlan with `{ trace: false }`) and the per-person path (with traces) must
// agree: the same statements (traces aside) and the same error code and path for bad data.

const period = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };
const plan: Plan = {
  version: 1,
  currency: "CNY",
  period,
  kpis: [{ id: "sales", weight: 1, actual: "sales", target: { column: "sales_target" } }],
  grading: { method: "bands", bands: [{ grade: "A", min: 100 }, { grade: "B", min: 0 }] },
  pay: { pools: [{ id: "bonus", budget: 3000 }] },
};

function failure(run: () => unknown): PayscoreError {
  try {
    run();
  } catch (error) {
    if (error instanceof PayscoreError) return error;
    throw error;
  }
  throw new Error("expected a PayscoreError");
}

/** Runs both paths; both must fail with the same code and path, which is returned. */
function bothFail(p: Plan, data: PlanData): { code: string; path: readonly (string | number)[] } {
  const columnar = failure(() => runPlan(p, data, { trace: false }));
  const perPerson = failure(() => runPlan(p, data, { trace: true }));
  expect(columnar.code).toBe(perPerson.code);
  expect(columnar.path).toEqual(perPerson.path);
  return { code: perPerson.code, path: perPerson.path };
}

/** Runs both paths; the statements must be equal but for the traces. */
function bothAgree(p: Plan, data: PlanData) {
  const columnar = runPlan(p, data, { trace: false });
  const perPerson = runPlan(p, data, { trace: true });
  const untraced = perPerson.statements.map((s) => ({ ...s, trace: [] }));
  expect(columnar.statements).toEqual(untraced);
  expect(columnar.totals).toEqual(perPerson.totals);
  expect(columnar.pools).toEqual(perPerson.pools);
  return columnar;
}

describe("runPlan on both paths", () => {
  it("sorts unsorted rows by id and reads the person's columns, on the columnar path", () => {
    const data = {
      rows: [
        { id: "p02", name: "Han Meimei", team: "East", region: "North", role: "Sales", basePay: "12000", activeFrom: "2026-02-15", activeTo: "", sales: "90000", sales_target: "100000" },
        { id: "p01", name: "Li Lei", team: "", region: null, role: "", basePay: 10000, activeFrom: "2025-12-01", activeTo: "2026-06-30", sales: 120000, sales_target: "100000" },
      ],
    };
    expect(runPlanLazy(plan, data, { trace: false }).path).toBe("columnar");
    const run = bothAgree(plan, data);
    expect(run.statements.map((s) => s.person.id)).toEqual(["p01", "p02"]);
    // p01: attainment 120000 / 100000 = 1.2 → 120 points, grade A; active dates clamped to the period
    expect(run.statements[0]?.score).toBe("120");
    expect(run.statements[0]?.grade?.final).toBe("A");
    expect(run.statements[0]?.person.activeFrom).toBe("2026-01-01");
    expect(run.statements[0]?.person.activeTo).toBe("2026-03-31");
    expect(run.statements[0]?.person.basePay).toBe("10000");
    // p02: 90 points, grade B, joined mid-period
    expect(run.statements[1]?.score).toBe("90");
    expect(run.statements[1]?.grade?.final).toBe("B");
    expect(run.statements[1]?.person.activeFrom).toBe("2026-02-15");
    expect(run.statements[1]?.person.team).toBe("East");
    // pool 3000 by score: 3000 · 120 / 210 = 1714.29, 3000 · 90 / 210 = 1285.71
    expect(run.statements.map((s) => s.totalPayout)).toEqual(["1714.29", "1285.71"]);
  });

  it("refuses a row without an id column with INVALID_DATA at rows[i].id", () => {
    expect(bothFail(plan, { rows: [{ id: "p01", sales: "1", sales_target: "1" }, { sales: "1", sales_target: "1" }] })).toEqual({ code: "INVALID_DATA", path: ["rows", 1, "id"] });
  });

  it("refuses an empty or null id with INVALID_DATA at rows[i].id", () => {
    expect(bothFail(plan, { rows: [{ id: "  ", sales: "1", sales_target: "1" }] })).toEqual({ code: "INVALID_DATA", path: ["rows", 0, "id"] });
    expect(bothFail(plan, { rows: [{ id: null, sales: "1", sales_target: "1" }] })).toEqual({ code: "INVALID_DATA", path: ["rows", 0, "id"] });
  });

  it("refuses a duplicate id with INVALID_DATA at the second row's id", () => {
    const data = { rows: [{ id: "p02", sales: "1", sales_target: "1" }, { id: "p01", sales: "1", sales_target: "1" }, { id: "p02", sales: "2", sales_target: "1" }] };
    const error = failure(() => runPlan(plan, data, { trace: true }));
    expect(error.message).toContain('person "p02" appears twice (also in rows[0])');
    expect(bothFail(plan, data)).toEqual({ code: "INVALID_DATA", path: ["rows", 2, "id"] });
  });

  it("refuses a date not written yyyy-MM-dd with INVALID_DATA at the cell", () => {
    expect(bothFail(plan, { rows: [{ id: "p01", activeFrom: "15/02/2026", sales: "1", sales_target: "1" }] })).toEqual({ code: "INVALID_DATA", path: ["rows", 0, "activeFrom"] });
    expect(bothFail(plan, { rows: [{ id: "p01", activeTo: "2026-3-1", sales: "1", sales_target: "1" }] })).toEqual({ code: "INVALID_DATA", path: ["rows", 0, "activeTo"] });
  });

  it("refuses a date that is not on the calendar with INVALID_DATA at the cell, not as a person outside the period", () => {
    // "2026-13-01" and "2026-02-30" are written yyyy-MM-dd but name no day; compared as text,
    // 2026-13-01 would come after the period's end and read as "not active in the period".
    expect(bothFail(plan, { rows: [{ id: "p01", activeFrom: "2026-13-01", sales: "1", sales_target: "1" }] })).toEqual({ code: "INVALID_DATA", path: ["rows", 0, "activeFrom"] });
    expect(bothFail(plan, { rows: [{ id: "p01", activeTo: "2026-02-30", sales: "1", sales_target: "1" }] })).toEqual({ code: "INVALID_DATA", path: ["rows", 0, "activeTo"] });
    const error = failure(() => runPlan(plan, { rows: [{ id: "p01", activeFrom: "2026-13-01", sales: "1", sales_target: "1" }] }));
    expect(error.message).toBe('rows[0].activeFrom must be a real date written yyyy-MM-dd; got "2026-13-01"');
    // A leap day is a real date.
    expect(runPlan({ ...plan, period: { start: "2028-01-01", end: "2028-03-31", label: "2028-Q1" } }, { rows: [{ id: "p01", activeFrom: "2028-02-29", sales: "1", sales_target: "1" }] }, { trace: false }).statements[0]?.person.activeFrom).toBe("2028-02-29");
  });

  it("refuses a person active only outside the period with INVALID_DATA at the row", () => {
    expect(bothFail(plan, { rows: [{ id: "p01", activeFrom: "2026-05-01", sales: "1", sales_target: "1" }] })).toEqual({ code: "INVALID_DATA", path: ["rows", 0] });
  });

  it("refuses a malformed base pay with INVALID_DATA at rows[i].basePay", () => {
    const data = { rows: [{ id: "p01", basePay: "8,000", sales: "1", sales_target: "1" }] };
    expect(failure(() => runPlan(plan, data)).message).toContain('"8,000"');
    expect(bothFail(plan, data)).toEqual({ code: "INVALID_DATA", path: ["rows", 0, "basePay"] });
  });

  it("refuses a missing KPI column with INVALID_DATA at the cell", () => {
    expect(bothFail(plan, { rows: [{ id: "p01", sales_target: "1" }] })).toEqual({ code: "INVALID_DATA", path: ["rows", 0, "sales"] });
    expect(bothFail(plan, { rows: [{ id: "p01", sales: "1" }] })).toEqual({ code: "INVALID_DATA", path: ["rows", 0, "sales_target"] });
  });

  it("refuses a malformed KPI cell with INVALID_DATA at the cell, even a target beside an empty actual", () => {
    expect(bothFail(plan, { rows: [{ id: "p01", sales: "¥1200", sales_target: "1" }] })).toEqual({ code: "INVALID_DATA", path: ["rows", 0, "sales"] });
    // an empty actual is "missing" (an error by default); with missing: "zero" the target is still read
    expect(bothFail(plan, { rows: [{ id: "p01", sales: "", sales_target: "1" }] })).toEqual({ code: "INVALID_DATA", path: ["rows", 0, "sales"] });
    const lenient: Plan = { ...plan, score: { kpi: 1, missing: "zero" } };
    expect(bothFail(lenient, { rows: [{ id: "p01", sales: "", sales_target: "1 000" }] })).toEqual({ code: "INVALID_DATA", path: ["rows", 0, "sales_target"] });
  });

  it("takes the per-person path for data that is not plain rows, with the same result", () => {
    const rows = [{ id: "p01", sales: "120000", sales_target: "100000" }];
    // an extra key beside rows, a row with a prototype, a non-finite number cell
    for (const data of [{ rows, ratings: [] }, { rows: [Object.assign(Object.create({ inherited: 1 }) as object, rows[0])] }]) {
      expect(runPlanLazy(plan, data as PlanData, { trace: false }).path).toBe("columnar");
      expect(runPlan(plan, data as PlanData, { trace: false }).statements[0]?.score).toBe("120");
    }
    expect(bothFail(plan, { rows: [{ id: "p01", sales: Number.NaN, sales_target: "1" }] }).code).toBe("INVALID_DATA");
  });

  it("treats an empty row list the same on both paths", () => {
    const columnar = runPlan(plan, { rows: [] }, { trace: false });
    const perPerson = runPlan(plan, { rows: [] });
    expect(columnar).toEqual(perPerson);
    expect(columnar.statements).toEqual([]);
  });
});

describe("runPlan on both paths with awkward cells", () => {
  const two: Plan = {
    ...plan,
    kpis: [
      { id: "sales", weight: "0.6", actual: "sales", target: { column: "sales_target" } },
      { id: "margin", weight: "0.4", actual: { column: "margin" }, target: "0.2" },
    ],
  };
  const awkward = [
    // leading zeros, a trailing fraction zero, a negative actual, a JSON number and many digits
    { id: "p03", sales: "0120000", sales_target: "100000.0", margin: "-0.05", basePay: "08000", activeTo: "2026-02-28" },
    { id: "p01", sales: 90000, sales_target: 100000, margin: "0.25", basePay: 1.5, activeFrom: null },
    { id: "p02", sales: "123456789.123456789", sales_target: "100000000", margin: "-0", basePay: "-0" },
  ];

  it("gives the per-person path's statements for non-canonical and negative numbers", () => {
    const run = bothAgree(two, { rows: awkward });
    // p01: sales 90000 / 100000 → 90 × 0.6 = 54; margin 0.25 / 0.2 = 1.25 → 125 × 0.4 = 50; score 104
    expect(run.statements[0]?.score).toBe("104");
    expect(run.statements[0]?.person.basePay).toBe("1.5");
    // p03 ended on 2026-02-28
    expect(run.statements[2]?.person.activeTo).toBe("2026-02-28");
  });

  it("gives the same funded pools, by score and by a KPI, with grade multipliers and sub-periods", () => {
    const funded: Plan = {
      ...two,
      subPeriods: "month",
      score: { kpi: 1, missing: "zero" },
      pay: {
        gradeMultipliers: { A: "1.5", B: "0.5" },
        pools: [
          { id: "by-score", budget: 10000, cap: 5000, funding: { measure: "score", curve: { points: [{ x: 0, y: 0 }, { x: 2, y: 2 }] } } },
          { id: "by-sales", budget: 4000, weightBy: "equal", funding: { measure: { kpi: "sales" }, curve: { points: [{ x: "0.8", y: "0.5" }, { x: 1, y: 1 }] } } },
        ],
      },
    };
    const rows = [...awkward, { id: "p04", sales: "", sales_target: "", margin: "" }];
    expect(runPlanLazy(funded, { rows }, { trace: false }).path).toBe("columnar");
    const run = bothAgree(funded, { rows });
    expect(run.subPeriods.map((s) => s.label)).toHaveLength(3);
    expect(run.pools.map((pool) => pool.id)).toEqual(["by-score", "by-sales"]);
    const allocated = run.pools.map((pool) => Number(pool.allocated) + Number(pool.unallocated));
    expect(allocated).toEqual(run.pools.map((pool) => Number(pool.funded)));
  });

  it("falls back to the per-person path for grade multipliers finer than six places, with the same result", () => {
    const fine: Plan = { ...plan, pay: { gradeMultipliers: { A: "1.0000001", B: 1 }, pools: [{ id: "bonus", budget: 3000 }] } };
    const rows = [{ id: "p01", sales: "120000", sales_target: "100000" }, { id: "p02", sales: "90000", sales_target: "100000" }];
    expect(runPlanLazy(fine, { rows }, { trace: false }).path).toBe("columnar");
    bothAgree(fine, { rows });
  });

  it("pays nothing from a pool when nobody has a weight, on both paths", () => {
    const rows = [{ id: "p01", sales: "0", sales_target: "100000" }, { id: "p02", sales: "-10", sales_target: "100000" }];
    const { grading: _grading, ...ungraded } = plan;
    const run = bothAgree(ungraded, { rows });
    expect(run.pools[0]?.allocated).toBe("0.00");
    expect(run.pools[0]?.unallocated).toBe("3000.00");
  });
});

describe("runPlan grading errors on both paths", () => {
  it("refuses a negative score below the lowest band with OUT_OF_RANGE at grading.bands", () => {
    // p02: -10 / 100000 → a negative score, below the band at min 0
    const rows = [{ id: "p01", sales: "100", sales_target: "100000" }, { id: "p02", sales: "-10", sales_target: "100000" }];
    expect(bothFail(plan, { rows })).toEqual({ code: "OUT_OF_RANGE", path: ["grading", "bands"] });
  });
});


describe("the columnar path's row reader", () => {
  const twoKpis: Plan = {
    ...plan,
    kpis: [
      { id: "sales", weight: "0.6", actual: "sales", target: { column: "sales_target" } },
      { id: "visits", weight: "0.4", actual: "visits", target: 50 },
    ],
  };

  it("reads rows whose keys come in different orders, with extra or person columns, as the per-person path does", () => {
    const rows = [
      { id: "p01", sales: "120000", sales_target: "100000", visits: "40" },
      { id: "p02", sales: "90000", sales_target: "100000", visits: "55" },
      // The same keys in another order, then extra keys, then person columns between the cells.
      { visits: "50", sales_target: "80000", id: "p03", sales: "88000" },
      { id: "p04", sales: "70000", note: "new hire", sales_target: "100000", visits: 45 },
      { id: "p05", name: "Li Lei", sales: "", sales_target: "100000", team: "East", visits: "60", basePay: "9000.50" },
      { id: "p06", sales: "100000", sales_target: "100000", visits: "50" },
    ];
    const lenient: Plan = { ...twoKpis, score: { kpi: 1, missing: "zero" } };
    expect(runPlanLazy(lenient, { rows }, { trace: false }).path).toBe("columnar");
    const run = bothAgree(lenient, { rows });
    // p03: sales 88000 / 80000 = 1.1 → 110 · 0.6 = 66; visits 50 / 50 = 1 → 100 · 0.4 = 40; score 106
    expect(run.statements[2]?.score).toBe("106");
    expect(run.statements[4]?.person).toMatchObject({ name: "Li Lei", team: "East", basePay: "9000.5" });
    expect(run.statements[4]?.kpis[0]?.actual).toBeNull();
  });

  it("reads a column two KPIs share, and a row missing a column falls back to the per-person path's error", () => {
    const shared: Plan = { ...twoKpis, kpis: [...twoKpis.kpis, { id: "sales2", weight: 0, actual: "sales", target: { column: "sales_target" } }] };
    const rows = [
      { id: "p01", sales: "120000", sales_target: "100000", visits: "40" },
      { id: "p02", sales: "90000", sales_target: "100000", visits: "55" },
    ];
    const run = bothAgree(shared, { rows });
    expect(run.statements[0]?.kpis[2]?.actual).toBe("120000");
    const missingVisits = [rows[0], { id: "p02", sales: "90000", sales_target: "100000" }, rows[1]].map((row, i) => ({ ...row, id: `p0${i + 1}` }));
    expect(bothFail(twoKpis, { rows: missingVisits })).toEqual({ code: "INVALID_DATA", path: ["rows", 1, "visits"] });
  });

  it("reports an empty actual's malformed target at its row, as the per-person path does", () => {
    const rows = [
      { id: "p01", sales: "120000", sales_target: "100000", visits: "40" },
      { id: "p02", sales: "", sales_target: "1,000", visits: "55" },
    ];
    expect(bothFail({ ...twoKpis, score: { kpi: 1, missing: "zero" } }, { rows })).toEqual({ code: "INVALID_DATA", path: ["rows", 1, "sales_target"] });
  });
});
