import { describe, expect, it } from "vitest";
import { PayscoreError, applyOverrides, gradeByScore } from "../../src/index.js";

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
  it("names the lowest band min whatever order the bands come in", () => {
    // lowest of 60 and 90 is 60, whether it comes first or last
    for (const bands of [
      [{ grade: "C", min: 60 }, { grade: "A", min: 90 }],
      [{ grade: "A", min: 90 }, { grade: "C", min: 60 }],
      [{ grade: "A", min: 90 }, { grade: "C", min: 60 }, { grade: "B", min: 75 }],
    ]) {
      const error = faultOf(() => gradeByScore(10, bands));
      expect([error.code, error.path]).toEqual(["OUT_OF_RANGE", ["score"]]);
      expect(error.message).toContain("is below the lowest band min 60");
    }
    // exactly at the lowest min is inside it
    expect(gradeByScore(60, [{ grade: "A", min: 90 }, { grade: "C", min: 60 }])).toBe("C");
    expect(gradeByScore("59.99", [{ grade: "A", min: 90 }, { grade: "C", min: 60 }, { grade: "D", min: 0 }])).toBe("D");
  });
});
