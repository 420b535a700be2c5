import { Decimal } from "../../src/numeric/index.js";
import { describe, expect, it } from "vitest";
import { PayscoreError, applyOverrides, forcedDistribution, gradeByScore } from "../../src/index.js";

function faultOf(run: () => unknown): PayscoreError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    return error as PayscoreError;
  }
  throw new Error("expected a PayscoreError");
}

describe("applyOverrides input checks", () => {
  it("names an assignment that is not an object", () => {
    const error = faultOf(() => applyOverrides([{ id: "a", grade: "B" }, null as never], []));
    expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["assignments", 1]]);
    expect(error.message).toBe("assignments[1] must be an object { id, grade }; got null");
  });
});

describe("gradeByScore below every band", () => {
  it("writes a Decimal score as its value, not as an object", () => {
    const error = faultOf(() => gradeByScore(new Decimal("-0.5"), [{ grade: "C", min: 0 }]));
    expect(error.message).toBe("score -0.5 is below the lowest band min 0; add a band for the lowest scores (for example min 0)");
  });

  it("names the lowest band min whatever order the bands come in", () => {
    // lowest of 60 and 90 is 60, whether it comes first or last
    for (const bands of [
      [{ grade: "C", min: 60 }, { grade: "A", min: 90 }],
      [{ grade: "A", min: 90 }, { grade: "C", min: 60 }],
      [{ grade: "A", min: 90 }, { grade: "C", min: 60 }, { grade: "B", min: 75 }],
    ]) {
      const error = faultOf(() => gradeByScore(10, bands));
      expect([error.code, error.path]).toEqual(["OUT_OF_RANGE", ["score"]]);
      expect(error.message).toContain("score 10 is below the lowest band min 60");
    }
    // exactly at the lowest min is inside it
    expect(gradeByScore(60, [{ grade: "A", min: 90 }, { grade: "C", min: 60 }])).toBe("C");
    expect(gradeByScore("59.99", [{ grade: "A", min: 90 }, { grade: "C", min: 60 }, { grade: "D", min: 0 }])).toBe("D");
  });
});

describe("forcedDistribution with scores finer than a double", () => {
  const halves = [{ grade: "A", share: 0.5 }, { grade: "B", share: 0.5 }];
  const summary = (result: readonly { id: string; grade: string; rank: number }[]): string[] => result.map((p) => `${p.id}:${p.grade}:${p.rank}`);

  it("ranks scores that are one double apart by their exact value", () => {
    // 90 + 1e-19 and 90 + 2e-19 are the same double as 90; exactly, q > p > r
    const result = forcedDistribution([{ id: "p", score: "90.0000000000000000001" }, { id: "q", score: "90.0000000000000000002" }, { id: "r", score: 90 }, { id: "s", score: 10 }], halves);
    expect(summary(result)).toEqual(["p:A:2", "q:A:1", "r:B:3", "s:B:4"]);
  });

  it("ties scores that are exactly equal though written differently", () => {
    // "…00010" = "…0001": both rank 1 and both get A
    const result = forcedDistribution([{ id: "p", score: "90.00000000000000000010" }, { id: "q", score: "90.0000000000000000001" }, { id: "s", score: 10 }, { id: "t", score: 5 }], halves);
    expect(summary(result)).toEqual(["p:A:1", "q:A:1", "s:B:3", "t:B:4"]);
  });
});
