import { describe, expect, it } from "vitest";
import { compileCurve, curveSchema, evaluateCurve, type Curve } from "../../src/scoring/index.js";
import { Decimal } from "../../src/numeric/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

// threshold 80 % pays 50, target 100 % pays 100, excellence 120 % pays 150
const standard: Curve = { points: [{ x: 0.8, y: 50 }, { x: 1, y: 100 }, { x: 1.2, y: 150 }] };

describe("evaluateCurve", () => {
  it("interpolates linearly between points", () => {
    // 50 + (0.9 − 0.8) · (100 − 50) / (1 − 0.8) = 50 + 0.1 · 50 / 0.2 = 75
    expectDecimal(evaluateCurve(standard, 0.9), "75");
    // 100 + 0.05 · 50 / 0.2 = 112.5
    expectDecimal(evaluateCurve(standard, "1.05"), "112.5");
  });

  it("pays each point's y exactly at the point", () => {
    expectDecimal(evaluateCurve(standard, 0.8), "50");
    expectDecimal(evaluateCurve(standard, 1), "100");
    expectDecimal(evaluateCurve(standard, 1.2), "150");
  });

  it("multiplies before dividing, so a third of a step lands exactly", () => {
    // 0 + (1 − 0) · 1 / 3 would round; here (3 − 0) · 1 / 3 = 1 exactly
    expectDecimal(evaluateCurve({ points: [{ x: 0, y: 0 }, { x: 9, y: 3 }] }, 3), "1");
    expectDecimal(evaluateCurve({ points: [{ x: 0, y: 0 }, { x: 3, y: 1 }] }, 1), "0.3333333333333333333333333333333333333333");
  });

  it("clamps below the first point by default", () => {
    expectDecimal(evaluateCurve(standard, 0.5), "50");
    expectDecimal(evaluateCurve({ ...standard, below: "clamp" }, -3), "50");
  });

  it("pays 0 below the first point with the zero gate, and y₀ at the threshold itself", () => {
    const gated: Curve = { ...standard, below: "zero" };
    expectDecimal(evaluateCurve(gated, "0.7999"), "0");
    expectDecimal(evaluateCurve(gated, 0.8), "50");
  });

  it("extrapolates the first segment below", () => {
    // slope 50 / 0.2 = 250 per unit: 50 + (0.6 − 0.8) · 250 = 0
    expectDecimal(evaluateCurve({ ...standard, below: "extrapolate" }, 0.6), "0");
    // 50 − 0.4 · 250 = −50
    expectDecimal(evaluateCurve({ ...standard, below: "extrapolate" }, 0.4), "-50");
  });

  it("clamps above the last point by default and extrapolates the last segment when asked", () => {
    expectDecimal(evaluateCurve(standard, 2), "150");
    // 100 + (1.5 − 1) · 50 / 0.2 = 225
    expectDecimal(evaluateCurve({ ...standard, above: "extrapolate" }, 1.5), "225");
  });

  it("pays the y of the last point at or below the input on a step curve", () => {
    const tiers: Curve = { points: [{ x: 0.8, y: 0.5 }, { x: 1, y: 1 }, { x: 1.2, y: 1.5 }], step: true };
    expectDecimal(evaluateCurve(tiers, 0.79), "0.5"); // below: clamp
    expectDecimal(evaluateCurve(tiers, 0.8), "0.5");
    expectDecimal(evaluateCurve(tiers, "0.9999"), "0.5");
    expectDecimal(evaluateCurve(tiers, 1), "1");
    expectDecimal(evaluateCurve(tiers, 1.19), "1");
    expectDecimal(evaluateCurve(tiers, 5), "1.5");
    expectDecimal(evaluateCurve({ ...tiers, below: "zero" }, 0.79), "0");
  });

  it("finds the right segment on a curve with many points", () => {
    // y = 2x on 0, 1, …, 99: at 57.5 → 115
    const points = Array.from({ length: 100 }, (_, i) => ({ x: i, y: 2 * i }));
    expectDecimal(evaluateCurve({ points }, 57.5), "115");
    expectDecimal(evaluateCurve({ points, step: true }, 57.5), "114");
  });

  it("is constant with one point", () => {
    const flat: Curve = { points: [{ x: 1, y: 100 }] };
    expectDecimal(evaluateCurve(flat, 0), "100");
    expectDecimal(evaluateCurve(flat, 3), "100");
    expectDecimal(evaluateCurve({ ...flat, below: "zero" }, 0.99), "0");
  });

  it("never returns a negative zero", () => {
    // −1 + (0.5 − 0) · 2 / 1 = 0
    expectDecimal(evaluateCurve({ points: [{ x: 0, y: -1 }, { x: 1, y: 1 }] }, 0.5), "0");
    expectDecimal(evaluateCurve({ points: [{ x: 0, y: new Decimal("-0") }, { x: 1, y: 0 }] }, 0.5), "0");
  });

  it("accepts Decimals, strings and bigints", () => {
    expectDecimal(evaluateCurve({ points: [{ x: 0n, y: "0" }, { x: new Decimal(10), y: 100n }] }, 5n), "50");
  });

  it("does not mutate its input", () => {
    const curve = { points: [{ x: 0.8, y: 50 }, { x: 1, y: 100 }], below: "zero" as const };
    const copy = structuredClone(curve);
    evaluateCurve(curve, 0.9);
    expect(curve).toEqual(copy);
  });

  it("refuses a curve without points", () => {
    expectFault(() => evaluateCurve({ points: [] }, 1), "EMPTY_INPUT", ["curve", "points"]);
  });

  it("refuses points that are not strictly increasing in x, naming the point", () => {
    const error = expectFault(() => evaluateCurve({ points: [{ x: 1, y: 1 }, { x: 1, y: 2 }] }, 1), "INVALID_ARGUMENT", ["curve", "points", 1, "x"]);
    expect(error.message).toContain("strictly increasing");
    expectFault(() => evaluateCurve({ points: [{ x: 0, y: 0 }, { x: 2, y: 1 }, { x: 1, y: 2 }] }, 1), "INVALID_ARGUMENT", ["curve", "points", 2, "x"]);
  });

  it("refuses extrapolation on a step curve and on a one-point curve", () => {
    const below = expectFault(() => evaluateCurve({ ...standard, step: true, below: "extrapolate" }, 1), "INVALID_ARGUMENT", ["curve", "below"]);
    expect(below.message).toBe('curve.below is "extrapolate", which a step curve (tiers) cannot do; use "clamp" or "zero"');
    const above = expectFault(() => evaluateCurve({ ...standard, step: true, above: "extrapolate" }, 1), "INVALID_ARGUMENT", ["curve", "above"]);
    expect(above.message).toBe('curve.above is "extrapolate", which a step curve (tiers) cannot do; use "clamp"');
    const one = expectFault(() => evaluateCurve({ points: [{ x: 1, y: 1 }], above: "extrapolate" }, 1), "INVALID_ARGUMENT", ["curve", "above"]);
    expect(one.message).toBe('curve.above is "extrapolate", which needs at least two points (one point has no slope)');
    expectFault(() => evaluateCurve({ points: [{ x: 1, y: 1 }], below: "extrapolate" }, 1), "INVALID_ARGUMENT", ["curve", "below"]);
  });

  it("rounds once, at the product, on a segment whose slope is exact", () => {
    // slope 3548593771719091.4241386816920967500085 / 7e-13 terminates; at 2.037e-13 the value is
    // 0.291 · 3548593771719091.4241386816920967500085 = 1032640787570255.6044243563724001542524735,
    // 41 digits: half-even to 40 gives …252474 (multiplying by dy first and dividing would round twice: …252473)
    const curve: Curve = { points: [{ x: 0, y: 0 }, { x: "7e-13", y: "3548593771719091.4241386816920967500085" }] };
    expectDecimal(evaluateCurve(curve, "2.037e-13"), "1032640787570255.604424356372400154252474");
  });

  it("pays the last point's y exactly at the last point, also when extrapolating above", () => {
    // dy / dx does not terminate; the line's own arithmetic at x = dx would give …4.58938999999999
    const points = [{ x: 0, y: 0 }, { x: "401364251447.5234873098", y: "33529349589317472933049214.58939" }];
    expectDecimal(evaluateCurve({ points, above: "extrapolate" }, "401364251447.5234873098"), "33529349589317472933049214.58939");
  });

  it("uses an exact slope of more than 15 digits exactly", () => {
    // slope 0.1234567890123456789 / 1: at 0.5 → 0.06172839450617283945
    expectDecimal(evaluateCurve({ points: [{ x: 0, y: 0 }, { x: 1, y: "0.1234567890123456789" }] }, 0.5), "0.06172839450617283945");
    // a falling segment: 1 − 0.5 · 0.1234567890123456789 = 0.93827160549382716055
    expectDecimal(evaluateCurve({ points: [{ x: 0, y: 1 }, { x: 1, y: "0.8765432109876543211" }] }, 0.5), "0.93827160549382716055");
  });

  it("refuses malformed numbers, shapes, option values and unknown keys", () => {
    expectFault(() => evaluateCurve(standard, Number.NaN), "INVALID_NUMBER", ["x"]);
    expectFault(() => evaluateCurve({ points: [{ x: "1,0", y: 1 }] }, 1), "INVALID_NUMBER", ["curve", "points", 0, "x"]);
    expectFault(() => evaluateCurve(null as unknown as Curve, 1), "INVALID_ARGUMENT", ["curve"]);
    expectFault(() => evaluateCurve({ points: "x" } as unknown as Curve, 1), "INVALID_ARGUMENT", ["curve", "points"]);
    expectFault(() => evaluateCurve({ points: [null] } as unknown as Curve, 1), "INVALID_ARGUMENT", ["curve", "points", 0]);
    expectFault(() => evaluateCurve({ ...standard, below: "gate" } as unknown as Curve, 1), "INVALID_ARGUMENT", ["curve", "below"]);
    expectFault(() => evaluateCurve({ ...standard, step: "yes" } as unknown as Curve, 1), "INVALID_ARGUMENT", ["curve", "step"]);
    expectFault(() => evaluateCurve({ ...standard, Below: "zero" } as unknown as Curve, 1), "INVALID_ARGUMENT", ["curve", "Below"]);
  });
});

describe("compileCurve", () => {
  it("gives the same values as evaluateCurve", () => {
    const pay = compileCurve({ ...standard, below: "zero", above: "extrapolate" });
    for (const x of ["0.5", "0.8", "0.9", "1", "1.1", "1.3"]) {
      expect(pay(x).eq(evaluateCurve({ ...standard, below: "zero", above: "extrapolate" }, x))).toBe(true);
    }
  });

  it("checks the curve once, when compiled, and is not affected by later changes to it", () => {
    expectFault(() => compileCurve({ points: [] }), "EMPTY_INPUT", ["curve", "points"]);
    const points = [{ x: 0, y: 0 }, { x: 1, y: 10 }];
    const pay = compileCurve({ points });
    points[1] = { x: 1, y: 20 };
    expectDecimal(pay(0.5), "5");
  });

  it("checks x on every call", () => {
    expectFault(() => compileCurve(standard)("abc"), "INVALID_NUMBER", ["x"]);
  });
});

describe("curveSchema", () => {
  it("accepts a valid curve and refuses what evaluateCurve refuses", () => {
    expect(curveSchema.safeParse(standard).success).toBe(true);
    expect(curveSchema.safeParse({ points: [] }).success).toBe(false);
    expect(curveSchema.safeParse({ points: [{ x: 1, y: 1 }, { x: 1, y: 2 }] }).success).toBe(false);
    expect(curveSchema.safeParse({ ...standard, step: true, above: "extrapolate" }).success).toBe(false);
    expect(curveSchema.safeParse({ points: [{ x: 1, y: 1 }], below: "extrapolate" }).success).toBe(false);
    expect(curveSchema.safeParse({ ...standard, extra: 1 }).success).toBe(false);
  });

  it("points at the offending x", () => {
    const result = curveSchema.safeParse({ points: [{ x: 1, y: 1 }, { x: "0.5", y: 2 }] });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.issues[0]?.path).toEqual(["points", 1, "x"]);
      expect(result.error.issues[0]?.message).toMatch(/^must be greater than the previous point's x/);
    }
  });
});
