import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CliError } from "../../src/cli/CliError.js";
import { EncodedReader } from "../../src/cli/EncodedReader.js";
import { readCsvTable } from "../../src/cli/readCsvTable.js";
import type { PayoutRun } from "../../src/index.js";
import { cliSandbox } from "./helpers.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fixture = (name: string): string => join(root, "test", "fixtures", "gbk", name);
const plan = join(root, "examples", "commission-team", "plan.json");

const { dir, cli } = cliSandbox();

describe("EncodedReader", () => {
  it("decodes the @example GBK bytes, and a character split across chunks", () => {
    const reader = new EncodedReader("data.csv", "gbk");
    expect(reader.decode(new Uint8Array([0xd6, 0xd0, 0xce]))).toBe("中");
    expect(reader.decode(new Uint8Array([0xc4, 0x0a]))).toBe("文\n");
    expect(reader.end()).toBe("");
  });

  it("drops a UTF-16LE byte-order mark", () => {
    const reader = new EncodedReader("data.csv", "utf-16le");
    expect(reader.decode(new Uint8Array([0xff, 0xfe, 0x69, 0x00, 0x64, 0x00])) + reader.end()).toBe("id");
  });

  it("names the line of a byte sequence the encoding does not have, and a cut-off character at the end", () => {
    const reader = new EncodedReader("data.csv", "gbk");
    reader.decode(new Uint8Array([0x61, 0x0a, 0x62, 0x0a]));
    expect(() => reader.decode(new Uint8Array([0x81, 0x0a]))).toThrow(
      new CliError("data.csv:3: the file is not gbk: a byte on this line or the next is not a character in gbk; check --encoding (gbk, gb18030, utf-16le or utf-8)"),
    );
    const cut = new EncodedReader("data.csv", "utf-16le");
    cut.decode(new Uint8Array([0x69]));
    expect(() => cut.end()).toThrow(/^data\.csv:1: the file is not utf-16le/);
  });
});

describe("--encoding for CSV inputs", () => {
  const expected = readFileSync(fixture("data.utf8.csv"), "utf8");

  it("reads the GBK fixture (made with iconv) as the same table as its UTF-8 original", async () => {
    const utf8 = await readCsvTable(fixture("data.utf8.csv"), root);
    expect(utf8.rows[0]).toMatchObject({ id: "C01", name: "赵磊", team: "电话销售" });
    expect(await readCsvTable(fixture("data.gbk.csv"), root, { encoding: "gbk" })).toEqual(utf8);
    expect(await readCsvTable(fixture("data.gb18030.csv"), root, { encoding: "gb18030" })).toEqual(utf8);
    expect(await readCsvTable(fixture("data.utf8.csv"), root, { encoding: "utf-8" })).toEqual(utf8);
    dir.write("utf16.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(expected, "utf16le")]));
    expect(await readCsvTable("utf16.csv", dir.path, { encoding: "utf-16le" })).toEqual(utf8);
  });

  it("runs a plan on a GBK file with --encoding gbk, with the Chinese names intact", async () => {
    const { code, out, err } = await cli("run", plan, "--data", fixture("data.gbk.csv"), "--encoding", "gbk", "--format", "json", "--no-trace");
    expect([code, err]).toEqual([0, ""]);
    const run = JSON.parse(out) as PayoutRun;
    expect(run.statements.map((s) => s.person.name)).toEqual(["赵磊", "钱娜", "孙浩"]);
    // C01 sold 412,000: 200,000 · 3 % + 200,000 · 5 % + 12,000 · 7 % = 16,840
    expect(run.statements[0]?.totalPayout).toBe("16840.00");
  });

  it("keeps the not-UTF-8 message without the flag, and refuses an encoding it does not know", async () => {
    const plain = await cli("run", plan, "--data", fixture("data.gbk.csv"));
    expect(plain.code).toBe(2);
    expect(plain.err).toMatch(/data\.gbk\.csv:2:5: the file is not UTF-8 \(byte 0xD5\); save it as UTF-8 \(in Excel: "CSV UTF-8"\)\n$/);
    const unknown = await cli("run", plan, "--data", fixture("data.gbk.csv"), "--encoding", "latin1");
    expect(unknown.err).toBe('payscore run: --encoding must be gbk or gb18030 or utf-16le or utf-8, not "latin1"\n');
  });
});
