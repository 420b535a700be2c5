import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/numeric/index.js";
import { LineMemo, MEMO_LIMIT, type MemoLine } from "../../src/scoring/lineMemo.js";

const line = (x: number): MemoLine => ({ attainment: new Decimal(x), points: new Decimal(100 * x), contribution: new Decimal(50 * x) });

describe("LineMemo", () => {
  it("finds a line by actual and target, both", () => {
    const memo = new LineMemo();
    expect(memo.find(3, 5)).toBeUndefined();
    const kept = line(0.6);
    memo.keep(3, 5, kept);
    expect(memo.find(3, 5)).toBe(kept);
    expect(memo.find(3, 4)).toBeUndefined();
    expect(memo.find(5, 3)).toBeUndefined();
    // −0 and 0 are one key (one value)
    memo.keep(0, 5, line(0));
    expect(memo.find(-0, 5)).toBe(memo.find(0, 5));
  });

  it("stays on when it fills up with as many hits as pairs, taking no more pairs", () => {
    const memo = new LineMemo();
    for (let i = 0; i < MEMO_LIMIT; i++) {
      memo.keep(i, 1, line(i));
      memo.find(i, 1);
    }
    memo.keep(MEMO_LIMIT, 1, line(MEMO_LIMIT));
    expect(memo.on).toBe(true);
    expect(memo.find(MEMO_LIMIT, 1)).toBeUndefined();
    expect(memo.find(7, 1)?.attainment.toString()).toBe("7");
  });

  it("turns off when it fills up with fewer hits than pairs", () => {
    const memo = new LineMemo();
    for (let i = 0; i < MEMO_LIMIT; i++) memo.keep(i, 2, line(i));
    expect(memo.on).toBe(true);
    memo.keep(MEMO_LIMIT, 2, line(MEMO_LIMIT));
    expect(memo.on).toBe(false);
    expect(memo.find(7, 2)).toBeUndefined();
  });
});
