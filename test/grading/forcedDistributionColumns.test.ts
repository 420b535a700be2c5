import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { forcedDistributionColumns } from "../../src/grading/index.js";
import { PayscoreError } from "../../src/errors/index.js";
import { Decimal } from "../../src/numeric/index.js";
import { claimId, idTable, splitDecimal, splitNumber } from "../../src/numeric/index.js";

const curve = [
  { grade: "A", share: 0.2 },
  { grade: "B", share: 0.7 },
  { grade: "C", share: 0.1 },
];

function errorOf(run: () => unknown): { code: string; path: readonly (string | number)[] } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    return { code: (error as PayscoreError).code, path: (error as PayscoreError).path };
  }
  throw new Error("expected a PayscoreError");
}

describe("forcedDistributionColumns", () => {
  it("grades 10 people on 20/70/10, sharing a tied last seat", () => {
    // seats 2, 7, 1; the 2nd and 3rd tie on 90, so both get A and B shrinks to 6
    const { grade, rank, seats } = forcedDistributionColumns(Float64Array.of(95, 90, 90, 85, 80, 78, 75, 70, 65, 60), curve);
    expect(Array.from(grade)).toEqual([0, 0, 0, 1, 1, 1, 1, 1, 1, 2]);
    expect(Array.from(rank)).toEqual([1, 2, 2, 4, 5, 6, 7, 8, 9, 10]);
    expect(seats).toEqual([2, 7, 1]);
  });

  it("breaks ties by index with ties: by-order", () => {
    // scores in hundredths (87.50 → 8750); the tie on A's last seat goes to the earlier index
    const { grade } = forcedDistributionColumns([8750, 9000, 9000, 8000, 7000], [{ grade: "A", share: "0.4" }, { grade: "B", share: "0.6" }], { ties: "by-order" });
    expect(Array.from(grade)).toEqual([1, 0, 0, 1, 1]);
    const shared = forcedDistributionColumns([9000, 8750, 8750, 8000, 7000], [{ grade: "A", share: "0.4" }, { grade: "B", share: "0.6" }]);
    expect(Array.from(shared.grade)).toEqual([0, 0, 0, 1, 1]);
  });

  it("handles no people and scores far apart (comparator sort)", () => {
    expect(Array.from(forcedDistributionColumns([], curve).grade)).toEqual([]);
    const { rank } = forcedDistributionColumns([Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 0], curve);
    expect(Array.from(rank)).toEqual([1, 3, 2]);
  });

  it("refuses scores that are not safe integers, and bad quotas", () => {
    expect(errorOf(() => forcedDistributionColumns([1, 0.5], curve))).toEqual({ code: "INVALID_NUMBER", path: ["scoreUnits", 1] });
    expect(errorOf(() => forcedDistributionColumns([2 ** 53], curve))).toEqual({ code: "INVALID_NUMBER", path: ["scoreUnits", 0] });
    expect(errorOf(() => forcedDistributionColumns([Number.NaN], curve))).toEqual({ code: "INVALID_NUMBER", path: ["scoreUnits", 0] });
    expect(errorOf(() => forcedDistributionColumns("1" as never, curve))).toEqual({ code: "INVALID_ARGUMENT", path: ["scoreUnits"] });
    expect(errorOf(() => forcedDistributionColumns([1], []))).toEqual({ code: "EMPTY_INPUT", path: ["quotas"] });
    expect(errorOf(() => forcedDistributionColumns([1], [{ grade: "A", share: 0.5 }]))).toEqual({ code: "INVALID_WEIGHTS", path: ["quotas"] });
    expect(errorOf(() => forcedDistributionColumns([1], curve, { ties: "coin" as never }))).toMatchObject({ code: "INVALID_ARGUMENT" });
  });

  it("names the score that is not a safe integer and says what a score must be", () => {
    try {
      forcedDistributionColumns([3, 2, 1.5], curve);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PayscoreError);
      expect([(error as PayscoreError).code, (error as PayscoreError).path]).toEqual(["INVALID_NUMBER", ["scoreUnits", 2]]);
      expect((error as PayscoreError).message).toBe("scoreUnits[2] must be a safe integer (a score in whole units); got 1.5");
    }
  });

  it("ranks scores 2^52 apart, whose packed sort key would pass 2^53, by the comparator", () => {
    // (2^52 − 0 + 1) · 2 > 2^53 − 1: packed keys would be (2^52 − u)·2 + i, and person 1's key
    // 2^53 + 1 is not a double; the comparator sort ranks 2^52 first and 0 second.
    expect(Array.from(forcedDistributionColumns([2 ** 52, 0], curve).rank)).toEqual([1, 2]);
    expect(Array.from(forcedDistributionColumns([0, 2 ** 52 - 1, 2 ** 52, 1], curve).rank)).toEqual([4, 2, 1, 3]);
  });

  it("does not mutate its input", () => {
    const units = Float64Array.of(3, 1, 2);
    const quotas = [{ grade: "A", share: "0.5" }, { grade: "B", share: "0.5" }];
    forcedDistributionColumns(units, quotas);
    expect(Array.from(units)).toEqual([3, 1, 2]);
    expect(quotas).toEqual([{ grade: "A", share: "0.5" }, { grade: "B", share: "0.5" }]);
  });
});

describe("fast readers inside src/grading", () => {
  it("split a Decimal into the digits its text shows", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.integer({ min: -20, max: 20 }), (digits, shift) => {
        const value = new Decimal(`${digits}e${shift}`);
        const out = { mantissa: 0, exponent: 0 };
        const ok = splitDecimal(value, out);
        const significant = value.isZero() ? 1 : value.precision(false);
        expect(ok).toBe(significant <= 15);
        if (ok) expect(new Decimal(out.mantissa).times(new Decimal(10).pow(out.exponent)).eq(value)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("split a number as its shortest text", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const out = { mantissa: 0, exponent: 0 };
        if (splitNumber(x, out)) expect(new Decimal(out.mantissa).times(new Decimal(10).pow(out.exponent)).eq(new Decimal(x))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("find a repeated id, also after many collisions move the table to a Map", () => {
    const ids = ["a", "b", "c", "d", "b", "a"];
    const table = idTable(ids.length);
    expect([0, 1, 2, 3, 4].map((i) => claimId(table, ids, i))).toEqual([-1, -1, -1, -1, 1]);
    // One slot, so every id collides: the budget runs out and the ids move to a Map.
    const crowded = { slots: new Int32Array(2).fill(-1), mask: 0, budget: 2, map: null };
    expect([0, 1, 2, 3, 4, 5].map((i) => claimId(crowded, ids, i))).toEqual([-1, -1, -1, -1, 1, 0]);
    expect(crowded.map).not.toBeNull();
  });
});
