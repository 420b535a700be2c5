// An esbuild plugin (used by tsup.config.ts) that marks the calls a module makes while it loads —
// `export const planSchema = z.object(…)`, `Decimal.clone(…)`, `new Set(…)` — with
// `/* @__PURE__ */`, so a bundler drops every one a program does not use: a bundle of
// `attainment` alone then carries no zod schema (issue 22). The source files are not changed;
// only top-level declarations are marked, never a call inside a function body or a statement
// that is run for its effect.
import { readFile } from "node:fs/promises";
import ts from "typescript";

const PURE = "/* @__PURE__ */ ";

/**
 * Adds `/* @__PURE__ *\/` before every call and `new` in the initializers of a module's top-level
 * `const`/`let` declarations (outside function bodies).
 *
 * @param {string} source - TypeScript source
 * @param {string} fileName - for the parser
 * @returns {string} the marked source
 */
export function markPure(source, fileName) {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const positions = [];
  /** Property reads of a call's result (`schema.shape.x.unwrap().element`): wrapped in a pure arrow call. */
  const wraps = [];
  const visit = (node) => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) positions.push(node.getStart(file));
    ts.forEachChild(node, visit);
  };
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const init = declaration.initializer;
      if (init === undefined || isPlain(init)) continue;
      // A call or new at the top (a chain `a().b()` starts at one place for both calls: one
      // mark covers the outermost, as esbuild reads it); anything else that runs code while the
      // module loads — a property read, an object holding calls or reads — in a pure arrow call.
      if (ts.isCallExpression(init) || ts.isNewExpression(init)) visit(init);
      else if (hasCode(init)) wraps.push([init.getStart(file), init.getEnd()]);
    }
  }
  const edits = [...[...new Set(positions)].map((at) => [at, PURE]), ...wraps.flatMap(([start, end]) => [[end, "))()"], [start, `${PURE}(() => (`]])];
  let out = source;
  for (const [at, text] of edits.sort((x, y) => y[0] - x[0])) out = out.slice(0, at) + text + out.slice(at);
  return out;
}

/** Code that runs at load: a call, a `new`, a property read or a spread (not inside a function). */
function hasCode(node) {
  if (ts.isFunctionLike(node) || ts.isClassLike(node)) return false;
  if (ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isSpreadAssignment(node) || ts.isSpreadElement(node) || ts.isTaggedTemplateExpression(node)) return true;
  return ts.forEachChild(node, hasCode) === true;
}

/** An initializer that runs nothing: a literal, a function, a class, a name. */
function isPlain(node) {
  return ts.isLiteralExpression(node) || ts.isIdentifier(node) || ts.isFunctionLike(node) || ts.isClassLike(node) || node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword || node.kind === ts.SyntaxKind.NullKeyword;
}

/** The plugin: every `src/**\/*.ts` outside `src/cli/` is marked on load. */
export const markPurePlugin = {
  name: "mark-pure",
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      if (/[\\/]src[\\/]cli[\\/]/.test(args.path)) return undefined;
      const source = await readFile(args.path, "utf8");
      return { contents: markPure(source, args.path), loader: "ts" };
    });
  },
};
