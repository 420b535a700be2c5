import { describe, expect, it } from "vitest";
import { allocatePoolColumns } from "../../src/compensation/index.js";
import { waterFill } from "../../src/compensation/waterFill.js";
import { fillUnits } from "../../src/compensation/fillUnits.js";
import { fromSteps, fromUnits } from "../../src/compensation/steps.js";
import { errorOf, failureOf } from "./helpers.js";

describe("allocatePoolColumns", () => {
  it("shares 10000.00 by 5:3:2 with a cap, in fen", () => {
    // li's share 1000000·5/10 = 500000 passes the cap 300000; the 700000 left goes 3:2.
    const result = allocatePoolColumns(1000000, Float64Array.of(5, 3, 2), Float64Array.of(300000, Infinity, Infinity));
    expect(Array.from(result.amountUnits)).toEqual([300000, 420000, 280000]);
    expect(Array.from(result.capped)).toEqual([1, 0, 0]);
    expect(Array.from(result.eligible)).toEqual([1, 1, 1]);
    expect(result.unallocatedUnits).toBe(0);
  });

  it("gives the spare unit to the earliest of equal remainders", () => {
    // 100 / 3 = 33 r 1 each: one unit left, to the first
    expect(Array.from(allocatePoolColumns(100, [1, 1, 1]).amountUnits)).toEqual([34, 33, 33]);
  });

  it("reads weights at any common scale: only their ratios matter", () => {
    // 1.5 : 0.75 at scale 2 → 150 : 75 = 2 : 1
    expect(Array.from(allocatePoolColumns(300, [150, 75]).amountUnits)).toEqual([200, 100]);
  });

  it("repeats the cap step until stable", () => {
    // shares 50/30/20; a capped at 40 → 60 over 3:2 = 36/24; b capped at 35 → c gets 25.
    expect(Array.from(allocatePoolColumns(100, [5, 3, 2], [40, 35, Infinity]).amountUnits)).toEqual([40, 35, 25]);
  });

  it("leaves the rest unallocated when everyone is at their cap", () => {
    const result = allocatePoolColumns(100, [1, 1], [10, 20]);
    expect(Array.from(result.amountUnits)).toEqual([10, 20]);
    expect(result.unallocatedUnits).toBe(70);
    expect(allocatePoolColumns(10, []).unallocatedUnits).toBe(10);
  });

  it("lifts everyone to the minimum and shares the rest in proportion", () => {
    // 1000 over 8:1:1 gives 800/100/100; a minimum of 150 lifts b and c, a gets 700.
    expect(Array.from(allocatePoolColumns(1000, [8, 1, 1], undefined, { minimumUnits: 150 }).amountUnits)).toEqual([700, 150, 150]);
  });

  it("leaves out entries below the threshold, compared with scoreUnits", () => {
    const result = allocatePoolColumns(100, [1, 1, 2], undefined, { thresholdUnits: 60, scoreUnits: [59, 60, 90] });
    expect(Array.from(result.amountUnits)).toEqual([0, 33, 67]);
    expect(Array.from(result.eligible)).toEqual([0, 1, 1]);
  });

  it("compares the threshold with the weight when there are no scoreUnits", () => {
    expect(Array.from(allocatePoolColumns(100, [1, 3], undefined, { thresholdUnits: 2 }).amountUnits)).toEqual([0, 100]);
  });

  it("refuses bad columns with the code and path of the fault", () => {
    expect(errorOf(() => allocatePoolColumns(1.5, [1]))).toEqual({ code: "INVALID_NUMBER", path: ["poolUnits"] });
    expect(errorOf(() => allocatePoolColumns(-1, [1]))).toEqual({ code: "INVALID_ARGUMENT", path: ["poolUnits"] });
    expect(errorOf(() => allocatePoolColumns(1, "1" as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["weightUnits"] });
    expect(errorOf(() => allocatePoolColumns(1, [1, 0.5]))).toEqual({ code: "INVALID_NUMBER", path: ["weightUnits", 1] });
    expect(errorOf(() => allocatePoolColumns(1, [1, 2 ** 53]))).toEqual({ code: "INVALID_NUMBER", path: ["weightUnits", 1] });
    expect(errorOf(() => allocatePoolColumns(1, [1, -1]))).toEqual({ code: "INVALID_WEIGHTS", path: ["weightUnits", 1] });
    expect(errorOf(() => allocatePoolColumns(1, [1, 1], [1]))).toEqual({ code: "INVALID_ARGUMENT", path: ["capUnits"] });
    expect(errorOf(() => allocatePoolColumns(1, [1, 1], [1, -2]))).toEqual({ code: "INVALID_ARGUMENT", path: ["capUnits", 1] });
    expect(errorOf(() => allocatePoolColumns(1, [1, 1], [1, Number.NaN]))).toEqual({ code: "INVALID_NUMBER", path: ["capUnits", 1] });
    expect(errorOf(() => allocatePoolColumns(1, [1], undefined, { minimumUnits: -1 }))).toEqual({ code: "INVALID_ARGUMENT", path: ["options", "minimumUnits"] });
    expect(errorOf(() => allocatePoolColumns(1, [1], undefined, { thresholdUnits: 0.5 }))).toEqual({ code: "INVALID_NUMBER", path: ["options", "thresholdUnits"] });
    expect(errorOf(() => allocatePoolColumns(1, [1], undefined, { thresholdUnits: 1, scoreUnits: [1, 2] }))).toEqual({ code: "INVALID_ARGUMENT", path: ["options", "scoreUnits"] });
    expect(errorOf(() => allocatePoolColumns(1, [1], undefined, 5 as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["options"] });
  });

  it("refuses a pool too small for the minimum", () => {
    // two people × 10 = 20 units needed, the pool has 15
    expect(errorOf(() => allocatePoolColumns(15, [1, 1], undefined, { minimumUnits: 10 }))).toEqual({ code: "INVALID_DATA", path: ["options", "minimum"] });
  });

  it("does not mutate its input", () => {
    const weights = Float64Array.of(1, 2, 3);
    const caps = [10, Infinity, 5];
    const scores = [1, 0, 1];
    allocatePoolColumns(100, weights, caps, { thresholdUnits: 1, scoreUnits: scores, minimumUnits: 1 });
    expect(Array.from(weights)).toEqual([1, 2, 3]);
    expect(caps).toEqual([10, Infinity, 5]);
    expect(scores).toEqual([1, 0, 1]);
  });

  it("matches the BigInt water fill on thousands of people with cascading caps (deep quickselect)", () => {
    // A fixed pseudo-random population: weights 1–1000, caps near the fair share so that many bind.
    let seed = 12345;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (const minimum of [0, 40]) {
      const n = 3000;
      const weights = Float64Array.from({ length: n }, () => 1 + Math.floor(next() * 1000));
      const highs = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? Infinity : Math.floor(next() * 400)));
      const pool = 500 * n + 7;
      const fast = fillUnits({ pool, weights, highs, minimum });
      const exact = waterFill({
        pool: BigInt(pool),
        weights: Array.from(weights, BigInt),
        highs: Array.from(highs, (h) => (h === Infinity ? undefined : BigInt(h))),
        lows: Array.from(highs, (h) => BigInt(Math.min(h, minimum))),
      });
      expect(Array.from(fast.amounts, BigInt)).toEqual(exact.amounts);
      expect(BigInt(fast.unallocated)).toBe(exact.unallocated);
    }
  });

  it("builds amounts from minor units exactly as from digits", () => {
    for (const [units, scale] of [[1, 2], [123456, 2], [10000000, 2], [9007199254740991, 2], [5, 0], [700, 9], [1, 20]] as const) {
      const fast = fromUnits(units, scale);
      const slow = fromSteps(BigInt(units), scale);
      expect(fast.toString()).toBe(slow.toString());
      expect(fast.d).toEqual(slow.d);
      expect(fast.e).toBe(slow.e);
    }
  });
});

describe("allocatePoolColumns messages and edge values", () => {
  it("names the entry at fault in the message of a bad weight or score", () => {
    expect(failureOf(() => allocatePoolColumns(1, [1, -1]))).toEqual({ code: "INVALID_WEIGHTS", path: ["weightUnits", 1], message: "weightUnits[1] must not be negative; got -1" });
    expect(failureOf(() => allocatePoolColumns(1, [1, 0.5]))).toEqual({ code: "INVALID_NUMBER", path: ["weightUnits", 1], message: "weightUnits[1] must be a safe integer; got 0.5" });
    expect(failureOf(() => allocatePoolColumns(1, [1], undefined, { thresholdUnits: 1, scoreUnits: [0.5] }))).toEqual({
      code: "INVALID_NUMBER",
      path: ["options", "scoreUnits", 0],
      message: "options.scoreUnits[0] must be a safe integer; got 0.5",
    });
  });

  it("counts a cap below the minimum as that entry's minimum when the pool is too small", () => {
    // the first entry is owed only its cap 2, the second the minimum 10: 12 units needed, 11 in the pool
    expect(failureOf(() => allocatePoolColumns(11, [1, 1], [2, Infinity], { minimumUnits: 10 }))).toEqual({
      code: "INVALID_DATA",
      path: ["options", "minimum"],
      message: "the pool cannot pay options.minimum to all 2 eligible people: that needs 12 steps, the pool has 11",
    });
    // with 12 in the pool both are paid: 2 (capped) + 10
    expect(Array.from(allocatePoolColumns(12, [1, 1], [2, Infinity], { minimumUnits: 10 }).amountUnits)).toEqual([2, 10]);
  });

  it("reads a cap of −0 as 0, so the capped amount is +0", () => {
    // 10 split 1:1, the first capped at 0 and the second at 3: 0 + 3, 7 left over
    const result = allocatePoolColumns(10, [1, 1], [-0, 3]);
    expect(Object.is(result.amountUnits[0], 0)).toBe(true);
    expect(Array.from(result.amountUnits)).toEqual([0, 3]);
    expect(Array.from(result.capped)).toEqual([1, 1]);
    expect(result.unallocatedUnits).toBe(7);
  });
});
