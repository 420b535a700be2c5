import { describe, expect, it } from "vitest";
import { CliError } from "../../src/cli/CliError.js";
import { Utf8Reader, locateInvalidUtf8 } from "../../src/cli/Utf8Reader.js";

function decodeAll(chunks: Uint8Array[], name = "f.csv"): string {
  const reader = new Utf8Reader(name);
  return chunks.map((chunk) => reader.decode(chunk)).join("") + reader.end();
}

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as CliError).message;
  }
  throw new Error("expected a CliError");
}

describe("Utf8Reader", () => {
  it("drops a UTF-8 byte-order mark at the start", () => {
    expect(decodeAll([Buffer.from("\uFEFFid,name\n")])).toBe("id,name\n");
  });

  it("drops a byte-order mark split over the first chunks", () => {
    const bytes = Buffer.from("\uFEFFid\n");
    expect(decodeAll([bytes.subarray(0, 1), bytes.subarray(1, 2), bytes.subarray(2)])).toBe("id\n");
  });

  it("keeps a U+FEFF that is not at the start", () => {
    expect(decodeAll([Buffer.from("a\n"), Buffer.from("\uFEFFb")])).toBe("a\n\uFEFFb");
  });

  it("joins a character split across chunks (李 is three bytes)", () => {
    const bytes = Buffer.from("name\n李伟\n");
    for (let cut = 1; cut < bytes.length; cut += 1) {
      expect(decodeAll([bytes.subarray(0, cut), bytes.subarray(cut)])).toBe("name\n李伟\n");
    }
  });

  it("names the line and column of the first byte that is not UTF-8 (GBK text)", () => {
    // "id,name\nR01,李" in GBK: 李 = 0xC0 0xEE; line 2, column 5.
    const bytes = Buffer.concat([Buffer.from("id,name\nR01,"), Buffer.from([0xc0, 0xee]), Buffer.from("\n")]);
    expect(failure(() => decodeAll([bytes]))).toBe('f.csv:2:5: the file is not UTF-8 (byte 0xC0); save it as UTF-8 (in Excel: "CSV UTF-8")');
  });

  it("counts lines across chunks when locating a bad byte", () => {
    const message = failure(() => decodeAll([Buffer.from("a\nb\n"), Buffer.from([0x63, 0xff])]));
    expect(message).toMatch(/^f\.csv:3:2: the file is not UTF-8 \(byte 0xFF\)/);
  });

  it("refuses a character cut off at the end of the file", () => {
    expect(failure(() => decodeAll([Buffer.from([0x61, 0xe6, 0x9d])]))).toMatch(/^f\.csv:1:2: the file is not UTF-8 \(byte 0xE6\)/);
  });

  it("refuses UTF-16 with a hint", () => {
    expect(failure(() => decodeAll([Buffer.from([0xff, 0xfe, 0x69, 0x00])]))).toMatch(/^f\.csv:1:1: the file is UTF-16, not UTF-8/);
  });
});

describe("locateInvalidUtf8", () => {
  it("finds nothing wrong in valid text with 4-byte characters", () => {
    expect(locateInvalidUtf8(Buffer.from("a😀b\n李"))).toBeNull();
  });

  it("refuses overlong encodings and surrogates", () => {
    expect(locateInvalidUtf8(Uint8Array.from([0xc0, 0xaf]))).toEqual({ line: 1, column: 1, byte: 0xc0 });
    expect(locateInvalidUtf8(Uint8Array.from([0x41, 0xed, 0xa0, 0x80]))).toEqual({ line: 1, column: 2, byte: 0xed });
  });
});
