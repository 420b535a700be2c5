import { defineConfig } from "tsup";
import { markPurePlugin } from "./scripts/markPure.mjs";

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
    // Top-level schemas, clones and tables marked pure, so a bundle of one function drops the rest (issue 22).
    esbuildPlugins: [markPurePlugin],
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
  },
]);
