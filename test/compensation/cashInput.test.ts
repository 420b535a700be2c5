import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/index.js";
import { fractionOf, moneyOf, readMoney } from "../../src/compensation/cashInput.js";
import { errorOf } from "./helpers.js";

describe("cashInput (internal)", () => {
  it("reads money as whole steps and writes it back", () => {
    expect(readMoney("-12.30", ["x"], 2, "any")).toBe(-1230n);
    expect(readMoney(1500, ["x"], -2, "non-negative")).toBe(15n);
    expect(errorOf(() => readMoney(-1, ["x"], 2, "non-negative"))).toEqual({ code: "INVALID_ARGUMENT", path: ["x"] });
    expect(moneyOf(-1230n, 2).toString()).toBe("-12.3");
    expect(moneyOf(15n, -2).toString()).toBe("1500");
    expect(fractionOf(new Decimal("-0.25"))).toEqual({ num: -25n, den: 100n });
    expect(fractionOf(new Decimal("1e3"))).toEqual({ num: 1000n, den: 1n });
  });
});
