import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";
import { decomposeTarget } from "../../src/targets/index.js";

function failure(run: () => unknown): PayscoreError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    return error as PayscoreError;
  }
  throw new Error("expected a PayscoreError");
}

const plain = (shares: readonly { key: string; amount: { toString(): string } }[]) => shares.map((s) => [s.key, s.amount.toString()]);

describe("decomposeTarget", () => {
  it("splits 12,000,000 across regions by weight", () => {
    // 12,000,000 · 5/10, 3/10, 2/10
    const shares = decomposeTarget(12000000, [
      { key: "east", weight: 5 },
      { key: "north", weight: 3 },
      { key: "south", weight: 2 },
    ]);
    expect(plain(shares)).toEqual([["east", "6000000"], ["north", "3600000"], ["south", "2400000"]]);
  });

  it("adds up to the cent, the spare cent to the earliest equal remainder", () => {
    // 100.00 / 3 = 33.333… each: 3333 fen each + 1 spare fen to the first
    expect(plain(decomposeTarget(100, [{ key: "a", weight: 1 }, { key: "b", weight: "1" }, { key: "c", weight: 1n }]))).toEqual([["a", "33.34"], ["b", "33.33"], ["c", "33.33"]]);
  });

  it("works in whole units and with a negative total", () => {
    expect(plain(decomposeTarget(10, [{ key: "a", weight: 1 }, { key: "b", weight: 2 }], { scale: 0 }))).toEqual([["a", "3"], ["b", "7"]]);
    expect(plain(decomposeTarget(-100, [{ key: "a", weight: 1 }, { key: "b", weight: 1 }, { key: "c", weight: 1 }]))).toEqual([["a", "-33.34"], ["b", "-33.33"], ["c", "-33.33"]]);
  });

  it("gives a zero weight exactly zero", () => {
    const shares = decomposeTarget(-50, [{ key: "a", weight: 0 }, { key: "b", weight: 1 }]);
    expect(shares[0]?.amount.isZero()).toBe(true);
    expect(shares[0]?.amount.isNegative()).toBe(false);
  });

  it("refuses duplicate keys, naming the repeat", () => {
    const error = failure(() => decomposeTarget(100, [{ key: "east", weight: 1 }, { key: "west", weight: 1 }, { key: "east", weight: 1 }]));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(["parts", 2, "key"]);
    expect(error.message).toContain('"east"');
    expect(error.message).toContain("parts[0].key");
  });

  it("refuses a negative weight with INVALID_WEIGHTS and all-zero weights", () => {
    const error = failure(() => decomposeTarget(100, [{ key: "a", weight: 1 }, { key: "b", weight: -2 }]));
    expect(error.code).toBe("INVALID_WEIGHTS");
    expect(error.path).toEqual(["parts", 1, "weight"]);
    expect(error.message).toContain("-2");
    expect(failure(() => decomposeTarget(100, [{ key: "a", weight: 0 }])).code).toBe("INVALID_WEIGHTS");
  });

  it("refuses no parts with EMPTY_INPUT and a non-array with INVALID_ARGUMENT", () => {
    expect(failure(() => decomposeTarget(100, [])).code).toBe("EMPTY_INPUT");
    expect(failure(() => decomposeTarget(100, { key: "a", weight: 1 } as never)).path).toEqual(["parts"]);
  });

  it("refuses a part without a key or with a malformed weight", () => {
    expect(failure(() => decomposeTarget(100, [{ key: "", weight: 1 }])).path).toEqual(["parts", 0, "key"]);
    expect(failure(() => decomposeTarget(100, [7 as never])).path).toEqual(["parts", 0]);
    const error = failure(() => decomposeTarget(100, [{ key: "a", weight: "1,5" }]));
    expect(error.code).toBe("INVALID_NUMBER");
    expect(error.path).toEqual(["parts", 0, "weight"]);
  });

  it("refuses a total finer than the scale", () => {
    const error = failure(() => decomposeTarget("100.005", [{ key: "a", weight: 1 }]));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(["total"]);
    expect(error.message).toContain("100.005");
    expect(failure(() => decomposeTarget(100, [{ key: "a", weight: 1 }], { scale: 2.5 })).path).toEqual(["options", "scale"]);
  });

  it("does not mutate its input", () => {
    const parts = Object.freeze([Object.freeze({ key: "a", weight: 2 }), Object.freeze({ key: "b", weight: 1 })]);
    decomposeTarget(3, parts);
    expect(parts).toEqual([{ key: "a", weight: 2 }, { key: "b", weight: 1 }]);
  });
});

describe("decomposeTarget: the shape of a part", () => {
  it("says what a key that is not a string was", () => {
    const error = failure(() => decomposeTarget(100, [{ key: 7, weight: 1 }] as never));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(["parts", 0, "key"]);
    expect(error.message).toBe("parts[0].key: must be a non-empty string; got 7");
  });

  it("says what a part that is not an object was", () => {
    const error = failure(() => decomposeTarget(100, [{ key: "a", weight: 1 }, "b"] as never));
    expect(error.path).toEqual(["parts", 1]);
    expect(error.message).toBe('parts[1]: must be a part { key, weight }; got "b"');
  });

  it("refuses options that are not an object, saying undefined is also fine", () => {
    const error = failure(() => decomposeTarget(100, [{ key: "a", weight: 1 }], 2 as never));
    expect(error.path).toEqual(["options"]);
    expect(error.message).toBe("options must be an object or undefined; got 2");
  });
});
