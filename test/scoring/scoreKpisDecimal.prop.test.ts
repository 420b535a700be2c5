import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/numeric/index.js";
import { scoreKpis, type KpiSpec } from "../../src/scoring/index.js";

// scoreKpis computes with exact word arithmetic and reuses products worked out once (points of a
// capped attainment, contributions of a curve's tiers). Here every step is done again with plain
// decimal.js operations, in the order the doc block gives them, and the two must agree field by
// field: sign, exponent and digit words of every attainment, points, contribution and the score.

const SEED = 20261123;

interface Row {
  readonly direction: "higher" | "lower";
  readonly cap: string | undefined;
  readonly floor: string | undefined;
  readonly difficulty: string | undefined;
  readonly curve: "none" | "linear" | "step";
  readonly weight: string;
  readonly actual: number;
  readonly target: number;
}

// Exact slopes (125 and 100 per unit), so the curve's arithmetic is y₀ + (x − x₀) · slope.
const LINEAR = { points: [{ x: "0.6", y: 50 }, { x: 1, y: 100 }, { x: "1.5", y: 150 }], below: "zero" as const };
const STEP = { points: [{ x: 0, y: 0 }, { x: "0.8", y: 60 }, { x: 1, y: 100 }, { x: "1.2", y: 120 }], step: true };

/** Amounts as a bulk run has them, and the awkward ones: exact caps, halves at the 41st digit, 2^53. */
const actualArb = fc.oneof(
  fc.integer({ min: 0, max: 100_000_000 }).map((c) => c / 100),
  fc.integer({ min: 0, max: 90 }),
  fc.constantFrom(0, 1, 3, 60, 72, 90, 2 ** 53 - 1, 2 ** 52 + 1, 1 / 3, 0.1 + 0.2, 123456789012.34),
);
const targetArb = fc.oneof(
  fc.integer({ min: 1, max: 100_000_000 }).map((c) => c / 100),
  fc.constantFrom(1, 3, 5, 7, 50, 60, 2 ** 20, 2 ** 29, 2 ** 30, 10 ** 15, 2 ** 53 - 1, 0.3),
);
const rowArb: fc.Arbitrary<Row> = fc.record({
  direction: fc.constantFrom("higher" as const, "lower" as const),
  cap: fc.option(fc.constantFrom("1.2", "1.5", "2"), { nil: undefined }),
  floor: fc.option(fc.constantFrom("0", "0.5"), { nil: undefined }),
  difficulty: fc.option(fc.constantFrom("0.9", "1.1", "1"), { nil: undefined }),
  curve: fc.constantFrom("none" as const, "linear" as const, "step" as const),
  weight: fc.constantFrom("0.30", "0.15", "0.10", "0.05", "0.125", "0.3333333333333333333333333333333333333333"),
  actual: actualArb,
  target: targetArb,
});

function reference(rows: readonly Row[], weights: readonly Decimal[]): { score: Decimal; lines: { attainment: Decimal; points: Decimal; contribution: Decimal }[] } {
  const ZERO = new Decimal(0);
  const lines = rows.map((r, i) => {
    let a = new Decimal(r.actual).div(r.target);
    if (r.direction === "lower") a = a.gte(2) ? ZERO : new Decimal(2).minus(a);
    if (r.floor !== undefined && a.lt(r.floor)) a = new Decimal(r.floor);
    if (r.cap !== undefined && a.gt(r.cap)) a = new Decimal(r.cap);
    const adjusted = r.difficulty === undefined ? a : a.times(r.difficulty);
    let points: Decimal;
    if (r.curve === "none") points = adjusted.times(100);
    else if (r.curve === "step") points = new Decimal(adjusted.gte("1.2") ? 120 : adjusted.gte(1) ? 100 : adjusted.gte("0.8") ? 60 : 0);
    else if (adjusted.lt("0.6")) points = ZERO;
    else if (adjusted.gte("1.5")) points = new Decimal(150);
    else if (adjusted.lt(1)) points = new Decimal(50).plus(adjusted.minus("0.6").times(125));
    else points = new Decimal(100).plus(adjusted.minus(1).times(100));
    return { attainment: a, points, contribution: (weights[i] as Decimal).times(points) };
  });
  // Σ in the order of the ids (k0, k1, …: the order of the rows here), each partial sum rounded.
  let score = new Decimal(0);
  for (const line of lines) score = score.plus(line.contribution);
  return { score, lines };
}

/** What decimal.js keeps of a value (a zero of either sign reads as 0, as the library returns it). */
const fields = (x: Decimal | null | undefined): unknown => (x === null || x === undefined ? x : x.isZero() ? { zero: true } : { s: x.s, e: x.e, d: [...(x.d as number[])] });

describe("scoreKpis and plain decimal.js", () => {
  it("agree field by field on every attainment, points, contribution and the score", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 3 }), (rows, people) => {
        // The last weight takes the rest, so the weights sum to exactly 1.
        let assigned = new Decimal(0);
        const weights = rows.map((r, i) => {
          const w = i === rows.length - 1 ? new Decimal(1).minus(assigned) : new Decimal(r.weight);
          assigned = assigned.plus(w);
          return w;
        });
        if (weights.some((w) => w.isNegative())) return;
        const kpis: KpiSpec[] = rows.map((r, i) => ({
          id: `k${i}`,
          weight: (weights[i] as Decimal).toString(),
          direction: r.direction,
          ...(r.cap === undefined ? {} : { cap: r.cap }),
          ...(r.floor === undefined ? {} : { floor: r.floor }),
          ...(r.difficulty === undefined ? {} : { difficulty: r.difficulty }),
          ...(r.curve === "linear" ? { curve: LINEAR } : r.curve === "step" ? { curve: STEP } : {}),
        }));
        // Several people on one frozen scorecard: products worked out once are reused across them.
        const frozen = Object.freeze(kpis.map((k) => Object.freeze(k)));
        for (let p = 0; p < people; p++) {
          const values = Object.fromEntries(rows.map((r, i) => [`k${i}`, { actual: p === 0 ? r.actual : r.actual * (p + 1), target: r.target }]));
          const got = scoreKpis(frozen, values);
          const want = reference(
            rows.map((r) => ({ ...r, actual: p === 0 ? r.actual : r.actual * (p + 1) })),
            weights,
          );
          expect(fields(got.score)).toEqual(fields(want.score));
          got.lines.forEach((line, i) => {
            const w = want.lines[i];
            expect([fields(line.attainment), fields(line.points), fields(line.contribution)]).toEqual([fields(w?.attainment), fields(w?.points), fields(w?.contribution)]);
          });
        }
      }),
      { numRuns: 800, seed: SEED },
    );
  });
});
