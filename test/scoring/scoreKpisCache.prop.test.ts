import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";
import { Decimal } from "../../src/numeric/index.js";
import { checkKpis, readKpis, scoreChecked } from "../../src/scoring/checkScorecard.js";
import { MEMO_LIMIT } from "../../src/scoring/lineMemo.js";
import { compileScorecard, scoreKpis, type KpiSpec, type ScoreKpisOptions } from "../../src/scoring/index.js";

// scoreKpis remembers a checked scorecard per `kpis` array (compared with a snapshot of what the
// check reads on every call) and the lines of plain-number (actual, target) pairs per KPI. Here
// one unfrozen list is scored for many people while it is changed in place between calls — a
// weight, a cap, a curve point, a KPI replaced, pushed, popped, keys a curve must not have — and
// every call must give exactly what checking the list as it is now and scoring without anything
// remembered gives: the same Decimals (sign, exponent, digit words), or the same error (code,
// path, message).

type Mutable = Record<string, unknown>;
const IDS = ["a", "b", "c", "d", "e"] as const;

/** A number as a caller has one: cents, whole counts, negative, zero, awkward doubles. */
const number = fc.oneof(
  fc.integer({ min: -500, max: 30_000 }).map((c) => c / 100),
  fc.integer({ min: -3, max: 90 }),
  fc.constantFrom(0, -0, 1, 0.1 + 0.2, 1 / 3, 2 ** 53 - 1, 1e21, 123456789.123),
);
/** A numeric in any form the library takes, mostly numbers. */
const numeric = fc.oneof(
  { weight: 6, arbitrary: number },
  { weight: 1, arbitrary: number.map((x) => String(x)) },
  { weight: 1, arbitrary: number.map((x) => new Decimal(x)) },
  { weight: 1, arbitrary: fc.constantFrom("1e2", "-0", "abc", "", "0.5000000000000000000000000000000000000001") },
  { weight: 1, arbitrary: fc.constantFrom(3n, 0n) },
);
/** Mostly a valid number in some form; now and then text that is no number. */
const validNumeric = fc.oneof(
  { weight: 6, arbitrary: number },
  { weight: 1, arbitrary: number.map((x) => String(x)) },
  { weight: 1, arbitrary: number.map((x) => new Decimal(x)) },
  { weight: 1, arbitrary: fc.constantFrom(3n, 0n) },
);
const ratio = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(0, 0.5, 0.8, 1, 1.2, 1.5, 2) },
  { weight: 3, arbitrary: fc.integer({ min: -50, max: 300 }).map((c) => c / 100) },
  { weight: 2, arbitrary: validNumeric },
  { weight: 1, arbitrary: numeric },
);
/** Usually a sensible pair; sometimes only one, a floor above the cap, or odd values. */
const bounds = fc.oneof(
  { weight: 15, arbitrary: fc.record({ cap: fc.constantFrom(1, 1.2, 1.5, "2"), floor: fc.constantFrom(0, 0.5, "0.8", -1) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.record({ cap: ratio, floor: ratio }, { requiredKeys: [] }) },
);
const rarely = <T, U>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<U>): fc.Arbitrary<T | U> => fc.oneof({ weight: 40, arbitrary: usual }, { weight: 1, arbitrary: odd });

const curve = fc
  .record({
    // xs strictly increasing from the steps (a step of 0 repeats an x: a bad curve)
    start: fc.integer({ min: -20, max: 120 }).map((c) => c / 100),
    steps: fc.array(rarely(fc.integer({ min: 1, max: 60 }).map((c) => c / 100), fc.constant(0)), { minLength: 1, maxLength: 3 }),
    ys: fc.array(fc.integer({ min: -20, max: 200 }), { minLength: 4, maxLength: 4 }),
    below: fc.constantFrom(undefined, "zero", "clamp", "extrapolate"),
    above: fc.constantFrom(undefined, "clamp", "extrapolate"),
    step: fc.constantFrom(undefined, true, false),
    odd: rarely(fc.constant(0), fc.constantFrom(1, 2, 3)),
  })
  .map((c) => {
    const points: Mutable[] = [];
    let x = c.start;
    for (let i = 0; i <= c.steps.length; i++) {
      points.push({ x, y: c.ys[i] as number });
      x += c.steps[i] ?? 0;
    }
    const value: Mutable = { points };
    // A step curve with "extrapolate" or a one-point curve that extrapolates is refused: only on odd ones.
    const tiers = c.step === true;
    if (c.below !== undefined && (c.odd === 1 || !tiers || c.below !== "extrapolate")) value["below"] = c.below;
    if (c.above !== undefined && (c.odd === 1 || !tiers || c.above !== "extrapolate")) value["above"] = c.above;
    if (c.step !== undefined) value["step"] = c.step;
    if (c.odd === 2) value["slope"] = 1;
    if (c.odd === 3) points.length = 1;
    return value;
  });

const kpiFields = fc
  .tuple(
    fc.record(
      {
        direction: rarely(fc.constantFrom("higher", "lower"), fc.constant("up")),
        lowerFormula: fc.constantFrom("reflect", "inverse"),
        zeroTarget: fc.constantFrom("error", "zero", "full"),
        difficulty: rarely(fc.constantFrom(1, 0.9, "1.1"), fc.constantFrom(0, "x")),
        curve,
      },
      { requiredKeys: [] },
    ),
    bounds,
  )
  .map(([fields, b]) => ({ ...fields, ...b }) as Mutable);

/** A KPI list of 1–5 KPIs whose weights usually sum to 1 (as numbers, text or Decimals). */
const kpiList = fc
  .tuple(fc.array(fc.tuple(rarely(fc.integer({ min: 1, max: 4 }), fc.constant(0)), kpiFields, fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 19 }))
  .map(([rows, twist]) => {
    const total = rows.reduce((sum, [w]) => sum + w, 0);
    return rows.map(([w, fields, form], i) => {
      const share = total === 0 ? 0 : w / total;
      const weight: unknown = form === 0 ? share : form === 1 ? String(share) : new Decimal(w).div(total === 0 ? 1 : total);
      // Now and then a list with a repeated id or a weight pushed off the sum of 1.
      const id = twist === 0 && i === 1 ? "a" : IDS[i];
      return { id, weight: twist === 1 && i === 0 ? share + 0.25 : weight, ...fields } as Mutable;
    });
  });

/**
 * One person's values: an entry per KPI id, pairs repeating across people (so remembered lines
 * are found), now and then a pair in another form, a bad one, or no entry at all.
 */
const entry = fc.oneof(
  { weight: 20, arbitrary: fc.record({ actual: fc.constantFrom(0, -0, 3, 45, 60, 72.5, -2, 1 / 3), target: fc.constantFrom(60, 50, 4, 0.3, 45, 1e-7) }) },
  { weight: 3, arbitrary: fc.record({ actual: validNumeric, target: validNumeric }) },
  { weight: 1, arbitrary: fc.record({ actual: numeric, target: fc.constantFrom(0, -0, -5, "0", new Decimal(0)) }) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, [], 7, "absent") },
);
const person = fc.array(entry, { minLength: IDS.length, maxLength: IDS.length }).map((entries) => {
  const values: Mutable = {};
  entries.forEach((e, i) => {
    if (e !== "absent") values[IDS[i] as string] = e;
  });
  return values;
});
const options = fc.constantFrom<ScoreKpisOptions | undefined>(undefined, { missing: "zero" }, { missing: "reweight" }, { missing: "error" }, { difficulty: "1.1" }, { missing: "zero", difficulty: 0.9 });

/** A change made in place to the caller's list between calls. */
const change = fc.tuple(
  // In-place edits of a field (weights, caps, curve points) most often: what a snapshot must catch.
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(0, 1, 2, 5) }, { weight: 3, arbitrary: fc.integer({ min: 0, max: 15 }) }),
  fc.nat(),
  fc.nat(),
  ratio,
  kpiFields,
);

function applyChange(kpis: Mutable[], [kind, i, j, value, fields]: [number, number, number, unknown, Mutable]): void {
  if (kpis.length === 0) {
    kpis.push({ id: "a", weight: 1 });
    return;
  }
  const kpi = kpis[i % kpis.length] as Mutable;
  const points = (kpi["curve"] as Mutable | undefined)?.["points"] as Mutable[] | undefined;
  const point = points?.[j % Math.max(1, points.length)];
  switch (kind) {
    case 0:
      // A weight set to anything (the sum is then rarely 1), or to its own value as text
      kpi["weight"] = j % 3 === 0 ? value : String(kpi["weight"] instanceof Decimal ? kpi["weight"].toString() : kpi["weight"]);
      break;
    case 1: {
      // Move weight between two KPIs, keeping the sum.
      const other = kpis[j % kpis.length] as Mutable;
      const w = new Decimal(kpi["weight"] as string);
      other["weight"] = new Decimal(other["weight"] as string).plus(w).toNumber();
      kpi["weight"] = other === kpi ? kpi["weight"] : 0;
      break;
    }
    case 2:
      kpi["cap"] = j % 4 === 0 ? value : 1 + (j % 7) / 10;
      break;
    case 3:
      delete kpi["cap"];
      delete kpi["floor"];
      break;
    case 4:
      kpi["direction"] = j % 2 === 0 ? "lower" : "higher";
      break;
    case 5:
      // An x moved anywhere (often out of order: a bad curve), or a y
      if (point !== undefined) point[j % 4 === 0 ? "x" : "y"] = value;
      break;
    case 6:
      if (point !== undefined && points !== undefined) points[j % points.length] = { x: point["x"], y: j % 100 };
      break;
    case 7:
      if (point !== undefined) {
        if ("z" in point) delete point["z"];
        else point["z"] = 1;
      }
      break;
    case 8:
      kpi["curve"] = fields["curve"];
      break;
    case 9:
      kpis[i % kpis.length] = { ...kpi, ...fields };
      break;
    case 10:
      kpis.push({ id: IDS.find((id) => kpis.every((k) => k["id"] !== id)) ?? "x", weight: 0, ...fields });
      break;
    case 11:
      kpis.pop();
      break;
    case 12:
      kpis.reverse();
      break;
    case 13:
      Object.assign(kpi, fields);
      break;
    case 14:
      // A repair: a plain KPI again
      for (const key of ["direction", "floor", "difficulty", "curve"]) delete kpi[key];
      break;
    default:
      kpi["difficulty"] = j % 3 === 0 ? undefined : j % 3 === 1 ? 1.25 : value;
  }
}

/** A deep copy of plain arrays and objects (Decimals are immutable and kept). */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (typeof value !== "object" || value === null || value instanceof Decimal) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
}

/** The reference: the list checked as it is now, scored with nothing remembered. */
function reference(kpis: unknown, values: unknown, options: ScoreKpisOptions | undefined): unknown {
  const missing = options?.missing ?? "error";
  const difficulty = options?.difficulty === undefined ? new Decimal(1) : new Decimal(options.difficulty);
  return scoreChecked(checkKpis(kpis), missing, difficulty, values);
}

/** A result, or the error's class, code, path and message. */
function outcome(run: () => unknown): unknown {
  try {
    return { result: run() };
  } catch (error) {
    if (!(error instanceof PayscoreError)) return { foreign: String(error) };
    return { code: error.code, path: error.path, message: error.message };
  }
}

describe("scoreKpis remembering a list that is not frozen", () => {
  it("gives every call what checking the list as it is now gives, while the list changes between calls", () => {
    fc.assert(
      fc.property(
        kpiList,
        fc.array(person, { minLength: 1, maxLength: 6 }),
        fc.array(fc.oneof({ weight: 2, arbitrary: fc.tuple(fc.nat(), options).map(([p, o]) => ({ score: p, o })) }, { weight: 1, arbitrary: change.map((c) => ({ change: c })) }), { minLength: 1, maxLength: 40 }),
        (generated, people, steps) => {
          // A copy of its own: fast-check may hand the same objects to a later run while shrinking.
          const kpis = copy(generated) as Mutable[];
          for (const step of steps) {
            if ("change" in step) {
              applyChange(kpis, step.change);
              continue;
            }
            const values = people[step.score % people.length];
            const expected = outcome(() => reference(kpis, values, step.o));
            expect(outcome(() => scoreKpis(kpis as unknown as KpiSpec[], values as never, step.o))).toEqual(expected);
            // compileScorecard reads the same remembered list.
            expect(outcome(() => compileScorecard(kpis as unknown as KpiSpec[], step.o)(values as never))).toEqual(expected);
          }
        },
      ),
      { seed: 20261206, numRuns: 200 },
    );
  }, 60_000);

  it("shares a remembered line's Decimals and nothing else: each call gets its own line objects", () => {
    const kpis: KpiSpec[] = [{ id: "visits", weight: 0.5, cap: 1.2 }, { id: "calls", weight: 0.5 }];
    const one = { visits: { actual: 45, target: 60 }, calls: { actual: 7, target: 10 } };
    const first = scoreKpis(kpis, one);
    const second = scoreKpis(kpis, { ...one });
    expect(second).toEqual(first);
    expect(second.lines[0]).not.toBe(first.lines[0]);
    expect(second.lines[0]?.attainment).toBe(first.lines[0]?.attainment);
    // Changing a line the caller was given changes nothing remembered.
    (first.lines[0] as unknown as Mutable)["points"] = new Decimal(0);
    expect(scoreKpis(kpis, one).lines[0]?.points.toString()).toBe("75");
  });

  it("stops remembering a KPI's lines when its pairs are mostly distinct, and keeps scoring them right", () => {
    const kpis: KpiSpec[] = [{ id: "revenue", weight: 0.5 }, { id: "visits", weight: 0.5, cap: 1.2 }];
    const checked = readKpis(kpis);
    for (let i = 0; i <= MEMO_LIMIT + 1; i++) {
      const values = { revenue: { actual: 1000 + i, target: 997 }, visits: { actual: i % 90, target: 60 } };
      expect(scoreKpis(kpis, values)).toEqual(reference(kpis, values, undefined));
    }
    expect(readKpis(kpis)).toBe(checked);
    expect(checked.kpis[0]?.memo.on).toBe(false);
    expect(checked.kpis[1]?.memo.on).toBe(true);
    const values = { revenue: { actual: 5, target: 997 }, visits: { actual: 54, target: 60 } };
    expect(scoreKpis(kpis, values)).toEqual(reference(kpis, values, undefined));
  }, 60_000);
});
