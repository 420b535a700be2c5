import { describe, expect, it } from "vitest";
import type { WriteText } from "../../src/cli/writeAtomically.js";
import { writeRunCsv } from "../../src/cli/writeRunCsv.js";
import { runPlan, runPlanLazy, type PlanInput, type Statement } from "../../src/index.js";
import { runOf } from "./fixtures.js";

// Issue 21: the scorecard column, and the per-competency 360 columns filled from one lookup.

async function csvOf(run: Parameters<typeof writeRunCsv>[0]): Promise<string[][]> {
  const chunks: Buffer[] = [];
  const write: WriteText = async (chunk) => {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk));
  };
  await writeRunCsv(run, write);
  return Buffer.concat(chunks).toString("utf8").trimEnd().split("\n").map((line) => line.split(","));
}

const cards: PlanInput = {
  version: 1,
  currency: "CNY",
  period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
  people: [{ id: "p01", role: "rep" }, { id: "p02", role: "=lead" }, { id: "p03" }],
  kpis: [{ id: "sales", weight: 1, actual: "sales", target: 100 }],
  scorecards: { rep: { kpis: [{ id: "sales", weight: 1, actual: "sales", target: 80 }] }, "=lead": { kpis: [{ id: "sales", weight: 1, actual: "sales", target: 200 }] } },
};
const rows = [{ id: "p01", sales: "100" }, { id: "p02", sales: "100" }, { id: "p03", sales: "100" }];

describe("writeRunCsv with role scorecards", () => {
  it("adds a scorecard column after role, each person's scorecard (default for kpis), formula text neutralised", async () => {
    const csv = await csvOf(runPlan(cards, { rows }));
    expect(csv[0]?.slice(0, 8)).toEqual(["id", "name", "team", "region", "role", "scorecard", "activeFrom", "activeTo"]);
    // rep: 100 / 80 = 1.25 → 125; =lead: 100 / 200 = 0.5 → 50; p03 by kpis: 100 / 100 → 100.
    const at = (name: string): number => csv[0]?.indexOf(name) ?? -1;
    expect(csv.slice(1).map((r) => [r[0], r[at("scorecard")], r[at("score")]])).toEqual([
      ["p01", "rep", "125"],
      ["p02", "'=lead", "50"],
      ["p03", "default", "100"],
    ]);
  });

  it("writes the same bytes for a lazy run", async () => {
    expect(await csvOf(runPlanLazy(cards, { rows }))).toEqual(await csvOf(runPlan(cards, { rows })));
  });

  it("has no scorecard column without scorecards", async () => {
    const csv = await csvOf(runPlan({ ...cards, scorecards: undefined, people: undefined }, { rows }));
    expect(csv[0]).not.toContain("scorecard");
    expect(csv[0]?.slice(4, 6)).toEqual(["role", "activeFrom"]);
  });
});

describe("writeRunCsv and the 360 competencies", () => {
  it("puts each competency's points in its column whatever the order a statement lists them in, empty when it has none", async () => {
    const statement = (id: string, competencies: { competency: string; points: string | null }[]): Statement =>
      ({
        person: { id, name: null, team: null, region: null, role: null, activeFrom: "2026-01-01", activeTo: "2026-03-31", basePay: null },
        indicators: [],
        kpis: [],
        kpiScore: "0",
        review360: { score: "4", points: "75", groups: [], competencies: competencies.map((c) => ({ ...c, score: c.points })) },
        score: "0",
        rank: 1,
        grade: null,
        pay: [],
        totalPayout: "0.00",
        promotion: null,
        trace: [],
      }) as unknown as Statement;
    const run = runOf([
      statement("p1", [{ competency: "focus", points: "80" }, { competency: "teamwork", points: "60" }]),
      statement("p2", [{ competency: "teamwork", points: "70" }, { competency: "focus", points: "90" }]),
      statement("p3", [{ competency: "teamwork", points: null }]),
    ]);
    const csv = await csvOf(run);
    const focus = csv[0]?.indexOf("review360.focus") ?? -1;
    expect(csv[0]?.[focus + 1]).toBe("review360.teamwork");
    expect(csv.slice(1).map((r) => [r[focus], r[focus + 1], r[focus + 2]])).toEqual([
      ["80", "60", "0"],
      ["90", "70", "0"],
      ["", "", "0"],
    ]);
  });
});
