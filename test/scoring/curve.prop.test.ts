import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal } from "../../src/numeric/index.js";
import { compileCurve, evaluateCurve, type Curve } from "../../src/scoring/index.js";

const hundredths = (min: number, max: number) => fc.integer({ min, max }).map((n) => new Decimal(n).div(100));

/** A curve whose points rise: x strictly increasing, y non-decreasing, y ≥ 0 (so the zero gate does not dip). */
const risingCurve: fc.Arbitrary<Curve> = fc
  .record({
    steps: fc.array(fc.record({ dx: fc.integer({ min: 1, max: 50 }), dy: fc.integer({ min: 0, max: 80 }) }), { minLength: 1, maxLength: 6 }),
    x0: fc.integer({ min: -50, max: 150 }),
    y0: fc.integer({ min: 0, max: 100 }),
    below: fc.constantFrom("zero" as const, "clamp" as const, "extrapolate" as const),
    above: fc.constantFrom("clamp" as const, "extrapolate" as const),
    step: fc.boolean(),
  })
  .map(({ steps, x0, y0, below, above, step }) => {
    let x = x0;
    let y = y0;
    const points = [{ x: new Decimal(x).div(100), y: new Decimal(y) }];
    for (const s of steps) {
      x += s.dx;
      y += s.dy;
      points.push({ x: new Decimal(x).div(100), y: new Decimal(y) });
    }
    // Extrapolating below could go negative; that is still rising. Step curves cannot extrapolate.
    return step ? { points, step, below: below === "extrapolate" ? "clamp" : below } : { points, below, above };
  });

describe("curve properties", () => {
  it("a curve whose points rise never falls", () => {
    fc.assert(
      fc.property(risingCurve, hundredths(-200, 300), hundredths(-200, 300), (curve, a, b) => {
        const [low, high] = a.lte(b) ? [a, b] : [b, a];
        expect(evaluateCurve(curve, low).lte(evaluateCurve(curve, high))).toBe(true);
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it("passes through every point", () => {
    fc.assert(
      fc.property(risingCurve, (curve) => {
        for (const p of curve.points) expect(evaluateCurve(curve, p.x).eq(p.y as Decimal)).toBe(true);
      }),
      { numRuns: 200, seed: 6 },
    );
  });

  it("a linear curve stays between its neighbouring points' y", () => {
    fc.assert(
      fc.property(risingCurve, hundredths(-200, 300), (curve, x) => {
        const ys = curve.points.map((p) => p.y as Decimal);
        const value = evaluateCurve({ points: curve.points }, x);
        expect(value.gte(Decimal.min(...ys)) && value.lte(Decimal.max(...ys))).toBe(true);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it("compileCurve agrees with evaluateCurve everywhere", () => {
    fc.assert(
      fc.property(risingCurve, hundredths(-200, 300), (curve, x) => {
        expect(compileCurve(curve)(x).eq(evaluateCurve(curve, x))).toBe(true);
      }),
      { numRuns: 200, seed: 8 },
    );
  });
});
