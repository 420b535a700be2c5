import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeAtomically, type WriteText } from "../../src/cli/writeAtomically.js";
import { writeRunCsv } from "../../src/cli/writeRunCsv.js";
import { writeRunJson } from "../../src/cli/writeRunJson.js";
import { writeToStream } from "../../src/cli/writeToStream.js";
import { runPlan, runPlanLazy, type PayoutRun, type Plan, type Statement } from "../../src/index.js";
import { commissionPlan, runOf } from "./fixtures.js";
import { tempDir, type TempDir } from "./helpers.js";

let dir: TempDir;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  dir.remove();
});

const person = { id: "p1", name: null, team: null, region: null, role: null, activeFrom: "2026-01-01", activeTo: "2026-03-31", basePay: null };
const statement = (id: string, kpis: Statement["kpis"]): Statement => ({
  person: { ...person, id },
  indicators: [],
  kpis,
  kpiScore: "100",
  review360: null,
  score: "100",
  rank: 1,
  grade: null,
  pay: [{ component: "award", id: "prize", amount: "10.00" }],
  totalPayout: "10.00",
  promotion: null,
  trace: [],
});
const kpi = { id: "k", name: null, category: null, actual: "1", target: "1", attainment: "1", points: "100", weight: "1", difficulty: "1", contribution: "100" };
const run = (statements: Statement[]): PayoutRun =>
  runOf(statements, { totals: { people: statements.length, fixed: "0.00", targetIncentive: "0.00", commission: "0.00", pool: "0.00", award: "10.00", payout: "10.00" } });

async function collect(produce: (write: WriteText) => Promise<void>): Promise<string> {
  const chunks: Buffer[] = [];
  await produce(async (chunk) => {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk));
  });
  return Buffer.concat(chunks).toString("utf8");
}

describe("writeRunJson", () => {
  it("writes exactly JSON.stringify(run, null, 2), also with no statements", async () => {
    for (const value of [run([]), run([statement("p1", [kpi]), statement("p2", [])])]) {
      expect(await collect((write) => writeRunJson(value, write))).toBe(`${JSON.stringify(value, null, 2)}\n`);
    }
  });

  it("reports progress every thousand statements", async () => {
    const many = run(Array.from({ length: 2500 }, (_, i) => statement(`p${i}`, [])));
    const seen: number[] = [];
    await collect((write) => writeRunJson(many, write, (done) => seen.push(done)));
    expect(seen).toEqual([1000, 2000]);
  });
});

describe("writeRunCsv", () => {
  it("leaves the cells of a KPI a person does not have empty", async () => {
    const text = await collect((write) => writeRunCsv(run([statement("p1", [kpi]), statement("p2", [])]), write));
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe("id,name,team,region,role,activeFrom,activeTo,basePay,k.actual,k.target,k.attainment,k.points,kpiScore,review360,score,rank,initialGrade,grade,award:prize,totalPayout,promotionEligible");
    expect(lines[2]).toBe("p2,,,,,2026-01-01,2026-03-31,,,,,,100,,100,1,,,10.00,10.00,");
  });
});

describe("writeToStream", () => {
  it("waits for drain when the stream is full, and keeps the order", async () => {
    const chunks: string[] = [];
    const slow = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk.toString());
        setTimeout(callback, 1);
      },
    });
    const piece = "x".repeat(40_000);
    await writeToStream(slow, async (write) => {
      for (let i = 0; i < 5; i += 1) await write(`${i}${piece}`);
    });
    await new Promise((resolve) => slow.end(resolve));
    expect(chunks.join("")).toBe([0, 1, 2, 3, 4].map((i) => `${i}${piece}`).join(""));
  });

  it("passes bytes on as they are, after the text gathered before them, waiting for drain", async () => {
    const chunks: Buffer[] = [];
    const slow = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        setTimeout(callback, 1);
      },
    });
    await writeToStream(slow, async (write) => {
      await write("a,");
      await write(Buffer.from("中,"));
      await write(new Uint8Array([0x62, 0x0a]));
    });
    await new Promise((resolve) => slow.end(resolve));
    expect(Buffer.concat(chunks).toString("utf8")).toBe("a,中,b\n");
  });

  it("rejects when the stream fails while full", async () => {
    const failing = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, callback) {
        setTimeout(() => callback(new Error("disk gone")), 1);
      },
    });
    failing.on("error", () => undefined);
    await expect(writeToStream(failing, (write) => write("x".repeat(70_000)))).rejects.toThrow("disk gone");
  });
});

describe("writeAtomically", () => {
  it("replaces the target only when the content is complete", async () => {
    const target = dir.write("out.txt", "old\n");
    await expect(
      writeAtomically("out.txt", dir.path, async (write) => {
        await write("x".repeat(70_000));
        throw new Error("failed halfway");
      }),
    ).rejects.toThrow("failed halfway");
    expect(readFileSync(target, "utf8")).toBe("old\n");
    expect(dir.list()).toEqual(["out.txt"]);
    await writeAtomically("out.txt", dir.path, (write) => write("new\n"));
    expect(readFileSync(join(dir.path, "out.txt"), "utf8")).toBe("new\n");
    expect(dir.list()).toEqual(["out.txt"]);
  });

  it("writes bytes as they are, after the text gathered before them", async () => {
    await writeAtomically("mixed.csv", dir.path, async (write) => {
      await write("id,名\n");
      await write(Buffer.from("p1,中\n"));
      await write("p2,x\n");
    });
    expect(readFileSync(join(dir.path, "mixed.csv"), "utf8")).toBe("id,名\np1,中\np2,x\n");
  });

  it("refuses to write over a folder", async () => {
    dir.write("sub.txt", "");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(join(dir.path, "folder"));
    await expect(writeAtomically("folder", dir.path, (write) => write("x"))).rejects.toThrow("folder: is a folder, not a file");
    expect(dir.list()).toEqual(["folder", "sub.txt"]);
  });
});

describe("writers of a lazy run", () => {
  // A plan the columnar path runs (a curve, a forced curve, multipliers, a capped pool) and one it
  // does not (commission): either way the lazy run writes the bytes of the run it stands for.
  const bulkPlan: Plan = {
    version: 1,
    currency: "CNY",
    period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" },
    kpis: [
      { id: "sales", weight: "0.7", actual: "sales", target: { column: "salesTarget" }, curve: { points: [{ x: "0.5", y: 0 }, { x: 1, y: 100 }, { x: "1.5", y: 130 }] } },
      { id: "visits", weight: "0.3", actual: "visits", target: 60, cap: "1.2" },
    ],
    grading: { method: "forced", quotas: [{ grade: "A", share: "0.2" }, { grade: "B", share: "0.7" }, { grade: "C", share: "0.1" }] },
    pay: { gradeMultipliers: { A: "1.5", B: 1, C: "0.5" }, pools: [{ id: "bonus", budget: "10000", cap: "2500" }] },
  };
  const rows = Array.from({ length: 23 }, (_, i) => ({ id: `E${String((i * 7) % 23).padStart(2, "0")}`, name: i % 3 === 0 ? "" : `N${i}`, sales: `${90000 + i * 1234.5}`, salesTarget: "100000.00", visits: String(40 + i) }));

  for (const [label, plan, data] of [
    ["columnar", bulkPlan, { rows }],
    ["commission", commissionPlan as Plan, { rows: [{ id: "C01", sales: "412000" }, { id: "C02", sales: "268500.50" }] }],
  ] as const) {
    it(`writes the same CSV and JSON bytes as the materialized run (${label})`, async () => {
      const lazy = runPlanLazy(plan, data, { trace: false });
      expect(lazy.path).toBe("columnar");
      const run = runPlan(plan, data, { trace: false });
      expect(await collect((write) => writeRunCsv(lazy, write))).toBe(await collect((write) => writeRunCsv(run, write)));
      expect(await collect((write) => writeRunJson(lazy, write))).toBe(`${JSON.stringify(run, null, 2)}\n`);
    });
  }
});
