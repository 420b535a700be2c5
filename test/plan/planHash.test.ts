import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
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
});
