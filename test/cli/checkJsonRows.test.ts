import { describe, expect, it } from "vitest";
import { checkJsonRows } from "../../src/cli/checkJsonRows.js";
import { DEFAULT_LIMITS } from "../../src/cli/inputLimits.js";

const limits = { ...DEFAULT_LIMITS, maxCell: 4, maxRows: 2 };

function refusal(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("checkJsonRows", () => {
  it("passes a table within the limits: 2 rows, text of at most 4 characters", () => {
    expect(() => checkJsonRows("data.json", [{ id: "E01", name: "Wang" }, { id: "E02", sales: 12345678 }], ["rows"], limits)).not.toThrow();
  });

  it("refuses more rows than --max-rows, naming the table", () => {
    const rows = [{ id: "E01" }, { id: "E02" }, { id: "E03" }];
    expect(refusal(() => checkJsonRows("data.json", rows, ["rows"], limits))).toMatchObject({
      message: "data.json: rows: more than 2 rows, the limit for each input; pass --max-rows <n> to read them all",
      exitCode: 2,
      code: "LIMIT_EXCEEDED",
    });
    expect(refusal(() => checkJsonRows("list.json", rows, [], limits))).toMatchObject({ message: expect.stringMatching(/^list\.json: the array: more than 2 rows/) as unknown });
  });

  it("refuses a text value longer than --max-cell at any depth, with its path", () => {
    expect(refusal(() => checkJsonRows("data.json", [{ id: "E01", name: "Wang Wei" }], ["rows"], limits))).toMatchObject({
      message: "data.json: rows[0].name: a cell longer than 4 characters, the limit for a cell; pass --max-cell <n> to read it",
      exitCode: 2,
    });
    const statement = { person: { id: "S1" }, pay: [{ id: "ok" }, { id: "too long" }] };
    expect((refusal(() => checkJsonRows("q1.json", [statement], ["statements"], limits)) as Error).message).toMatch(/^q1\.json: statements\[0\]\.pay\[1\]\.id: a cell longer than 4/);
    expect((refusal(() => checkJsonRows("q1.json", ["too long"], [], limits)) as Error).message).toMatch(/^q1\.json: \[0\]: a cell longer than 4/);
  });

  it("leaves a value that is not an array to the schema, and reads a deep nesting without overflowing the stack", () => {
    expect(() => checkJsonRows("data.json", { rows: "no" }, ["rows"], limits)).not.toThrow();
    expect(() => checkJsonRows("data.json", null, [], limits)).not.toThrow();
    let deep: unknown = "deep";
    for (let level = 0; level < 20_000; level += 1) deep = [deep];
    expect(() => checkJsonRows("deep.json", [deep], [], DEFAULT_LIMITS)).not.toThrow();
  });
});
