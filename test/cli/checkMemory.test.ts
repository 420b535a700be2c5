import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkMemory } from "../../src/cli/checkMemory.js";
import { CliError } from "../../src/cli/CliError.js";
import { runCli } from "../../src/cli/runCli.js";
import { commissionPlanText, goodCsv } from "./fixtures.js";
import { captureIo, tempDir, type TempDir } from "./helpers.js";

let tmp: TempDir;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

describe("checkMemory", () => {
  it("estimates from the inputs' sizes: 150 MiB, plus 24 bytes a byte of data and 1 a byte of ratings", async () => {
    tmp.write("data.csv", "x".repeat(1000));
    tmp.write("ratings.csv", "x".repeat(5000));
    const { estimate, limit } = await checkMemory(
      [
        { file: "data.csv", kind: "data" },
        { file: "ratings.csv", kind: "ratings" },
      ],
      tmp.path,
      undefined,
    );
    expect(estimate).toBe(150 * 1024 * 1024 + 24_000 + 5_000);
    expect(limit).toBeGreaterThan(estimate);
  });

  it("refuses inputs over --max-memory before reading them, naming the sizes and the flag", async () => {
    tmp.write("data.csv", "x".repeat(1000));
    await expect(checkMemory([{ file: "data.csv", kind: "data" }], tmp.path, "100")).rejects.toThrow(CliError);
    await expect(checkMemory([{ file: "data.csv", kind: "data" }], tmp.path, "100")).rejects.toThrow(
      /the inputs \(data\.csv 1 MiB\) need about 151 MiB of memory, more than the 100 MiB this run may use/,
    );
  });

  it("refuses a --max-memory that is not a whole number of MiB", async () => {
    for (const bad of ["0", "1.5", "2GB", "-1"]) {
      await expect(checkMemory([], tmp.path, bad)).rejects.toThrow(/--max-memory must be a whole number of MiB, such as 2048/);
    }
  });

  it("never raises the limit above Node's heap, and says how to", async () => {
    tmp.write("data.csv", "x");
    const { limit } = await checkMemory([{ file: "data.csv", kind: "data" }], tmp.path, String(1024 * 1024));
    expect(limit).toBeLessThan(1024 * 1024 * 1024 * 1024);
  });

  it("counts a list input at 16 bytes a byte, and a JSON one at three times that", async () => {
    tmp.write("deals.csv", "x".repeat(1000));
    tmp.write("tickets.json", "x".repeat(100));
    const { estimate } = await checkMemory(
      [
        { file: "deals.csv", kind: "list" },
        { file: "tickets.json", kind: "list" },
      ],
      tmp.path,
      undefined,
    );
    // 150 MiB + 1000 · 16 + 100 · 16 · 3 = 157 286 400 + 16 000 + 4 800
    expect(estimate).toBe(150 * 1024 * 1024 + 16_000 + 4_800);
  });

  it("leaves a missing file to the reader", async () => {
    await expect(checkMemory([{ file: "nope.csv", kind: "data" }], tmp.path, undefined)).resolves.toMatchObject({ estimate: 150 * 1024 * 1024 });
  });
});

describe("payscore run --max-memory", () => {
  it("exits 2 with the estimate before any work", async () => {
    tmp.write("plan.json", commissionPlanText);
    tmp.write("data.csv", goodCsv);
    const io = captureIo(tmp.path);
    const code = await runCli(["run", "plan.json", "--data", "data.csv", "--max-memory", "1"], io);
    expect(code).toBe(2);
    expect(io.err()).toMatch(/need about 151 MiB of memory, more than the 1 MiB this run may use/);
    expect(io.err()).toMatch(/NODE_OPTIONS=--max-old-space-size/);
    expect(io.out()).toBe("");
  });

  it("counts every list input: transactions, deals, responses, activities and tickets", async () => {
    tmp.write("plan.json", commissionPlanText);
    tmp.write("data.csv", goodCsv);
    // 150 MiB and a 90-byte data file fit in 151 MiB; each 70 000-byte list file (1.07 MiB at 16 a byte) does not.
    const run = async (...more: string[]): Promise<{ code: number; err: string }> => {
      const io = captureIo(tmp.path);
      const code = await runCli(["run", "plan.json", "--data", "data.csv", "--max-memory", "151", ...more], io);
      return { code, err: io.err() };
    };
    for (const kind of ["transactions", "deals", "responses", "activities", "tickets"]) {
      tmp.write(`${kind}.csv`, "x".repeat(70_000));
      const { code, err } = await run(`--${kind}`, `${kind}.csv`);
      expect([code, err.split("\n")[0]]).toEqual([2, `payscore run: the inputs (data.csv 1 MiB, ${kind}.csv 1 MiB) need about 152 MiB of memory, more than the 151 MiB this run may use`]);
    }
  });
});
