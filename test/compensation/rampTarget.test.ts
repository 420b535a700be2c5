import { describe, expect, it } from "vitest";
import { Decimal, rampTarget, type RampedTarget } from "../../src/index.js";
import { errorOf, failureOf } from "./helpers.js";

const schedule = ["0.25", "0.5", "0.75"];
const month = (yyyyMm: string, days: number) => ({ start: `${yyyyMm}-01`, end: `${yyyyMm}-${String(days).padStart(2, "0")}`, label: yyyyMm });
const april = month("2026-04", 30);
const q2 = { start: "2026-04-01", end: "2026-06-30", label: "2026-Q2" };
const months = (r: RampedTarget) => r.months.map((m) => `${m.month} #${m.tenureMonth} ×${m.factor.toString()} ${m.days}/${m.daysInMonth}`);

describe("rampTarget", () => {
  it("ramps month 2 of tenure to its factor (the TSDoc example)", () => {
    // Started 16 March: March is month 1, April month 2 → 0.5 · 100000.
    const r = rampTarget(100000, schedule, "2026-03-16", april);
    expect([r.months[0]?.tenureMonth, r.factor.toString(), r.target.toString()]).toEqual([2, "0.5", "50000"]);
    expect(months(r)).toEqual(["2026-04 #2 ×0.5 30/30"]);
    // The inputs are traced back.
    expect([r.fullTarget.toString(), r.start, r.period, r.schedule.map(String)]).toEqual(["100000", "2026-03-16", april, schedule]);
  });

  it("averages the months of a longer period (the TSDoc example)", () => {
    // Months 2, 3, 4 of tenure: (0.5 + 0.75 + 1) / 3 = 0.75; 300000 · 0.75 = 225000.
    const r = rampTarget(300000, schedule, "2026-03-16", q2);
    expect(r.target.toString()).toBe("225000");
    expect(r.factor.toString()).toBe("0.75");
    expect(months(r)).toEqual(["2026-04 #2 ×0.5 30/30", "2026-05 #3 ×0.75 31/31", "2026-06 #4 ×1 30/30"]);
  });

  it("counts the start month as month 1 whatever the day, and gives the full target after the schedule", () => {
    expect(rampTarget(100000, schedule, "2026-04-30", april).target.toString()).toBe("25000"); // month 1
    expect(rampTarget(100000, schedule, "2026-01-01", april).target.toString()).toBe("100000"); // month 4
    expect(rampTarget(100000, schedule, "2025-04-01", april).target.toString()).toBe("100000"); // month 13
    expect(rampTarget(100000, [], "2026-04-15", april).target.toString()).toBe("100000"); // no ramp
  });

  it("gives 0 for months before the start month", () => {
    // Starts in May: April is month 0 (×0), May month 1 (×0.25), June month 2 (×0.5) → 0.75 / 3 = 0.25.
    const r = rampTarget(300000, schedule, "2026-05-20", q2);
    expect(months(r)).toEqual(["2026-04 #0 ×0 30/30", "2026-05 #1 ×0.25 31/31", "2026-06 #2 ×0.5 30/30"]);
    expect(r.target.toString()).toBe("75000");
    const before = rampTarget(100000, schedule, "2026-09-01", april);
    expect([before.factor.toString(), before.target.toString(), before.months[0]?.tenureMonth]).toEqual(["0", "0", -4]);
  });

  it("weights a month by the share of it inside the period", () => {
    // 16 April – 15 May, started in April: 15/30 of month 1 (×0.25) and 15/31 of month 2 (×0.5).
    // factor = (0.5 · 0.25 + (15/31) · 0.5) / (0.5 + 15/31) = (0.125 + 7.5/31) / (30.5/31) = (3.875 + 7.5) / 30.5 = 11.375 / 30.5
    const r = rampTarget(61000, schedule, "2026-04-02", { start: "2026-04-16", end: "2026-05-15", label: "x" });
    expect(months(r)).toEqual(["2026-04 #1 ×0.25 15/30", "2026-05 #2 ×0.5 15/31"]);
    // 61000 · 11.375 / 30.5 = 22750 exactly.
    expect(r.target.toString()).toBe("22750");
    expect(r.factor.eq(new Decimal("11.375").div("30.5"))).toBe(true);
  });

  it("rounds once, from the exact fraction, as asked", () => {
    // A quarter of months 1, 2, 2½…: 100 · (0.25 + 0.5 + 0.75) / 3 = 50 exactly; 100.01 · 0.5 = 50.005.
    const q1 = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };
    expect(rampTarget("100.01", schedule, "2026-01-05", q1).target.toString()).toBe("50"); // half-even: 50.005 → 50.00
    expect(rampTarget("100.01", schedule, "2026-01-05", q1, { rounding: "half-up" }).target.toString()).toBe("50.01");
    expect(rampTarget("100.01", schedule, "2026-01-05", q1, { scale: 0 }).target.toString()).toBe("50");
    expect(rampTarget(123456, schedule, "2026-01-05", q1, { scale: -3 }).target.toString()).toBe("62000"); // 61728 → 62000
    // 1/3 of 100: 33.333… → 33.33 (the factor is kept to 40 digits, the target is not rounded from it).
    const third = rampTarget(100, ["0", "0", "1"], "2026-01-05", q1);
    expect([third.target.toString(), third.factor.toString()]).toEqual(["33.33", "0.3333333333333333333333333333333333333333"]);
  });

  it("refuses bad input with the field at fault", () => {
    expect(failureOf(() => rampTarget(-1, schedule, "2026-03-16", april))).toEqual({ code: "INVALID_ARGUMENT", path: ["target"], message: "target must not be negative; got -1" });
    expect(errorOf(() => rampTarget("1e", schedule, "2026-03-16", april))).toEqual({ code: "INVALID_NUMBER", path: ["target"] });
    expect(failureOf(() => rampTarget(1, ["0.25", "1.5"], "2026-03-16", april))).toEqual({
      code: "OUT_OF_RANGE",
      path: ["schedule", 1],
      message: "schedule[1] must be from 0 to 1 (100 % is 1); got 1.5",
    });
    expect(errorOf(() => rampTarget(1, ["-0.1"], "2026-03-16", april))).toEqual({ code: "OUT_OF_RANGE", path: ["schedule", 0] });
    // eslint-disable-next-line no-sparse-arrays
    expect(errorOf(() => rampTarget(1, [0.25, , 0.75] as never, "2026-03-16", april))).toEqual({ code: "INVALID_ARGUMENT", path: ["schedule", 1] });
    expect(failureOf(() => rampTarget(1, "0.25" as never, "2026-03-16", april))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["schedule"],
      message: 'schedule must be an array of factors, month 1 of tenure first; got "0.25"',
    });
    expect(failureOf(() => rampTarget(1, schedule, "2026-02-30", april))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["start"],
      message: 'start: must be a real date written yyyy-MM-dd (such as "2026-03-31"); got "2026-02-30"',
    });
    expect(errorOf(() => rampTarget(1, schedule, "2026-03-16", { start: "2026-04-30", end: "2026-04-01", label: "" }))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["period", "end"],
    });
    expect(errorOf(() => rampTarget(1, schedule, "2026-03-16", null as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["period"] });
    expect(errorOf(() => rampTarget(1, schedule, "2026-03-16", april, { scale: "2" as never }))).toEqual({ code: "INVALID_ARGUMENT", path: ["options", "scale"] });
    expect(errorOf(() => rampTarget(1, schedule, "2026-03-16", april, { rounding: "bankers" as never }))).toEqual({ code: "INVALID_ARGUMENT", path: ["options", "rounding"] });
    expect(errorOf(() => rampTarget(1, schedule, "2026-03-16", april, { round: 2 } as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["options"] });
  });

  it("handles leap years and years before 100", () => {
    const feb = rampTarget(290, [], "2024-01-01", { start: "2024-02-01", end: "2024-02-29", label: "" });
    expect(months(feb)).toEqual(["2024-02 #2 ×1 29/29"]);
    const early = rampTarget(100, schedule, "0044-02-10", { start: "0044-02-01", end: "0044-02-29", label: "" });
    expect(months(early)).toEqual(["0044-02 #1 ×0.25 29/29"]);
  });

  it("does not mutate its input", () => {
    const s = [...schedule];
    const period = { ...q2 };
    const first = rampTarget(300000, s, "2026-03-16", period);
    expect([s, period]).toEqual([schedule, q2]);
    expect(JSON.stringify(rampTarget(300000, s, "2026-03-16", period))).toBe(JSON.stringify(first));
    expect(first.period).not.toBe(period);
  });
});
