import { describe, expect, it } from "vitest";
import { zhCN } from "../../../src/plan/locales/zh-CN.js";
import { en } from "../../../src/plan/locales/en.js";
import { traceText } from "../../../src/plan/locales/traceText.js";
import { explain, parsePlan, runPlan, type PlanInput } from "../../../src/plan/index.js";
import { buildRoster } from "../../../src/plan/roster.js";
import { rampStart } from "../../../src/plan/stages/rampStage.js";

// Issue 20: kpi.ramp — a new hire's target ramped by months of tenure (rampTarget), from the
// roster's activeFrom as given (before the period, too).

const april = { start: "2026-04-01", end: "2026-04-30", label: "2026-04" };
const plan = (extra: Record<string, unknown> = {}, period = april): PlanInput =>
  ({
    version: 1,
    currency: "CNY",
    period,
    kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000, ramp: { schedule: ["0.25", "0.5", "0.75"] }, ...extra }],
  }) as PlanInput;

describe("a ramped target in a plan", () => {
  it("gives month 2 of tenure half the target, for a start date before the period", () => {
    // Started 16 March: April is month 2 → 100 000 × 0.5 = 50 000; 40 000 sold is 80 %.
    const run = runPlan(parsePlan(plan()), { rows: [{ id: "new", sales: "40000", activeFrom: "2026-03-16" }] });
    const s = run.statements[0];
    expect([s?.kpis[0]?.target, s?.kpis[0]?.attainment, s?.person.activeFrom]).toEqual(["50000", "0.8", "2026-04-01"]);
    const step = s?.trace.find((t) => t.step === "kpi.sales.ramp");
    expect(step).toEqual({
      step: "kpi.sales.ramp",
      formula: "round(target × the mean ramp factor of the months of tenure in the period)",
      inputs: { target: "100000", start: "2026-03-16", tenureMonths: "2", schedule: "0.25, 0.5, 0.75", factor: "0.5" },
      result: "50000",
    });
    for (const [locale, words] of [["en", en.trace], ["zh-CN", zhCN.trace]] as const) expect(traceText(step as NonNullable<typeof step>, locale, words).untranslated).toEqual([]);
    expect(explain(s as NonNullable<typeof s>, { locale: "zh-CN" })).toContain("sales · 爬坡目标：目标值 × 本期各司龄月爬坡系数的平均值");
  });

  it("averages the months of a quarter, and leaves a person without a start date at the full target", () => {
    // Q2 for a 16 March start: months 2, 3, 4 → (0.5 + 0.75 + 1) / 3 = 0.75 of 300 000.
    const q2 = { start: "2026-04-01", end: "2026-06-30", label: "2026-Q2" };
    const run = runPlan(parsePlan(plan({ target: 300000 }, q2)), {
      rows: [
        { id: "new", sales: "1", activeFrom: "2026-03-16" },
        { id: "old", sales: "1" },
      ],
    });
    expect(run.statements.map((s) => s.kpis[0]?.target)).toEqual(["225000", "300000"]);
  });

  it("reads the start date from the plan's people when it has them", () => {
    const p = parsePlan({ ...plan(), people: [{ id: "a", activeFrom: "2026-04-10" }, { id: "b" }] } as PlanInput);
    const roster = buildRoster(p, [{ id: "a", sales: "1" }, { id: "b", sales: "1" }]);
    expect(roster.map((person) => rampStart(p, person))).toEqual(["2026-04-10", null]);
    expect(runPlan(p, { rows: [{ id: "a", sales: "1" }, { id: "b", sales: "1" }] }).statements.map((s) => s.kpis[0]?.target)).toEqual(["25000", "100000"]);
  });

  it("refuses a ramp with prorate, a factor outside 0–1, and a negative target naming the person", () => {
    expect(() => parsePlan(plan({ prorate: "calendar-days" }))).toThrow(/kpis\[0\]\.ramp: a KPI has either ramp or prorate/);
    expect(() => parsePlan(plan({ ramp: { schedule: ["1.5"] } }))).toThrow(/kpis\[0\]\.ramp\.schedule\[0\]: a ramp factor must be from 0 to 1/);
    expect(() => runPlan(parsePlan(plan({ target: { column: "t" } })), { rows: [{ id: "a", sales: "1", t: "-5", activeFrom: "2026-04-01" }] })).toThrow(/person "a", KPI "sales" ramp: target must not be negative/);
  });
});
