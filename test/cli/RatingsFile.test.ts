import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CliError } from "../../src/cli/CliError.js";
import { RatingsFile } from "../../src/cli/RatingsFile.js";
import { tempDir, type TempDir } from "./helpers.js";

let tmp: TempDir;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

describe("RatingsFile", () => {
  it("reads the header at open and the ratings as they are iterated, with their lines", () => {
    tmp.write("r.csv", "person,rater,group,score,competency\r\np01,m1,manager,4,teamwork\r\n\r\np01,p1,peer,3.5,\r\n");
    const file = RatingsFile.open("r.csv", tmp.path);
    expect(file.columns).toEqual(["person", "rater", "group", "score", "competency"]);
    const seen = [...file].length; // the one object handed out is refilled: copy what you keep
    expect(seen).toBe(2);
    expect(Array.from(file.lines)).toEqual([2, 4]);
  });

  it("gives each rating's line past blank lines and quoted line ends, and as far as it has read", () => {
    tmp.write("r.csv", 'person,rater,group,score\np01,m1,manager,4\np01,"p\n1",peer,3\n\n\np02,m1,manager,5\np02,p2,peer,4\n');
    const file = RatingsFile.open("r.csv", tmp.path);
    const ratings = file[Symbol.iterator]();
    ratings.next();
    // Read in one chunk, every rating of the file is read already: 2, 4 (its cell spans 3–4), 7, 8.
    expect(Array.from(file.lines)).toEqual([2, 4, 7, 8]);
    expect(file.lines).toBe(file.lines);
  });

  it("hands out each rating's cells, competency undefined when the cell is empty", () => {
    tmp.write("r.csv", "person,rater,group,score,competency\np01,m1,manager,4,teamwork\np02,p1,peer,3.5,\n");
    const copies = Array.from(RatingsFile.open("r.csv", tmp.path), (r) => ({ ...r }));
    expect(copies).toEqual([
      { person: "p01", rater: "m1", group: "manager", score: "4", competency: "teamwork" },
      { person: "p02", rater: "p1", group: "peer", score: "3.5", competency: undefined },
    ]);
  });

  it("reads a file larger than one chunk", () => {
    const lines = Array.from({ length: 20000 }, (_, i) => `p${i},r${i % 7},peer,${1 + (i % 5)}`);
    tmp.write("r.csv", `person,rater,group,score\n${lines.join("\n")}\n`);
    const file = RatingsFile.open("r.csv", tmp.path);
    let count = 0;
    let last = "";
    for (const r of file) {
      count++;
      last = r.person;
    }
    expect(count).toBe(20000);
    expect(last).toBe("p19999");
    expect(file.lines[19999]).toBe(20001);
  });

  it("refuses a header without a needed column, an empty file, and a second read", () => {
    tmp.write("a.csv", "person,rater,score\np01,m1,4\n");
    expect(() => RatingsFile.open("a.csv", tmp.path)).toThrow(/a\.csv:1: no column "group" in the header; a ratings file has person, rater, group, score/);
    tmp.write("b.csv", "");
    expect(() => RatingsFile.open("b.csv", tmp.path)).toThrow(/b\.csv: the file is empty/);
    tmp.write("c.csv", "person,rater,group,score\np01,m1,manager,4\n");
    const file = RatingsFile.open("c.csv", tmp.path);
    expect([...file].length).toBe(1);
    expect(() => [...file]).toThrow(CliError);
  });

  it("names the line and column of an empty cell or a malformed score", () => {
    tmp.write("d.csv", "person,rater,group,score\np01,,manager,4\n");
    expect(() => [...RatingsFile.open("d.csv", tmp.path)]).toThrow(/d\.csv:2:2: the rater is empty/);
    tmp.write("e.csv", "person,rater,group,score\np01,m1,manager,4\np01,m2,manager,\"4,5\"\n");
    expect(() => [...RatingsFile.open("e.csv", tmp.path)]).toThrow(/e\.csv:3:4: score:/);
    tmp.write("f.csv", "person,rater,group,score\np01,m1,manager\n");
    expect(() => [...RatingsFile.open("f.csv", tmp.path)]).toThrow(/f\.csv:2: the row has 3 cells but the header has 4 columns/);
  });

  it("reports a file it cannot open", () => {
    expect(() => RatingsFile.open("missing.csv", tmp.path)).toThrow(CliError);
  });
});
