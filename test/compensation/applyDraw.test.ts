import { describe, expect, it } from "vitest";
import { Decimal, applyDraw, type DrawResult } from "../../src/index.js";
import { errorOf, failureOf } from "./helpers.js";

const text = (r: DrawResult) => ({
  earned: r.earned.toString(),
  draw: r.draw.toString(),
  openingBalance: r.openingBalance.toString(),
  advance: r.advance.toString(),
  recovery: r.recovery.toString(),
  pay: r.pay.toString(),
  balance: r.balance.toString(),
});

describe("applyDraw", () => {
  it("recovers a recoverable draw over two periods (the TSDoc example)", () => {
    // Month 1: earned 3000 < draw 5000 → advance 2000, pay 5000, balance 0 + 2000 = 2000.
    const m1 = applyDraw(3000, 5000, 0, { type: "recoverable" });
    expect(text(m1)).toEqual({ earned: "3000", draw: "5000", openingBalance: "0", advance: "2000", recovery: "0", pay: "5000", balance: "2000" });
    // Month 2: earned 6000, 1000 above the draw → recovery min(2000, 1000) = 1000, pay 6000 − 1000 = 5000, balance 1000.
    const m2 = applyDraw(6000, 5000, m1.balance, { type: "recoverable" });
    expect(text(m2)).toEqual({ earned: "6000", draw: "5000", openingBalance: "2000", advance: "0", recovery: "1000", pay: "5000", balance: "1000" });
    // Month 3: earned 8000, 3000 above → recovery min(1000, 3000) = 1000, pay 7000, balance 0.
    const m3 = applyDraw(8000, 5000, m2.balance, { type: "recoverable" });
    expect(text(m3)).toEqual({ earned: "8000", draw: "5000", openingBalance: "1000", advance: "0", recovery: "1000", pay: "7000", balance: "0" });
    // Over the three months: paid 17000 = earned 17000; the advance came back in full.
    expect(m1.pay.plus(m2.pay).plus(m3.pay).toString()).toBe("17000");
  });

  it("tops a non-recoverable draw up to the guarantee and owes nothing", () => {
    // earned 3000 < 5000 → top-up 2000, pay 5000, balance unchanged.
    expect(text(applyDraw(3000, 5000, 0, { type: "non-recoverable" }))).toEqual({
      earned: "3000",
      draw: "5000",
      openingBalance: "0",
      advance: "2000",
      recovery: "0",
      pay: "5000",
      balance: "0",
    });
    // earned 8000 ≥ 5000 → pay 8000; a balance left from an earlier recoverable draw is carried untouched.
    expect(text(applyDraw(8000, 5000, 1200, { type: "non-recoverable" }))).toMatchObject({ pay: "8000", recovery: "0", advance: "0", balance: "1200" });
  });

  it("limits the recovery to a share of the earnings above the draw, rounded down to the fen", () => {
    // 1000.01 above the draw · 0.5 = 500.005 → 500.00 recovered; pay 6000.01 − 500 = 5500.01.
    const r = applyDraw("6000.01", 5000, 2000, { type: "recoverable", recoveryShare: "0.5" });
    expect(text(r)).toMatchObject({ recovery: "500", pay: "5500.01", balance: "1500" });
    // A recovery share of 1 is the default.
    expect(applyDraw(6000, 5000, 2000, { type: "recoverable", recoveryShare: 1 }).recovery.toString()).toBe("1000");
  });

  it("pays the draw on negative earnings and carries the whole gap when recoverable", () => {
    // earned −1500 (clawbacks) → advance 5000 − (−1500) = 6500, pay 5000, balance 300 + 6500 = 6800.
    expect(text(applyDraw(-1500, 5000, 300, { type: "recoverable" }))).toMatchObject({ advance: "6500", pay: "5000", balance: "6800" });
    expect(text(applyDraw(-1500, 0, 0, { type: "recoverable" }))).toMatchObject({ advance: "1500", pay: "0", balance: "1500" });
  });

  it("works without a draw, and in other scales", () => {
    expect(text(applyDraw(700, 0, 1000, { type: "recoverable" }))).toMatchObject({ recovery: "700", pay: "0", balance: "300" });
    expect(text(applyDraw(300, 500, 0, { type: "recoverable", scale: 0 }))).toMatchObject({ advance: "200", balance: "200" });
    const zero = applyDraw(0, 0, 0, { type: "recoverable" }).pay;
    expect(zero.isZero() && !zero.isNegative()).toBe(true);
  });

  it("refuses amounts that are negative where they cannot be, or not whole steps", () => {
    expect(failureOf(() => applyDraw(100, -5, 0, { type: "recoverable" }))).toEqual({ code: "INVALID_ARGUMENT", path: ["draw"], message: "draw must not be negative; got -5" });
    expect(failureOf(() => applyDraw(100, 5, -1, { type: "recoverable" }))).toEqual({ code: "INVALID_ARGUMENT", path: ["balance"], message: "balance must not be negative; got -1" });
    expect(failureOf(() => applyDraw("100.001", 5, 0, { type: "recoverable" }))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["earned"],
      message: "earned is 100.001, not a whole number of 0.01 (scale 2); round it first",
    });
    expect(errorOf(() => applyDraw("1,000", 5, 0, { type: "recoverable" }))).toEqual({ code: "INVALID_NUMBER", path: ["earned"] });
    expect(errorOf(() => applyDraw(100, Number.POSITIVE_INFINITY, 0, { type: "recoverable" }))).toEqual({ code: "INVALID_NUMBER", path: ["draw"] });
  });

  it("refuses missing or bad options, naming the option", () => {
    expect(failureOf(() => applyDraw(1, 1, 0, undefined as never))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["options"],
      message: "options: must be an object { type, scale?, recoveryShare? }; got undefined",
    });
    expect(failureOf(() => applyDraw(1, 1, 0, {} as never))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["options", "type"],
      message: 'options.type: must be one of "recoverable", "non-recoverable"; got undefined',
    });
    expect(errorOf(() => applyDraw(1, 1, 0, { type: "forgivable" as never }))).toEqual({ code: "INVALID_ARGUMENT", path: ["options", "type"] });
    expect(failureOf(() => applyDraw(1, 1, 0, { type: "recoverable", recoveryShare: 0 }))).toEqual({
      code: "OUT_OF_RANGE",
      path: ["options", "recoveryShare"],
      message: "options.recoveryShare must be above 0 and at most 1; got 0",
    });
    expect(errorOf(() => applyDraw(1, 1, 0, { type: "recoverable", recoveryShare: "1.5" }))).toEqual({ code: "OUT_OF_RANGE", path: ["options", "recoveryShare"] });
    expect(errorOf(() => applyDraw(1, 1, 0, { type: "recoverable", recoveryShare: "half" }))).toEqual({ code: "INVALID_NUMBER", path: ["options", "recoveryShare"] });
    expect(errorOf(() => applyDraw(1, 1, 0, { type: "recoverable", scale: 2.5 }))).toEqual({ code: "INVALID_ARGUMENT", path: ["options", "scale"] });
    expect(errorOf(() => applyDraw(1, 1, 0, { type: "recoverable", recoverable: true } as never))).toEqual({ code: "INVALID_ARGUMENT", path: ["options"] });
  });

  it("does not mutate its input", () => {
    const options = { type: "recoverable" as const, recoveryShare: "0.5" };
    const balance = new Decimal(2000);
    const first = applyDraw(6000, 5000, balance, options);
    expect(options).toEqual({ type: "recoverable", recoveryShare: "0.5" });
    expect(balance.toString()).toBe("2000");
    expect(text(applyDraw(6000, 5000, balance, options))).toEqual(text(first));
  });
});
