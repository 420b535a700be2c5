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

describe("minorUnits: what a failure says", () => {
  it("asks for a three-letter code when the shape is wrong", () => {
    for (const code of ["CN", "CNYX", "XCNY", "C1Y"]) {
      expect(() => minorUnits(code)).toThrow(`currency must be a three-letter ISO 4217 code such as "CNY"; got "${code}"`);
    }
  });

  it("says an unknown three-letter code is not a currency", () => {
    expect(() => minorUnits("XYZ")).toThrow('currency "XYZ" is not a known ISO 4217 currency');
  });

  it("refuses a value that only looks like a code once turned into text", () => {
    // ["CNY"] prints as "CNY"; it must still be refused as a PayscoreError, not fail as a TypeError
    for (const value of [["CNY"], { toString: () => "CNY" }, 86, null]) {
      expect(() => minorUnits(value as never)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["currency"] }));
    }
  });

  it("reads fund codes from the ISO table", () => {
    expect(minorUnits("UYI")).toBe(0);
    expect(minorUnits("uyw")).toBe(4);
  });
});
