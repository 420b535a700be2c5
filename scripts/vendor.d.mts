import type { Plugin } from "esbuild";

/** The zod export names and date-fns subpaths the sources under `srcDir` use (see vendor.mjs). */
export function vendorNames(srcDir: string): { zod: string[]; dateFns: string[] };
/** The esbuild plugin that points zod and date-fns at dist/vendor/ and, with `write`, builds those files. */
export function vendorPlugin(options: { srcDir: string; write: boolean }): Plugin;
