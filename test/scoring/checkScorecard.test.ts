import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/numeric/index.js";
import { combineScores, rollUp, scoreKpis, type KpiSpec } from "../../src/scoring/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

/** A KPI list behind a proxy that counts how often any of its elements is read. */
function counted<T extends object>(list: readonly T[]): { list: readonly T[]; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(list, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { list: proxy, reads: () => reads };
}

/** Freezes a value and everything it holds. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** A frozen object nested `levels` deep: { inner: { inner: … 1 } }. */
function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = Object.freeze({ inner: value });
  return value;
}

const one = { a: { actual: 150, target: 100 } };

describe("scoreKpis on a KPI list it may remember", () => {
  it("checks a deeply frozen KPI list once and remembers it", () => {
    const { list, reads } = counted(deepFreeze([{ id: "a", weight: 1, cap: 1.2, label: null, curve: { points: [{ x: 0, y: 0 }, { x: 2, y: 200 }] } }]));
    // 150 / 100 = 1.5 → cap 1.2 → on y = 100x: 120 points
    expectDecimal(scoreKpis(list as unknown as readonly KpiSpec[], one).score, "120");
    const first = reads();
    expect(first).toBeGreaterThan(0);
    expectDecimal(scoreKpis(list as unknown as readonly KpiSpec[], one).score, "120");
    expect(reads()).toBe(first);
  });

  it("remembers a frozen list whose extra fields nest eight levels deep, not nine", () => {
    // The list is level 0 and the KPI level 1, so its field's outermost object is level 2.
    const eight = counted(deepFreeze([{ id: "a", weight: 1, extra: nested(7) }]));
    scoreKpis(eight.list as unknown as readonly KpiSpec[], one);
    const first = eight.reads();
    scoreKpis(eight.list as unknown as readonly KpiSpec[], one);
    expect(eight.reads()).toBe(first);
    const nine = counted(deepFreeze([{ id: "a", weight: 1, extra: nested(8) }]));
    scoreKpis(nine.list as unknown as readonly KpiSpec[], one);
    const once = nine.reads();
    scoreKpis(nine.list as unknown as readonly KpiSpec[], one);
    expect(nine.reads()).toBe(2 * once);
  });

  it("scores a frozen KPI whose extra field refers to itself", () => {
    const loop: Record<string, unknown> = {};
    loop["self"] = loop;
    Object.freeze(loop);
    const kpis = Object.freeze([Object.freeze({ id: "a", weight: 1, extra: loop })]);
    expectDecimal(scoreKpis(kpis as unknown as readonly KpiSpec[], one).score, "150");
    expectDecimal(scoreKpis(kpis as unknown as readonly KpiSpec[], one).score, "150");
  });

  it("scores an unfrozen list afresh after a KPI is replaced", () => {
    const kpis: KpiSpec[] = [{ id: "a", weight: 1, cap: 1.2 }];
    expectDecimal(scoreKpis(kpis, one).score, "120");
    kpis[0] = { id: "a", weight: 1, cap: 1.4 };
    expectDecimal(scoreKpis(kpis, one).score, "140");
  });

  it("checks again a frozen list that holds an unfrozen KPI or curve", () => {
    const kpi = { id: "a", weight: 1, cap: 1.2 };
    const kpis = Object.freeze([kpi]);
    expectDecimal(scoreKpis(kpis, one).score, "120");
    kpi.cap = 1.4;
    expectDecimal(scoreKpis(kpis, one).score, "140");

    const points = [{ x: 0, y: 0 }, { x: 2, y: 200 }];
    const curved = Object.freeze([Object.freeze({ id: "a", weight: 1, curve: Object.freeze({ points }) })]);
    expectDecimal(scoreKpis(curved, one).score, "150");
    points[1] = { x: 2, y: 100 };
    // y = 50x now: 1.5 → 75
    expectDecimal(scoreKpis(curved, one).score, "75");
  });

  it("checks again a frozen KPI that reads a field through a getter", () => {
    let cap = 1.2;
    const kpi = Object.freeze(
      Object.defineProperty({ id: "a", weight: 1 }, "cap", {
        get: () => cap,
        enumerable: true,
      }),
    ) as KpiSpec;
    const kpis = Object.freeze([kpi]);
    expectDecimal(scoreKpis(kpis, one).score, "120");
    cap = 1.4;
    expectDecimal(scoreKpis(kpis, one).score, "140");
  });
});

describe("scoreKpis reading plain numbers", () => {
  /** The attainment of `actual / target` on a one-KPI card, read from numbers and from their text. */
  function both(actual: number, target: number, kpi: Partial<KpiSpec> = {}): [string | undefined, string | undefined] {
    const card = [{ id: "a", weight: 1, ...kpi }];
    const fromNumbers = scoreKpis(card, { a: { actual, target } }).lines[0]?.attainment?.toString();
    const fromText = scoreKpis(card, { a: { actual: String(actual), target: String(target) } }).lines[0]?.attainment?.toString();
    return [fromNumbers, fromText];
  }

  it("reads a target or an actual of more than 15 significant digits exactly, after a short one", () => {
    // KPI a is read first with a short target (4); b's target 0.1 + 0.2 = 0.30000000000000004 has 17 digits:
    // 1 / 0.30000000000000004 = 3.333333333333332888888888888888948148148 (40 digits)
    const card = [{ id: "a", weight: 0.5 }, { id: "b", weight: 0.5 }];
    const r = scoreKpis(card, { a: { actual: 1, target: 4 }, b: { actual: 1, target: 0.1 + 0.2 } });
    expectDecimal(r.lines[0]?.attainment, "0.25");
    expectDecimal(r.lines[1]?.attainment, "3.333333333333332888888888888888948148148");
    const s = scoreKpis(card, { a: { actual: 3, target: 4 }, b: { actual: 0.1 + 0.2, target: 1 } });
    expectDecimal(s.lines[1]?.attainment, "0.30000000000000004");
  });

  it("reads long, huge, tiny and negative numbers as their text reads", () => {
    expect(both(1, 1 / 3)).toEqual(["3.00000000000000030000000000000003", "3.00000000000000030000000000000003"]);
    // 1 / 123456789.123: a 12-digit target mantissa, too long for the quick division
    expect(both(1, 123456789.123)).toEqual(["0.000000008100000065639970531926629199573825044586", "0.000000008100000065639970531926629199573825044586"]);
    expect(both(1, 1e21)).toEqual(["0.000000000000000000001", "0.000000000000000000001"]);
    expect(both(3, 1e-7)).toEqual(["30000000", "30000000"]);
    expect(both(-5, 10)).toEqual(["-0.5", "-0.5"]);
    // lower is better: 2 − (−5 / 10) = 2.5
    expect(both(-5, 10, { direction: "lower" })).toEqual(["2.5", "2.5"]);
  });

  it("gives a plain 0 for −0 and for an attainment floored at −0", () => {
    const zero = scoreKpis([{ id: "a", weight: 1 }], { a: { actual: -0, target: 10 } });
    expectDecimal(zero.lines[0]?.attainment, "0");
    // −5 / 10 = −0.5 is below the floor −0, so it is raised to it: a plain 0, not −0
    const floored = scoreKpis([{ id: "a", weight: 1, floor: "-0" }], { a: { actual: -5, target: 10 } });
    expectDecimal(floored.lines[0]?.attainment, "0");
    expectDecimal(floored.score, "0");
  });

  it("gives a plain 0 contribution to a present KPI of weight 0 under reweight", () => {
    // a: −5 / 10 = −0.5 → −50 points at weight 0 (0 · −50 would be −0); b: 100 points at 0.5 / 0.5 = 1
    const r = scoreKpis([{ id: "a", weight: 0 }, { id: "b", weight: 0.5 }, { id: "c", weight: 0.5 }], { a: { actual: -5, target: 10 }, b: { actual: 1, target: 1 } }, { missing: "reweight" });
    expectDecimal(r.lines[0]?.points, "-50");
    expectDecimal(r.lines[0]?.weight, "0");
    expectDecimal(r.lines[0]?.contribution, "0");
    expectDecimal(r.score, "100");
  });

  it("reflects lower-is-better to 0 at exactly twice the target and beyond", () => {
    // 2 − 8/4 = 0; 2 − 9/4 < 0 → 0; 2 − 7/4 = 0.25
    expectDecimal(scoreKpis([{ id: "a", weight: 1, direction: "lower" }], { a: { actual: 8, target: 4 } }).lines[0]?.attainment, "0");
    expectDecimal(scoreKpis([{ id: "a", weight: 1, direction: "lower" }], { a: { actual: 9, target: 4 } }).lines[0]?.attainment, "0");
    expectDecimal(scoreKpis([{ id: "a", weight: 1, direction: "lower" }], { a: { actual: 7, target: 4 } }).lines[0]?.attainment, "0.25");
  });

  it("keeps an attainment equal to the cap or the floor, and moves one just past them", () => {
    const kpi = { id: "a", weight: 1, floor: 0.5, cap: 1.2 };
    const at = (actual: number): string | undefined => scoreKpis([kpi], { a: { actual, target: 100 } }).lines[0]?.attainment?.toString();
    expect([at(50), at(49), at(120), at(121), at(80)]).toEqual(["0.5", "0.5", "1.2", "1.2", "0.8"]);
  });
});

describe("scoreKpis weights", () => {
  it("accepts weights exactly 1e-12 from 1 on either side, and refuses a hair more", () => {
    const v = { a: { actual: 1, target: 1 }, b: { actual: 1, target: 1 } };
    // 0.5 + 0.499999999999 = 0.999999999999 = 1 − 1e-12
    expectDecimal(scoreKpis([{ id: "a", weight: 0.5 }, { id: "b", weight: "0.499999999999" }], v).score, "99.9999999999");
    // 0.5 + 0.500000000001 = 1 + 1e-12
    expectDecimal(scoreKpis([{ id: "a", weight: 0.5 }, { id: "b", weight: "0.500000000001" }], v).score, "100.0000000001");
    const error = expectFault(() => scoreKpis([{ id: "a", weight: 0.5 }, { id: "b", weight: "0.5000000000011" }], v), "INVALID_WEIGHTS", ["kpis"]);
    expect(error.message).toBe("kpis: the KPI weights must sum to 1 (within 1e-12); they sum to 1.0000000000011");
  });

  it("multiplies a weight of more than 15 significant digits exactly", () => {
    // 0.1234567890123456 · 100 + 0.8765432109876544 · 50 = 12.34567890123456 + 43.82716054938272
    const r = scoreKpis([{ id: "a", weight: "0.1234567890123456" }, { id: "b", weight: "0.8765432109876544" }], { a: { actual: 1, target: 1 }, b: { actual: 1, target: 2 } });
    expectDecimal(r.lines[0]?.contribution, "12.34567890123456");
    expectDecimal(r.lines[1]?.contribution, "43.82716054938272");
    expectDecimal(r.score, "56.17283945061728");
  });
});

describe("sums in the order of the ids", () => {
  // a and b cancel; c is small. In id order (a, b, c): 0 + small = small. In another order the
  // small part is lost in a 40-digit rounding next to a huge one.
  const orders = <T>(items: readonly T[]): T[][] =>
    [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]].map((order) => order.map((i) => items[i] as T));

  it("scoreKpis adds contributions in id order whatever the order of the KPIs", () => {
    // a: 4e40 / 1 → 4e42 points · 0.25 = 1e42; b: −1e42; c: 100 points · 0.5 = 50 → score 50
    const kpis: KpiSpec[] = [{ id: "a", weight: 0.25 }, { id: "b", weight: 0.25 }, { id: "c", weight: 0.5 }];
    const values = { a: { actual: "4e40", target: 1 }, b: { actual: "-4e40", target: 1 }, c: { actual: 1, target: 1 } };
    for (const order of orders(kpis)) expectDecimal(scoreKpis(order, values).score, "50");
  });

  it("combineScores adds parts in id order whatever their order", () => {
    // 0.25 · 4e40 − 0.25 · 4e40 + 0.5 · 100 = 50
    const parts = [{ id: "a", score: "4e40", weight: 0.25 }, { id: "b", score: "-4e40", weight: 0.25 }, { id: "c", score: 100, weight: 0.5 }];
    for (const order of orders(parts)) expectDecimal(combineScores(order), "50");
  });

  it("rollUp adds members in id order whatever their order", () => {
    // (4e40 − 4e40 + 100) / 3 = 33.33…
    const members = [{ id: "a", score: "4e40" }, { id: "b", score: "-4e40" }, { id: "c", score: 100 }];
    const expected = new Decimal(100).div(3).toString();
    for (const order of orders(members)) expectDecimal(rollUp(order).score, expected);
  });
});
