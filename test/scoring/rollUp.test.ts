import { describe, expect, it } from "vitest";
import { rollUp, type TeamMember } from "../../src/scoring/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

const team: TeamMember[] = [
  { id: "li", score: 1.2, target: 1_000_000 },
  { id: "wang", score: 0.9, target: 3_000_000 },
];

describe("rollUp", () => {
  it("averages members equally by default", () => {
    // (1.2 + 0.9) / 2 = 1.05
    const result = rollUp(team);
    expectDecimal(result.score, "1.05");
    expectDecimal(result.members[0]?.weight, "0.5");
    expectDecimal(result.members[0]?.contribution, "0.6");
  });

  it("weights by target, which gives a team of attainments its own attainment", () => {
    // (1 000 000 · 1.2 + 3 000 000 · 0.9) / 4 000 000 = 3 900 000 / 4 000 000 = 0.975
    // = (1 200 000 + 2 700 000) actual / 4 000 000 target
    const result = rollUp(team, { by: "target" });
    expectDecimal(result.score, "0.975");
    expect(result.members.map((m) => [m.id, m.weight.toString(), m.contribution.toString()])).toEqual([
      ["li", "0.25", "0.3"],
      ["wang", "0.75", "0.675"],
    ]);
  });

  it("weights by an explicit weight", () => {
    // (2 · 1.2 + 1 · 0.9) / 3 = 1.1
    expectDecimal(rollUp([{ id: "li", score: 1.2, weight: 2 }, { id: "wang", score: 0.9, weight: 1 }], { by: "weight" }).score, "1.1");
  });

  it("does not mutate its input", () => {
    const copy = structuredClone(team);
    rollUp(team, { by: "target" });
    expect(team).toEqual(copy);
  });

  it("refuses missing targets, negative or all-zero targets, repeated ids and no members", () => {
    expectFault(() => rollUp([{ id: "a", score: 1 }], { by: "target" }), "INVALID_DATA", ["members", 0, "target"]);
    expectFault(() => rollUp([{ id: "a", score: 1, target: -5 }], { by: "target" }), "INVALID_WEIGHTS", ["members", 0, "target"]);
    expectFault(() => rollUp([{ id: "a", score: 1, target: 0 }], { by: "target" }), "INVALID_WEIGHTS", ["members"]);
    expectFault(() => rollUp([{ id: "a", score: 1 }, { id: "a", score: 2 }]), "INVALID_ARGUMENT", ["members", 1, "id"]);
    expectFault(() => rollUp([]), "EMPTY_INPUT", ["members"]);
    expectFault(() => rollUp(team, { by: "headcount" as "equal" }), "INVALID_ARGUMENT", ["options", "by"]);
    expectFault(() => rollUp([{ id: "a", score: "high" }]), "INVALID_NUMBER", ["members", 0, "score"]);
  });
});
