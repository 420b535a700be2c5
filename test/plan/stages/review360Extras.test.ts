import { describe, expect, it } from "vitest";
import { writeRunCsv } from "../../../src/cli/writeRunCsv.js";
import { explain, parsePlan, planJsonSchema, runPlan, runPlanLazy, type PlanInput, type RatingRow } from "../../../src/plan/index.js";
import { calibrateStoredRatings, competencyList } from "../../../src/plan/stages/review360Extras.js";
import { storedRatings } from "./storedRatings.js";
import { errorOf as fault } from "../../helpers.js";

// Issue 21, point 5: 360 in full — leniency calibration (calibrate360), per-competency scores,
// training needs (培训需求). Numbers worked by hand below.

function plan(review: Record<string, unknown>): PlanInput {
  return {
    version: 1,
    currency: "CNY",
    period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
    kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100 }],
    score: { kpi: "0.5", review360: "0.5" },
    review360: { weights: { manager: 60, peer: 40 }, scale: { min: 1, max: 5 }, ...review },
  } as PlanInput;
}

const rows = [
  { id: "p01", sales: "100" },
  { id: "p02", sales: "100" },
];
// Rater m1 (manager) gives 5, 3, 3, 4 (mean 3.75); rater a (peer) 4, 2, 4, 4 (mean 3.5).
const ratings: RatingRow[] = [
  { person: "p01", rater: "m1", group: "manager", competency: "focus", score: 5 },
  { person: "p01", rater: "m1", group: "manager", competency: "teamwork", score: 3 },
  { person: "p01", rater: "a", group: "peer", competency: "focus", score: 4 },
  { person: "p01", rater: "a", group: "peer", competency: "teamwork", score: 2 },
  { person: "p02", rater: "m1", group: "manager", competency: "focus", score: 3 },
  { person: "p02", rater: "m1", group: "manager", competency: "teamwork", score: 4 },
  { person: "p02", rater: "a", group: "peer", competency: "focus", score: 4 },
  { person: "p02", rater: "a", group: "peer", competency: "teamwork", score: 4 },
];

async function csvOf(run: Parameters<typeof writeRunCsv>[0]): Promise<string[]> {
  const chunks: Buffer[] = [];
  await writeRunCsv(run, async (chunk) => {
    chunks.push(Buffer.from(chunk));
  });
  return Buffer.concat(chunks).toString("utf8").trimEnd().split("\n");
}

describe("360 calibration", () => {
  it("moves each rater to the centre before aggregating (worked by hand)", () => {
    const before = runPlan(plan({}), { rows, ratings });
    // p01: 0.6 × 4 + 0.4 × 3 = 3.6 → (3.6 − 1) / 4 × 100 = 65; p02: 0.6 × 3.5 + 0.4 × 4 = 3.7 → 67.5
    expect(before.statements.map((s) => s.review360?.points)).toEqual(["65", "67.5"]);
    // centre (3.75 + 3.5) / 2 = 3.625: m1 − 0.125, a + 0.125.
    // p01: m1 3.875, a 3.125 → 3.575 → 64.375 → 64.38 (half-even); p02: m1 3.375, a 4.125 → 3.675 → 66.875 → 66.88
    const after = runPlan(plan({ calibration: {} }), { rows, ratings }, { trace: true });
    expect(after.statements.map((s) => [s.review360?.score, s.review360?.points])).toEqual([
      ["3.575", "64.38"],
      ["3.675", "66.88"],
    ]);
    const step = after.statements[0]?.trace.find((t) => t.step === "review360.calibration");
    expect(step).toEqual({
      step: "review360.calibration",
      formula: "each rater's scores + strength × (center − that rater's mean over the run), clamped to the scale",
      inputs: { center: "3.625", strength: "1", minRatings: "1" },
      result: "3.625",
    });
    const order = after.statements[0]?.trace.map((t) => t.step) ?? [];
    expect(order.indexOf("review360.calibration")).toBeLessThan(order.indexOf("score.review360"));
  });

  it("takes strength, centre and minRatings; half strength moves half way", () => {
    // strength 0.5: m1 − 0.0625, a + 0.0625 → p01: 0.6 × 3.9375 + 0.4 × 3.0625 = 3.5875 → 64.6875 → 64.69
    expect(runPlan(plan({ calibration: { strength: "0.5" } }), { rows, ratings }).statements[0]?.review360?.points).toBe("64.69");
    // centre 4: m1 + 0.25 (5 → 5.25, clamped to the scale's 5), a + 0.5 → p01: m1 (5 + 3.25) / 2 = 4.125,
    // a (4.5 + 2.5) / 2 = 3.5 → 0.6 × 4.125 + 0.4 × 3.5 = 3.875 → 71.875 → 71.88
    expect(runPlan(plan({ calibration: { center: 4 } }), { rows, ratings }).statements[0]?.review360?.points).toBe("71.88");
    // minRatings 5: nobody has 5 ratings, nobody moves
    expect(runPlan(plan({ calibration: { minRatings: 5 } }), { rows, ratings }).statements[0]?.review360?.points).toBe("65");
  });

  it("refuses bad options in the plan and a score off the scale in the data", () => {
    const strength = fault(() => parsePlan(plan({ calibration: { strength: 2 } })));
    expect(strength.code).toBe("INVALID_PLAN");
    expect(strength.message).toContain("review360.calibration.strength");
    const center = fault(() => parsePlan(plan({ calibration: { center: 9 } })));
    expect(center.message).toContain("review360.calibration.center");
    expect(fault(() => parsePlan(plan({ calibration: { minRatings: 0 } }))).message).toContain("review360.calibration.minRatings");
    const off = fault(() => runPlan(plan({ calibration: {} }), { rows, ratings: [...ratings, { person: "p02", rater: "x", group: "peer", score: 7 }] }));
    expect([off.code, off.path]).toEqual(["INVALID_DATA", ["ratings", 8, "score"]]);
  });
});

describe("per-competency 360 scores and training needs (培训需求)", () => {
  it("scores each competency from its ratings alone (worked by hand)", () => {
    const run = runPlan(plan({ byCompetency: true }), { rows, ratings });
    // p01 focus 0.6 × 5 + 0.4 × 4 = 4.6 → 90; teamwork 0.6 × 3 + 0.4 × 2 = 2.6 → 40
    // p02 focus 0.6 × 3 + 0.4 × 4 = 3.4 → 60; teamwork 4 → 75
    expect(run.statements.map((s) => s.review360?.competencies)).toEqual([
      [{ competency: "focus", score: "4.6", points: "90" }, { competency: "teamwork", score: "2.6", points: "40" }],
      [{ competency: "focus", score: "3.4", points: "60" }, { competency: "teamwork", score: "4", points: "75" }],
    ]);
    expect(run.statements[0]?.review360?.trainingNeeds).toBeUndefined();
    // Without the option the line is as before.
    expect(runPlan(plan({}), { rows, ratings }).statements[0]?.review360).not.toHaveProperty("competencies");
  });

  it("lists the competencies below a threshold, or the weakest N, weakest first", () => {
    const needs = (trainingNeeds: unknown) => runPlan(plan({ trainingNeeds }), { rows, ratings }).statements.map((s) => s.review360?.trainingNeeds);
    expect(needs({ below: 60 })).toEqual([["teamwork"], []]); // p02's focus is 60: not below
    expect(needs({ below: 95 })).toEqual([["teamwork", "focus"], ["focus", "teamwork"]]);
    expect(needs({ weakest: 1 })).toEqual([["teamwork"], ["focus"]]);
    expect(needs({ below: 70, weakest: 1 })).toEqual([["teamwork"], ["focus"]]);
    expect(needs({ below: 50, weakest: 2 })).toEqual([["teamwork"], []]);
    expect(fault(() => parsePlan(plan({ trainingNeeds: {} }))).message).toContain("review360.trainingNeeds");
  });

  it("leaves out a competency no group could score (too few raters)", () => {
    const run = runPlan(plan({ minRaters: { manager: 1, peer: 1 }, trainingNeeds: { weakest: 2 } }), {
      rows,
      ratings: ratings.filter((r) => !(r.person === "p01" && r.competency === "teamwork")),
    });
    expect(run.statements[0]?.review360?.competencies?.[1]).toEqual({ competency: "teamwork", score: null, points: null });
    expect(run.statements[0]?.review360?.trainingNeeds).toEqual(["focus"]);
  });

  it("follows competencyWeights' order when the plan weighs competencies", () => {
    const run = runPlan(plan({ competencyWeights: { teamwork: 1, focus: 1 }, byCompetency: true }), { rows, ratings });
    expect(run.statements[0]?.review360?.competencies?.map((c) => c.competency)).toEqual(["teamwork", "focus"]);
    expect(competencyList({ weights: {}, byCompetency: true }, ["b", "a", "b"])).toEqual(["a", "b"]);
    expect(competencyList({ weights: {} }, ["a"])).toBeUndefined();
  });

  it("shows them in explain (en, zh-CN) and the trace", () => {
    const run = runPlan(plan({ trainingNeeds: { below: 60 }, calibration: {} }), { rows, ratings }, { trace: true });
    const statement = run.statements[0];
    if (statement === undefined) throw new Error("no statement");
    const steps = statement.trace.map((t) => t.step);
    expect(steps).toContain("review360.competencies");
    expect(statement.trace.find((t) => t.step === "review360.trainingNeeds")?.result).toBe("teamwork");
    const en = explain(statement, { locale: "en" });
    expect(en).toContain("By competency: focus 89.38, teamwork 39.38");
    expect(en).toContain("Training needs: teamwork");
    expect(en).toContain("360 review · leniency calibration");
    const zh = explain(statement, { locale: "zh-CN" });
    expect(zh).toContain("分项能力得分：focus 89.38、teamwork 39.38");
    expect(zh).toContain("培训需求：teamwork");
    expect(zh).toContain("评分宽严校准");
    // p02 calibrated: focus 59.38 is below 60
    expect(explain(run.statements[1] as (typeof run.statements)[number], { locale: "en" })).toContain("Training needs: focus");
    const none = runPlan(plan({ trainingNeeds: { below: 60 } }), { rows, ratings }).statements[1];
    expect(explain(none as NonNullable<typeof none>, { locale: "zh-CN" })).toContain("培训需求：无");
  });

  it("writes a CSV column per competency and one of training needs, for a run and a lazy run alike", async () => {
    const p = plan({ trainingNeeds: { below: 95 } });
    const lines = await csvOf(runPlan(p, { rows, ratings }));
    const header = (lines[0] as string).split(",");
    expect(header.slice(header.indexOf("review360"), header.indexOf("score"))).toEqual(["review360", "review360.focus", "review360.teamwork", "trainingNeeds"]);
    const at = (line: string, column: string): string => (line.split(",")[header.indexOf(column)] as string);
    expect([at(lines[1] as string, "review360.focus"), at(lines[1] as string, "review360.teamwork"), at(lines[1] as string, "trainingNeeds")]).toEqual(["90", "40", "teamwork; focus"]);
    expect(await csvOf(runPlanLazy(p, { rows, ratings }))).toEqual(lines);
    expect((await csvOf(runPlan(plan({}), { rows, ratings })))[0]).not.toContain("trainingNeeds");
  });

  it("is in the JSON Schema; the calibration's centre defaults to the mean of the raters' means", () => {
    const schema = JSON.stringify(planJsonSchema());
    for (const key of ["calibration", "byCompetency", "trainingNeeds", "培训需求"]) expect(schema).toContain(key);
    // Rater a's mean (5 + 4) / 2 = 4.5, b's 3: the centre (4.5 + 3) / 2 = 3.75.
    expect(calibrateStoredRatings({ weights: {}, calibration: {} }, storedRatings([{ rater: "a", group: "g", score: 5 }, { rater: "a", group: "g", score: 4 }, { rater: "b", group: "g", score: "3" }]))).toEqual({ center: "3.75", strength: "1", minRatings: 1 });
    expect(calibrateStoredRatings({ weights: {}, calibration: { center: "3.50", strength: "0.5", minRatings: 2 } }, storedRatings([]))).toEqual({ center: "3.5", strength: "0.5", minRatings: 2 });
    expect(calibrateStoredRatings({ weights: {}, calibration: {} }, storedRatings([]))?.center).toBe("0");
  });
});
