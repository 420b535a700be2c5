import { describe, expect, it } from "vitest";
import { dataProblemLines } from "../../src/cli/dataProblemLines.js";
import type { LoadedData } from "../../src/cli/readPlanData.js";
import { PayscoreError } from "../../src/index.js";

// A CSV of three people: the header is line 1, so rows 0, 1, 2 are lines 2, 3, 5 (line 4 blank).
const csv: LoadedData = {
  data: { rows: [] },
  sources: {
    rows: { file: "data.csv", kind: "csv", lines: [2, 3, 5], header: ["id", "name", "sales"] },
    ratings: { file: "ratings.json", kind: "json", jsonPath: [] },
    history: "history.csv",
    deals: { file: "deals.csv", kind: "csv", lines: [2, 3], header: ["person", "amount"] },
  },
};

const error = (path: (string | number)[], message: string): PayscoreError => new PayscoreError("INVALID_DATA", message, { path });

describe("dataProblemLines", () => {
  it("points a data cell at its file, line and column: rows[2].sales is line 5, column 3", () => {
    expect(dataProblemLines(error(["rows", 2, "sales"], 'rows[2].sales must be a number; got "x"'), csv, "plan.json")).toEqual(['data.csv:5:3: sales must be a number; got "x"']);
    expect(dataProblemLines(error(["rows", 0, "sales"], "is missing"), csv, "plan.json")).toEqual(["data.csv:2:3: sales: is missing"]);
  });

  it("names a row without a column, and a column the header lacks", () => {
    expect(dataProblemLines(error(["rows", 1], "a duplicate id"), csv, "plan.json")).toEqual(["data.csv:3: a duplicate id"]);
    expect(dataProblemLines(error(["rows", 1, "target"], "is missing"), csv, "plan.json")).toEqual(['data.csv:1: no column "target" in the header (needed on line 3): is missing']);
  });

  it("gives a JSON table's fault as its path inside the file, and a list input's as its line", () => {
    expect(dataProblemLines(error(["ratings", 4, "score"], "ratings[4].score: must be 1 to 5"), csv, "plan.json")).toEqual(["ratings.json: [4].score: must be 1 to 5"]);
    expect(dataProblemLines(error(["deals", 1, "amount"], "is not a number"), csv, "plan.json")).toEqual(["deals.csv:3:2: amount: is not a number"]);
  });

  it("points history at the history file, and anything else at the plan with its JSON path", () => {
    expect(dataProblemLines(error(["history", "R05"], "history.R05 is missing: R05 has no earlier values"), csv, "plan.json")).toEqual(["history.csv: history.R05 is missing: R05 has no earlier values"]);
    expect(dataProblemLines(error(["kpis", 0, "target"], "must be positive"), csv, "plan.json")).toEqual(["plan.json: kpis[0].target: must be positive"]);
    expect(dataProblemLines(error([], "the run has no people"), csv, "plan.json")).toEqual(["plan.json: the run has no people"]);
  });

  it("lists at most 20 problems, then how many more", () => {
    const issues = Array.from({ length: 23 }, (_, i) => ({ path: ["rows", 0, "sales"], message: `problem ${i}` }));
    const lines = dataProblemLines(new PayscoreError("INVALID_DATA", "many", { issues }), csv, "plan.json");
    expect(lines).toHaveLength(21);
    expect(lines[20]).toBe("… and 3 more problems");
  });
});
