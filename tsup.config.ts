import { defineConfig } from "tsup";
import { fileURLToPath } from "node:url";
import { markPurePlugin } from "./scripts/markPure.mjs";
import { vendorPlugin } from "./scripts/vendor.mjs";

const srcDir = fileURLToPath(new URL("./src", import.meta.url));

export default defineConfig([
  {
    // The library: one root entry, ESM + CJS, with declarations for both.
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    treeshake: true,
    splitting: false,
    // Top-level schemas, clones and tables marked pure, so a bundle of one function drops the rest;
    // zod and date-fns from dist/vendor/, two files Node loads faster than their ~150 (issue 22).
    esbuildPlugins: [markPurePlugin, vendorPlugin({ srcDir, write: true })],
    noExternal: ["zod", /^date-fns\//],
  },
  {
    // The command line: ESM only, not part of the typed public surface.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: true,
    clean: false,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    // The same dist/vendor/ files as the library's (built there).
    esbuildPlugins: [vendorPlugin({ srcDir, write: false })],
    noExternal: ["zod", /^date-fns\//],
  },
]);
