import { describe, expect, it } from "vitest";
import { CliError } from "../../src/cli/CliError.js";
import { CsvReader } from "../../src/cli/CsvReader.js";
import { readCsvTable } from "../../src/cli/readCsvTable.js";
import { tempDir } from "./helpers.js";

interface Read {
  readonly records: string[][];
  readonly lines: number[];
}

/** Reads `text` in the given pieces (the whole text by default). */
function read(pieces: string | readonly string[]): Read {
  const records: string[][] = [];
  const lines: number[] = [];
  const reader = new CsvReader("f.csv", (cells, count, line) => {
    records.push(cells.slice(0, count));
    lines.push(line);
  });
  for (const piece of typeof pieces === "string" ? [pieces] : pieces) reader.push(piece);
  reader.end();
  reader.end();
  return { records, lines };
}

function failure(text: string): string {
  try {
    read(text);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as CliError).message;
  }
  throw new Error("expected a CliError");
}

describe("CsvReader", () => {
  it("reads quoted cells holding commas, line ends and doubled quotes", () => {
    const text = 'id,name,note\nE01,"Li, Wei","says ""hi""\nand bye"\nE02,Zhao,plain\n';
    expect(read(text)).toEqual({
      records: [["id", "name", "note"], ["E01", "Li, Wei", 'says "hi"\nand bye'], ["E02", "Zhao", "plain"]],
      // The second record ends on line 3 (its quoted cell holds a line end).
      lines: [1, 3, 4],
    });
  });

  it("reads CRLF line ends, with or without a line end after the last record", () => {
    expect(read("id,sales\r\nE01,1\r\nE02,2\r\n")).toEqual({ records: [["id", "sales"], ["E01", "1"], ["E02", "2"]], lines: [1, 2, 3] });
    expect(read("id,sales\r\nE01,1\r\nE02,2")).toEqual({ records: [["id", "sales"], ["E01", "1"], ["E02", "2"]], lines: [1, 2, 3] });
    expect(read("id,sales\nE01,1\nE02,2")).toEqual({ records: [["id", "sales"], ["E01", "1"], ["E02", "2"]], lines: [1, 2, 3] });
  });

  it("takes a lone CR as the record delimiter when it is the first line end, and as trimmed text otherwise", () => {
    expect(read("id,sales\rE01,1\rE02,2\r")).toEqual({ records: [["id", "sales"], ["E01", "1"], ["E02", "2"]], lines: [1, 2, 3] });
    // In an LF file a CR before the LF is white space at the end of a cell; inside a cell it is text.
    expect(read("id,sales\nE01,1\r\nE02,a\rb\n")).toEqual({ records: [["id", "sales"], ["E01", "1"], ["E02", "a\rb"]], lines: [1, 3, 5] });
  });

  it("trims cells, outside the quotes only, and skips blank lines and rows of empty cells", () => {
    expect(read('\n  id , name \n\n E01 ,"  Li  " \n,,\n " " ,\n')).toEqual({ records: [["id", "name"], ["E01", "  Li  "]], lines: [2, 4] });
  });

  it("reads a file that starts with a byte-order mark as readCsvTable gives it (the mark dropped)", async () => {
    const dir = tempDir();
    try {
      dir.write("bom.csv", "\uFEFFid,sales\r\nE01,1\r\n");
      expect(await readCsvTable("bom.csv", dir.path)).toEqual({ header: ["id", "sales"], rows: [{ id: "E01", sales: "1" }], lines: [2] });
    } finally {
      dir.remove();
    }
  });

  it("gives every row the header's keys, and leaves out a column named __proto__ as before", async () => {
    const dir = tempDir();
    try {
      dir.write("a.csv", "id,__proto__,sales\nE01,x,1\n");
      const table = await readCsvTable("a.csv", dir.path);
      expect(table.header).toEqual(["id", "__proto__", "sales"]);
      expect(Object.keys(table.rows[0] ?? {})).toEqual(["id", "sales"]);
      expect(Object.getPrototypeOf(table.rows[0])).toBe(Object.prototype);
      dir.write("b.csv", 'id,"a""b",1\nE01,x,y\n');
      expect((await readCsvTable("b.csv", dir.path)).rows).toEqual([{ id: "E01", 'a"b': "x", 1: "y" }]);
    } finally {
      dir.remove();
    }
  });

  it("reads the same records in pieces of one character as in one piece", () => {
    const text = 'id,name,note\r\nE01,"Li, Wei","a ""b""\r\nc"\r\n\r\nE02 , Zhao ,"x"\r\nE03,,\r\n"E04",é中,😀';
    expect(read([...text])).toEqual(read(text));
    expect(read(text).records).toHaveLength(5);
  });

  it("names the line and column of a quote that is never closed", () => {
    expect(failure('id,name\nE01,"Li\nE02,Zhao\n')).toBe('f.csv:2:5: a quoted cell is never closed (a " without its closing ")');
    expect(failure('id,name\r\nE01, "Li')).toBe('f.csv:2:6: a quoted cell is never closed (a " without its closing ")');
    expect(failure('"id')).toBe('f.csv:1:1: a quoted cell is never closed (a " without its closing ")');
  });

  it("refuses a quote inside an unquoted cell and text after a closing quote", () => {
    expect(failure('id,name\nE01,5" screen\n')).toBe('f.csv:2: a quote in the middle of an unquoted cell (quote the whole cell and double the inner quote: "5"" screen")');
    expect(failure('id,name\nE01,"Li"x\n')).toBe('f.csv:2: text after the closing quote of a cell (write a quote inside a quoted cell as "")');
    expect(failure('id,name\nE01,"Li" "Wei"\n')).toBe('f.csv:2: text after the closing quote of a cell (write a quote inside a quoted cell as "")');
  });

  it("waits for the next piece when a piece ends inside a quoted cell, after a quote or after a CR", () => {
    expect(read(['id,"na', 'me"\r', "\nE01,", '"x"', '"y"\r', "\n"])).toEqual({ records: [["id", "name"], ["E01", 'x"y']], lines: [1, 2] });
    expect(read(["id\r", "E01\r", "\n"])).toEqual({ records: [["id"], ["E01"]], lines: [1, 2] });
  });
});
