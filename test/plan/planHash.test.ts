import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";
import { canonicalJson, planHash, sha256Hex } from "../../src/plan/planHash.js";

describe("planHash", () => {
  it("matches node's SHA-256 on messages around the block boundaries", () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const text = "a€".repeat(length).slice(0, length);
      const bytes = new TextEncoder().encode(text);
      expect(sha256Hex(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
  });

  it("does not depend on key order or whitespace", () => {
    expect(planHash({ b: 1, a: [true, null, { d: "x", c: 2 }] })).toBe(planHash(JSON.parse('{ "a": [true, null, {"c": 2, "d": "x"}], "b": 1 }')));
    expect(canonicalJson({ b: 1, a: undefined, c: [1] })).toBe('{"b":1,"c":[1]}');
  });

  it("hashes the empty string to the SHA-256 test vector", () => {
    expect(planHash("")).toBe("sha256:12ae32cb1ec02d01eda3581b127c1fee3b0dc53572ed6baf239721a03d82e126");
  });

  it("changes when a value changes", () => {
    expect(planHash({ a: 1 })).not.toBe(planHash({ a: "1" }));
  });

  it("refuses values that JSON cannot hold, naming where they are", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic["self"] = cyclic;
    for (const [value, path] of [
      [{ budget: 10n }, ["budget"]],
      [{ kpis: [{ weight: Number.NaN }] }, ["kpis", 0, "weight"]],
      [{ f: () => 1 }, ["f"]],
      [Symbol("s"), []],
      [cyclic, ["self"]],
    ] as const) {
      try {
        planHash(value);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(PayscoreError);
        expect((error as PayscoreError).code).toBe("INVALID_ARGUMENT");
        expect((error as PayscoreError).path).toEqual(path);
      }
    }
  });

  it("hashes a shared (non-cyclic) sub-object like a copy", () => {
    const shared = { x: 1 };
    expect(planHash({ a: shared, b: shared })).toBe(planHash({ a: { x: 1 }, b: { x: 1 } }));
  });
});
