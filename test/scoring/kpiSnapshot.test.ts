import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/numeric/index.js";
import { readKpis } from "../../src/scoring/checkScorecard.js";
import { matchesSnapshot, snapshotKpis } from "../../src/scoring/kpiSnapshot.js";
import { compileRoundedScorecard, scoreKpis, scoreRounded, type KpiSpec } from "../../src/scoring/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

type Mutable = Record<string, unknown>;
/** The value as a record whose fields a test may change. */
const m = (value: unknown): Mutable => value as Mutable;
/** The value as a list of such records. */
const ms = (value: unknown): Mutable[] => value as Mutable[];

/** A fresh, unfrozen two-KPI scorecard with a curve: the way a caller writes one. */
function card(): KpiSpec[] {
  return [
    { id: "revenue", weight: 0.6, curve: { points: [{ x: 0.8, y: 50 }, { x: 1, y: 100 }, { x: 1.5, y: 150 }], below: "zero" } },
    { id: "visits", weight: 0.4, cap: 1.2 },
  ];
}

// revenue 1.1 → 100 + 0.1 · 100 = 110 points; visits 0.9 → 90 points: 0.6 · 110 + 0.4 · 90 = 102
const values = { revenue: { actual: 110, target: 100 }, visits: { actual: 54, target: 60 } };

describe("snapshotKpis", () => {
  it("records what the check reads and copies it into plain objects", () => {
    const kpis = card();
    const snapshot = snapshotKpis(kpis);
    expect(snapshot?.copy).toEqual([
      {
        id: "revenue",
        weight: 0.6,
        direction: undefined,
        lowerFormula: undefined,
        zeroTarget: undefined,
        cap: undefined,
        floor: undefined,
        difficulty: undefined,
        curve: { points: [{ x: 0.8, y: 50 }, { x: 1, y: 100 }, { x: 1.5, y: 150 }], below: "zero", above: undefined, step: undefined },
      },
      { id: "visits", weight: 0.4, direction: undefined, lowerFormula: undefined, zeroTarget: undefined, cap: 1.2, floor: undefined, difficulty: undefined, curve: undefined },
    ]);
    // The copy shares no object with the caller's list.
    expect(snapshot?.copy[0]).not.toBe(kpis[0]);
    expect((snapshot?.copy[0] as { curve: { points: unknown } }).curve.points).not.toBe(kpis[0]?.curve?.points);
    expect(matchesSnapshot(kpis, snapshot!)).toBe(true);
  });

  it("declines a list the check would refuse for its shape", () => {
    expect(snapshotKpis("kpis")).toBeUndefined();
    expect(snapshotKpis([1])).toBeUndefined();
    expect(snapshotKpis([[]])).toBeUndefined();
    expect(snapshotKpis([{ id: "a", weight: 1, curve: null }])).toBeUndefined();
    expect(snapshotKpis([{ id: "a", weight: 1, curve: { points: {} } }])).toBeUndefined();
    expect(snapshotKpis([{ id: "a", weight: 1, curve: { points: [1] } }])).toBeUndefined();
    expect(snapshotKpis([{ id: "a", weight: 1, curve: { points: [], slope: 1 } }])).toBeUndefined();
    expect(snapshotKpis([{ id: "a", weight: 1, curve: { points: [{ x: 1, y: 1, z: 1 }] } }])).toBeUndefined();
    expect(snapshotKpis([])).toEqual({ reads: [0], copy: [] });
    // A key a point only inherits is not its own: the check does not refuse it, nor does the snapshot.
    const point = Object.assign(Object.create({ z: 1 }) as object, { x: 1, y: 1 });
    const inherited = [{ id: "a", weight: 1, curve: { points: [point] } }];
    expect(snapshotKpis(inherited)).toBeDefined();
    expectDecimal(scoreKpis(inherited as KpiSpec[], { a: { actual: 1, target: 2 } }).score, "1");
  });

  it("no longer matches after any field the check reads changes", () => {
    const changes: [string, (kpis: KpiSpec[]) => void][] = [
      ["a KPI pushed", (k) => k.push({ id: "c", weight: 0 })],
      ["the last KPI popped", (k) => k.pop()],
      ["a KPI replaced by an equal copy", (k) => (k[1] = { ...(k[1] as KpiSpec) })],
      ["the KPIs swapped", (k) => k.reverse()],
      ["an id", (k) => (m(k[1])["id"] = "calls")],
      ["a weight", (k) => (m(k[0])["weight"] = 0.5)],
      ["a weight set to −0", (k) => (m(k[1])["weight"] = -0)],
      ["a direction", (k) => (m(k[1])["direction"] = "lower")],
      ["a lower formula", (k) => (m(k[1])["lowerFormula"] = "inverse")],
      ["a zero target", (k) => (m(k[1])["zeroTarget"] = "full")],
      ["a cap", (k) => (m(k[1])["cap"] = 1.3)],
      ["a cap deleted", (k) => delete m(k[1])["cap"]],
      ["a floor", (k) => (m(k[1])["floor"] = 0)],
      ["a difficulty", (k) => (m(k[1])["difficulty"] = 1.1)],
      ["a curve removed", (k) => (m(k[0])["curve"] = undefined)],
      ["a curve replaced", (k) => (m(k[0])["curve"] = { ...(k[0]?.curve as object) })],
      ["a curve's points replaced", (k) => (m(k[0]?.curve)["points"] = [...(k[0]?.curve?.points ?? [])])],
      ["a point pushed", (k) => ms(k[0]?.curve?.points).push({ x: 2, y: 200 })],
      ["a point replaced", (k) => (ms(k[0]?.curve?.points)[1] = { x: 1, y: 100 })],
      ["a point's x", (k) => (m(ms(k[0]?.curve?.points)[1])["x"] = 0.9)],
      ["a point's y", (k) => (m(ms(k[0]?.curve?.points)[2])["y"] = 160)],
      ["a point given an unknown key", (k) => (m(ms(k[0]?.curve?.points)[0])["z"] = 1)],
      ["a curve given an unknown key", (k) => (m(k[0]?.curve)["slope"] = 1)],
      ["below", (k) => (m(k[0]?.curve)["below"] = "clamp")],
      ["above", (k) => (m(k[0]?.curve)["above"] = "extrapolate")],
      ["step", (k) => (m(k[0]?.curve)["step"] = true)],
    ];
    for (const [what, change] of changes) {
      const kpis = card();
      const snapshot = snapshotKpis(kpis)!;
      change(kpis);
      expect([what, matchesSnapshot(kpis, snapshot)]).toEqual([what, false]);
    }
  });

  it("still matches after a change to a field the check does not read", () => {
    const kpis = card();
    const snapshot = snapshotKpis(kpis)!;
    m(kpis[1])["label"] = "Visits";
    m(kpis as unknown)["note"] = "Q1";
    expect(matchesSnapshot(kpis, snapshot)).toBe(true);
  });

  it("holds a Decimal by identity: the same instance is the same number", () => {
    const weight = new Decimal("0.6");
    const kpis = card();
    m(kpis[0])["weight"] = weight;
    const snapshot = snapshotKpis(kpis)!;
    expect(matchesSnapshot(kpis, snapshot)).toBe(true);
    m(kpis[0])["weight"] = new Decimal("0.6");
    expect(matchesSnapshot(kpis, snapshot)).toBe(false);
  });
});

describe("scoreKpis on a list that is not frozen", () => {
  it("checks the list once and reuses it while it is unchanged", () => {
    const kpis = card();
    const first = readKpis(kpis);
    expect(readKpis(kpis)).toBe(first);
    expectDecimal(scoreKpis(kpis, values).score, "102");
    expect(readKpis(kpis)).toBe(first);
  });

  it("gives the fresh result after the list or anything in it is changed between calls", () => {
    const kpis = card();
    expectDecimal(scoreKpis(kpis, values).score, "102");
    // A weight moved between the KPIs: 0.5 · 110 + 0.5 · 90 = 100
    m(kpis[0])["weight"] = 0.5;
    m(kpis[1])["weight"] = 0.5;
    expectDecimal(scoreKpis(kpis, values).score, "100");
    // A curve point edited in place: y = 200 at 1.5, so 1.1 → 100 + 0.1 · 200 = 120: 0.5 · 120 + 45 = 105
    (m(ms(kpis[0]?.curve?.points)[2])["y"] = 200);
    expectDecimal(scoreKpis(kpis, values).score, "105");
    // A cap that now binds: visits 0.9 capped at 0.8 → 80 points: 60 + 40 = 100
    m(kpis[1])["cap"] = 0.8;
    expectDecimal(scoreKpis(kpis, values).score, "100");
    // The KPI replaced, lower is better: 2 − 0.9 = 1.1 → 110 points: 60 + 55 = 115
    kpis[1] = { id: "visits", weight: 0.5, direction: "lower" };
    expectDecimal(scoreKpis(kpis, values).score, "115");
    // A curve given a key it must not have: the error, as for a fresh list
    (m(kpis[0]?.curve)["slope"] = 2);
    expectFault(() => scoreKpis(kpis, values), "INVALID_ARGUMENT", ["kpis", 0, "curve", "slope"]);
    delete m(kpis[0]?.curve)["slope"];
    expectDecimal(scoreKpis(kpis, values).score, "115");
    // Weights that no longer sum to 1, then fixed again
    kpis.push({ id: "calls", weight: 0.1 });
    expectFault(() => scoreKpis(kpis, values), "INVALID_WEIGHTS", ["kpis"]);
    m(kpis[0])["weight"] = 0.4;
    expectFault(() => scoreKpis(kpis, { ...values }), "INVALID_DATA", ["values", "calls"]);
    // calls missing, scored 0: 0.4 · 120 + 0.5 · 110 + 0 = 103
    expectDecimal(scoreKpis(kpis, values, { missing: "zero" }).score, "103");
  });

  it("reads a getter on every call", () => {
    let cap = 1.2;
    const kpi = Object.defineProperty({ id: "a", weight: 1 }, "cap", { get: () => cap, enumerable: true }) as KpiSpec;
    const kpis = [kpi];
    expectDecimal(scoreKpis(kpis, { a: { actual: 150, target: 100 } }).score, "120");
    cap = 1.4;
    expectDecimal(scoreKpis(kpis, { a: { actual: 150, target: 100 } }).score, "140");
  });

  it("scores the list remembered for scoreKpis on the rounded paths too, and sees changes there", () => {
    const kpis: KpiSpec[] = [{ id: "a", weight: 1, cap: 1.2 }];
    const one = { a: { actual: 2, target: 3 } };
    expectDecimal(scoreKpis(kpis, one).score, "66.66666666666666666666666666666666666667");
    expectDecimal(scoreRounded(kpis, one).score, "66.67");
    m(kpis[0])["cap"] = 0.5;
    expectDecimal(scoreRounded(kpis, one).score, "50");
    expect(Array.from(compileRoundedScorecard(kpis)({ kpis: { a: { actual: [2], target: [3] } } }).score)).toEqual([5000]);
  });

  it("throws a bad list's own error, with its paths, every time", () => {
    const kpis: KpiSpec[] = [{ id: "a", weight: 0.5 }, { id: "a", weight: 0.5 }];
    for (let i = 0; i < 2; i++) expectFault(() => scoreKpis(kpis, values), "INVALID_ARGUMENT", ["kpis", 1, "id"]);
    const bad = [{ id: "a", weight: 1, curve: { points: [{ x: 1, y: 1 }, { x: 1, y: 2 }] } }];
    for (let i = 0; i < 2; i++) expectFault(() => scoreKpis(bad, values), "INVALID_ARGUMENT", ["kpis", 0, "curve", "points", 1, "x"]);
  });
});

describe("scoreKpis remembering lines by (actual, target)", () => {
  it("remembers the line of the numbers it read, even from an entry whose getter changes", () => {
    const kpis: KpiSpec[] = [{ id: "a", weight: 1 }];
    let reads = 0;
    // 1 on the first read, 2 on every later one
    const entry = Object.defineProperty({ target: 4 }, "actual", { get: () => (reads++ === 0 ? 1 : 2), enumerable: true });
    expectDecimal(scoreKpis(kpis, { a: entry as { actual: number; target: number } }).score, "25");
    expectDecimal(scoreKpis(kpis, { a: { actual: 1, target: 4 } }).score, "25");
    expectDecimal(scoreKpis(kpis, { a: { actual: 2, target: 4 } }).score, "50");
  });
});
