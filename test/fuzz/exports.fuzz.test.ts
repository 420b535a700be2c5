// Calls EVERY export of src/index.ts with a valid call spoiled in one place at a time: junk,
// array holes, look-alike Decimals, the caller's throwing getters, proxies with throwing traps,
// revoked proxies, 100 000-deep nesting and huge values. A call "escapes" when it throws anything
// but a PayscoreError, throws INTERNAL_ERROR (a foreign throw payscore could not pin on the input),
// takes longer than the time bound, returns NaN/±Infinity/−0 or mutates its (frozen) input.
import { appendFileSync } from "node:fs";
import { describe as suite, expect, it } from "vitest";
import * as payscore from "../../src/index.js";
import { Decimal, PAYSCORE_ERROR_CODES, PayscoreError, isPayscoreError } from "../../src/index.js";
import { holey, junkValues, proxies, throwingGetter } from "./hostile.js";
import { seeds } from "./seeds.js";

/** The longest one call may take (ms). */
const TIME_BOUND_MS = Number(process.env["FUZZ_TIME_BOUND_MS"] ?? 2000);
/** Exports that are not functions to call: classes and constants. */
const NOT_CALLED = new Set(["Decimal", "PayscoreError"]);
const JUNK = junkValues();
/** A file to append each call to before it is made (to find a call that hangs). */
const TRACE = process.env["FUZZ_TRACE"];
/** Only these exports (comma-separated), when set. */
const ONLY = process.env["FUZZ_ONLY"]?.split(",");

function describe(value: unknown): string {
  try {
    return describeUnsafe(value);
  } catch {
    return "revoked proxy";
  }
}

function describeUnsafe(value: unknown): string {
  if (Array.isArray(value)) return `array(${value.length})`;
  if (typeof value === "string") return `string(${value.length}) ${value.slice(0, 20)}`;
  if (typeof value === "symbol" || typeof value === "function") return typeof value;
  if (typeof value === "bigint") return "bigint";
  return typeof value === "object" ? "object" : String(value);
}

type Path = readonly (string | number)[];

/** The places in an argument list to spoil: every node down to depth 5. */
function placesIn(args: readonly unknown[]): { path: Path; value: unknown }[] {
  const places: { path: Path; value: unknown }[] = [];
  const visit = (value: unknown, path: Path): void => {
    places.push({ path, value });
    if (path.length >= 5 || value === null || typeof value !== "object") return;
    for (const key of Object.keys(value)) visit((value as Record<string, unknown>)[key], [...path, Array.isArray(value) ? Number(key) : key]);
  };
  args.forEach((arg, i) => visit(arg, [i]));
  return places;
}

/** A fresh deep copy of a seed (plain data, arrays and numbers such as Infinity). */
function copy<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => copy(item)) as T;
  if (value instanceof Decimal) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = copy(inner);
  return out as T;
}

/** The seed's arguments with `replacement` put at `path`. */
function spoiled(args: readonly unknown[], path: Path, replacement: unknown): unknown[] {
  const out = copy([...args]);
  let parent: Record<string | number, unknown> = out as unknown as Record<number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path[path.length - 1] as string | number] = replacement;
  return out;
}

function freeze(value: unknown, skip: unknown): void {
  const stack = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === skip || item === null || typeof item !== "object" || Object.isFrozen(item)) continue;
    for (const key of Object.keys(item)) stack.push((item as Record<string, unknown>)[key]);
    Object.freeze(item);
  }
}

/** A rendering of the arguments (the spoiled place written as a marker) to detect mutation. */
function snapshot(value: unknown, skip: unknown): string {
  const render = (item: unknown, depth: number): string => {
    if (item === skip && typeof item === "object" && item !== null) return "<hostile>";
    if (typeof item === "bigint") return `${item}n`;
    if (typeof item !== "object" || item === null) return typeof item === "symbol" || typeof item === "function" ? typeof item : JSON.stringify(item) ?? "undefined";
    if (item instanceof Decimal) return `D${item.toString()}`;
    if (depth > 8) return "…";
    return `{${Object.keys(item).map((key) => `${key}:${render((item as Record<string, unknown>)[key], depth + 1)}`).join(",")}}`;
  };
  return render(value, 0);
}

/** The first NaN, ±Infinity or −0 in a result, or null (a caller's own hostile object passed through is skipped). */
function nonFinite(value: unknown, skip: unknown): string | null {
  try {
    return nonFiniteIn(value, skip);
  } catch {
    return null;
  }
}

function nonFiniteIn(value: unknown, skip: unknown): string | null {
  const stack: { value: unknown; where: string }[] = [{ value, where: "result" }];
  const seen = new Set<unknown>();
  let visited = 0;
  while (stack.length > 0 && visited++ < 200_000) {
    const { value: item, where } = stack.pop() as { value: unknown; where: string };
    if (typeof item === "number") {
      if (!Number.isFinite(item) && !where.includes("cap")) return `${where} = ${item}`;
      if (Object.is(item, -0)) return `${where} = -0`;
      continue;
    }
    if (item === skip) continue;
    if (item instanceof Decimal && Object.getPrototypeOf(item) === Decimal.prototype && Array.isArray((item as { d?: unknown }).d)) {
      if (!item.isFinite()) return `${where} = ${item.toString()}`;
      if (item.isZero() && item.isNegative()) return `${where} = -0`;
      continue;
    }
    if (item === null || typeof item !== "object" || seen.has(item)) continue;
    seen.add(item);
    for (const [key, inner] of Object.entries(item)) stack.push({ value: inner, where: `${where}.${key}` });
  }
  return null;
}

interface Escape {
  readonly fn: string;
  readonly path: string;
  readonly kind: string;
  readonly detail: string;
}

function hostilesFor(value: unknown): unknown[] {
  const out = [...JUNK];
  if (Array.isArray(value)) {
    out.push(...holey(value));
    if (value.length > 0) out.push(throwingGetter(value, 0));
    out.push(...proxies(value));
  } else if (value !== null && typeof value === "object") {
    for (const key of Object.keys(value)) out.push(throwingGetter(value, key));
    out.push(...proxies(value));
  }
  return out;
}

/** Calls `fn` with every spoiled copy of `args`; returns the number of calls. */
function attack(name: string, fn: (...args: unknown[]) => unknown, args: readonly unknown[], escapes: Escape[]): number {
  let calls = 0;
  const cases: { path: Path; hostile: unknown }[] = [{ path: [], hostile: undefined }];
  for (const place of placesIn(args)) for (const hostile of hostilesFor(place.value)) cases.push({ path: place.path, hostile });
  // Too few and too many arguments.
  const argLists: { path: string; list: unknown[]; hostile: unknown }[] = [
    { path: "(no arguments)", list: [], hostile: undefined },
    { path: "(extra argument)", list: [...copy([...args]), { junk: true }], hostile: undefined },
  ];
  for (const { path, hostile } of cases) {
    argLists.push({ path: path.length === 0 ? "(valid)" : path.join("."), list: path.length === 0 ? copy([...args]) : spoiled(args, path, hostile), hostile });
  }
  for (const { path, list, hostile } of argLists) {
    freeze(list, hostile);
    if (TRACE !== undefined) appendFileSync(TRACE, `${name} @ ${path} ${describe(hostile)}\n`);
    const before = snapshot(list, hostile);
    const started = performance.now();
    let result: unknown;
    let error: unknown;
    let threw = false;
    try {
      result = fn(...list);
    } catch (caught) {
      threw = true;
      error = caught;
    }
    const took = performance.now() - started;
    calls++;
    const report = (kind: string, detail: string): void => {
      escapes.push({ fn: name, path, kind, detail: detail.slice(0, 200) });
    };
    if (took > TIME_BOUND_MS) report("slow", `${Math.round(took)} ms`);
    if (threw) {
      if (!(error instanceof PayscoreError)) report("foreign throw", `${(error as Error)?.constructor?.name}: ${(error as Error)?.message}`);
      else if (error.code === "INTERNAL_ERROR") report("internal error", `${error.message} ← ${String((error.cause as Error)?.stack ?? "").split("\n").slice(0, 3).join(" | ")}`);
      else if (!PAYSCORE_ERROR_CODES.includes(error.code) || !Array.isArray(error.path) || !isPayscoreError(error)) report("malformed PayscoreError", error.message);
    } else {
      // A caller's own field kept as it is (calibrate360 keeps `ratee`) is the caller's value, not a result.
    const bad = nonFinite(result, hostile);
    const passedThrough = bad !== null && path.split(".").at(-1) === bad.split(" = ")[0]?.split(".").at(-1) && typeof hostile === "number";
      if (bad !== null && !passedThrough) report("non-finite result", bad);
    }
    let after: string;
    try {
      after = snapshot(list, hostile);
    } catch {
      after = before;
    }
    if (after !== before) report("mutated input", path);
  }
  return calls;
}

suite("every export under hostile input", () => {
  it("throws only PayscoreError, within the time bound, never returns NaN/Infinity and never mutates its input", () => {
    const table = seeds();
    const exported = Object.entries(payscore).filter(([name, value]) => typeof value === "function" && !NOT_CALLED.has(name));
    const missing = exported.map(([name]) => name).filter((name) => !(name in table));
    expect(missing, "exports without a seed in test/fuzz/seeds.ts").toEqual([]);
    const escapes: Escape[] = [];
    let calls = 0;
    for (const [name, value] of exported) {
      if (ONLY !== undefined && !ONLY.includes(name)) continue;
      const fn = value as (...args: unknown[]) => unknown;
      const args = table[name] as unknown[];
      calls += attack(name, fn, args, escapes);
      // A compiled function (compileCurve, compileScorecard, …) is an export too: attack what it returns.
      if (name.startsWith("compile")) {
        const compiled = fn(...copy(args)) as (...inner: unknown[]) => unknown;
        const inner = (table[`${name}()`] ?? []) as unknown[];
        calls += attack(`${name}()`, compiled, inner, escapes);
      }
    }
    const lazy = payscore.runPlanLazy(...(copy(table["runPlanLazy"]) as Parameters<typeof payscore.runPlanLazy>));
    calls += attack("runPlanLazy().statementAt", (i) => lazy.statementAt(i as number), [0], escapes);
    const kinds = new Map<string, number>();
    for (const e of escapes) kinds.set(`${e.fn}: ${e.kind}`, (kinds.get(`${e.fn}: ${e.kind}`) ?? 0) + 1);
    const distinct = new Map<string, Escape>();
    for (const e of escapes) if (!distinct.has(`${e.fn}|${e.kind}|${e.detail.slice(0, 60)}`)) distinct.set(`${e.fn}|${e.kind}|${e.detail.slice(0, 60)}`, e);
    console.log(`export fuzz: ${exported.length} exports, ${calls} calls, ${escapes.length} escapes (${distinct.size} distinct)`);
    for (const e of [...distinct.values()].slice(0, 80)) console.log(`  ${e.fn} @ ${e.path}: ${e.kind}: ${e.detail}`);
    expect([...distinct.values()]).toEqual([]);
  }, 600_000);
});
