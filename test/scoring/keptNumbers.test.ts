import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeptNumbers } from "../../src/scoring/keptNumbers.js";
import { scoreKpis, type KpiLine, type KpiSpec } from "../../src/scoring/index.js";

// Deferred results keep their numbers in chunks shared by many results: each result's place must
// stay its own across chunks, growth, give-backs and nested calls.

const build = (): KpiLine[] => [];

describe("KeptNumbers", () => {
  it("gives each reservation its own place, width apart, and starts a new chunk when one is full", () => {
    const kept = new KeptNumbers("kpis", 24, build);
    const first = kept.source;
    expect(first.context.kpis).toBe("kpis");
    expect(first.context.data.length).toBe(64);
    expect([kept.reserve(), kept.reserve()]).toEqual([0, 24]);
    expect(kept.source).toBe(first);
    // 48 + 24 > 64: the third goes to a new chunk, twice the size.
    expect(kept.reserve()).toBe(0);
    expect(kept.source).not.toBe(first);
    expect(kept.source.context.data.length).toBe(128);
    expect(kept.source.context.kpis).toBe("kpis");
    expect(kept.source.build).toBe(build);
  });

  it("grows chunks by doubling up to 8192 numbers, and makes a chunk at least one result wide", () => {
    const kept = new KeptNumbers(null, 2, build);
    const sizes = new Set<number>();
    for (let i = 0; i < 20_000; i++) {
      kept.reserve();
      sizes.add(kept.source.context.data.length);
    }
    expect([...sizes]).toEqual([64, 128, 256, 512, 1024, 2048, 4096, 8192]);
    const wide = new KeptNumbers(null, 10_000, build);
    expect(wide.source.context.data.length).toBe(10_000);
    expect([wide.reserve(), wide.reserve()]).toEqual([0, 0]);
    expect(wide.source.context.data.length).toBe(10_000);
  });

  it("takes back only the last reservation of the current chunk", () => {
    const kept = new KeptNumbers(null, 8, build);
    const a = kept.reserve();
    const source = kept.source;
    kept.giveBack(source, a);
    expect(kept.reserve()).toBe(a);
    const b = kept.reserve();
    kept.giveBack(source, a); // not the last: stays used
    expect(kept.reserve()).toBe(b + 8);
    kept.giveBack({ context: source.context, build }, b + 8); // another source: stays used
    expect(kept.reserve()).toBe(b + 16);
  });

  it("reserved places never overlap (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.array(fc.boolean(), { maxLength: 400 }), (width, giveBacks) => {
        const kept = new KeptNumbers(null, width, build);
        const held = new Map<object, Set<number>>();
        for (const back of giveBacks) {
          const offset = kept.reserve();
          const { data } = kept.source.context;
          expect(offset + width).toBeLessThanOrEqual(data.length);
          if (back) {
            kept.giveBack(kept.source, offset);
            continue;
          }
          const places = held.get(data) ?? new Set<number>();
          for (let k = 0; k < width; k++) {
            expect(places.has(offset + k)).toBe(false);
            places.add(offset + k);
          }
          held.set(data, places);
        }
      }),
    );
  });
});

describe("scoreKpis results across many chunks", () => {
  const KPIS: KpiSpec[] = [
    { id: "revenue", weight: 0.6, curve: { points: [{ x: 0.6, y: 50 }, { x: 1, y: 100 }, { x: 1.5, y: 150 }], below: "zero" } },
    { id: "visits", weight: 0.4, cap: 1.2 },
  ];

  it("every result's lines are its own numbers', read first or last, in any order", () => {
    const values = Array.from({ length: 5000 }, (_, i) => ({ revenue: { actual: 1000 + 37 * i, target: 2000 + (i % 13) }, visits: { actual: i % 97, target: 60 } }));
    const results = values.map((v) => scoreKpis(KPIS, v));
    const texts = (v: (typeof values)[number]) => ({ revenue: { actual: String(v.revenue.actual), target: String(v.revenue.target) }, visits: { actual: String(v.visits.actual), target: "60" } });
    for (const i of [4999, 0, 1, 2500, 31, 32, 33, 4000]) expect(results[i]).toEqual(scoreKpis(KPIS, texts(values[i] as (typeof values)[number])));
    results.forEach((r, i) => expect(r.lines[0]?.attainment?.toString()).toBe(scoreKpis(KPIS, texts(values[i] as (typeof values)[number])).lines[0]?.attainment?.toString()));
  });

  it("a result that falls back to eager lines gives its place back to the next one", () => {
    const a = scoreKpis(KPIS, { revenue: { actual: 1, target: 2 }, visits: { actual: "3", target: 4 } });
    const b = scoreKpis(KPIS, { revenue: { actual: 5, target: 6 }, visits: { actual: 7, target: 8 } });
    expect(a).toEqual(scoreKpis(KPIS, { revenue: { actual: "1", target: "2" }, visits: { actual: "3", target: "4" } }));
    expect(b).toEqual(scoreKpis(KPIS, { revenue: { actual: "5", target: "6" }, visits: { actual: "7", target: "8" } }));
  });
});
