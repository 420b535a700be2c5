import { describe, expect, it } from "vitest";
import { shareChange } from "../../src/metrics/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

describe("shareChange", () => {
  it("gives the change in percentage points and relative to the previous share", () => {
    // 28 % − 25 % = 3 points; 0.03 / 0.25 = 0.12
    const change = shareChange(0.28, 0.25);
    expectDecimal(change.points, "3");
    expectDecimal(change.relative, "0.12");
  });

  it("is negative when the share fell", () => {
    // 0.2 − 0.25 = −0.05 → −5 points; −0.05 / 0.25 = −0.2
    const change = shareChange("0.2", "0.25");
    expectDecimal(change.points, "-5");
    expectDecimal(change.relative, "-0.2");
  });

  it("returns plain zeros when the share did not move", () => {
    const change = shareChange(0.3, 0.3);
    expectDecimal(change.points, "0");
    expectDecimal(change.relative, "0");
  });

  it("allows a current share of 0 (the whole share lost)", () => {
    const change = shareChange(0, 0.1);
    expectDecimal(change.points, "-10");
    expectDecimal(change.relative, "-1");
  });

  it("throws ZERO_DENOMINATOR when the previous share is 0", () => {
    expectFault(() => shareChange(0.1, 0), "ZERO_DENOMINATOR", ["previous"]);
  });

  it("throws OUT_OF_RANGE for a share outside 0–1, such as a percentage", () => {
    const error = expectFault(() => shareChange(28, 0.25), "OUT_OF_RANGE", ["current"]);
    expect(error.message).toContain("0.25");
    expectFault(() => shareChange(0.2, -0.1), "OUT_OF_RANGE", ["previous"]);
  });

  it("throws INVALID_NUMBER for a malformed share", () => {
    expectFault(() => shareChange("28%", 0.25), "INVALID_NUMBER", ["current"]);
  });
});
