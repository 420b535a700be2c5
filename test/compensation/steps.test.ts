import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/numeric/index.js";
import { fromSteps, fromUnits, toSteps } from "../../src/compensation/steps.js";
import { fillUnits } from "../../src/compensation/fillUnits.js";
import { waterFill } from "../../src/compensation/waterFill.js";

describe("toSteps at a negative scale (steps of 10, 100, …)", () => {
  it("rounds up, down or refuses a value that is not a whole number of steps", () => {
    // 1250 in hundreds: 12.5 → ceil 13, floor 12, not exact
    expect(toSteps(new Decimal(1250), -2, "ceil")).toBe(13n);
    expect(toSteps(new Decimal(1250), -2, "floor")).toBe(12n);
    expect(toSteps(new Decimal(1250), -2, "exact")).toBeUndefined();
    expect(toSteps(new Decimal(1200), -2, "exact")).toBe(12n);
    // a fraction is never a whole number of hundreds; ceil of 1200.5 is 13 hundreds
    expect(toSteps(new Decimal("1200.5"), -2, "exact")).toBeUndefined();
    expect(toSteps(new Decimal("1200.5"), -2, "ceil")).toBe(13n);
    expect(toSteps(new Decimal(1200), -2, "ceil")).toBe(12n);
    expect(fromSteps(12n, -2).toString()).toBe("1200");
  });
});

describe("fromUnits", () => {
  it("leaves out zero words at the bottom of round numbers", () => {
    // 10^14 has two zero words of 10^7 below its leading 1
    expect(fromUnits(1e14, 0).toString()).toBe("100000000000000");
    expect(fromUnits(1e14, 0).eq(new Decimal("1e14"))).toBe(true);
    expect(fromUnits(2e14, 2).toString()).toBe("2000000000000");
    expect(fromUnits(3e14 + 7e7, 0).plus(1).toString()).toBe("300000070000001");
    expect(fromUnits(123456, 2).toString()).toBe("1234.56");
  });
});

describe("waterFill ordering by exact ratios", () => {
  it("orders caps whose ratios agree to 1e-9 by their exact products, as fillUnits does", () => {
    // (10^12+1)/10^12 > (10^12+2)/(10^12+1) by ~10^-24; the pool is one short of both caps
    const h = [1e12 + 1, 1e12 + 2];
    const w = [1e12, 1e12 + 1];
    const pool = h[0]! + h[1]! - 1;
    const big = waterFill({ pool: BigInt(pool), weights: w.map(BigInt), lows: [0n, 0n], highs: h.map(BigInt) });
    expect(big.amounts).toEqual([BigInt(h[0]! - 1), BigInt(h[1]!)]);
    expect(big.unallocated).toBe(0n);
    const fast = fillUnits({ pool, weights: Float64Array.from(w), highs: Float64Array.from(h), minimum: 0 });
    expect(Array.from(fast.amounts)).toEqual([h[0]! - 1, h[1]!]);
  });

  it("handles caps past the range of doubles", () => {
    // pool 10^401, equal weights, one cap of 10^400: λ passes the cap, the other takes 9·10^400
    const cap = 10n ** 400n;
    const result = waterFill({ pool: 10n * cap, weights: [1n, 1n], lows: [0n, 0n], highs: [cap, undefined] });
    expect(result.amounts).toEqual([cap, 9n * cap]);
    // two huge caps neither of which binds: λ = (3·cap − 1)/3 → cap − 1/3 and 2·cap − 2/3;
    // floors cap − 1 and 2·cap − 1, the spare step to the larger remainder (2/3, the first)
    const two = waterFill({ pool: 3n * cap - 1n, weights: [1n, 2n], lows: [0n, 0n], highs: [cap, 2n * cap + 1n] });
    expect(two.amounts).toEqual([cap, 2n * cap - 1n]);
    expect(two.unallocated).toBe(0n);
  });
});
