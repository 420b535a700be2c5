import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { PAYSCORE_VERSION } from "../../src/plan/index.js";

it("writes the package's version into every run", () => {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  expect(PAYSCORE_VERSION).toBe(pkg.version);
});
