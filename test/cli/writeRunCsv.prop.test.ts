import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { WriteText } from "../../src/cli/writeAtomically.js";
import { writeRunCsv } from "../../src/cli/writeRunCsv.js";
import type { PayLine, Statement } from "../../src/index.js";
import { runOf } from "./fixtures.js";
import { writeRunCsvAsBefore } from "./writeRunCsvReference.js";

async function bytesOf(produce: (write: WriteText) => Promise<void>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await produce(async (chunk) => {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk));
  });
  return Buffer.concat(chunks);
}

// Text with every character that needs quotes, non-ASCII (2, 3 and 4 UTF-8 bytes), a lone surrogate and the characters that start a formula.
const text = fc.string({ unit: fc.constantFrom("a", "1", ".", ",", '"', "\n", "\r", " ", "é", "中", "😀", "\ud800", "=", "+", "-", "@", "\t"), maxLength: 8 });
const maybe = fc.option(text, { nil: null });
const kpiIds = ["k1", "k,2", 'k"3'];
const payIds: PayLine[] = [
  { component: "pool", id: "bonus", amount: "0" },
  { component: "award", id: "a,b", amount: "0" },
  { component: "commission", id: "commission", amount: "0" },
];
const statement = fc
  .record({
    id: text,
    name: maybe,
    team: maybe,
    basePay: maybe,
    kpis: fc.subarray(kpiIds),
    reversed: fc.boolean(),
    actual: maybe,
    points: text,
    pay: fc.subarray(payIds),
    amount: text,
    rank: fc.nat(),
    eligible: fc.option(fc.boolean(), { nil: null }),
  })
  .map(
    (r): Statement => ({
      person: { id: r.id, name: r.name, team: r.team, region: null, role: r.name, activeFrom: "2026-01-01", activeTo: "2026-03-31", basePay: r.basePay },
      indicators: [],
      kpis: (r.reversed ? [...r.kpis].reverse() : r.kpis).map((id) => ({ id, name: null, category: null, actual: r.actual, target: "1", attainment: r.actual, points: r.points, weight: "1", difficulty: "1", contribution: "1" })),
      kpiScore: r.points,
      review360: r.actual === null ? null : ({ points: r.actual } as Statement["review360"]),
      score: r.points,
      rank: r.rank,
      grade: r.name === null ? null : ({ initial: r.name, final: r.points } as Statement["grade"]),
      pay: (r.reversed ? [...r.pay].reverse() : r.pay).map((line) => ({ ...line, amount: r.amount })),
      totalPayout: r.amount,
      promotion: r.eligible === null ? null : ({ eligible: r.eligible } as Statement["promotion"]),
      trace: [],
    }),
  );

describe("writeRunCsv writes bytes", () => {
  it("writes exactly the bytes of the string-per-row writer it replaced, for any cell text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(statement, { maxLength: 6 }), async (statements) => {
        const run = runOf(statements);
        const expected = await bytesOf((write) => writeRunCsvAsBefore(run, write));
        expect((await bytesOf((write) => writeRunCsv(run, write))).equals(expected)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("splits a long run and a cell longer than a buffer over several buffers, with the same bytes", async () => {
    const long = "x".repeat((1 << 20) + 5);
    const statements = Array.from({ length: 2500 }, (_, i) => i);
    const run = runOf(
      statements.map((i) => ({
        person: { id: `p${i}`, name: i === 7 ? long : i === 8 ? `中${long}` : null, team: null, region: null, role: null, activeFrom: "2026-01-01", activeTo: "2026-03-31", basePay: null },
        indicators: [],
        kpis: [],
        kpiScore: "1",
        review360: null,
        score: "1",
        rank: i,
        grade: null,
        pay: [],
        totalPayout: "0.00",
        promotion: null,
        trace: [],
      })),
    );
    const seen: number[] = [];
    const actual = await bytesOf((write) => writeRunCsv(run, write, (done) => seen.push(done)));
    const expected = await bytesOf((write) => writeRunCsvAsBefore(run, write));
    expect(actual.equals(expected)).toBe(true);
    expect(seen).toEqual([1000, 2000, 2500]);
  });
});
