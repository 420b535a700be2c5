import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatPath } from "../../src/errors/formatPath.js";

/** Reads a formatted path back: identifiers, `.identifier`, `[index]` and `["json string"]`. */
function parsePath(text: string): (string | number)[] {
  if (text === "(root)") return [];
  const path: (string | number)[] = [];
  const token = /^(?:(\.)?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\])/;
  let rest = text;
  while (rest !== "") {
    const match = token.exec(rest);
    if (match === null) throw new Error(`cannot read ${JSON.stringify(rest)} of ${JSON.stringify(text)}`);
    // an identifier is dotted exactly when something comes before it
    if (match[2] !== undefined && (match[1] !== undefined) !== path.length > 0) throw new Error(`misplaced dot in ${JSON.stringify(text)}`);
    if (match[2] !== undefined) path.push(match[2]);
    else if (match[3] !== undefined) path.push(Number(match[3]));
    else path.push(JSON.parse(match[4] as string) as string);
    rest = rest.slice(match[0].length);
  }
  return path;
}

const key = fc.oneof(
  fc.stringMatching(/^[A-Za-z_$][\w$]{0,8}$/),
  fc.string({ maxLength: 8 }),
  fc.constantFrom("", "0", "base pay", "奖金包", 'a"b', "a.b", "[1]"),
);
const pathArb = fc.array(fc.oneof(key, fc.nat({ max: 10_000 })), { maxLength: 8 });

describe("formatPath properties", () => {
  it("is unambiguous: the text reads back to the same keys and indexes", () => {
    fc.assert(
      fc.property(pathArb, (path) => {
        expect(parsePath(formatPath(path))).toEqual(path);
      }),
      { numRuns: 500, seed: 20261207 },
    );
  });

  it("writes a path split before an index as the two parts' texts joined", () => {
    fc.assert(
      fc.property(pathArb, fc.nat({ max: 10_000 }), pathArb, (a, index, rest) => {
        fc.pre(a.length > 0);
        // an index is written the same wherever it stands, so the texts concatenate
        expect(formatPath([...a, index, ...rest])).toBe(formatPath(a) + formatPath([index, ...rest]));
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });
});
