import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromSteps, fromUnits } from "../../src/compensation/steps.js";

describe("fromUnits", () => {
  it("builds the very Decimal fromSteps builds from the digits, field by field", () => {
    const units = fc.oneof(
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      fc.constantFrom(0, 1, 9_999_999, 10_000_000, 10_000_001, 2 ** 53 - 1, 2 ** 53 - 2, 10 ** 15, 10 ** 14 * 7),
      fc.integer({ min: 0, max: 15 }).map((k) => 10 ** k),
    );
    fc.assert(
      fc.property(units, fc.integer({ min: 0, max: 20 }), (u, scale) => {
        const fast = fromUnits(u, scale);
        const slow = fromSteps(BigInt(u), scale);
        expect({ s: fast.s, e: fast.e, d: [...(fast.d as number[])], text: fast.toString() }).toEqual({ s: slow.s, e: slow.e, d: [...(slow.d as number[])], text: slow.toString() });
      }),
      { numRuns: 2000, seed: 20261123 },
    );
  });
});
