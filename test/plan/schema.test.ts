import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";
import { parsePlan, planJsonSchema, planSchema } from "../../src/plan/index.js";

const fixture = JSON.parse(readFileSync(new URL("../fixtures/plan/plan.json", import.meta.url), "utf8")) as Record<string, unknown>;

const minimal = {
  version: 1,
  currency: "CNY",
  period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
  kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100000 }],
};

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    parsePlan(input);
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    const e = error as PayscoreError;
    expect(e.code).toBe("INVALID_PLAN");
    return e.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  }
  throw new Error("expected INVALID_PLAN");
}

describe("parsePlan", () => {
  it("accepts the shared fixture plan and a minimal plan", () => {
    expect(parsePlan(fixture).kpis).toHaveLength(2);
    expect(parsePlan(minimal).currency).toBe("CNY");
  });

  it("reports every problem at once, each with its JSON path", () => {
    const issues = issuesOf({
      version: 2,
      currency: "XYZ",
      period: { start: "2026-02-30", end: "2026-03-31", label: "Q1" },
      kpis: [{ id: "sales", weight: "0,6", actual: "sales", target: { column: "" } }],
    });
    const paths = issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(["version", "currency", "period.start", "kpis.0.weight", "kpis.0.target.column"]));
    expect(issues.length).toBeGreaterThanOrEqual(5);
  });

  it("refuses unknown keys, naming each one in its path", () => {
    const issues = issuesOf({ ...minimal, extra: true, kpis: [{ ...minimal.kpis[0], wieght: 1 }] });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: "extra", message: "extra is an unknown key; the keys here are $schema, version, name, currency, rounding, period, subPeriods, people, kpis, kpiWeights, scorecards, scorecardFallback, score, review360, grading, pay, promotion, teamScores, inputs, calendar" },
        { path: "kpis.0.wieght", message: 'kpis[0].wieght is an unknown key; did you mean "weight"?' },
      ]),
    );
  });

  it("checks consistency: KPI weights sum to 1, ids unique, curve x increasing, references exist", () => {
    const issues = issuesOf({
      ...minimal,
      kpis: [
        { id: "sales", weight: "0.5", actual: "sales", target: 1, curve: { points: [{ x: 1, y: 0 }, { x: 1, y: 1 }] } },
        { id: "sales", weight: "0.4", actual: "x", target: 1 },
      ],
      score: { kpi: "0.7" },
      pay: { commission: { base: { kpi: "nope" }, tiers: [{ from: 0, rate: "0.01" }] } },
    });
    const paths = issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(["kpis", "kpis.1.id", "kpis.0.curve.points.1.x", "score", "pay.commission.base.kpi"]));
  });

  it("requires a multiplier for every grade and an existing grade in an override", () => {
    const plan = {
      ...minimal,
      grading: { method: "bands", bands: [{ grade: "A", min: 90 }, { grade: "B", min: 0 }], overrides: [{ person: "p1", grade: "S", reason: "r", by: "me" }] },
      pay: { gradeMultipliers: { A: 1.2 } },
    };
    const paths = issuesOf(plan).map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(["grading.overrides.0.grade", "pay.gradeMultipliers"]));
  });

  it("throws only PayscoreError for any non-object input", () => {
    for (const input of [undefined, null, 42, "plan", [], new Date(0)]) expect(issuesOf(input).length).toBeGreaterThan(0);
  });

  it("does not mutate its input", () => {
    const copy = structuredClone(fixture);
    parsePlan(copy);
    expect(copy).toEqual(fixture);
  });
});

describe("planJsonSchema", () => {
  it("exports a JSON Schema with the plan's top-level keys and no extra keys allowed", () => {
    const schema = planJsonSchema() as { $schema: string; required: string[]; properties: Record<string, unknown>; additionalProperties: boolean };
    expect(schema.$schema).toContain("json-schema.org");
    expect(schema.required).toEqual(["version", "currency", "period", "kpis"]);
    expect(Object.keys(schema.properties)).toEqual([
      "$schema", "version", "name", "currency", "rounding", "period", "subPeriods", "people", "kpis", "kpiWeights", "scorecards", "scorecardFallback", "score", "review360", "grading", "pay", "promotion", "teamScores", "inputs", "calendar",
    ]);
    expect(schema.additionalProperties).toBe(false);
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it("names itself with an $id and the format version, and accepts an editor's \"$schema\" key in a plan (issue 22)", () => {
    const schema = planJsonSchema() as { $id: string; "x-payscore-format-version": number };
    expect(schema.$id).toBe("https://github.com/payscore/payscore/blob/main/docs/plan.schema.json");
    expect(schema["x-payscore-format-version"]).toBe(1);
    const plan = { $schema: schema.$id, version: 1, currency: "CNY", period: { start: "2026-01-01", end: "2026-03-31", label: "Q1" }, kpis: [{ id: "s", weight: 1, actual: "s", target: 1 }] };
    expect(parsePlan(plan).currency).toBe("CNY");
    expect(() => parsePlan({ ...plan, $schema: 7 })).toThrow(expect.objectContaining({ code: "INVALID_PLAN" }));
  });

  it("is the same object every call and agrees with planSchema", () => {
    expect(planJsonSchema()).toEqual(planJsonSchema());
    expect(planSchema.safeParse(fixture).success).toBe(true);
  });
});
