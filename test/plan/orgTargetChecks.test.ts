import { describe, expect, it } from "vitest";
import { checkOrgTarget } from "../../src/plan/orgTargetChecks.js";

/** The problems checkOrgTarget reports, as `path: message`. */
function problems(target: unknown): { org: boolean; found: string[] } {
  const found: string[] = [];
  const org = checkOrgTarget(target, ["kpis", 0, "target"], (path, message) => found.push(`${path.join(".")}: ${message}`));
  return { org, found };
}

describe("checkOrgTarget", () => {
  it("leaves any other target alone", () => {
    expect(problems(100)).toEqual({ org: false, found: [] });
    expect(problems({ column: "target" })).toEqual({ org: false, found: [] });
    expect(problems({ total: 100, weightColumn: "w" })).toEqual({ org: false, found: [] });
    expect(problems(null)).toEqual({ org: false, found: [] });
  });

  it("passes a well-formed org target, with a total or with totals", () => {
    expect(problems({ over: ["region", "team"], total: 10000, weights: { region: { North: 3, South: 2 }, team: { A: 1 } } })).toEqual({ org: true, found: [] });
    expect(problems({ over: ["team"], totals: { East: "6000", West: 4000 } })).toEqual({ org: true, found: [] });
  });

  it("wants exactly one of total and totals", () => {
    expect(problems({ over: ["team"] }).found).toEqual(["kpis.0.target: kpis[0].target must have exactly one of total (the top's target) or totals (the first level's units' targets); got neither"]);
    expect(problems({ over: ["team"], total: 1, totals: { A: 1 } }).found).toEqual(["kpis.0.target: kpis[0].target must have exactly one of total (the top's target) or totals (the first level's units' targets); got both"]);
  });

  it("refuses a level given twice", () => {
    expect(problems({ over: ["region", "team", "region"], total: 1 }).found).toEqual(['kpis.0.target.over.2: kpis[0].target.over[2] is "region" again: each level of the tree may appear once']);
  });

  it("refuses weights for a level not in over, and weights for the units that have given totals", () => {
    expect(problems({ over: ["region"], total: 100, weights: { team: { A: 1 } } }).found).toEqual(["kpis.0.target.weights.team: kpis[0].target.weights.team: weights are given for team, but over has no team level (over: region)"]);
    expect(problems({ over: ["team", "parent"], totals: { A: 1 }, weights: { team: { A: 1 } } }).found).toEqual(["kpis.0.target.weights.team: kpis[0].target.weights.team: the team units have given totals; weights would not be used"]);
  });

  it("refuses a negative total, unit total or weight, each at its path", () => {
    expect(problems({ over: ["team"], total: "-5" }).found).toEqual(['kpis.0.target.total: kpis[0].target.total is "-5": a total target must not be negative']);
    expect(problems({ over: ["team"], totals: { A: -1, B: 2 } }).found).toEqual(["kpis.0.target.totals.A: kpis[0].target.totals.A is -1: a unit's target must not be negative"]);
    expect(problems({ over: ["team"], total: 1, weights: { team: { A: "-0.5" } } }).found).toEqual(['kpis.0.target.weights.team.A: kpis[0].target.weights.team.A is "-0.5": a weight must not be negative']);
    // Zero is allowed (a unit with no share); a text that is not a number is the schema's to refuse.
    expect(problems({ over: ["team"], total: 0, weights: { team: { A: 0, B: "x" } } }).found).toEqual([]);
  });
});
