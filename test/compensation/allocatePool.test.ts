import { describe, expect, it } from "vitest";
import { Decimal, allocatePool } from "../../src/index.js";
import { errorOf, failureOf } from "./helpers.js";

function amounts(result: ReturnType<typeof allocatePool>): string[] {
  return result.allocations.map((a) => `${a.id} ${a.amount.toString()}${a.capped ? " capped" : ""}`);
}

describe("allocatePool", () => {
  it("shares in proportion to weight, exact to the fen", () => {
    // 100 / 3 = 33.333…: one spare fen to the earliest of the equal remainders
    const result = allocatePool(100, [{ id: "a", weight: 1 }, { id: "b", weight: 1 }, { id: "c", weight: 1 }]);
    expect(amounts(result)).toEqual(["a 33.34", "b 33.33", "c 33.33"]);
    expect(result.unallocated.toString()).toBe("0");
  });

  it("gives what a capped person cannot take to the others in proportion", () => {
    // li's share 10000·5/10 = 5000 passes the cap 3000; the 7000 left goes 3:2 = 4200 and 2800.
    const result = allocatePool(10000, [{ id: "li", weight: 5, cap: 3000 }, { id: "wang", weight: 3 }, { id: "zhao", weight: 2 }]);
    expect(amounts(result)).toEqual(["li 3000 capped", "wang 4200", "zhao 2800"]);
  });

  it("repeats until stable when a redistribution pushes someone else over a cap", () => {
    // shares 50/30/20; a capped at 40 → 60 left over 3:2 = 36/24; b capped at 35 → c gets 25.
    const result = allocatePool(100, [{ id: "a", weight: 5, cap: 40 }, { id: "b", weight: 3, cap: 35 }, { id: "c", weight: 2 }]);
    expect(amounts(result)).toEqual(["a 40 capped", "b 35 capped", "c 25"]);
  });

  it("leaves the rest unallocated only when everyone is at their cap", () => {
    const result = allocatePool(100, [{ id: "a", weight: 1, cap: 10 }, { id: "b", weight: 1, cap: "20.005" }]);
    // caps round down to whole fen: 20.005 → 20.00
    expect(amounts(result)).toEqual(["a 10 capped", "b 20 capped"]);
    expect(result.unallocated.toString()).toBe("70");
  });

  it("gives weight 0 nothing and leaves the pool unallocated when no weight is above 0", () => {
    expect(amounts(allocatePool(10, [{ id: "a", weight: 0 }, { id: "b", weight: 2 }]))).toEqual(["a 0", "b 10"]);
    const none = allocatePool(10, [{ id: "a", weight: 0 }]);
    expect(none.unallocated.toString()).toBe("10");
    expect(allocatePool(10, []).unallocated.toString()).toBe("10");
  });

  it("works in whole yuan with scale 0 and in thousands with scale -3", () => {
    expect(amounts(allocatePool(10, [{ id: "a", weight: 1 }, { id: "b", weight: 2 }], { scale: 0 }))).toEqual(["a 3", "b 7"]);
    expect(amounts(allocatePool(10000, [{ id: "a", weight: 1 }, { id: "b", weight: 2 }], { scale: -3 }))).toEqual(["a 3000", "b 7000"]);
  });

  it("lifts everyone eligible to the minimum and shares the rest in proportion", () => {
    // shares 1/101·1000 = 9.90 and 990.10; a is lifted to 100, b gets the remaining 900.
    expect(amounts(allocatePool(1000, [{ id: "a", weight: 1 }, { id: "b", weight: 100 }], { minimum: 100 }))).toEqual(["a 100", "b 900"]);
    // a cap below the minimum wins: a gets its cap 50
    expect(amounts(allocatePool(1000, [{ id: "a", weight: 1, cap: 50 }, { id: "b", weight: 100 }], { minimum: 100 }))).toEqual(["a 50 capped", "b 950"]);
  });

  it("gives nothing below the eligibility threshold, by score or else by weight", () => {
    const result = allocatePool(
      900,
      [
        { id: "a", weight: 1, score: 59 },
        { id: "b", weight: 1, score: 60 },
        { id: "c", weight: 2, score: 95 },
      ],
      { threshold: 60 },
    );
    // a misses the gate; b and c share 900 as 1:2
    expect(amounts(result)).toEqual(["a 0", "b 300", "c 600"]);
    expect(result.allocations.map((a) => a.eligible)).toEqual([false, true, true]);
    expect(amounts(allocatePool(10, [{ id: "a", weight: 1 }, { id: "b", weight: 4 }], { threshold: 2 }))).toEqual(["a 0", "b 10"]);
  });

  it("refuses a pool too small for the minimum with INVALID_DATA", () => {
    expect(errorOf(() => allocatePool(150, [{ id: "a", weight: 1 }, { id: "b", weight: 1 }], { minimum: 100 }))).toEqual({ code: "INVALID_DATA", path: ["options", "minimum"] });
  });

  it("refuses duplicate ids, negative caps and weights, and a pool that is not whole fen", () => {
    expect(errorOf(() => allocatePool(10, [{ id: "a", weight: 1 }, { id: "a", weight: 1 }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["entries", 1, "id"] });
    expect(errorOf(() => allocatePool(10, [{ id: "a", weight: 1, cap: -1 }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["entries", 0, "cap"] });
    expect(errorOf(() => allocatePool(10, [{ id: "a", weight: -1 }]))).toEqual({ code: "INVALID_WEIGHTS", path: ["entries", 0, "weight"] });
    expect(errorOf(() => allocatePool("10.001", [{ id: "a", weight: 1 }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["pool"] });
    expect(errorOf(() => allocatePool(-10, [{ id: "a", weight: 1 }]))).toEqual({ code: "INVALID_ARGUMENT", path: ["pool"] });
  });

  it("refuses malformed input with a path", () => {
    expect(errorOf(() => allocatePool(10, null as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["entries"] });
    expect(errorOf(() => allocatePool(10, [7] as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["entries", 0] });
    expect(errorOf(() => allocatePool(10, [{ id: "a", weight: "1,5" }]))).toEqual({ code: "INVALID_NUMBER", path: ["entries", 0, "weight"] });
    expect(errorOf(() => allocatePool(10, [{ id: "a", weight: 1, score: "x" }], { threshold: 1 }))).toEqual({ code: "INVALID_NUMBER", path: ["entries", 0, "score"] });
    expect(errorOf(() => allocatePool(10, [{ id: "a", weight: 1 }], { scale: 30 }))).toEqual({ code: "OUT_OF_RANGE", path: ["options", "scale"] });
    expect(errorOf(() => allocatePool(10, [{ id: "a", weight: 1 }], { minimum: -1 }))).toEqual({ code: "INVALID_ARGUMENT", path: ["options", "minimum"] });
  });

  it("names the options, the threshold and the earlier holder of a repeated id in its errors", () => {
    const options = failureOf(() => allocatePool(10, [], 5 as never));
    expect(options).toMatchObject({ code: "INVALID_ARGUMENT", path: ["options"] });
    expect(options.message).toMatch(/^options: /);
    expect(failureOf(() => allocatePool(10, [], { threshold: "x" }))).toEqual({
      code: "INVALID_NUMBER",
      path: ["options", "threshold"],
      message: 'options.threshold must be a finite number or a plain decimal string such as "1200.50"; got "x"',
    });
    expect(failureOf(() => allocatePool(10, [{ id: "a", weight: 1 }, { id: "b", weight: 1 }, { id: "a", weight: 1 }]))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["entries", 2, "id"],
      message: 'entries[2].id repeats the id "a" of entries[0]; ids must be unique',
    });
  });

  it("counts a minimum past 2^53 steps exactly when it refuses the pool", () => {
    // 9007199254740993 = 2^53 + 1 yuan (scale 0) is not a double: the message keeps the last digit
    expect(failureOf(() => allocatePool(1, [{ id: "a", weight: 1 }], { minimum: "9007199254740993", scale: 0 }))).toEqual({
      code: "INVALID_DATA",
      path: ["options", "minimum"],
      message: "the pool cannot pay options.minimum to all 1 eligible people: that needs 9007199254740993 steps, the pool has 1",
    });
  });

  it("pays a pool past 2^53 fen to the last fen", () => {
    // 90071992547409.93 yuan = 2^53 + 1 fen; one person takes it all, not the nearest double 2^53
    const result = allocatePool("90071992547409.93", [{ id: "a", weight: 1 }, { id: "b", weight: 0 }]);
    expect(amounts(result)).toEqual(["a 90071992547409.93", "b 0"]);
    expect(result.unallocated.toString()).toBe("0");
  });

  it("flags only people with weight as capped when weights need more than 15 digits", () => {
    // 2^53 + 1 has 16 significant digits, so these weights are read as Decimals. Equal weights
    // share 10 as 5 + 5; a's cap 4 holds it back and b takes 6. z (weight 0, cap 0) gets its
    // cap 0, but nothing held it back: it is not capped.
    const result = allocatePool(10, [
      { id: "a", weight: "9007199254740993", cap: 4 },
      { id: "b", weight: "9007199254740993" },
      { id: "z", weight: 0, cap: 0 },
    ]);
    expect(amounts(result)).toEqual(["a 4 capped", "b 6", "z 0"]);
  });

  it("reads ordinary input on its fast path, where equal amounts share one Decimal", () => {
    // Weights as numbers, strings and Decimals (0.5 = "0.50" = 1/2), the same cap text twice, a
    // Decimal cap, scores and a threshold: all are read without the Decimal fallback. u scores
    // below the threshold; the other five share 40 as 8 each, s and t are held at 5 and the 30
    // left gives p, q and r 10 each (r's cap exactly).
    const entries = [
      { id: "p", weight: 0.5, score: 70 },
      { id: "q", weight: "0.50", score: "60" },
      { id: "r", weight: new Decimal(0.5), cap: "10", score: "80" },
      { id: "s", weight: 0.5, cap: "5", score: 90 },
      { id: "t", weight: 0.5, cap: "5", score: 55 },
      { id: "u", weight: 1, cap: new Decimal(3), score: new Decimal(10) },
    ];
    const { allocations } = allocatePool(40, entries, { threshold: 50 });
    expect(amounts({ allocations, unallocated: new Decimal(0) })).toEqual(["p 10", "q 10", "r 10 capped", "s 5 capped", "t 5 capped", "u 0"]);
    const [p, q, r, s, t] = allocations.map((a) => a.amount);
    expect(q).toBe(p);
    expect(r).toBe(p);
    expect(t).toBe(s);
  });

  it("keeps zero weights and zero caps on the fast path", () => {
    // A zero weight, even written with seven decimals, sets no scale for the others: b's 15-digit
    // weight stays a safe integer. a (weight 0) and c (cap 0) both get 0, b takes the whole 10.
    const { allocations } = allocatePool(10, [
      { id: "a", weight: "0.0000000" },
      { id: "b", weight: 123456789012345 },
      { id: "c", weight: 123456789012345, cap: 0 },
    ]);
    expect(amounts({ allocations, unallocated: new Decimal(0) })).toEqual(["a 0", "b 10", "c 0 capped"]);
    expect(allocations[2]?.amount).toBe(allocations[0]?.amount);
  });

  it("does not mutate its input", () => {
    const entries = [{ id: "a", weight: 5, cap: 3000 }, { id: "b", weight: 3 }];
    const copy = structuredClone(entries);
    allocatePool(10000, entries, { minimum: 10 });
    expect(entries).toEqual(copy);
  });
});

describe("allocatePool with long weights and on its general path", () => {
  it("refuses a negative weight of more than 15 significant digits", () => {
    expect(errorOf(() => allocatePool(10, [{ id: "a", weight: "-1.0000000000000001" }]))).toEqual({ code: "INVALID_WEIGHTS", path: ["entries", 0, "weight"] });
  });

  it("reads long weights at the most decimal places any of them has", () => {
    // 0.12345678901234567 < 0.1234567890123457 by 3·10^-17: the one fen goes to b. Read at 16
    // places the first would round up to the second and win the tie as the earlier entry.
    const result = allocatePool("0.01", [{ id: "a", weight: "0.12345678901234567" }, { id: "b", weight: "0.1234567890123457" }]);
    expect(amounts(result)).toEqual(["a 0", "b 0.01"]);
  });

  it("shares weights whose common scale passes 2^53 units on the general path", () => {
    // 10^15 and 0.01 at two places are 10^17 and 1 units: too many for a double. 100 yuan =
    // 10000 fen: a gets 10000·10^17/(10^17 + 1) = 9999.99…, so 9999 and the one fen left; b 0.
    const result = allocatePool(100, [{ id: "a", weight: 1e15 }, { id: "b", weight: 0.01 }]);
    expect(amounts(result)).toEqual(["a 100", "b 0"]);
  });

  it("marks nobody without weight as capped when the pool passes 2^53 fen", () => {
    // 10^14 yuan = 10^16 fen: the general path. a has weight 0 and a cap of 0, and gets 0 uncapped.
    const result = allocatePool("100000000000000", [{ id: "a", weight: 0, cap: 0 }, { id: "b", weight: 1, cap: "100000000000000" }]);
    expect(amounts(result)).toEqual(["a 0", "b 100000000000000 capped"]);
  });
});
