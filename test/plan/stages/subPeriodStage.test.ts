import { describe, expect, it } from "vitest";
import { parsePlan, type PlanInput } from "../../../src/plan/index.js";
import { kpiInputStage } from "../../../src/plan/stages/kpiInputStage.js";
import { readInputs } from "../../../src/plan/stages/readInputs.js";
import { runContext } from "../../../src/plan/stages/RunContext.js";
import { subPeriodStage } from "../../../src/plan/stages/subPeriodStage.js";
import { fault } from "../../helpers.js";

const q1 = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };

function stage(extra: Partial<PlanInput>, rows: readonly Record<string, string>[]) {
  const p = parsePlan({ version: 1, currency: "CNY", period: q1, kpis: [{ id: "sales", weight: 1, actual: "sales", target: 90000 }], ...extra } as PlanInput);
  const ctx = runContext(p, readInputs(p, { rows }).people, false);
  return subPeriodStage(ctx, kpiInputStage(ctx));
}

const row = { id: "p01", sales: "100000", "sales@2026-01": "27000", "sales@2026-02": "33000", "sales@2026-03": "40000" };

describe("subPeriodStage", () => {
  it("gives nothing without the object form of subPeriods", () => {
    expect(stage({}, [row])).toBeUndefined();
    expect(stage({ subPeriods: "month" }, [row])).toBeUndefined();
  });

  it("splits 90000 equally over the months and scores each month (the @example)", () => {
    // 30000 a month: 27000 / 30000 = 0.9 → 90; 33000 → 1.1 → 110; 40000 → 1.3333 → 133.33.
    const subs = stage({ subPeriods: { by: "month" } }, [row])?.(0) ?? [];
    expect(subs.map((s) => [s.label, s.start, s.end, s.kpis[0]?.target, s.kpis[0]?.attainment, s.kpis[0]?.points, s.score])).toEqual([
      ["2026-01", "2026-01-01", "2026-01-31", "30000", "0.9", "90", "90"],
      ["2026-02", "2026-02-01", "2026-02-28", "30000", "1.1", "110", "110"],
      ["2026-03", "2026-03-01", "2026-03-31", "30000", "1.3333", "133.33", "133.33"],
    ]);
  });

  it("splits by a seasonal profile and by calendar days, the parts summing to the target exactly", () => {
    // Profile 3 : 3 : 4 → 27000, 27000, 36000.
    expect((stage({ subPeriods: { by: "month", split: { profile: [3, 3, 4] } } }, [row])?.(0) ?? []).map((s) => s.kpis[0]?.target)).toEqual(["27000", "27000", "36000"]);
    // 31 : 28 : 31 days of 90 → 31000, 28000, 31000.
    expect((stage({ subPeriods: { by: "month", split: "calendar-days" } }, [row])?.(0) ?? []).map((s) => s.kpis[0]?.target)).toEqual(["31000", "28000", "31000"]);
  });

  it("gives a joiner's months before they start target 0 and no score", () => {
    const subs = stage({ subPeriods: { by: "month", split: "calendar-days" }, people: [{ id: "p01", activeFrom: "2026-03-01" }], kpis: [{ id: "sales", weight: 1, actual: "sales", target: 90000, prorate: "calendar-days" }] }, [row])?.(0) ?? [];
    // Prorated: 90000 · 31 / 90 = 31000, all of it in March: 40000 / 31000 = 1.2903 → 129.03.
    expect(subs.map((s) => [s.kpis[0]?.target, s.kpis[0]?.points ?? null, s.score])).toEqual([
      ["0", null, null],
      ["0", null, null],
      ["31000", "129.03", "129.03"],
    ]);
  });

  it("lists targets only with actuals \"none\", and leaves an empty month unscored with missing \"empty\"", () => {
    expect((stage({ subPeriods: { by: "month", actuals: "none" } }, [{ id: "p01", sales: "1" }])?.(0) ?? []).map((s) => [s.kpis[0]?.target, s.kpis[0]?.actual, s.score])).toEqual([
      ["30000", null, null],
      ["30000", null, null],
      ["30000", null, null],
    ]);
    const empty = stage({ subPeriods: { by: "month", missing: "empty" } }, [{ ...row, "sales@2026-02": "" }])?.(0) ?? [];
    expect(empty.map((s) => s.score)).toEqual(["90", null, "133.33"]);
  });

  it("refuses an absent or empty sub-period column, and a malformed one", () => {
    expect(fault(() => stage({ subPeriods: { by: "month" } }, [{ ...row, "sales@2026-02": "" }])?.(0))).toMatchObject({ code: "INVALID_DATA", path: ["rows", 0, "sales@2026-02"] });
    const { "sales@2026-03": _march, ...noMarch } = row;
    expect(fault(() => stage({ subPeriods: { by: "month" } }, [noMarch])?.(0))).toMatchObject({ code: "INVALID_DATA", path: ["rows", 0, "sales@2026-03"] });
    expect(fault(() => stage({ subPeriods: { by: "month" } }, [{ ...row, "sales@2026-01": "1,000" }])?.(0))).toMatchObject({ code: "INVALID_DATA", path: ["rows", 0, "sales@2026-01"] });
  });
});
