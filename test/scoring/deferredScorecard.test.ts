import { inspect } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/numeric/index.js";
import { deferredScorecard } from "../../src/scoring/deferredScorecard.js";
import { compileScorecard, scoreKpis, type KpiLine, type KpiScorecard, type KpiSpec } from "../../src/scoring/index.js";

// scoreKpis keeps a plain-number result's lines unbuilt until they are first read. The result
// must read, copy, compare, print and serialise exactly as the eagerly built one does (the same
// values as text take the eager path).

const KPIS: KpiSpec[] = [
  { id: "revenue", weight: 0.5, curve: { points: [{ x: 0.6, y: 50 }, { x: 1, y: 100 }, { x: 1.5, y: 150 }], below: "zero" } },
  { id: "collection", weight: 0.3, cap: 1 },
  { id: "complaints", weight: 0.2, direction: "lower" },
];
const NUMBERS = { revenue: { actual: 1_150_000, target: 1_000_000 }, collection: { actual: 940_000, target: 1_000_000 }, complaints: { actual: 3, target: 4 } };
const TEXTS = { revenue: { actual: "1150000", target: "1000000" }, collection: { actual: "940000", target: "1000000" }, complaints: { actual: "3", target: "4" } };

const ownLines = (result: object): PropertyDescriptor | undefined => Object.getOwnPropertyDescriptor(result, "lines");

describe("deferredScorecard", () => {
  it("builds the lines once, on first read, and from then on holds them as a plain data property", () => {
    let built = 0;
    const lines: KpiLine[] = [];
    const source = {
      context: "context",
      build: (context: string, inputs: string): KpiLine[] => {
        expect([context, inputs]).toEqual(["context", "inputs"]);
        built++;
        return lines;
      },
    };
    const result = deferredScorecard(new Decimal(1), new Decimal(1), new Decimal(1), source, "inputs");
    expect(built).toBe(0);
    expect(ownLines(result)?.get).toBeTypeOf("function");
    expect(result.lines).toBe(lines);
    expect(result.lines).toBe(lines);
    expect(built).toBe(1);
    expect(ownLines(result)).toEqual({ value: lines, writable: true, enumerable: true, configurable: true });
  });

  it("reads as { score, lines, difficulty, baseScore }, nothing else enumerable", () => {
    const result = scoreKpis(KPIS, NUMBERS);
    expect(ownLines(result)?.get).toBeTypeOf("function");
    expect(Object.keys(result)).toEqual(["score", "lines", "difficulty", "baseScore"]);
    expect(Object.getOwnPropertySymbols(result).filter((s) => Object.getOwnPropertyDescriptor(result, s)?.enumerable)).toEqual([]);
  });

  it("is a plain object: Object.prototype its prototype, no constructor of its own", () => {
    const result = scoreKpis(KPIS, NUMBERS);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.hasOwn(result, "constructor")).toBe(false);
    expect(result.constructor).toBe(Object);
    expect(inspect(result, { customInspect: false, depth: 0 })).toMatch(/^\{\s+score: \[Decimal\]/);
  });

  it("holds its source where no reflection finds it; its getter borrowed onto another object gives no lines", () => {
    const result = scoreKpis(KPIS, NUMBERS);
    expect(Reflect.ownKeys(result)).toEqual(["score", "lines", "difficulty", "baseScore", Symbol.for("nodejs.util.inspect.custom")]);
    const getter = ownLines(result)?.get as () => unknown;
    expect(getter.call({})).toEqual([]);
    expect(result.lines).toEqual(scoreKpis(KPIS, TEXTS).lines);
  });

  it("an assignment to lines before any read replaces them, as for a data property", () => {
    const result = scoreKpis(KPIS, NUMBERS) as { lines: KpiLine[] };
    result.lines = [];
    expect(result.lines).toEqual([]);
    expect(ownLines(result)?.writable).toBe(true);
  });

  it("a frozen result still reads its lines, the same array every time, and refuses an assignment", () => {
    const result = Object.freeze(scoreKpis(KPIS, NUMBERS));
    const first = result.lines;
    expect(result.lines).toBe(first);
    expect(first).toEqual(scoreKpis(KPIS, TEXTS).lines);
    expect(() => {
      (result as { lines: KpiLine[] }).lines = [];
    }).toThrow(TypeError);
    expect(result.lines).toBe(first);
  });

  it("copies, serialises and prints as the eager result does", () => {
    const eager = scoreKpis(KPIS, TEXTS);
    expect(ownLines(eager)?.get).toBeUndefined();
    expect(JSON.stringify(scoreKpis(KPIS, NUMBERS))).toBe(JSON.stringify(eager));
    expect({ ...scoreKpis(KPIS, NUMBERS) }).toEqual({ ...eager });
    expect(inspect(scoreKpis(KPIS, NUMBERS), { depth: 4 })).toBe(inspect(eager, { depth: 4 }));
    expect(inspect(scoreKpis(KPIS, NUMBERS), { depth: 0 })).toBe(inspect(eager, { depth: 0 }));
    expect(inspect(scoreKpis(KPIS, NUMBERS))).not.toContain("Getter");
  });

  it("each result builds its own line objects; changing them changes no other result", () => {
    const a = scoreKpis(KPIS, NUMBERS);
    const b = scoreKpis(KPIS, NUMBERS);
    expect(a.lines[0]).not.toBe(b.lines[0]);
    (a.lines as KpiLine[]).length = 0;
    expect(b.lines).toHaveLength(3);
    expect(scoreKpis(KPIS, NUMBERS).lines).toHaveLength(3);
  });

  it("keeps the numbers read at the call: changing values afterwards does not change the lines", () => {
    const values = structuredClone(NUMBERS);
    const result = scoreKpis(KPIS, values);
    values.revenue.actual = 0;
    expect(result.lines).toEqual(scoreKpis(KPIS, TEXTS).lines);
  });

  it("a compiled scorecard defers its lines too", () => {
    const result = compileScorecard(KPIS)(NUMBERS);
    expect(ownLines(result)?.get).toBeTypeOf("function");
    expect(result).toEqual(scoreKpis(KPIS, TEXTS));
  });

  it("a result with an entry that is not plain numbers is built at once, the numbers before it included", () => {
    const mixed = { revenue: NUMBERS.revenue, collection: TEXTS.collection, complaints: NUMBERS.complaints };
    const result = scoreKpis(KPIS, mixed);
    expect(ownLines(result)?.get).toBeUndefined();
    expect(result).toEqual(scoreKpis(KPIS, TEXTS));
    const missing = scoreKpis(KPIS, { revenue: NUMBERS.revenue, collection: NUMBERS.collection }, { missing: "zero" });
    expect(ownLines(missing)?.get).toBeUndefined();
    expect(missing.lines[2]?.attainment).toBeNull();
  });

  it("deferred lines equal the eager ones, digit for digit, in every form (property)", () => {
    const pair = fc.record({ actual: fc.integer({ min: 0, max: 5_000_000 }).map((n) => n / 100), target: fc.integer({ min: 1, max: 5_000_000 }).map((n) => n / 100) });
    fc.assert(
      fc.property(fc.tuple(pair, pair, pair), fc.boolean(), ([r, c, k], readFirst) => {
        const numbers = { revenue: r, collection: c, complaints: k };
        const texts = Object.fromEntries(Object.entries(numbers).map(([id, v]) => [id, { actual: String(v.actual), target: String(v.target) }]));
        const deferred: KpiScorecard = scoreKpis(KPIS, numbers);
        const eager = scoreKpis(KPIS, texts);
        if (readFirst) void deferred.lines;
        expect(deferred).toEqual(eager);
        expect(JSON.stringify(deferred)).toBe(JSON.stringify(eager));
      }),
      { numRuns: 300 },
    );
  });

  it("a getter that scores another person in the middle of a call changes neither result", () => {
    const inner: KpiScorecard[] = [];
    const values = {
      revenue: NUMBERS.revenue,
      collection: {
        get actual() {
          inner.push(scoreKpis(KPIS, { revenue: { actual: 1, target: 2 }, collection: { actual: 3, target: 4 }, complaints: { actual: 5, target: 6 } }));
          return NUMBERS.collection.actual;
        },
        target: NUMBERS.collection.target,
      },
      complaints: NUMBERS.complaints,
    };
    const outer = scoreKpis(KPIS, values);
    expect(outer).toEqual(scoreKpis(KPIS, TEXTS));
    expect(inner[0]).toEqual(scoreKpis(KPIS, { revenue: { actual: "1", target: "2" }, collection: { actual: "3", target: "4" }, complaints: { actual: "5", target: "6" } }));
  });

  it("scorecards of other lengths in turn keep their own numbers (a longer one, then a shorter one)", () => {
    const longer: KpiSpec[] = [...KPIS.map((k) => ({ ...k, weight: 0.1 })), { id: "visits", weight: 0.7, cap: 1.2 }];
    const long = scoreKpis(longer, { ...NUMBERS, visits: { actual: 50, target: 60 } });
    const short = scoreKpis([{ id: "visits", weight: 1 }], { visits: { actual: 45, target: 60 } });
    expect(short.lines.map((l) => l.id)).toEqual(["visits"]);
    expect(short.score.toString()).toBe("75");
    expect(long.lines.map((l) => l.id)).toEqual(["revenue", "collection", "complaints", "visits"]);
    expect(long).toEqual(scoreKpis(longer, { ...TEXTS, visits: { actual: "50", target: "60" } }));
  });

  it("does not mutate the values it is given", () => {
    const values = structuredClone(NUMBERS);
    void scoreKpis(KPIS, values).lines;
    expect(values).toEqual(NUMBERS);
  });
});
