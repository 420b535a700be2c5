import { describe, expect, it } from "vitest";
import { numberFormatProblem } from "../../src/cli/numberFormatProblem.js";

describe("numberFormatProblem", () => {
  it("accepts plain decimals and empty cells", () => {
    for (const text of ["", "0", "1200000.50", "-3", "1e6", ".5"]) expect(numberFormatProblem(text)).toBeNull();
  });

  it("names thousands separators without guessing the value", () => {
    const problem = numberFormatProblem("1,200,000");
    expect(problem).toContain("thousands separators");
    expect(problem).not.toContain("1200000 ");
  });

  it("names currency signs, percent signs, brackets and decimal commas", () => {
    expect(numberFormatProblem("¥800")).toContain("a currency sign");
    expect(numberFormatProblem("$1,200.50")).toContain("a currency sign and thousands separators");
    expect(numberFormatProblem("800元")).toContain("a currency sign");
    expect(numberFormatProblem("85%")).toContain("a percent sign");
    expect(numberFormatProblem("(120)")).toContain("accounting brackets");
    expect(numberFormatProblem("12,5")).toContain("a decimal comma");
  });

  it("says plainly when a cell is not a number at all", () => {
    expect(numberFormatProblem("n/a")).toBe('"n/a" is not a number');
  });
});
