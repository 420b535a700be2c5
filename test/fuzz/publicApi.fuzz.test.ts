// Calls every public function of payscore with arbitrary values and checks the library's promises:
// only PayscoreError is thrown (with a code and a path), no result holds NaN or Infinity, no argument
// is mutated, and equal inputs give equal outputs.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as payscore from "../../src/index.js";
import { Decimal, PAYSCORE_ERROR_CODES, PayscoreError } from "../../src/index.js";
import { deepFreeze, junk } from "./arbitraries.js";

/** Exports that are not functions of the library's own to fuzz. */
const NOT_FUZZED = new Set(["Decimal", "PayscoreError"]);
const RUNS = Number(process.env["FUZZ_RUNS"] ?? 150);

const functions = Object.entries(payscore)
  .filter(([name, value]) => typeof value === "function" && !NOT_FUZZED.has(name) && !/^[A-Z]/.test(name))
  .map(([name, value]) => [name, value as (...args: unknown[]) => unknown] as const);

/** Fails when a result holds NaN, ±Infinity or −0 anywhere. */
function assertFiniteDeep(value: unknown, where: string, seen = new Set<unknown>()): void {
  if (typeof value === "number") {
    expect(Number.isFinite(value), `${where} is ${value}`).toBe(true);
    return;
  }
  if (value instanceof Decimal || Decimal.isDecimal(value)) {
    const d = value as Decimal;
    expect(d.isFinite(), `${where} is ${d.toString()}`).toBe(true);
    expect(d.isZero() && d.isNegative(), `${where} is -0`).toBe(false);
    return;
  }
  if (value === null || typeof value !== "object" || seen.has(value)) return;
  seen.add(value);
  for (const [key, inner] of Object.entries(value)) assertFiniteDeep(inner, `${where}.${key}`, seen);
}

/** A canonical rendering for comparing two results. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === "bigint" ? `${inner}n` : inner));
}

function outcome(run: () => unknown): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, error };
  }
}

describe("every public function under arbitrary input", () => {
  it("exports functions to fuzz", () => {
    expect(functions.length).toBeGreaterThan(10);
  });

  for (const [name, fn] of functions) {
    it(`${name} throws only PayscoreError, returns no NaN/Infinity, mutates nothing and is deterministic`, () => {
      fc.assert(
        fc.property(fc.array(junk, { minLength: 0, maxLength: Math.max(4, fn.length + 1) }), (args) => {
          const frozen = args.map((arg) => deepFreeze(arg));
          const before = canonical(frozen);
          const first = outcome(() => fn(...frozen));
          if (!first.ok) {
            const error = first.error;
            if (!(error instanceof PayscoreError)) throw error;
            expect(PAYSCORE_ERROR_CODES).toContain(error.code);
            expect(Array.isArray(error.path)).toBe(true);
            expect(error.message.length).toBeGreaterThan(0);
          } else {
            assertFiniteDeep(first.value, name);
          }
          expect(canonical(frozen)).toBe(before);
          const second = outcome(() => fn(...frozen));
          expect(second.ok).toBe(first.ok);
          if (first.ok && second.ok) expect(canonical(second.value)).toBe(canonical(first.value));
          if (!first.ok && !second.ok) expect((second.error as PayscoreError).code).toBe((first.error as PayscoreError).code);
        }),
        { numRuns: RUNS },
      );
    });
  }
});
