// The size of an application bundle that imports one function of payscore (issue 22: an
// `attainment`-only bundle must carry no zod; goal under 40 KB minified). Bundles
// `export { attainment } from "./dist/index.js"` with esbuild, minified, and prints the bytes per
// package. Run after `npm run build`: node bench/bundle-size.mjs [name …]
import * as esbuild from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["attainment", "allocate", "runPlan"];
for (const name of names) {
  const result = await esbuild.build({
    stdin: { contents: `export { ${name} } from "./dist/index.js";`, resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    write: false,
    metafile: true,
    logLevel: "error",
  });
  const byPackage = {};
  for (const [path, input] of Object.entries(Object.values(result.metafile.outputs)[0].inputs)) {
    const key = path.includes("node_modules/") ? path.split("node_modules/").at(-1).split("/")[0] : "payscore";
    byPackage[key] = (byPackage[key] ?? 0) + input.bytesInOutput;
  }
  const bytes = result.outputFiles[0].contents.length;
  console.log(`${name}: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB) ${JSON.stringify(byPackage)}`);
}
