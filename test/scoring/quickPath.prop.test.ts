import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal } from "../../src/numeric/index.js";
import { scoreKpis, scoreRounded, type KpiSpec } from "../../src/scoring/index.js";

// scoreKpis reads plain numbers by a quick exact path (long division on their digits, word
// products for ×100 and × weight); text takes the general decimal.js path. The two must give the
// very same Decimals — sign, exponent and digit words — or the same error.

/** A number with up to 15 significant digits and 0–6 decimals, or an awkward one. */
const amount = fc.oneof(
  fc.tuple(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), fc.integer({ min: 0, max: 6 })).map(([m, k]) => m / 10 ** k),
  fc.integer({ min: 0, max: 2_000 }),
  fc.constantFrom(0, -0, 1, 0.1, 0.3, 1e-7, 123456789012.34, 900719925, 900719926, 2 ** 53 - 1, 0.1 + 0.2, 1 / 3),
);
const weightText = fc.oneof(fc.constantFrom("0.30", "0.15", "0.10", "0.05", "0.125"), fc.integer({ min: 1, max: 9 }).map((n) => new Decimal(n).div(7).toString()));

const card = fc
  .array(
    fc.record({
      direction: fc.constantFrom("higher" as const, "lower" as const),
      lowerFormula: fc.constantFrom("reflect" as const, "inverse" as const),
      cap: fc.option(fc.constantFrom("1.2", "1.5", "2"), { nil: undefined }),
      floor: fc.option(fc.constantFrom("0", "0.5"), { nil: undefined }),
      curved: fc.boolean(),
      difficulty: fc.option(fc.constantFrom("0.9", "1.1"), { nil: undefined }),
      zeroTarget: fc.constantFrom("error" as const, "zero" as const, "full" as const),
      weight: weightText,
      actual: amount,
      target: amount,
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((rows) => {
    // The last weight takes the remainder, so the weights sum to exactly 1.
    let assigned = new Decimal(0);
    const kpis: KpiSpec[] = rows.map((r, i) => {
      const weight = i === rows.length - 1 ? new Decimal(1).minus(assigned).toString() : r.weight;
      assigned = assigned.plus(weight);
      return {
        id: `k${i}`,
        weight,
        direction: r.direction,
        lowerFormula: r.lowerFormula,
        zeroTarget: r.zeroTarget,
        ...(r.cap === undefined ? {} : { cap: r.cap }),
        ...(r.floor === undefined ? {} : { floor: r.floor }),
        ...(r.difficulty === undefined ? {} : { difficulty: r.difficulty }),
        ...(r.curved ? { curve: { points: [{ x: "0.6", y: 50 }, { x: 1, y: 100 }, { x: "1.5", y: 150 }], below: "zero" as const } } : {}),
      };
    });
    const numbers: Record<string, { actual: number; target: number }> = {};
    const texts: Record<string, { actual: string; target: string }> = {};
    rows.forEach((r, i) => {
      numbers[`k${i}`] = { actual: r.actual, target: r.target };
      texts[`k${i}`] = { actual: String(r.actual), target: String(r.target) };
    });
    return { kpis, numbers, texts };
  })
  .filter(({ kpis }) => kpis.every((k) => !new Decimal(k.weight).isNegative()));

const outcome = (run: () => unknown): unknown => {
  try {
    return { result: run() };
  } catch (error) {
    return { code: (error as { code?: string }).code, message: (error as Error).message };
  }
};

describe("the quick path for numbers", () => {
  it("gives scoreKpis the same Decimals, digit for digit, as the same values written as text", () => {
    fc.assert(
      fc.property(card, ({ kpis, numbers, texts }) => {
        expect(outcome(() => scoreKpis(kpis, numbers))).toEqual(outcome(() => scoreKpis(kpis, texts)));
      }),
      { numRuns: 500 },
    );
  });

  it("gives scoreRounded the same results as text", () => {
    fc.assert(
      fc.property(card, ({ kpis, numbers, texts }) => {
        expect(outcome(() => scoreRounded(kpis, numbers))).toEqual(outcome(() => scoreRounded(kpis, texts)));
      }),
      { numRuns: 300 },
    );
  });

  it("reads a revenue scorecard's numbers exactly (worked example)", () => {
    // 1 150 000.5 / 1 000 000 = 1.1500005 → 115.00005 points; 0.5 · 115.00005 = 57.500025
    // 940 000 / 1 000 000 = 0.94 → 94 points; 0.5 · 94 = 47
    const result = scoreKpis(
      [
        { id: "revenue", weight: 0.5 },
        { id: "collection", weight: 0.5, cap: 1 },
      ],
      { revenue: { actual: 1_150_000.5, target: 1_000_000 }, collection: { actual: 940_000, target: 1_000_000 } },
    );
    expect(result.score.toString()).toBe("104.500025");
    expect(result.lines[0]?.attainment?.toString()).toBe("1.1500005");
    // 1 / 3 to 40 digits, as decimal.js divides
    const third = scoreKpis([{ id: "a", weight: 1 }], { a: { actual: 1, target: 3 } });
    expect(third.lines[0]?.attainment?.toString()).toBe(new Decimal(1).div(3).toString());
    expect(third.score.toString()).toBe("33.33333333333333333333333333333333333333");
  });
});
