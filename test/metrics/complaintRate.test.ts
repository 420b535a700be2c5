import { describe, it } from "vitest";
import { complaintRate } from "../../src/metrics/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

describe("complaintRate", () => {
  it("is complaints per interaction", () => {
    // 3 / 750 = 0.004
    expectDecimal(complaintRate(3, 750), "0.004");
    expectDecimal(complaintRate(0, 120), "0");
  });

  it("may exceed 1 when one interaction draws several complaints", () => {
    expectDecimal(complaintRate(3, 2), "1.5");
  });

  it("throws ZERO_DENOMINATOR when there were no interactions", () => {
    expectFault(() => complaintRate(0, 0), "ZERO_DENOMINATOR", ["interactions"]);
  });

  it("throws INVALID_ARGUMENT for a negative count", () => {
    expectFault(() => complaintRate(-1, 10), "INVALID_ARGUMENT", ["complaints"]);
    expectFault(() => complaintRate(1, -10), "INVALID_ARGUMENT", ["interactions"]);
  });

  it("throws INVALID_NUMBER for a malformed count", () => {
    expectFault(() => complaintRate(null as never, 10), "INVALID_NUMBER", ["complaints"]);
  });
});
