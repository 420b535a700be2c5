import { describe, expect, it } from "vitest";
import { Decimal, PayscoreError, forcedDistribution } from "../../src/index.js";

const curve = [
  { grade: "A", share: 0.2 },
  { grade: "B", share: 0.7 },
  { grade: "C", share: 0.1 },
];

// 10 people: 20/70/10 gives seats 2, 7, 1. b and c tie on A's last seat (position 2).
const people = [
  { id: "a", score: 95 },
  { id: "b", score: 90 },
  { id: "c", score: 90 },
  { id: "d", score: 85 },
  { id: "e", score: 80 },
  { id: "f", score: 78 },
  { id: "g", score: 75 },
  { id: "h", score: 70 },
  { id: "i", score: 65 },
  { id: "j", score: 60 },
];

function summary(result: { id: string; grade: string; rank: number }[]): string[] {
  return result.map((p) => `${p.id}:${p.grade}:${p.rank}`);
}

function codeOf(run: () => unknown): { code: string; path: readonly (string | number)[] } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    return { code: (error as PayscoreError).code, path: (error as PayscoreError).path };
  }
  throw new Error("expected a PayscoreError");
}

describe("forcedDistribution", () => {
  it("grades 20/70/10 and lets a tie on the boundary share the better grade (share-grade)", () => {
    // A: a, b and c (c ties b on A's last seat); B shrinks to 6 seats: d…i; C: j.
    expect(summary(forcedDistribution(people, curve))).toEqual([
      "a:A:1", "b:A:2", "c:A:2", "d:B:4", "e:B:5", "f:B:6", "g:B:7", "h:B:8", "i:B:9", "j:C:10",
    ]);
  });

  it("breaks a boundary tie by input order with by-order, so every grade keeps its seats", () => {
    // b comes before c in the input, so b takes A's last seat; c moves to B; ranks still tie.
    expect(summary(forcedDistribution(people, curve, { ties: "by-order" }))).toEqual([
      "a:A:1", "b:A:2", "c:B:2", "d:B:4", "e:B:5", "f:B:6", "g:B:7", "h:B:8", "i:B:9", "j:C:10",
    ]);
  });

  it("returns people in input order whatever their scores", () => {
    const shuffled = [people[9], people[0], people[5], people[2], people[1]] as typeof people;
    // 5 people: seats 5·0.2 = 1, 5·0.7 = 3.5, 5·0.1 = 0.5 → 1, 4 (remainder .5 ties go earlier), 0
    expect(summary(forcedDistribution(shuffled, curve))).toEqual(["j:B:5", "a:A:1", "f:B:4", "c:B:2", "b:B:2"]);
  });

  it("uses standard competition ranking 1, 2, 2, 4", () => {
    const ranks = forcedDistribution(
      [{ id: "w", score: 10 }, { id: "x", score: 9 }, { id: "y", score: 9 }, { id: "z", score: 8 }],
      [{ grade: "all", share: 1 }],
    ).map((p) => p.rank);
    expect(ranks).toEqual([1, 2, 2, 4]);
  });

  it("lets a tie swallow a whole later grade, which then gets nobody", () => {
    // 5 people, 20/20/60: seats 1, 1, 3. The top three tie, so A takes all three and B is empty.
    const result = forcedDistribution(
      [{ id: "p", score: 9 }, { id: "q", score: 9 }, { id: "r", score: 9 }, { id: "s", score: 5 }, { id: "t", score: 4 }],
      [{ grade: "A", share: 0.2 }, { grade: "B", share: 0.2 }, { grade: "C", share: 0.6 }],
    );
    expect(result.map((p) => p.grade)).toEqual(["A", "A", "A", "C", "C"]);
  });

  it("compares scores exactly: numbers, strings and Decimals that are equal tie", () => {
    const result = forcedDistribution(
      [{ id: "p", score: "0.30" }, { id: "q", score: new Decimal("0.3") }, { id: "r", score: 0.3 }, { id: "s", score: "0.30000000000000000001" }],
      [{ grade: "top", share: 0.25 }, { grade: "rest", share: 0.75 }],
    );
    expect(result.map((p) => `${p.id}:${p.grade}:${p.rank}`)).toEqual(["p:rest:2", "q:rest:2", "r:rest:2", "s:top:1"]);
  });

  it("gives an empty list for no people", () => {
    expect(forcedDistribution([], curve)).toEqual([]);
  });

  it("accepts thirds written to twelve places", () => {
    const third = "0.333333333333";
    const grades = forcedDistribution(
      people,
      [{ grade: "A", share: "0.333333333334" }, { grade: "B", share: third }, { grade: "C", share: third }],
      { ties: "by-order" },
    ).map((p) => p.grade);
    expect(grades.filter((g) => g === "A")).toHaveLength(4); // 10·0.333333333334 has the largest remainder: seats 4, 3, 3
  });

  it("refuses shares that do not sum to 1 and negative shares with INVALID_WEIGHTS", () => {
    expect(codeOf(() => forcedDistribution(people, [{ grade: "A", share: 0.2 }, { grade: "B", share: 0.7 }]))).toEqual({ code: "INVALID_WEIGHTS", path: ["quotas"] });
    expect(codeOf(() => forcedDistribution(people, [{ grade: "A", share: 1.2 }, { grade: "B", share: -0.2 }]))).toEqual({ code: "INVALID_WEIGHTS", path: ["quotas", 1, "share"] });
  });

  it("refuses duplicate ids and duplicate grades", () => {
    expect(codeOf(() => forcedDistribution([{ id: "a", score: 1 }, { id: "a", score: 2 }], curve))).toEqual({ code: "INVALID_ARGUMENT", path: ["entries", 1, "id"] });
    expect(codeOf(() => forcedDistribution(people, [{ grade: "A", share: 0.5 }, { grade: "A", share: 0.5 }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["quotas", 1, "grade"] });
  });

  it("refuses malformed input with a path", () => {
    expect(codeOf(() => forcedDistribution(people, []))).toEqual({ code: "EMPTY_INPUT", path: ["quotas"] });
    expect(codeOf(() => forcedDistribution("x" as never, curve))).toEqual({ code: "INVALID_ARGUMENT", path: ["entries"] });
    expect(codeOf(() => forcedDistribution([null] as never, curve))).toEqual({ code: "INVALID_ARGUMENT", path: ["entries", 0] });
    expect(codeOf(() => forcedDistribution([{ id: 1, score: 1 }] as never, curve))).toEqual({ code: "INVALID_ARGUMENT", path: ["entries", 0, "id"] });
    expect(codeOf(() => forcedDistribution([{ id: "a", score: "ninety" }], curve))).toEqual({ code: "INVALID_NUMBER", path: ["entries", 0, "score"] });
    expect(codeOf(() => forcedDistribution(people, curve, { ties: "random" as never })).code).toBe("INVALID_ARGUMENT");
  });

  it("does not mutate its input", () => {
    const copy = structuredClone(people);
    const quotas = structuredClone(curve);
    forcedDistribution(people, curve);
    expect(people).toEqual(copy);
    expect(curve).toEqual(quotas);
  });
});
