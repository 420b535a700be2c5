import type { Plugin } from "esbuild";

/** Adds `/* @__PURE__ *\/` to a module's top-level initializers (see markPure.mjs). */
export function markPure(source: string, fileName: string): string;
/** The esbuild plugin that marks every `src/**\/*.ts` outside `src/cli/` on load. */
export const markPurePlugin: Plugin;
