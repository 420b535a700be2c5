import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal, ROUNDING_MODES, type RoundingMode } from "../../src/numeric/index.js";
import { PayscoreError } from "../../src/errors/index.js";
import { compileRoundedScorecard, scoreRounded, type Curve, type KpiSpec, type KpiScorecard, type ScoreRoundedOptions } from "../../src/scoring/index.js";

type Cell = number | string | null | undefined | Decimal;

const decimalText = (units: number, scale: number): string => new Decimal(units).div(new Decimal(10).pow(scale)).toFixed(scale);

/** x values strictly increasing, 1–4 points, linear or step, every below/above the rules allow. */
const curve: fc.Arbitrary<Curve> = fc
  .record({
    xs: fc.uniqueArray(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 4 }),
    xScale: fc.integer({ min: 1, max: 5 }),
    ys: fc.array(fc.integer({ min: -500, max: 20000 }), { minLength: 4, maxLength: 4 }),
    yScale: fc.integer({ min: 0, max: 3 }),
    step: fc.boolean(),
    below: fc.constantFrom("zero", "clamp", "extrapolate"),
    above: fc.constantFrom("clamp", "extrapolate"),
  })
  .map(({ xs, xScale, ys, yScale, step, below, above }) => {
    const sorted = [...xs].sort((a, b) => a - b).map((x) => x * 10 ** Math.max(0, xScale - 3));
    const points = sorted.map((x, i) => ({ x: decimalText(x, xScale), y: decimalText(ys[i] as number, yScale) }));
    const line = !step && points.length > 1;
    return {
      points,
      step,
      below: line || below !== "extrapolate" ? (below as Curve["below"]) : "clamp",
      above: line ? (above as Curve["above"]) : "clamp",
    };
  });

const kpiShape = fc.record({
  w: fc.integer({ min: 0, max: 100 }),
  direction: fc.constantFrom("higher" as const, "lower" as const),
  lowerFormula: fc.constantFrom("reflect" as const, "inverse" as const),
  zeroTarget: fc.constantFrom("error" as const, "zero" as const, "full" as const),
  cap: fc.option(fc.tuple(fc.integer({ min: 80, max: 300 }), fc.integer({ min: 0, max: 4 })), { nil: undefined }),
  floor: fc.option(fc.tuple(fc.integer({ min: 0, max: 79 }), fc.integer({ min: 0, max: 4 })), { nil: undefined }),
  difficulty: fc.option(fc.tuple(fc.integer({ min: 50, max: 150 }), fc.integer({ min: 2, max: 3 })), { nil: undefined }),
  curve: fc.option(curve, { nil: undefined }),
});

/** 1–5 KPIs; weights with 2 or 3 decimals summing exactly to 1. */
const scorecard = fc.tuple(fc.array(kpiShape, { minLength: 1, maxLength: 5 }), fc.constantFrom(2, 3)).map(([rows, ws]) => {
  const unit = 10 ** ws;
  const total = rows.reduce((s, r) => s + r.w, 0) || 1;
  let left = unit;
  return rows.map((r, i): KpiSpec => {
    const w = i === rows.length - 1 ? left : Math.floor((r.w * unit) / total);
    left -= w;
    const cap = r.cap === undefined ? undefined : decimalText(r.cap[0] * 10 ** r.cap[1], r.cap[1] + 2);
    return {
      id: `k${i}`,
      weight: decimalText(w, ws),
      direction: r.direction,
      lowerFormula: r.lowerFormula,
      zeroTarget: r.zeroTarget,
      ...(cap === undefined ? {} : { cap }),
      ...(r.floor === undefined ? {} : { floor: decimalText(r.floor[0] * 10 ** r.floor[1], r.floor[1] + 2) }),
      ...(r.difficulty === undefined ? {} : { difficulty: decimalText(r.difficulty[0], r.difficulty[1]) }),
      ...(r.curve === undefined ? {} : { curve: r.curve }),
    };
  });
});

const options = fc.record({
  attainmentScale: fc.integer({ min: 0, max: 6 }),
  pointsScale: fc.integer({ min: 0, max: 4 }),
  scoreScale: fc.integer({ min: 0, max: 4 }),
  mode: fc.constantFrom(...(ROUNDING_MODES as RoundingMode[])),
  missing: fc.constantFrom("error" as const, "zero" as const, "reweight" as const),
});

/** An (actual, target) pair: ordinary, cents, decimal strings, exact halves, zero, near 2^53, odd forms, missing. */
const pair = (scale: number): fc.Arbitrary<[Cell, Cell]> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 1, max: 1_000_000 })) },
    { weight: 4, arbitrary: fc.tuple(fc.integer({ min: -1000, max: 300_000_000 }), fc.integer({ min: 1, max: 200_000_000 })).map(([a, t]): [Cell, Cell] => [a / 100, t / 100]) },
    { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 1, max: 99_999_999 }), fc.integer({ min: 0, max: 6 })).map(([a, t, s]): [Cell, Cell] => [decimalText(a, s), decimalText(t, s)]) },
    // actual / target = (2R + 1) / (2 · 10^scale): exactly half an attainment step.
    { weight: 5, arbitrary: fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 3 * 10 ** Math.min(scale, 5) }), fc.boolean()).map(([m, r, text]): [Cell, Cell] => {
      const a = m * (2 * r + 1);
      const t = m * 2 * 10 ** scale;
      return text ? [String(a), String(t)] : [a, t];
    }) },
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: -5, max: 100 }), fc.constant(0)) },
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 })).map(([d, e]): [Cell, Cell] => [2 ** 53 - 1 - d, 2 ** 53 - 1 - e]) },
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 10 ** 6 }), fc.integer({ min: 1, max: 10 ** 6 })).map(([a, t]): [Cell, Cell] => [a * 2 ** 31, t]) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom<Cell>("1e3", new Decimal("12.5"), "0.1234567", 1e-7, 0.1 + 0.2), fc.constantFrom<Cell>(100, "40", 3)) },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom<Cell>(undefined, null, ""), fc.constantFrom<Cell>(100, undefined, "")) },
  );

const difficultyCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<Cell>(undefined, null, "") },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 2000 }).map((d) => d / 1000) },
  { weight: 1, arbitrary: fc.constantFrom<Cell>("1.05", "0.0000001", 2, 0) },
);

const units = (d: Decimal, scale: number): number => d.times(new Decimal(10).pow(scale)).toNumber();
const same = (a: KpiScorecard, b: KpiScorecard): void => {
  expect(a.score.toString()).toBe(b.score.toString());
  expect(a.baseScore.toString()).toBe(b.baseScore.toString());
  expect(a.lines.map((l) => [l.attainment?.toString() ?? null, l.points.toString(), l.weight.toString(), l.contribution.toString()])).toEqual(
    b.lines.map((l) => [l.attainment?.toString() ?? null, l.points.toString(), l.weight.toString(), l.contribution.toString()]),
  );
};

const stats = { runs: 0, compared: 0, decimal: 0, errors: 0 };

describe("compileRoundedScorecard (properties)", () => {
  it("gives exactly the results of scoreRounded, row by row, errors included", () => {
    fc.assert(
      fc.property(
        scorecard,
        options,
        fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(fc.constant(n), fc.nat())),
        fc.context(),
        (kpis, opts, [n, seed], ctx) => {
          stats.runs++;
          // Values are drawn after the options so halves can target the attainment scale.
          const rows = fc.sample(fc.tuple(fc.array(pair(opts.attainmentScale), { minLength: kpis.length, maxLength: kpis.length }), difficultyCell), { numRuns: n, seed });
          const columns = {
            kpis: Object.fromEntries(kpis.map((k, j) => [k.id, { actual: rows.map((r) => (r[0][j] as [Cell, Cell])[0]), target: rows.map((r) => (r[0][j] as [Cell, Cell])[1]) }])),
            difficulty: rows.map((r) => r[1]),
          };
          const reference: (KpiScorecard | PayscoreError)[] = [];
          for (const [values, difficulty] of rows) {
            const record = Object.fromEntries(kpis.map((k, j) => {
              const [a, t] = values[j] as [Cell, Cell];
              return [k.id, a === undefined || a === null || a === "" ? undefined : { actual: a, target: t }];
            }));
            const o: ScoreRoundedOptions = difficulty === undefined || difficulty === null || difficulty === "" ? opts : { ...opts, difficulty: difficulty as string };
            try {
              reference.push(scoreRounded(kpis, record as never, o));
            } catch (error) {
              if (!(error instanceof PayscoreError)) throw error;
              reference.push(error);
              break;
            }
          }
          const firstError = reference.findIndex((r) => r instanceof PayscoreError);
          const run = (): ReturnType<ReturnType<typeof compileRoundedScorecard>> => compileRoundedScorecard(kpis, opts)(columns as never);
          if (firstError >= 0) {
            const expected = reference[firstError] as PayscoreError;
            ctx.log(`row ${firstError}: ${expected.message}`);
            let thrown: unknown;
            try {
              run();
            } catch (error) {
              thrown = error;
            }
            stats.errors++;
            expect(thrown).toBeInstanceOf(PayscoreError);
            const e = thrown as PayscoreError;
            expect(e.code).toBe(expected.code);
            const rest = expected.path[0] === "values" ? expected.path.slice(1) : expected.path[0] === "options" ? ["difficulty"] : expected.path;
            expect(e.path).toEqual(["rows", firstError, ...rest]);
            return;
          }
          const result = run();
          stats.compared += result.size;
          stats.decimal += result.decimalRows.length;
          const decimal = new Map(result.decimalRows.map((d) => [d.row, d.scorecard]));
          reference.forEach((ref, i) => {
            const r = ref as KpiScorecard;
            const slow = decimal.get(i);
            if (slow !== undefined) return same(slow, r);
            expect(result.score[i]).toBe(units(r.score, result.scales.score));
            result.kpis.forEach((col, k) => {
              const line = r.lines[k]!;
              expect(col.present[i]).toBe(line.attainment === null ? 0 : 1);
              expect(col.attainment[i]).toBe(line.attainment === null ? 0 : units(line.attainment, result.scales.attainment));
              expect(col.points[i]).toBe(units(line.points, result.scales.points));
              expect(col.contribution[i]).toBe(units(line.contribution, result.scales.contribution));
            });
          });
        },
      ),
      { numRuns: 300, seed: 20260911 },
    );
    // The runs must mostly compare results (not only errors), mostly on the integer path.
    expect(stats.compared).toBeGreaterThan(stats.runs);
    expect(stats.decimal).toBeLessThan(stats.compared);
    if (process.env["SHOW_STATS"]) console.log(stats);
  });

  it("takes the integer path for ordinary rows (nothing falls back without a reason)", () => {
    fc.assert(
      fc.property(scorecard, fc.array(fc.tuple(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 1, max: 1_000_000 })), { minLength: 1, maxLength: 5 }), (kpis, values) => {
        const columns = { kpis: Object.fromEntries(kpis.map((k) => [k.id, { actual: values.map((v) => v[0] / 100), target: values.map((v) => v[1] / 100) }])) };
        const safe = kpis.map((k) => ({ ...k, zeroTarget: "zero" as const }));
        expect(compileRoundedScorecard(safe)(columns).decimalRows).toEqual([]);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
