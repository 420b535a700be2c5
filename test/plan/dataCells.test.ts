import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";
import { readCell, readText, requireCell, within } from "../../src/plan/dataCells.js";

// The internal cell readers every path of runPlan reads data rows with.
describe("readCell and requireCell", () => {
  const row = { id: "p01", sales: "1200.50", empty: "", none: null, spaced: "1 200" };

  it("reads a plain decimal and gives null for an empty or null cell", () => {
    expect(readCell(row, 3, "sales")?.toString()).toBe("1200.5");
    expect(readCell(row, 3, "empty")).toBeNull();
    expect(readCell(row, 3, "none")).toBeNull();
  });

  it("refuses a missing column and a malformed number with INVALID_DATA at rows[i][column]", () => {
    expect(() => readCell(row, 3, "margin")).toThrow(expect.objectContaining({ code: "INVALID_DATA", path: ["rows", 3, "margin"] }));
    expect(() => readCell(row, 3, "spaced")).toThrow(expect.objectContaining({ code: "INVALID_DATA", path: ["rows", 3, "spaced"] }));
  });

  it("requires a value: an empty cell is INVALID_DATA, a number is returned", () => {
    expect(requireCell(row, 0, "sales").toString()).toBe("1200.5");
    expect(() => requireCell(row, 0, "empty")).toThrow(expect.objectContaining({ code: "INVALID_DATA", path: ["rows", 0, "empty"], message: "rows[0].empty is empty; a number is required" }));
  });

  it("reads text cells, numbers as text, empty as null", () => {
    expect(readText({ name: "Li Lei", n: 7, e: "" }, "name")).toBe("Li Lei");
    expect(readText({ n: 7 }, "n")).toBe("7");
    expect(readText({ e: "" }, "e")).toBeNull();
    expect(readText({}, "absent")).toBeNull();
  });
});

describe("within", () => {
  it("re-labels a PayscoreError with the place, keeping its code", () => {
    const failing = (): never => {
      throw new PayscoreError("OUT_OF_RANGE", "too big", { path: ["x"] });
    };
    expect(() => within(["kpis", 1], "KPI sales", failing)).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE", path: ["kpis", 1], message: "KPI sales: too big" }));
  });

  it("lets any other error through unchanged", () => {
    const bug = new RangeError("bug");
    expect(() => within(["kpis", 1], "KPI sales", () => { throw bug; })).toThrow(bug);
    expect(within(["kpis", 1], "KPI sales", () => 42)).toBe(42);
  });
});
