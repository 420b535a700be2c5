// npm run demo prints only the result, no wider than 100 columns. It runs the built library, so
// this test needs dist/ (CI builds before it tests); without a build it is skipped.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const built = existsSync(new URL("../../dist/index.js", import.meta.url));

describe("the demo", () => {
  it.skipIf(!built)("prints the payouts table within 100 columns, amounts grouped for the currency", () => {
    const out = execFileSync(process.execPath, ["examples/demo.mjs"], { cwd: root, encoding: "utf8" });
    const lines = out.trimEnd().split("\n");
    expect(Math.max(...lines.map((line) => [...line].length))).toBeLessThanOrEqual(100);
    expect(lines[0]).toBe("Regional sales team — 2026 Q1 — 2026-Q1 (2026-01-01 … 2026-03-31)");
    expect(out).toMatch(/\nR01 Wang Fang +East +98\.39 +5 B +42,000\.00 +17,420\.40 +8,200\.00 +14,975\.74 +0\.00 +82,596\.14\n/);
    expect(out).toMatch(/ 756,987\.61\n/);
  });
});
