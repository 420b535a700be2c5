import { describe, expect, it } from "vitest";
import { PayscoreError, isPayscoreError, toDecimal } from "../../src/index.js";

describe("isPayscoreError", () => {
  it("recognises a PayscoreError by its brand, also from another copy of the library", () => {
    expect(isPayscoreError(new PayscoreError("INVALID_NUMBER", "x"))).toBe(true);
    // A PayscoreError made by another copy (CJS next to ESM): another class, the same Symbol.for brand.
    const other = Object.assign(new Error("x"), { code: "INVALID_NUMBER", [Symbol.for("payscore.PayscoreError")]: true });
    expect(other instanceof PayscoreError).toBe(false);
    expect(isPayscoreError(other)).toBe(true);
    try {
      toDecimal("12,5");
    } catch (error) {
      expect(isPayscoreError(error) && error.code).toBe("INVALID_NUMBER");
    }
  });

  it("answers false, and never throws, for anything else", () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    for (const value of [new Error("x"), null, undefined, 7, "PayscoreError", { code: "INVALID_NUMBER" }, { [Symbol.for("payscore.PayscoreError")]: true, code: "NOPE" }, proxy]) {
      expect(isPayscoreError(value)).toBe(false);
    }
  });
});
