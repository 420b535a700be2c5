import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project's root folder. */
export const root = fileURLToPath(new URL("../../", import.meta.url));

/** The executable a test spawns, and how to clean up after it. */
export interface BuiltCli {
  /** The path of the bundled `cli.js`, to run with `process.execPath`. */
  readonly bin: string;
  remove(): void;
}

function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The built executable for tests that spawn it. dist/cli.js is used when it is newer than every
 * file in src/; otherwise the same entry is built with tsup into a temp folder under
 * node_modules/.cache (so a test run never wipes the shared dist/ while someone else uses it,
 * and the bundle resolves csv-parse, zod… from the project as dist/cli.js does).
 */
export async function builtCli(): Promise<BuiltCli> {
  const dist = join(root, "dist", "cli.js");
  if (existsSync(dist) && statSync(dist).mtimeMs > newestSource(join(root, "src"))) return { bin: dist, remove: () => undefined };
  const cache = join(root, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  const buildDir = mkdtempSync(join(cache, "payscore-cli-build-"));
  const { build } = await import("tsup");
  await build({
    config: false,
    entry: { cli: join(root, "src/cli/main.ts") },
    format: ["esm"],
    outDir: buildDir,
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
    silent: true,
  });
  return { bin: join(buildDir, "cli.js"), remove: () => rmSync(buildDir, { recursive: true, force: true }) };
}
