import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";
import { explain, parsePlan, runPlan, runPlanLazy, type Plan, type PlanData, type Statement } from "../../src/plan/index.js";

// Issue 21, point 1: per-sub-period targets and results (subPeriods in its object form).

const Q1 = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };

/** Two KPIs over 2026-Q1: sales (0.6, target 90000) and visits (0.4, target 60, cap 1.2). */
function plan(subPeriods: unknown, extra: Record<string, unknown> = {}): Plan {
  return {
    version: 1,
    currency: "CNY",
    period: Q1,
    subPeriods,
    kpis: [
      { id: "sales", name: "Sales", weight: "0.6", actual: "sales", target: 90000 },
      { id: "visits", weight: "0.4", actual: { column: "visits" }, target: 60, cap: "1.2" },
    ],
    ...extra,
  } as Plan;
}

const ROW = {
  id: "p01",
  sales: "100000",
  "sales@2026-01": "27000",
  "sales@2026-02": "33000",
  "sales@2026-03": "40000",
  visits: "66",
  "visits@2026-01": "18",
  "visits@2026-02": "24",
  "visits@2026-03": "24",
};

function only(run: { statements: readonly Statement[] }): Statement {
  return run.statements[0] as Statement;
}

function fault(fn: () => unknown): PayscoreError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PayscoreError) return error;
    throw error;
  }
  throw new Error("expected a PayscoreError");
}

describe("runPlan with scored sub-periods", () => {
  it("splits each target equally over the months and scores each month from its own columns", () => {
    const s = only(runPlan(plan({ by: "month" }), { rows: [ROW] }));
    // The period, as without sub-periods: sales 100000 / 90000 = 1.1111 → 111.11; visits 66 / 60 = 1.1 → 110;
    // score 0.6 × 111.11 + 0.4 × 110 = 66.666 + 44 = 110.666 → 110.67.
    expect(s.kpiScore).toBe("110.67");
    expect(s.subPeriods?.map((m) => [m.label, m.start, m.end])).toEqual([
      ["2026-01", "2026-01-01", "2026-01-31"],
      ["2026-02", "2026-02-01", "2026-02-28"],
      ["2026-03", "2026-03-01", "2026-03-31"],
    ]);
    const [jan, feb, mar] = s.subPeriods ?? [];
    // Targets: 90000 / 3 = 30000 each; 60 / 3 = 20 each.
    // January: 27000 / 30000 = 0.9 → 90; 18 / 20 = 0.9 → 90; score 0.6 × 90 + 0.4 × 90 = 90.
    expect(jan?.kpis).toEqual([
      { id: "sales", target: "30000", actual: "27000", attainment: "0.9", points: "90", weight: "0.6", contribution: "54" },
      { id: "visits", target: "20", actual: "18", attainment: "0.9", points: "90", weight: "0.4", contribution: "36" },
    ]);
    expect(jan?.score).toBe("90");
    // February: 33000 / 30000 = 1.1 → 110; 24 / 20 = 1.2 → 120 (cap 1.2); 66 + 48 = 114.
    expect(feb?.score).toBe("114");
    // March: 40000 / 30000 = 1.3333 → 133.33; 120; 0.6 × 133.33 + 48 = 79.998 + 48 = 127.998 → 128.
    expect(mar?.kpis[0]?.attainment).toBe("1.3333");
    expect(mar?.kpis[0]?.points).toBe("133.33");
    expect(mar?.score).toBe("128");
  });

  it("keeps the period's score, pay and trace exactly as a plan without sub-periods gives them", () => {
    const pay = { commission: { base: { kpi: "sales" }, tiers: [{ from: 0, rate: "0.03" }] } };
    const scored = only(runPlan(plan({ by: "month" }, { pay }), { rows: [ROW] }));
    const labels = only(runPlan(plan("month", { pay }), { rows: [ROW] }));
    const { subPeriods, ...rest } = scored;
    expect(subPeriods).toHaveLength(3);
    expect(rest).toEqual(labels);
    expect("subPeriods" in labels).toBe(false);
    expect(labels.totalPayout).toBe("3000.00"); // 100000 × 3 %
  });

  it("lists the same sub-periods in the run's header for the string and the object form", () => {
    const a = runPlan(plan("month"), { rows: [ROW] });
    const b = runPlan(plan({ by: "month", split: "business-days" }), { rows: [ROW] });
    expect(b.subPeriods).toEqual(a.subPeriods);
  });

  it("splits by business days with the plan's calendar", () => {
    const calendar = { holidays: ["2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"], workdays: ["2026-02-14"] };
    const p = plan({ by: "month", split: "business-days", actuals: "none" }, { calendar });
    const p2 = { ...p, kpis: [{ ...p.kpis[0], target: 59000, weight: 1 }] } as Plan;
    const s = only(runPlan(p2, { rows: [{ id: "p01", sales: "60000" }] }));
    // Business days: January 22 weekdays − 1 Jan = 21; February 20 − 5 (Spring Festival) + Saturday 14 Feb = 16;
    // March 22. 59000 × 21/59 = 21000, × 16/59 = 16000, × 22/59 = 22000.
    expect(s.subPeriods?.map((m) => m.kpis[0]?.target)).toEqual(["21000", "16000", "22000"]);
    // actuals "none": targets only, nothing scored.
    expect(s.subPeriods?.map((m) => [m.kpis[0]?.actual, m.kpis[0]?.attainment, m.score])).toEqual([
      [null, null, null],
      [null, null, null],
      [null, null, null],
    ]);
  });

  it("splits by a seasonal profile, exactly to the cent", () => {
    const s = only(runPlan(plan({ by: "month", split: { profile: [3, 3, 4] }, kpis: ["sales"] }), { rows: [ROW] }));
    // 90000 × 3/10 = 27000, 27000, 36000; January 27000 / 27000 = 1 → 100. Only sales is scored, so its
    // weight is rescaled to 1: the month's score is its points.
    expect(s.subPeriods?.map((m) => m.kpis.map((k) => k.id))).toEqual([["sales"], ["sales"], ["sales"]]);
    expect(s.subPeriods?.map((m) => m.kpis[0]?.target)).toEqual(["27000", "27000", "36000"]);
    expect(s.subPeriods?.[0]?.kpis[0]?.weight).toBe("1");
    expect(s.subPeriods?.map((m) => m.score)).toEqual(["100", "122.22", "111.11"]); // 33000/27000 = 1.2222; 40000/36000 = 1.1111
  });

  it("apportions a target that does not divide evenly so that the months sum to it", () => {
    const p = plan({ by: "month", kpis: ["sales"] });
    const p2 = { ...p, kpis: [{ ...p.kpis[0], target: "100000.01" }, p.kpis[1]] } as Plan;
    const s = only(runPlan(p2, { rows: [ROW] }));
    // 10000001 cents / 3 = 3333333.67 → 33333.34, 33333.34, 33333.33 (the remainders go to the earlier months).
    expect(s.subPeriods?.map((m) => m.kpis[0]?.target)).toEqual(["33333.34", "33333.34", "33333.33"]);
  });

  it("splits a prorated target over the months the person was active in", () => {
    const people = [{ id: "p01", activeFrom: "2026-02-01" }];
    const p = plan({ by: "month", split: "calendar-days", kpis: ["sales"] }, { people });
    const p2 = { ...p, kpis: [{ ...p.kpis[0], prorate: "calendar-days" }, p.kpis[1]] } as Plan;
    const s = only(runPlan(p2, { rows: [{ ...ROW, "sales@2026-01": "" }] }));
    // Prorated: 90000 × 59 / 90 = 59000 (1 Feb to 31 Mar of a 90-day quarter); by active days
    // 0 : 28 : 31 → 0, 28000, 31000. January is not scored (not active): its empty cell is no error.
    expect(s.kpis[0]?.target).toBe("59000");
    expect(s.subPeriods?.map((m) => m.kpis[0]?.target)).toEqual(["0", "28000", "31000"]);
    expect(s.subPeriods?.[0]?.score).toBeNull();
    expect(s.subPeriods?.[1]?.kpis[0]?.attainment).toBe("1.1786"); // 33000 / 28000 = 1.17857…
    // "equal" keeps a partly active month's whole weight and gives the inactive one 0: 29500 each.
    const equal = only(runPlan({ ...p2, subPeriods: { by: "month", kpis: ["sales"] } } as Plan, { rows: [{ ...ROW, "sales@2026-01": "" }] }));
    expect(equal.subPeriods?.map((m) => m.kpis[0]?.target)).toEqual(["0", "29500", "29500"]);
  });

  it("leaves a sub-period out when the plan says its missing column is empty", () => {
    const { "sales@2026-02": _gone, ...row } = ROW;
    const s = only(runPlan(plan({ by: "month", missing: "empty" }), { rows: [row] }));
    const feb = s.subPeriods?.[1];
    // February: sales has no actual; visits 24 / 20 → 120 at weight 0.4 / 0.4 = 1: score 120.
    expect(feb?.kpis[0]).toEqual({ id: "sales", target: "30000", actual: null, attainment: null, points: null, weight: null, contribution: null });
    expect(feb?.kpis[1]?.weight).toBe("1");
    expect(feb?.score).toBe("120");
  });

  it("is explained month by month in English and Chinese, also from a statement read back from JSON", () => {
    const s = JSON.parse(JSON.stringify(only(runPlan(plan({ by: "month" }), { rows: [ROW] })))) as Statement;
    const en = explain(s, { locale: "en", trace: false });
    expect(en).toContain(
      [
        "KPI score: 110.67",
        "",
        "Sub-periods",
        "  2026-01 (2026-01-01 to 2026-01-31): score 90",
        "    Sales (sales): actual 27,000, target 30,000, attainment 90%, points 90",
        "    visits: actual 18, target 20, attainment 90%, points 90",
        "  2026-02 (2026-02-01 to 2026-02-28): score 114",
      ].join("\n"),
    );
    const zh = explain(s, { locale: "zh-CN", trace: false });
    expect(zh).toContain("分期结果\n  2026-01（2026-01-01 至 2026-01-31）：得分 90\n    Sales (sales)：实际 27,000，目标 30,000，达成率 90%，得分 90\n");
    // A plan without scored sub-periods explains as before: no such section.
    expect(explain(only(runPlan(plan("month"), { rows: [ROW] })), { locale: "en", trace: false })).not.toContain("Sub-periods");
  });

  it("makes the same statements lazily", () => {
    const p = plan({ by: "month" });
    const data: PlanData = { rows: [ROW, { ...ROW, id: "p00" }] };
    const lazy = runPlanLazy(p, data);
    expect([lazy.statementAt(0), lazy.statementAt(1)]).toEqual(runPlan(p, data).statements);
    expect(Object.isFrozen(lazy.statementAt(0).subPeriods)).toBe(true);
  });

  it("splits over quarters and weeks too, labelled as splitPeriod labels them", () => {
    const year = { start: "2026-01-01", end: "2026-12-31", label: "FY2026" };
    const p = { ...plan({ by: "quarter", actuals: "none" }), period: year } as Plan;
    const s = only(runPlan(p, { rows: [ROW] }));
    expect(s.subPeriods?.map((m) => [m.label, m.kpis[0]?.target, m.kpis[1]?.target])).toEqual([
      ["FY2026-Q1", "22500", "15"],
      ["FY2026-Q2", "22500", "15"],
      ["FY2026-Q3", "22500", "15"],
      ["FY2026-Q4", "22500", "15"],
    ]);
  });
});

describe("runPlan with scored sub-periods: bad input", () => {
  it("refuses a profile of the wrong length with its path", () => {
    const e = fault(() => parsePlan(plan({ by: "month", split: { profile: [1, 1] } })));
    expect(e.code).toBe("INVALID_PLAN");
    expect(e.path).toEqual(["subPeriods", "split", "profile"]);
    expect(e.message).toMatch(/has 2 weights, but the period 2026-Q1 splits into 3 months/);
  });

  it("refuses a negative profile weight, and a profile of zeros", () => {
    const negative = fault(() => runPlan(plan({ by: "month", split: { profile: [1, "-1", 2] } }), { rows: [ROW] }));
    expect(negative.code).toBe("INVALID_PLAN");
    expect(negative.path).toEqual(["subPeriods", "split", "profile", 1]);
    expect(negative.message).toMatch(/must be 0 or more/);
    const zeros = fault(() => parsePlan(plan({ by: "month", split: { profile: [0, 0, 0] } })));
    expect(zeros.path).toEqual(["subPeriods", "split", "profile"]);
    expect(zeros.message).toMatch(/at least one weight greater than 0/);
  });

  it("refuses an unknown split, unit or key", () => {
    expect(fault(() => parsePlan(plan({ by: "month", split: "weekly" }))).path).toEqual(["subPeriods"]);
    expect(fault(() => parsePlan(plan({ by: "day" }))).code).toBe("INVALID_PLAN");
    expect(fault(() => parsePlan(plan({ by: "month", extra: 1 }))).code).toBe("INVALID_PLAN");
  });

  it("names a missing sub-period column by its row and column", () => {
    const { "sales@2026-02": _gone, ...row } = ROW;
    const e = fault(() => runPlan(plan({ by: "month" }), { rows: [row] }));
    expect(e.code).toBe("INVALID_DATA");
    expect(e.path).toEqual(["rows", 0, "sales@2026-02"]);
    expect(e.message).toMatch(/the data has no column "sales@2026-02"; KPI "sales" is scored per sub-period/);
  });

  it("names an empty or malformed sub-period cell", () => {
    const empty = fault(() => runPlan(plan({ by: "month" }), { rows: [{ ...ROW, "visits@2026-03": "" }] }));
    expect([empty.code, empty.path]).toEqual(["INVALID_DATA", ["rows", 0, "visits@2026-03"]]);
    expect(empty.message).toMatch(/is empty/);
    const bad = fault(() => runPlan(plan({ by: "month", missing: "empty" }), { rows: [{ ...ROW, "visits@2026-03": "1,000" }] }));
    expect([bad.code, bad.path]).toEqual(["INVALID_DATA", ["rows", 0, "visits@2026-03"]]);
  });

  it("refuses a derived indicator, an unknown KPI or a KPI listed twice", () => {
    const p = plan({ by: "month", kpis: ["rate", "nope", "sales", "sales"] });
    const p2 = { ...p, kpis: [...p.kpis.slice(0, 1), { ...p.kpis[1], weight: "0.2" }, { id: "rate", weight: "0.2", actual: { indicator: "collection-rate", collected: "c", billed: "b" }, target: "0.95" }] } as Plan;
    const e = fault(() => parsePlan(p2)) as PayscoreError & { issues?: readonly { path: readonly (string | number)[] }[] };
    expect(e.code).toBe("INVALID_PLAN");
    expect(e.path).toEqual(["subPeriods", "kpis", 0]);
    expect(e.message).toMatch(/derived or list indicator/);
    expect(e.message).toMatch(/no KPI with id "nope"/);
    expect(e.message).toMatch(/"sales" is listed twice/);
  });

  it("refuses a target with more decimals than the sub-period scale", () => {
    const p = plan({ by: "month" });
    const p2 = { ...p, kpis: [{ ...p.kpis[0], target: "90000.005" }, p.kpis[1]] } as Plan;
    const e = fault(() => runPlan(p2, { rows: [ROW] }));
    expect([e.code, e.path]).toEqual(["INVALID_PLAN", ["kpis", 0, "target"]]);
    // subPeriods.scale 3 allows it: 30000.002, 30000.002, 30000.001.
    const s = only(runPlan({ ...p2, subPeriods: { by: "month", scale: 3, actuals: "none" } } as Plan, { rows: [ROW] }));
    expect(s.subPeriods?.map((m) => m.kpis[0]?.target)).toEqual(["30000.002", "30000.002", "30000.001"]);
  });

  it("reports a sub-period target of 0 under the KPI's zeroTarget rule, with the row", () => {
    const e = fault(() => runPlan(plan({ by: "month", split: { profile: [0, 1, 1] } }), { rows: [ROW] }));
    expect([e.code, e.path]).toEqual(["ZERO_DENOMINATOR", ["rows", 0]]);
    expect(e.message).toMatch(/sub-period 2026-01/);
  });

  it("refuses a split that gives a person no weight", () => {
    const people = [{ id: "p01", activeFrom: "2026-01-03", activeTo: "2026-01-04" }]; // a Saturday and a Sunday
    const e = fault(() => runPlan(plan({ by: "month", split: "business-days", actuals: "none" }, { people }), { rows: [ROW] }));
    expect([e.code, e.path]).toEqual(["INVALID_WEIGHTS", ["subPeriods", "split"]]);
  });
});
