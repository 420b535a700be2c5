import { describe, expect, it } from "vitest";
import { explain, parsePlan, planDataSchema, planJsonSchema, planSchema, runPlan, type PlanInput } from "../../src/plan/index.js";
import { isPayscoreError } from "../../src/errors/index.js";

// Issue 21, "src/plan/ imports every domain function that the contract lists": a fiscal-year
// period (fiscalYear), a margin over the deals (aggregateMargin) and relative KPI weights
// (normalizeWeights), each through runPlan with the numbers worked by hand.

const quarter = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };

function failure(run: () => unknown): { code: string; path: readonly (string | number)[]; message: string } {
  try {
    run();
  } catch (error) {
    if (isPayscoreError(error)) return { code: error.code, path: error.path, message: error.message };
    throw error;
  }
  throw new Error("expected a PayscoreError");
}

describe("a fiscal-year period", () => {
  const plan = (period: unknown): PlanInput => ({ version: 1, currency: "CNY", period, kpis: [{ id: "sales", weight: 1, actual: "sales", target: 365000, prorate: "calendar-days" }] }) as PlanInput;

  it("reads { fiscalYear: 2026, startMonth: 4 } as 2026-04-01 to 2027-03-31, labelled FY2026", () => {
    expect(parsePlan(plan({ fiscalYear: 2026, startMonth: 4 })).period).toEqual({ start: "2026-04-01", end: "2027-03-31", label: "FY2026" });
    expect(parsePlan(plan({ fiscalYear: 2026 })).period).toEqual({ start: "2026-01-01", end: "2026-12-31", label: "FY2026" });
    expect(parsePlan(plan({ fiscalYear: 2026, startMonth: 4, label: "FY26/27" })).period.label).toBe("FY26/27");
  });

  it("runs on the fiscal year: its quarters count from April, and a joiner's target is prorated over its 365 days", () => {
    const p = { ...plan({ fiscalYear: 2026, startMonth: 4 }), subPeriods: "quarter", people: [{ id: "p01" }, { id: "p02", activeFrom: "2026-10-01" }] } as PlanInput;
    const run = runPlan(p, { rows: [{ id: "p01", sales: "365000" }, { id: "p02", sales: "182000" }] });
    expect(run.period).toEqual({ start: "2026-04-01", end: "2027-03-31", label: "FY2026" });
    expect(run.subPeriods.map((s) => `${s.label} ${s.start}`)).toEqual(["FY2026-Q1 2026-04-01", "FY2026-Q2 2026-07-01", "FY2026-Q3 2026-10-01", "FY2026-Q4 2027-01-01"]);
    // p02 active 2026-10-01 … 2027-03-31: 31 + 30 + 31 + 31 + 28 + 31 = 182 of 365 days;
    // 365000 · 182 / 365 = 182000, and 182000 sold → attainment 1, score 100.
    expect(run.statements[1]?.kpis[0]?.target).toBe("182000");
    expect(run.statements.map((s) => s.score)).toEqual(["100", "100"]);
  });

  it("refuses a month outside 1–12, a year 9999 that would run past 9999, and a mix of the two forms", () => {
    expect(failure(() => parsePlan(plan({ fiscalYear: 2026, startMonth: 13 })))).toMatchObject({ code: "INVALID_PLAN", path: ["period", "startMonth"] });
    expect(failure(() => parsePlan(plan({ fiscalYear: 9999, startMonth: 4 })))).toMatchObject({ code: "INVALID_PLAN", path: ["period", "startMonth"] });
    expect(failure(() => parsePlan(plan({ fiscalYear: 2026.5 })))).toMatchObject({ code: "INVALID_PLAN", path: ["period", "fiscalYear"] });
    expect(failure(() => parsePlan(plan({ fiscalYear: 2026, start: "2026-04-01" })))).toMatchObject({ code: "INVALID_PLAN", path: ["period", "start"] });
    // Neither form, or both at once: the two forms named.
    const both = '{ "start": …, "end": …, "label": … } or a fiscal year { "fiscalYear": 2026, "startMonth"?: 4, "label"?: … }, not both';
    expect(failure(() => parsePlan(plan(5))).message).toBe(`period is 5: expected ${both}`);
    expect(failure(() => parsePlan(plan({ ...quarter, fiscalYear: 2026 }))).message).toBe(`period is an object: expected ${both}`);
    // The dates form keeps its own words.
    expect(failure(() => parsePlan(plan({ start: "2026-01-01", end: "2026-03-31" }))).message).toBe("period.label is missing: a non-empty text in quotes");
    expect(failure(() => parsePlan(plan({ start: "2026-03-31", end: "2026-01-01", label: "Q" })))).toMatchObject({ path: ["period", "end"] });
  });

  it("is described in the JSON Schema", () => {
    const period = (planJsonSchema() as { properties: { period: { anyOf: { properties?: Record<string, { description?: string }> }[] } } }).properties.period;
    expect(period.anyOf[1]?.properties?.["fiscalYear"]?.description).toContain("calendar year the fiscal year starts in");
  });
});

describe("a margin over the deals (aggregateMargin)", () => {
  const plan: PlanInput = {
    version: 1,
    currency: "CNY",
    period: quarter,
    score: { kpi: 1, missing: "zero" },
    kpis: [{ id: "margin", weight: 1, actual: { indicator: "margin", from: "deals" }, target: "0.3" }],
  };
  const rows = [{ id: "p01" }, { id: "p02" }, { id: "p03" }];
  const deals = [
    { person: "p01", amount: "100000", cost: "70000" },
    { person: "p01", amount: "300000", cost: "180000" },
    { person: "p01", amount: "50000", cost: "" }, // open: no cost booked, left out
    { person: "p02", amount: "0", cost: "10" },
  ];

  it("is Σ(amount − cost) / Σamount of the person's costed deals, rounded to 4 places", () => {
    const run = runPlan(plan, { rows, deals });
    // p01: (30 000 + 120 000) / 400 000 = 0.375; attainment 0.375 / 0.3 = 1.25 → 125 points.
    // p02: its costed deal has amount 0: no margin (missing → zero). p03: no deals (missing).
    expect(run.statements.map((s) => [s.kpis[0]?.actual, s.score])).toEqual([
      ["0.375", "125"],
      [null, "0"],
      [null, "0"],
    ]);
    expect(run.statements[0]?.trace.find((step) => step.step === "kpi.margin.actual")?.inputs).toEqual({ from: "deals", events: "3", costed: "2", revenue: "400000", cost: "250000" });
    expect(run.statements[0]?.indicators[0]).toMatchObject({ kpi: "margin", indicator: "margin", value: "0.375" });
    // explain writes it as a rate, with its inputs in words.
    const en = explain(run.statements[0] as (typeof run.statements)[number], { locale: "en" });
    expect(en).toContain("37.5");
    expect(en).toContain("deals with a cost");
    expect(explain(run.statements[0] as (typeof run.statements)[number], { locale: "zh-CN" })).toContain("已计成本的商机数");
  });

  it("keeps the column form of margin (revenue and cost columns) as it was", () => {
    const columns: PlanInput = { ...plan, kpis: [{ id: "margin", weight: 1, actual: { indicator: "margin", revenue: "revenue", cost: "cost" }, target: "0.3" }] };
    // (1000 − 700) / 1000 = 0.3 → 100 points.
    expect(runPlan(columns, { rows: [{ id: "p01", revenue: "1000", cost: "700" }] }).statements[0]?.score).toBe("100");
  });

  it("refuses a negative or malformed cost, an empty amount, and a run without deals", () => {
    expect(failure(() => runPlan(plan, { rows, deals: [{ person: "p01", amount: "10", cost: "-1" }] }))).toMatchObject({ code: "INVALID_DATA", path: ["deals", 0, "cost"] });
    expect(failure(() => runPlan(plan, { rows, deals: [{ person: "p01", amount: "10", cost: "1,0" }] }))).toMatchObject({ code: "INVALID_DATA", path: ["deals", 0, "cost"] });
    expect(failure(() => runPlan(plan, { rows, deals: [{ person: "p01", amount: "", cost: "5" }] }))).toMatchObject({ code: "INVALID_DATA", path: ["deals", 0, "amount"] });
    expect(failure(() => runPlan(plan, { rows, deals: [{ person: "p09", amount: "10", cost: "5" }] }))).toMatchObject({ code: "INVALID_DATA", path: ["deals", 0, "person"] });
    expect(failure(() => runPlan(plan, { rows }))).toMatchObject({ code: "INVALID_DATA", path: ["deals"] });
    // With score.missing "error", a person without a costed deal stops the run.
    const strict: PlanInput = { ...plan, score: { kpi: 1 } };
    expect(failure(() => runPlan(strict, { rows, deals }))).toMatchObject({ code: "INVALID_DATA", path: ["deals"] });
  });
});

describe('relative KPI weights (kpiWeights "normalize", normalizeWeights)', () => {
  const plan = (weights: readonly (number | string)[], kpiWeights?: "normalize" | "exact"): PlanInput => ({
    version: 1,
    currency: "CNY",
    period: quarter,
    ...(kpiWeights === undefined ? {} : { kpiWeights }),
    kpis: [
      { id: "sales", weight: weights[0] as number, actual: "sales", target: 100 },
      { id: "visits", weight: weights[1] as number, actual: "visits", target: 100 },
    ],
  });
  const rows = [{ id: "p01", sales: "120", visits: "50" }];

  it("rescales 3 and 1 to 0.75 and 0.25 and scores with them", () => {
    const run = runPlan(plan([3, 1], "normalize"), { rows });
    // 0.75 · 120 + 0.25 · 50 = 90 + 12.5 = 102.5
    expect(run.statements[0]?.kpis.map((line) => line.weight)).toEqual(["0.75", "0.25"]);
    expect(run.statements[0]?.score).toBe("102.5");
    // The parsed plan reads as one whose weights sum to 1.
    const parsed = parsePlan(plan([40, 60], "normalize"));
    expect(parsed.kpis.map((k) => k.weight)).toEqual(["0.4", "0.6"]);
    expect(parsed.kpiWeights).toBeUndefined();
    expect(parsePlan(parsed).kpis.map((k) => k.weight)).toEqual(["0.4", "0.6"]);
  });

  it("rescales every scorecard's weights too, and weights already summing to 1 stay as they are", () => {
    const p: PlanInput = {
      ...plan([1, 1], "normalize"),
      people: [{ id: "p01", role: "rep" }],
      scorecards: { rep: { kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100 }, { id: "visits", weight: 4, actual: "visits", target: 100 }] } },
    };
    // rep: 0.2 · 120 + 0.8 · 50 = 24 + 40 = 64
    const run = runPlan(p, { rows });
    expect(run.statements[0]?.kpis.map((line) => line.weight)).toEqual(["0.2", "0.8"]);
    expect(run.statements[0]?.score).toBe("64");
    expect(parsePlan(plan(["0.6", "0.4"], "normalize")).kpis.map((k) => k.weight)).toEqual(["0.6", "0.4"]);
  });

  it("keeps weights that must sum to 1 by default (and with \"exact\")", () => {
    expect(failure(() => parsePlan(plan([3, 1])))).toMatchObject({ code: "INVALID_PLAN", path: ["kpis"] });
    expect(failure(() => parsePlan(plan([3, 1], "exact"))).message).toContain("the KPI weights must sum to 1; they sum to 4");
  });

  it("refuses a negative weight and weights that are all 0", () => {
    expect(failure(() => parsePlan(plan([3, -1], "normalize")))).toMatchObject({ code: "INVALID_PLAN", path: ["kpis", 1, "weight"] });
    const zero = failure(() => parsePlan(plan([0, 0], "normalize")));
    expect(zero).toMatchObject({ code: "INVALID_PLAN", path: ["kpis"] });
    expect(zero.message).toContain("the KPI weights are all 0");
  });
});

describe("the @examples of planSchema and planDataSchema", () => {
  it("reads a fiscal year through planSchema, and takes a deal's cost in planDataSchema", () => {
    const plan = { version: 1, currency: "CNY", period: { fiscalYear: 2026, startMonth: 4 }, kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000 }] };
    expect(planSchema.safeParse(plan).data?.period).toEqual({ start: "2026-04-01", end: "2027-03-31", label: "FY2026" });
    expect(planSchema.safeParse({ version: 2 }).success).toBe(false);
    expect(planDataSchema.safeParse({ rows: [{ id: "p01", sales: "120000" }], deals: [{ person: "p01", amount: "500", cost: "300" }] }).data?.deals?.[0]?.cost).toBe("300");
    expect(planDataSchema.safeParse({ rows: [], extra: 1 }).success).toBe(false);
  });
});
