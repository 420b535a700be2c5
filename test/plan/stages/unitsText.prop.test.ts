import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal, scaledInteger } from "../../../src/numeric/index.js";
import { isCanonical, isCanonicalParsed } from "../../../src/plan/stages/unitsText.js";

// The columnar run shows a cell the scorer has read (a scored KPI of a row on the integer path)
// as the cell itself when it is already written canonically, decided by `isCanonicalParsed` from
// three characters; every other cell goes through `isCanonical`, which reads them all.

/** Strings of signs, digits and points, as a hand-typed or exported cell may be. */
const numberLikeArb = fc.oneof(
  fc.string({ unit: fc.constantFrom("0", "1", "5", "9", ".", "-", "+"), minLength: 1, maxLength: 24 }),
  fc
    .tuple(
      fc.constantFrom("", "-", "+"),
      fc.string({ unit: fc.constantFrom("0", "1", "2", "7", "9"), maxLength: 16 }),
      fc.constantFrom("", "."),
      fc.string({ unit: fc.constantFrom("0", "3", "5", "8"), maxLength: 16 }),
    )
    .map(([sign, whole, point, fraction]) => `${sign}${whole}${point}${fraction}`),
);
/** Whether the scorer reads `text` as an exact integer at some scale. */
const readByScorer = (text: string): boolean => [0, 2, 6, 15].some((scale) => scaledInteger(text, scale) !== undefined);

describe("isCanonicalParsed", () => {
  it("agrees with isCanonical on every string the scorer reads", () => {
    fc.assert(
      fc.property(numberLikeArb.filter(readByScorer), (text) => {
        expect(isCanonicalParsed(text)).toBe(isCanonical(text));
      }),
      { numRuns: 3000, seed: 20261204 },
    );
  });

  it("says canonical exactly when Decimal#toString gives the text back", () => {
    fc.assert(
      fc.property(numberLikeArb.filter(readByScorer), (text) => {
        expect(isCanonicalParsed(text)).toBe(new Decimal(text).toString() === text);
      }),
      { numRuns: 3000, seed: 4 },
    );
  });

  it("decides the written forms one by one", () => {
    const canonical = ["0", "7", "10", "-7", "0.5", "-0.5", "120.25", "999999999999999"];
    const other = ["-0", "+7", "05", "-05", "00.5", ".5", "-.5", "5.", "1.50", "0.0", "-0.0", "10.0"];
    for (const text of canonical) expect([text, isCanonicalParsed(text), isCanonical(text)]).toEqual([text, true, true]);
    for (const text of other) expect([text, isCanonicalParsed(text), isCanonical(text)]).toEqual([text, false, false]);
  });
});
