import { describe, expect, it } from "vitest";
import { actualColumnOf, checkSubPeriods, scoredSubPeriods, subPeriodKpiIndices, type ScoredSubPeriods } from "../../src/plan/subPeriodChecks.js";

const q1 = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };
const kpis = [
  { id: "revenue", actual: "revenue" },
  { id: "margin", actual: { indicator: "margin", revenue: "revenue", cost: "cost" } },
  { id: "visits", actual: { column: "visits" } },
  { id: "pipeline", actual: { indicator: "pipeline-value", from: "deals" } },
];

function problems(subPeriods: ScoredSubPeriods | "month", period = q1, list = kpis): string[] {
  const found: string[] = [];
  checkSubPeriods({ period, kpis: list, subPeriods }, (path, message) => found.push(`${path.join(".")}: ${message}`));
  return found;
}

describe("scoredSubPeriods and actualColumnOf", () => {
  it("gives the object form only", () => {
    expect(scoredSubPeriods({ subPeriods: "month" })).toBeUndefined();
    expect(scoredSubPeriods({})).toBeUndefined();
    expect(scoredSubPeriods({ subPeriods: { by: "month" } })).toEqual({ by: "month" });
  });

  it("names the column of a column KPI, and nothing for an indicator", () => {
    expect(actualColumnOf("revenue")).toBe("revenue");
    expect(actualColumnOf({ column: "visits" })).toBe("visits");
    expect(actualColumnOf({ indicator: "margin", revenue: "revenue", cost: "cost" })).toBeUndefined();
    expect(actualColumnOf({ indicator: "pipeline-value", from: "deals" })).toBeUndefined();
    expect(actualColumnOf(null)).toBeUndefined();
    expect(actualColumnOf({ column: 3 })).toBeUndefined();
  });
});

describe("subPeriodKpiIndices", () => {
  it("defaults to every KPI whose actual is a data column, in plan order", () => {
    expect(subPeriodKpiIndices({ kpis }, { by: "month" })).toEqual([0, 2]);
  });

  it("takes the KPIs named, in plan order whatever the order named", () => {
    expect(subPeriodKpiIndices({ kpis }, { by: "month", kpis: ["visits", "revenue"] })).toEqual([0, 2]);
  });
});

describe("checkSubPeriods", () => {
  it("passes the string form and a well-formed object form", () => {
    expect(problems("month")).toEqual([]);
    expect(problems({ by: "month", split: { profile: [3, 3, "4"] }, kpis: ["revenue"] })).toEqual([]);
    expect(problems({ by: "quarter", split: "business-days" })).toEqual([]);
  });

  it("wants one profile weight per sub-period: Q1 has 3 months, 14 ISO weeks (the edge weeks trimmed), 1 quarter", () => {
    expect(problems({ by: "month", split: { profile: [1, 1] } })).toEqual(["subPeriods.split.profile: subPeriods.split.profile has 2 weights, but the period 2026-Q1 splits into 3 months; give one weight per month"]);
    expect(problems({ by: "quarter", split: { profile: [1, 1] } })).toEqual(["subPeriods.split.profile: subPeriods.split.profile has 2 weights, but the period 2026-Q1 splits into 1 quarter; give one weight per quarter"]);
    expect(problems({ by: "week", split: { profile: [1] } })[0]).toContain("splits into 14 weeks");
  });

  it("refuses a negative profile weight and a profile of zeros", () => {
    expect(problems({ by: "month", split: { profile: [1, "-1", 1] } })).toEqual(["subPeriods.split.profile.1: subPeriods.split.profile[1] must be 0 or more (a share of the period's target); got -1"]);
    expect(problems({ by: "month", split: { profile: [0, 0, 0] } })).toEqual(["subPeriods.split.profile: subPeriods.split.profile must have at least one weight greater than 0"]);
  });

  it("refuses a KPI named twice, an unknown KPI and an indicator KPI", () => {
    expect(problems({ by: "month", kpis: ["revenue", "revenue", "sales", "margin"] })).toEqual([
      'subPeriods.kpis.1: subPeriods.kpis[1]: "revenue" is listed twice',
      'subPeriods.kpis.2: subPeriods.kpis[2]: no KPI with id "sales"',
      'subPeriods.kpis.3: subPeriods.kpis[3]: KPI "margin" is a derived or list indicator (a ratio or count of events, not an amount that adds up over the sub-periods); only a KPI whose actual is a data column can be split',
    ]);
  });

  it("refuses the object form when no KPI can be split", () => {
    expect(problems({ by: "month" }, q1, [kpis[1] as (typeof kpis)[number], kpis[3] as (typeof kpis)[number]])).toEqual([
      "subPeriods: subPeriods: no KPI can be scored per sub-period; only a KPI whose actual is a data column can be split (or use the string form, labels only)",
    ]);
  });
});
