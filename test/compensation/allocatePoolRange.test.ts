import { describe, expect, it } from "vitest";
import { Decimal, PayscoreError, allocatePool } from "../../src/index.js";

function faultOf(run: () => unknown): PayscoreError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PayscoreError);
    return error as PayscoreError;
  }
  throw new Error("expected a PayscoreError");
}

describe("allocatePool on weights outside the inputs the library accepts", () => {
  it("refuses a Decimal weight past 1e1000 as it refuses the same weight written as text", () => {
    for (const weight of [new Decimal("1e2000"), "1e2000"]) {
      const error = faultOf(() => allocatePool("100.00", [{ id: "a", weight: 1 }, { id: "b", weight }]));
      expect([error.code, error.path]).toEqual(["INVALID_NUMBER", ["entries", 1, "weight"]]);
    }
  });
});
