// How long loading payscore takes in a fresh Node process (issue 22: goal under 100 ms): the
// built ESM entry (`import("payscore")`), the CommonJS one (`require("payscore")`) and, as the
// floor beside them, `import("zod")` alone (a dependency payscore cannot load without). Each
// figure is timed inside its child, from just before the import to just after, so Node's own
// start-up is not counted. `npm run bench` reports them as the `import-esm`, `import-cjs` and
// `import-zod` scenarios; on its own, after `npm run build`:
//   node bench/import-time.mjs [runs]
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";

/** What each import scenario loads, and how. */
export const IMPORT_TARGETS = {
  "import-esm": { label: 'import("payscore")', kind: "esm", target: fileURLToPath(new URL("../dist/index.js", import.meta.url)) },
  "import-cjs": { label: 'require("payscore")', kind: "cjs", target: fileURLToPath(new URL("../dist/index.cjs", import.meta.url)) },
  "import-zod": { label: 'import("zod")', kind: "esm", target: "zod" },
};

/**
 * Loads one target in a fresh `node` process and returns the time the import took there, and
 * that process's peak RSS.
 *
 * @param {keyof typeof IMPORT_TARGETS} scenario - which target
 * @returns {{ ms: number; maxRssMiB: number; exports: number }} the child's own measurement
 */
export function timeImport(scenario) {
  const { kind, target } = IMPORT_TARGETS[scenario];
  const load = kind === "cjs" ? `require(${JSON.stringify(target)})` : `await import(${JSON.stringify(target)})`;
  const script = `const t = performance.now(); const m = ${load}; const ms = performance.now() - t; console.log(JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, exports: Object.keys(m).length }));`;
  const args = kind === "cjs" ? ["-e", script] : ["--input-type=module", "-e", script];
  // From the project folder, so "zod" resolves to the project's copy.
  return JSON.parse(execFileSync(process.execPath, args, { encoding: "utf8", cwd: fileURLToPath(new URL("..", import.meta.url)) }).trim());
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runs = Number(process.argv[2] ?? 9);
  const times = Object.fromEntries(Object.keys(IMPORT_TARGETS).map((scenario) => [scenario, []]));
  // Interleaved, so a change in the machine's load shifts every figure alike.
  for (let i = 0; i < runs; i++) for (const scenario of Object.keys(IMPORT_TARGETS)) times[scenario].push(timeImport(scenario).ms);
  for (const [scenario, xs] of Object.entries(times)) {
    xs.sort((a, b) => a - b);
    const median = xs.length % 2 ? xs[(xs.length - 1) / 2] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2;
    console.log(`${IMPORT_TARGETS[scenario].label}: median ${median.toFixed(1)} ms (min ${xs[0].toFixed(1)}, max ${xs.at(-1).toFixed(1)}, ${runs} runs)`);
  }
}
