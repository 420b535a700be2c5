import { describe, expect, it } from "vitest";
import { PayscoreError, gradeByScore } from "../../src/index.js";

const bands = [
  { grade: "优秀", min: 90 },
  { grade: "良好", min: 80 },
  { grade: "合格", min: 60 },
  { grade: "不合格", min: 0 },
];

function codeOf(run: () => unknown): { code: string; path: readonly (string | number)[] } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    return { code: (error as PayscoreError).code, path: (error as PayscoreError).path };
  }
  throw new Error("expected a PayscoreError");
}

describe("gradeByScore", () => {
  it("gives the band with the greatest min at or below the score", () => {
    expect(gradeByScore(92.5, bands)).toBe("优秀");
    expect(gradeByScore(85, bands)).toBe("良好");
    expect(gradeByScore("59.99", bands)).toBe("不合格");
  });

  it("puts a score exactly on a line into that band", () => {
    expect(gradeByScore(80, bands)).toBe("良好");
    expect(gradeByScore(0, bands)).toBe("不合格");
  });

  it("accepts bands in any order", () => {
    expect(gradeByScore(70, [...bands].reverse())).toBe("合格");
  });

  it("compares exactly, not in floating point", () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floats; as a decimal it is 0.3, exactly on the line.
    expect(gradeByScore("0.3", [{ grade: "pass", min: "0.3" }, { grade: "fail", min: 0 }])).toBe("pass");
  });

  it("refuses a score under every min with OUT_OF_RANGE", () => {
    expect(codeOf(() => gradeByScore(-1, bands))).toEqual({ code: "OUT_OF_RANGE", path: ["score"] });
  });

  it("refuses two bands with the same min", () => {
    expect(codeOf(() => gradeByScore(5, [{ grade: "A", min: 1 }, { grade: "B", min: "1.0" }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["bands", 1, "min"] });
  });

  it("refuses no bands, malformed bands and a malformed score", () => {
    expect(codeOf(() => gradeByScore(5, [])).code).toBe("EMPTY_INPUT");
    expect(codeOf(() => gradeByScore(5, [{ grade: 1, min: 0 }] as never)).code).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => gradeByScore(5, null as never)).code).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => gradeByScore(5, [{ grade: "A", min: "x" }]))).toEqual({ code: "INVALID_NUMBER", path: ["bands", 0, "min"] });
    expect(codeOf(() => gradeByScore(Number.NaN, bands))).toEqual({ code: "INVALID_NUMBER", path: ["score"] });
  });

  it("does not mutate its input", () => {
    const copy = structuredClone(bands);
    gradeByScore(88, bands);
    expect(bands).toEqual(copy);
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

describe("gradeByScore refusals name the field and say why", () => {
  it("names a malformed band inside bands", () => {
    const error = faultOf(() => gradeByScore(5, [{ grade: "A", min: 0 }, { grade: 1, min: 3 }] as never));
    expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["bands", 1, "grade"]]);
    expect(error.message).toBe("bands[1].grade: Invalid input: expected string, received number");
  });

  it("refuses no bands at bands with EMPTY_INPUT", () => {
    const error = faultOf(() => gradeByScore(5, []));
    expect([error.code, error.path]).toEqual(["EMPTY_INPUT", ["bands"]]);
    expect(error.message).toBe("bands must list at least one grade band");
  });

  it("names the band that repeats a min and the band it repeats", () => {
    // 1 and "1.0" are the same min; band 2 repeats band 0 (band 1 has its own min 0)
    const error = faultOf(() => gradeByScore(5, [{ grade: "A", min: 1 }, { grade: "C", min: 0 }, { grade: "B", min: "1.0" }]));
    expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["bands", 2, "min"]]);
    expect(error.message).toBe("bands[2].min repeats the min 1 of bands[0]; each band needs its own min");
  });
});
