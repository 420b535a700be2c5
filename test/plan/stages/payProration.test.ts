import { describe, expect, it } from "vitest";
import { Decimal } from "../../../src/numeric/index.js";
import { PayscoreError, explain, parsePlan, planJsonSchema, runPlan, runPlanLazy, type Plan, type PlanData, type Statement } from "../../../src/index.js";
import { calendarOptions, proratedAmount } from "../../../src/plan/stages/payProration.js";

// Issue 18, point 5: pay proration for joiners and leavers, and the plan's holiday calendar.
// Q1 2026 has 90 calendar days and 64 business days (Monday–Friday). With the calendar below
// (1 January and 16–20 February off, Saturdays 14 and 28 February worked) it has 60.

const Q1 = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };
const CALENDAR = { holidays: ["2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"], workdays: ["2026-02-14", "2026-02-28"] };

function plan(pay: Record<string, unknown>, extra: Record<string, unknown> = {}): Plan {
  return {
    version: 1,
    currency: "CNY",
    period: Q1,
    kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100 }],
    pay: { fixed: { share: "0.7" }, targetIncentive: { amount: 3000, measure: "score", curve: { points: [{ x: 0, y: 0 }, { x: 2, y: 2 }] } }, ...pay },
    ...extra,
  } as unknown as Plan;
}

/** p01 all quarter; p02 joins on Sunday 15 February; p03 leaves on 31 January. Everyone scores 120 (sales 120 of 100). */
const data: PlanData = {
  rows: [
    { id: "p01", basePay: "10000", sales: "120" },
    { id: "p02", basePay: "10000", sales: "120", activeFrom: "2026-02-15" },
    { id: "p03", basePay: "10000", sales: "120", activeTo: "2026-01-31" },
  ],
};

const amounts = (statement: Statement | undefined): Record<string, string> => Object.fromEntries((statement?.pay ?? []).map((line) => [line.id, line.amount]));
const step = (statement: Statement | undefined, name: string) => statement?.trace.find((s) => s.step === name);

describe("pay.prorate", () => {
  it("is none by default: a joiner and a leaver get full pay, as before the option existed", () => {
    const run = runPlan(plan({}), data);
    // fixed = 10000 × 0.7 = 7000; incentive = 3000 × curve(1.2) = 3600
    for (const s of run.statements) expect(amounts(s)).toEqual({ fixed: "7000.00", targetIncentive: "3600.00" });
    expect(JSON.stringify(runPlan(plan({ prorate: "none" }), data))).toBe(JSON.stringify({ ...run, planHash: runPlan(plan({ prorate: "none" }), data).planHash }));
    expect(run.statements[1]?.trace.some((s) => s.step === "pay.prorate")).toBe(false);
  });

  it("prorates fixed pay and the target incentive by calendar days", () => {
    const [p01, p02, p03] = runPlan(plan({ prorate: "calendar-days" }), data).statements;
    expect(amounts(p01)).toEqual({ fixed: "7000.00", targetIncentive: "3600.00" }); // the whole quarter: unchanged
    // p02: 15 Feb – 31 Mar = 14 + 31 = 45 of 90 days: 7000 × 45/90 = 3500; 3000 × 1.2 × 45/90 = 1800
    expect(amounts(p02)).toEqual({ fixed: "3500.00", targetIncentive: "1800.00" });
    // p03: 1–31 Jan = 31 of 90 days: 7000 × 31/90 = 2411.111… → 2411.11; 3600 × 31/90 = 1240
    expect(amounts(p03)).toEqual({ fixed: "2411.11", targetIncentive: "1240.00" });
    expect(p03?.totalPayout).toBe("3651.11");
  });

  it("shows the days counted, the fraction and the formula in the trace", () => {
    const p03 = runPlan(plan({ prorate: "calendar-days" }), data).statements[2];
    expect(step(p03, "pay.prorate")).toEqual({
      step: "pay.prorate",
      formula: "activeDays / periodDays, calendar-days",
      inputs: { activeFrom: "2026-01-01", activeTo: "2026-01-31", periodStart: "2026-01-01", periodEnd: "2026-03-31", activeDays: "31", periodDays: "90" },
      result: "31/90",
    });
    expect(step(p03, "pay.fixed")).toEqual({ step: "pay.fixed", formula: "round(basePay × share × activeDays / periodDays)", inputs: { basePay: "10000", share: "0.7", activeDays: "31", periodDays: "90" }, result: "2411.11" });
    expect(step(p03, "pay.targetIncentive")?.formula).toBe("incentive = round(targetAmount × curve(measure) × activeDays / periodDays); amount = round(incentive × gradeMultiplier)");
    expect(step(p03, "pay.targetIncentive")?.inputs).toMatchObject({ targetAmount: "3000", payoutRate: "1.2", activeDays: "31", periodDays: "90", incentive: "1240.00" });
    // Someone active all period has no proration step and the usual formulas.
    const p01 = runPlan(plan({ prorate: "calendar-days" }), data).statements[0];
    expect(step(p01, "pay.prorate")).toBeUndefined();
    expect(step(p01, "pay.fixed")?.formula).toBe("round(basePay × share)");
  });

  it("explains the proration in words, in both locales", () => {
    const p03 = runPlan(plan({ prorate: "calendar-days" }), data).statements[2] as Statement;
    const en = explain(p03, { locale: "en" });
    expect(en).toContain("Pay proration");
    expect(en).toContain("31/90");
    expect(en).toContain("base pay × fixed share × active days ÷ days in the period, rounded once to the minor unit");
    const zh = explain(p03, { locale: "zh-CN" });
    expect(zh).toContain("薪酬折算");
    expect(zh).toContain("在岗天数");
  });

  it("counts business days with the plan's calendar (holidays off, make-up Saturdays worked)", () => {
    const [, p02, p03] = runPlan(plan({ prorate: "business-days" }, { calendar: CALENDAR }), data).statements;
    // p02: 32 weekdays from 15 Feb, less 16–20 Feb, plus Saturday 28 Feb = 28 of 60: 7000 × 28/60 = 3266.666… → 3266.67
    expect(step(p02, "pay.prorate")?.result).toBe("28/60");
    expect(amounts(p02)).toEqual({ fixed: "3266.67", targetIncentive: "1680.00" }); // 3600 × 28/60 = 1680
    // p03: January's 22 weekdays less 1 January = 21 of 60: 7000 × 21/60 = 2450; 3600 × 21/60 = 1260
    expect(amounts(p03)).toEqual({ fixed: "2450.00", targetIncentive: "1260.00" });
    // Without a calendar: p02 has 32 of 64 business days, exactly half.
    expect(amounts(runPlan(plan({ prorate: "business-days" }), data).statements[1])).toEqual({ fixed: "3500.00", targetIncentive: "1800.00" });
  });

  it("rounds once, in the plan's rounding mode, to the minor unit", () => {
    const modes = { "half-even": "2411.11", up: "2411.12", floor: "2411.11", ceil: "2411.12" } as const;
    for (const [mode, fixed] of Object.entries(modes)) {
      const p03 = runPlan(plan({ prorate: "calendar-days" }, { rounding: { mode } }), data).statements[2];
      expect(amounts(p03)["fixed"], mode).toBe(fixed);
    }
    // JPY has no minor unit: 7000 × 31/90 = 2411.1… → 2411
    expect(amounts(runPlan(plan({ prorate: "calendar-days" }, { currency: "JPY" }), data).statements[2])["fixed"]).toBe("2411");
  });

  it("applies the grade multiplier after the prorated incentive, as for everyone", () => {
    const graded = plan(
      { prorate: "calendar-days", gradeMultipliers: { A: "1.5" } },
      { grading: { method: "bands", bands: [{ grade: "A", min: 0 }] } },
    );
    // p03: incentive 1240.00, × 1.5 = 1860.00
    expect(amounts(runPlan(graded, data).statements[2])["targetIncentive"]).toBe("1860.00");
  });

  it("gives the same statements on the lazy path", () => {
    const p = plan({ prorate: "business-days" }, { calendar: CALENDAR });
    const lazy = runPlanLazy(p, data);
    expect(JSON.stringify([0, 1, 2].map((i) => lazy.statementAt(i)))).toBe(JSON.stringify(runPlan(p, data).statements));
  });

  it("refuses business-day proration over a period with no business day, naming pay.prorate", () => {
    const weekend = { ...plan({ prorate: "business-days" }), period: { start: "2026-03-07", end: "2026-03-08", label: "weekend" } } as Plan;
    const rows = { rows: [{ id: "p01", basePay: "100", sales: "1", activeTo: "2026-03-07" }] };
    expect(() => runPlan(weekend, rows)).toThrow("pay.prorate: the period 2026-03-07 to 2026-03-08 has no business day, so pay cannot be prorated by business days");
    try {
      runPlan(weekend, rows);
    } catch (error) {
      expect(error).toBeInstanceOf(PayscoreError);
      expect((error as PayscoreError).code).toBe("ZERO_DENOMINATOR");
      expect((error as PayscoreError).path).toEqual(["pay", "prorate"]);
    }
  });

  it("refuses a prorated amount past the library's 40 digits rather than round it silently", () => {
    // 1e39 × 0.7 × 31/90 = 2.41…e38: 39 digits before the point and 2 after
    const huge = { rows: [{ id: "p03", basePay: "1e39", sales: "120", activeTo: "2026-01-31" }] };
    const error = (() => {
      try {
        runPlan(plan({ prorate: "calendar-days", targetIncentive: undefined }), huge);
      } catch (e) {
        return e as PayscoreError;
      }
      return undefined;
    })();
    expect(error?.code).toBe("PRECISION_EXCEEDED");
    expect(error?.path).toEqual(["rows", 0, "basePay"]);
  });

  it("refuses an unknown basis with the choices", () => {
    expect(() => parsePlan(plan({ prorate: "days" }))).toThrow('pay.prorate is "days": expected one of "calendar-days", "business-days", "none"');
  });
});

describe("calendar", () => {
  it("prorates business-day targets with it too", () => {
    const p = (calendar?: unknown): Plan =>
      ({ version: 1, currency: "CNY", period: Q1, kpis: [{ id: "sales", weight: 1, actual: "sales", target: 60000, prorate: "business-days" }], ...(calendar === undefined ? {} : { calendar }) }) as unknown as Plan;
    const rows = { rows: [{ id: "p02", sales: "28000", activeFrom: "2026-02-15" }] };
    // without the calendar 60000 × 32/64 = 30000; with it 60000 × 28/60 = 28000
    expect(runPlan(p(), rows).statements[0]?.kpis[0]?.target).toBe("30000");
    expect(runPlan(p(CALENDAR), rows).statements[0]?.kpis[0]?.target).toBe("28000");
  });

  it("refuses a make-up working day that is a weekday, saying which day of the week it is", () => {
    expect(() => parsePlan(plan({}, { calendar: { workdays: ["2026-09-29"] } }))).toThrow(
      'calendar.workdays[0] "2026-09-29" is a Tuesday, already a working day; list only the Saturdays and Sundays that are worked (调休)',
    );
  });

  it("refuses a day that is both a holiday and a working day", () => {
    expect(() => parsePlan(plan({}, { calendar: { holidays: ["2026-10-10"], workdays: ["2026-10-10"] } }))).toThrow(
      'calendar.workdays[0] "2026-10-10" is also in calendar.holidays; a day is either a holiday or a working day',
    );
  });

  it("refuses a date that is not yyyy-MM-dd or not on the calendar, and an unknown key", () => {
    expect(() => parsePlan(plan({}, { calendar: { holidays: ["2026/10/01"] } }))).toThrow(/calendar\.holidays\[0\].*an ISO date yyyy-MM-dd/);
    expect(() => parsePlan(plan({}, { calendar: { holidays: ["2026-02-30"] } }))).toThrow(/calendar\.holidays\[0\].*a day that exists in the calendar/);
    expect(() => parsePlan(plan({}, { calendar: { holiday: [] } }))).toThrow(/calendar\.holiday is an unknown key; did you mean "holidays"\?/);
  });

  it("is in the JSON Schema, with pay.prorate", () => {
    const schema = planJsonSchema() as { properties: Record<string, { properties?: Record<string, { enum?: string[] }> }> };
    expect(Object.keys(schema.properties["calendar"]?.properties ?? {})).toEqual(["holidays", "workdays"]);
    expect(schema.properties["pay"]?.properties?.["prorate"]?.enum).toEqual(["calendar-days", "business-days", "none"]);
  });

  it("reads as businessDays options", () => {
    expect(calendarOptions(parsePlan(plan({}, { calendar: CALENDAR })))).toEqual(CALENDAR);
    expect(calendarOptions(parsePlan(plan({})))).toEqual({});
  });
});

describe("proratedAmount", () => {
  it("rounds amount × activeDays / periodDays exactly, once, in the mode given", () => {
    const days = { basis: "calendar-days" as const, activeDays: 31, periodDays: 90 };
    expect(proratedAmount(new Decimal("7000"), days, 2, "half-even").toString()).toBe("2411.11");
    expect(proratedAmount(new Decimal("-7000"), days, 2, "floor").toString()).toBe("-2411.12");
    expect(proratedAmount(new Decimal("-7000"), days, 2, "ceil").toString()).toBe("-2411.11");
    // a tie: 0.05 × 1/2 = 0.025 → half-even 0.02, half-up 0.03, half-down 0.02
    const half = { basis: "calendar-days" as const, activeDays: 1, periodDays: 2 };
    expect(["half-even", "half-up", "half-down"].map((mode) => proratedAmount(new Decimal("0.05"), half, 2, mode as "half-even").toString())).toEqual(["0.02", "0.03", "0.02"]);
    expect(proratedAmount(new Decimal("0.015"), half, 2, "half-even").toString()).toBe("0.01"); // 0.0075 → 0.01
    expect(proratedAmount(new Decimal("123456789012345678901234.5678"), days, 2, "down").toString()).toBe("42524005104252400510425.24");
    expect(proratedAmount(new Decimal("0"), days, 2, "up").toString()).toBe("0");
    expect(proratedAmount(new Decimal("7000"), days, -2, "half-even").toString()).toBe("2400"); // 2411.1… to hundreds
  });
});
