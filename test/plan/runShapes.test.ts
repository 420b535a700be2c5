import { describe, expect, it } from "vitest";
import { diffRuns, diffText, explain } from "../../src/index.js";
import { MAX_TEXT, readDiffShape, readRunShape, readStatement } from "../../src/plan/runShapes.js";

describe("the shapes explain, diffRuns and diffText read", () => {
  it("accept sparse statements and runs read back from JSON", () => {
    expect(readStatement({ person: { id: "p01" } }, ["statement"]).person.id).toBe("p01");
    expect(readRunShape({ statements: [] }, ["before"]).statements).toEqual([]);
    expect(readDiffShape({ added: [], removed: [], changed: [], unchanged: 0, totals: { before: "0", after: "0", delta: "0" } }, ["diff"]).changed).toEqual([]);
  });

  it("refuse a misshapen field with its path (issue 22: explain/diffRuns on malformed statements)", () => {
    expect(() => readStatement({ person: null }, ["statement"])).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["statement", "person"] }));
    expect(() => explain({ person: { id: "p" }, kpis: [], review360: { groups: 5 } } as never, { locale: "en" })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["statement", "review360", "groups"] }),
    );
    expect(() => diffRuns({ statements: [{ person: { id: "a" }, pay: [{ component: "fixed", id: "fixed", amount: 5 }] }] } as never, { statements: [] } as never)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["before", "statements", 0, "pay", 0, "amount"] }),
    );
    expect(() => diffText({ changed: [] } as never, { locale: "en" })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });

  it("refuse text longer than MAX_TEXT, which made one explain call take over 30 s", () => {
    const started = performance.now();
    expect(() => explain({ person: { id: "p" }, kpis: [], trace: [{ step: "x", formula: "y", inputs: "9".repeat(1_000_000), result: "1" }] } as never, { locale: "en" })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => explain({ person: { id: "x".repeat(MAX_TEXT + 1) }, kpis: [] } as never, { locale: "en" })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", path: ["statement", "person", "id"] }));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
