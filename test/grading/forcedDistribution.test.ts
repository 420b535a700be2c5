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

function faultOf(run: () => unknown): PayscoreError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    return error as PayscoreError;
  }
  throw new Error("expected a PayscoreError");
}

const halves = [{ grade: "A", share: 0.5 }, { grade: "B", share: 0.5 }];

describe("forcedDistribution refusals name the field and say why", () => {
  it("refuses an unknown ties option at options.ties", () => {
    const error = faultOf(() => forcedDistribution(people, curve, { ties: "random" as never }));
    expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["options", "ties"]]);
    expect(error.message).toBe('options.ties: Invalid option: expected one of "share-grade"|"by-order"');
  });

  it("names a malformed quota inside quotas", () => {
    const error = faultOf(() => forcedDistribution(people, [{ grade: "A", share: 0.5 }, { grade: 2, share: 0.5 }] as never));
    expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["quotas", 1, "grade"]]);
    expect(error.message).toBe("quotas[1].grade: Invalid input: expected string, received number");
  });

  it("names the quota that repeats a grade and the quota it repeats", () => {
    const error = faultOf(() => forcedDistribution(people, [{ grade: "A", share: 0.4 }, { grade: "B", share: 0.2 }, { grade: "A", share: 0.4 }]));
    expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["quotas", 2, "grade"]]);
    expect(error.message).toBe('quotas[2].grade repeats the grade "A" of quotas[0]');
  });

  it("names a malformed share", () => {
    const error = faultOf(() => forcedDistribution(people, [{ grade: "A", share: 0.5 }, { grade: "B", share: "half" }]));
    expect([error.code, error.path]).toEqual(["INVALID_NUMBER", ["quotas", 1, "share"]]);
    expect(error.message).toBe('quotas[1].share must be a finite number or a plain decimal string such as "1200.50"; got "half"');
  });

  it("names a negative share and its value", () => {
    const error = faultOf(() => forcedDistribution(people, [{ grade: "A", share: 1.2 }, { grade: "B", share: -0.2 }]));
    expect([error.code, error.path]).toEqual(["INVALID_WEIGHTS", ["quotas", 1, "share"]]);
    expect(error.message).toBe("quotas[1].share must not be negative; got -0.2");
  });

  it("refuses an entry that is a number as not an object, not as a missing id", () => {
    for (const bad of [7, null]) {
      const error = faultOf(() => forcedDistribution([{ id: "a", score: 1 }, bad as never], halves));
      expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["entries", 1]]);
      expect(error.message).toBe(`entries[1] must be an object { id, score }; got ${String(bad)}`);
    }
  });

  it("names an id that is not a string", () => {
    const error = faultOf(() => forcedDistribution([{ id: "a", score: 1 }, { id: 1, score: 2 }] as never, halves));
    expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["entries", 1, "id"]]);
    expect(error.message).toBe("entries[1].id must be a string; got 1");
  });

  it("names a malformed score after scores of every kind", () => {
    // the earlier scores leave digits behind; the bad one must still be read and refused
    const error = faultOf(() => forcedDistribution([{ id: "a", score: 1 }, { id: "b", score: new Decimal("2.5") }, { id: "c", score: "3" }, { id: "d", score: "ninety" }], halves));
    expect([error.code, error.path]).toEqual(["INVALID_NUMBER", ["entries", 3, "score"]]);
    expect(error.message).toBe('entries[3].score must be a finite number or a plain decimal string such as "1200.50"; got "ninety"');
  });
});

describe("forcedDistribution on scores the integer engine cannot take", () => {
  const outcome = (entries: { id: string; score: number | string | Decimal }[], ties: "share-grade" | "by-order" = "share-grade"): string[] =>
    summary(forcedDistribution(entries, halves, { ties }));

  it("ranks scores whose digits fit 15 places but whose units at one scale do not", () => {
    // 1e20 has one digit, 0.001 three places: at scale 3, 1e20 is 1e23 units, past 2^53.
    // Exactly: 2e20 > 1e20 > 5 > 0.001.
    expect(outcome([{ id: "p", score: new Decimal("1e20") }, { id: "q", score: 5 }, { id: "r", score: 0.001 }, { id: "s", score: new Decimal("2e20") }])).toEqual([
      "p:A:2", "q:B:3", "r:B:4", "s:A:1",
    ]);
  });

  it("ranks scores none of which is a safe integer at scale 0", () => {
    // 1e20, 3e20, 2e20 and 1e21: every one is past 2^53 in whole units
    expect(outcome([{ id: "p", score: new Decimal("1e20") }, { id: "q", score: new Decimal("3e20") }, { id: "r", score: new Decimal("2e20") }, { id: "s", score: new Decimal("1e21") }])).toEqual([
      "p:B:4", "q:A:2", "r:B:3", "s:A:1",
    ]);
  });

  it("ranks a 15-digit integer against a score with two places exactly", () => {
    // 123456789012345 at scale 2 is 1.2e16 units, past 2^53; 123456789012345 > 123456789012344 > 0.25 > -0.25
    expect(outcome([{ id: "p", score: 123456789012345 }, { id: "q", score: 0.25 }, { id: "r", score: new Decimal("123456789012344") }, { id: "s", score: "-0.25" }])).toEqual([
      "p:A:1", "q:B:3", "r:A:2", "s:B:4",
    ]);
  });

  it("orders a number and a longer decimal that round to the same double exactly, in either order and sign", () => {
    // 90.0000000000000000001 and 90 are the same double; exactly the long one is higher, and
    // -90.0000000000000000001 is lower than -90. Each pair is two people on a 50/50 curve.
    const long = "90.0000000000000000001";
    expect(outcome([{ id: "n", score: 90 }, { id: "d", score: long }])).toEqual(["n:B:2", "d:A:1"]);
    expect(outcome([{ id: "d", score: long }, { id: "n", score: 90 }])).toEqual(["d:A:1", "n:B:2"]);
    expect(outcome([{ id: "n", score: -90 }, { id: "d", score: `-${long}` }])).toEqual(["n:A:1", "d:B:2"]);
    expect(outcome([{ id: "d", score: `-${long}` }, { id: "n", score: -90 }])).toEqual(["d:B:2", "n:A:1"]);
    expect(outcome([{ id: "n", score: new Decimal(-90) }, { id: "d", score: new Decimal(`-${long}`) }, { id: "m", score: -90 }, { id: "e", score: -91 }])).toEqual([
      "n:A:1", "d:B:3", "m:A:1", "e:B:4",
    ]);
  });

  it("keeps input order among equal long scores written differently (by-order)", () => {
    // p, q, r are one value (written with 0, 1 and 2 trailing zeros); s is lower. Seats 2, 2:
    // by input order p and q take A, r goes to B with s, all three share rank 1.
    const v = "7.0000000000000000003";
    for (const ordered of [
      [{ id: "p", score: v }, { id: "q", score: `${v}0` }, { id: "r", score: new Decimal(`${v}00`) }, { id: "s", score: 7 }],
      [{ id: "s", score: 7 }, { id: "p", score: new Decimal(v) }, { id: "q", score: `${v}00` }, { id: "r", score: `${v}0` }],
    ]) {
      const byId = Object.fromEntries(forcedDistribution(ordered, halves, { ties: "by-order" }).map((a) => [a.id, `${a.grade}:${a.rank}`]));
      expect(byId).toEqual({ p: "A:1", q: "A:1", r: "B:1", s: "B:4" });
    }
  });

  it("ties negative zero with zero on either path", () => {
    // -0, Decimal -0 and "-0" are all 0; with a long score present the Decimal path runs
    const zeros = [{ id: "a", score: -0 }, { id: "b", score: new Decimal("-0") }, { id: "c", score: "-0" }, { id: "d", score: 0 }];
    expect(outcome([...zeros, { id: "e", score: -1 }, { id: "f", score: -2 }])).toEqual(["a:A:1", "b:A:1", "c:A:1", "d:A:1", "e:B:5", "f:B:6"]);
    expect(outcome([...zeros, { id: "e", score: "-0.0000000000000000001" }, { id: "f", score: -2 }])).toEqual(["a:A:1", "b:A:1", "c:A:1", "d:A:1", "e:B:5", "f:B:6"]);
  });
});

describe("forcedDistribution on scores outside the range of doubles", () => {
  const outcome = (entries: { id: string; score: number | string | Decimal }[]): string[] => summary(forcedDistribution(entries, halves));

  it("ranks scores past 1e308 by their exact value, though every one of them is Infinity as a double", () => {
    expect(outcome([{ id: "a", score: "1e400" }, { id: "b", score: "2e400" }])).toEqual(["a:B:2", "b:A:1"]);
    expect(outcome([{ id: "a", score: "-1e400" }, { id: "b", score: "-2e400" }])).toEqual(["a:A:1", "b:B:2"]);
    expect(outcome([{ id: "a", score: "3e400" }, { id: "b", score: new Decimal("3e400") }])).toEqual(["a:A:1", "b:A:1"]);
  });

  it("ranks scores below 2.2e-308 by their exact value, though doubles lose their digits or round them to 0", () => {
    // 1e-400 and 2e-400 are both 0 as doubles; 1.00000000000001e-320 and 1.00000000000002e-320
    // are the same subnormal double.
    expect(outcome([{ id: "a", score: "1e-400" }, { id: "b", score: "2e-400" }])).toEqual(["a:B:2", "b:A:1"]);
    expect(outcome([{ id: "a", score: "1e-400" }, { id: "b", score: 0 }])).toEqual(["a:A:1", "b:B:2"]);
    expect(outcome([{ id: "a", score: "1.00000000000001e-320" }, { id: "b", score: "1.00000000000002e-320" }])).toEqual(["a:B:2", "b:A:1"]);
  });

  it("refuses a Decimal past 1e1000 wherever it stands in the list, as it refuses the same value written as text", () => {
    const huge = new Decimal("1e2000");
    for (const entries of [
      [{ id: "a", score: huge }, { id: "b", score: 1 }],
      [{ id: "b", score: "1.00000000000000000001" }, { id: "a", score: huge }],
      [{ id: "b", score: 1 }, { id: "a", score: huge }],
    ]) {
      const error = faultOf(() => forcedDistribution(entries, halves));
      const at = entries.findIndex((e) => e.id === "a");
      expect([error.code, error.path]).toEqual(["INVALID_NUMBER", ["entries", at, "score"]]);
    }
    expect(faultOf(() => forcedDistribution([{ id: "a", score: "1e2000" }], halves)).code).toBe("INVALID_NUMBER");
  });
});
