import { describe, expect, it } from "vitest";
import { PayscoreError, minorUnits } from "../../src/index.js";

describe("minorUnits", () => {
  it.each([
    ["CNY", 2],
    ["USD", 2],
    ["EUR", 2],
    ["JPY", 0],
    ["KRW", 0],
    ["KWD", 3],
    ["BHD", 3],
    ["CLF", 4],
  ])("knows %s has %i decimal places", (code, places) => {
    expect(minorUnits(code)).toBe(places);
  });

  it("does not care about case", () => {
    expect(minorUnits("cny")).toBe(2);
  });

  it.each(["XYZ", "QQQ", "CN", "CNYY", "", "人民币"])("refuses %j with INVALID_ARGUMENT", (code) => {
    try {
      minorUnits(code);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PayscoreError);
      expect((error as PayscoreError).code).toBe("INVALID_ARGUMENT");
      expect((error as PayscoreError).path).toEqual(["currency"]);
    }
  });

  it("refuses a value that is not a string", () => {
    expect(() => minorUnits(86 as never)).toThrow(PayscoreError);
  });
});
