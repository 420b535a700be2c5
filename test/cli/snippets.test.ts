import { readFileSync, readdirSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";

// Every snippet in examples/snippets/ prints its results; each "// → …" comment in the file is
// the expected output of the next console.log, in order. This keeps the examples true.
const folder = new URL("../../examples/snippets/", import.meta.url);
const snippets = readdirSync(folder).filter((name) => name.endsWith(".ts")).sort();

afterEach(() => {
  vi.restoreAllMocks();
});

describe("examples/snippets", () => {
  it("has one snippet per domain", () => {
    expect(snippets).toEqual(["compensation.ts", "grading.ts", "metrics.ts", "review360.ts", "scoring.ts", "targets.ts"]);
  });

  for (const name of snippets) {
    it(`${name} prints what its comments say`, async () => {
      const source = readFileSync(new URL(name, folder), "utf8");
      const expected = [...source.matchAll(/\/\/ → (.*)$/gm)].map((match) => match[1]);
      const printed: string[] = [];
      vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
        printed.push(args.map(String).join(" "));
      });
      await import(new URL(name, folder).href);
      expect(printed).toEqual(expected);
    });
  }
});
