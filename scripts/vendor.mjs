// An esbuild plugin (used by tsup.config.ts) that ships the parts of zod and date-fns the library
// uses as two files of its own, dist/vendor/zod.js and dist/vendor/date-fns.js (and .cjs), and
// points `import … from "zod"` / `"date-fns/…"` at them (issue 22, import time). Node's loader
// otherwise resolves, reads and compiles every file of zod (its ~50 locales included) and each
// date-fns helper one by one: about 80 ms of a 175 ms `import("payscore")`. Two files, not one
// inlined bundle, so a bundler still drops each whole file when nothing from it is used (the
// package is `"sideEffects": false`): an `attainment`-only bundle carries neither.
//
// What each file exports is read from src/ on every build: every `z.name` the code reads (it
// imports zod as `import * as z from "zod"`; any other use of `z` as a value stops the build) and
// every `import { name } from "date-fns/name"`.
import * as esbuild from "esbuild";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/**
 * The zod and date-fns names the library's sources use.
 *
 * @param {string} srcDir - the folder to read (`src`)
 * @returns {{ zod: string[]; dateFns: string[] }} zod's export names; date-fns's subpath names
 */
export function vendorNames(srcDir) {
  const zod = new Set();
  const dateFns = new Set();
  for (const file of tsFiles(srcDir)) {
    const source = readFileSync(file, "utf8");
    const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    let zodName;
    for (const statement of sf.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const from = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (from === "zod") {
        if (clause?.isTypeOnly) continue;
        const bindings = clause?.namedBindings;
        if (clause?.name !== undefined || bindings === undefined || !ts.isNamespaceImport(bindings)) throw new Error(`${file}: import zod as \`import * as z from "zod"\` (scripts/vendor.mjs reads the names used)`);
        zodName = bindings.name.text;
      } else if (from.startsWith("date-fns")) {
        const bindings = clause?.namedBindings;
        const name = from.slice("date-fns/".length);
        if (!/^date-fns\/\w+$/.test(from) || clause?.name !== undefined || bindings === undefined || !ts.isNamedImports(bindings) || bindings.elements.some((e) => (e.propertyName ?? e.name).text !== name)) {
          throw new Error(`${file}: import date-fns by subpath, as \`import { ${name || "addDays"} } from "date-fns/${name || "addDays"}"\``);
        }
        dateFns.add(name);
      }
    }
    if (zodName === undefined) continue;
    const visit = (node) => {
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === zodName) {
        zod.add(node.name.text);
        return;
      }
      // In a type (`z.infer<…>`, `typeof z.x`) the name is a QualifiedName, not read at run time.
      if (ts.isTypeNode(node) || ts.isImportDeclaration(node)) return;
      if (ts.isIdentifier(node) && node.text === zodName) throw new Error(`${file}: \`${zodName}\` used as a value; read zod's exports as \`${zodName}.name\` (scripts/vendor.mjs)`);
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { zod: [...zod].sort(), dateFns: [...dateFns].sort() };
}

/** Every `.ts` file under a folder. */
function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? tsFiles(path) : entry.name.endsWith(".ts") ? [path] : [];
  });
}

/**
 * The plugin: resolves `zod` and `date-fns/…` to `./vendor/zod.js` / `./vendor/date-fns.js`
 * (`.cjs` in a CommonJS build), left external; with `{ write: true }` it also builds those files
 * into the output folder when the build ends.
 *
 * @param {{ srcDir: string; write: boolean }} options - where the sources are; whether to build the vendor files
 * @returns {import("esbuild").Plugin} the plugin
 */
export function vendorPlugin({ srcDir, write }) {
  return {
    name: "vendor",
    setup(build) {
      // tsup with `treeshake` builds CommonJS as ESM named `.cjs` and converts it with rollup.
      const format = build.initialOptions.format === "cjs" || build.initialOptions.outExtension?.[".js"] === ".cjs" ? "cjs" : "esm";
      const ext = format === "cjs" ? "cjs" : "js";
      build.onResolve({ filter: /^(zod|date-fns\/\w+)$/ }, (args) => ({ path: `./vendor/${args.path === "zod" ? "zod" : "date-fns"}.${ext}`, external: true }));
      if (!write) return;
      build.onEnd(async (result) => {
        if (result.errors.length > 0) return;
        const names = vendorNames(srcDir);
        const files = {
          zod: `export { ${names.zod.join(", ")} } from "zod";\n`,
          "date-fns": names.dateFns.map((name) => `export { ${name} } from "date-fns/${name}";\n`).join(""),
        };
        for (const [name, contents] of Object.entries(files)) {
          await esbuild.build({
            stdin: { contents, resolveDir: srcDir, sourcefile: `vendor-${name}.js`, loader: "js" },
            bundle: true,
            format,
            platform: "neutral",
            target: build.initialOptions.target,
            outfile: join(build.initialOptions.outdir ?? "dist", "vendor", `${name}.${ext}`),
            sourcemap: build.initialOptions.sourcemap,
            banner: { js: `// The parts of ${name} that payscore uses, bundled so Node loads one file (see scripts/vendor.mjs); ${name}'s MIT licence applies.` },
            logLevel: "error",
          });
        }
      });
    },
  };
}
