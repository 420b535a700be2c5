import * as z from "zod";
import { PayscoreError, describeValue, formatPath, parseWith, guard, type ErrorPath } from "../errors/index.js";
import { Decimal, allocateDecimal, readDecimal, readScale, type Numeric } from "../numeric/index.js";
import { readOptions, readWeight, requireUniqueKeys, requireWholeSteps } from "./read.js";

/**
 * A node of a target tree (company → region → team → person). Every node except the root has
 * exactly one of `weight` (a share of what its parent has left after the fixed amounts) or
 * `amount` (a fixed amount); the root has neither, it receives the total.
 */
export interface TargetNode {
  /** A non-empty name, unique among its siblings. */
  readonly key: string;
  /** A relative weight ≥ 0 among the siblings that have weights. */
  readonly weight?: Numeric | undefined;
  /** A fixed amount, a whole number of steps of `10^-scale`. */
  readonly amount?: Numeric | undefined;
  /** The node's children; none or `[]` for a leaf. */
  readonly children?: readonly TargetNode[] | undefined;
}

/** Options for {@link decomposeTree}. */
export interface DecomposeTreeOptions {
  /** Decimal places of the amounts (default 2). */
  readonly scale?: number | undefined;
}

/** A node of the result of {@link decomposeTree}. */
export interface TargetTreeResult {
  key: string;
  /** The keys from the root to this node, both included: `["company", "east", "team-a"]`. */
  path: string[];
  /** This node's target; equal to the sum of its children's when it has children. */
  amount: Decimal;
  children: TargetTreeResult[];
}

/** The deepest tree accepted (which also stops a cyclic object from recursing forever). */
const MAX_DEPTH = 100;

interface CheckedNode {
  readonly key: string;
  readonly weight: Decimal | undefined;
  readonly amount: Decimal | undefined;
  readonly children: readonly CheckedNode[];
  /** Where the node sits in the caller's `tree` argument. */
  readonly at: ErrorPath;
}

const nodeSchema = z.object(
  {
    key: z.string({ error: (issue) => `must be a non-empty string; got ${describeValue(issue.input)}` }).min(1, { error: 'must be a non-empty string; got ""' }),
    weight: z.unknown().optional(),
    amount: z.unknown().optional(),
    children: z.array(z.unknown(), { error: (issue) => `must be an array of nodes or undefined; got ${describeValue(issue.input)}` }).optional(),
  },
  { error: (issue) => (issue.code === "invalid_type" ? `must be a node { key, weight | amount, children? }; got ${describeValue(issue.input)}` : undefined) },
);

/**
 * Splits a total down a tree — company → region → team → person (目标逐级分解) — exactly at every
 * level: at each node the children's amounts add up to the node's amount, to the cent.
 *
 * At a node with amount `A`: children with a fixed `amount` get it; what is left,
 * `R = A − Σ fixed`, is apportioned over the children with a `weight` by largest remainders in
 * steps of `10^-scale` (as `allocate`), so `Σ children = A`. Rules where a split cannot be exact:
 *
 * - fixed amounts that take more than the parent has (`R` of the opposite sign to `A`, e.g.
 *   fixed 1,200 under a parent of 1,000) → `INVALID_DATA`, even if the weighted children could
 *   absorb a negative share;
 * - fixed amounts that do not use up the parent while no child has a weight (`R ≠ 0`) →
 *   `INVALID_DATA`;
 * - weighted children whose weights are all 0 get 0 when `R = 0`; when `R ≠ 0` →
 *   `INVALID_WEIGHTS`.
 *
 * Fixed amounts may be negative (an adjustment) as long as these rules hold.
 *
 * @category Targets
 * @param total - the root's target; a whole number of steps of `10^-scale`; may be negative
 * @param tree - the root node: a `key` and `children`, no `weight` or `amount`
 * @param options - `scale` (default 2)
 * @returns the tree with every node's `amount` and its `path` of keys, children in input order
 * @throws {PayscoreError} `INVALID_ARGUMENT` for a node that is not `{ key, weight | amount, children? }`, an empty or repeated sibling key, a node with both or neither of `weight` and `amount`, a weight or amount on the root, a total or fixed amount that is not a whole number of steps, or a tree deeper than 100 levels; `INVALID_WEIGHTS` for a negative weight or all-zero weights with something to share; `INVALID_DATA` when fixed amounts and the parent cannot agree (see above); `INVALID_NUMBER` for a malformed number
 *
 * @example
 * ```ts
 * decomposeTree(10000000, {
 *   key: "company",
 *   children: [
 *     { key: "east", weight: 3, children: [{ key: "alice", weight: 1 }, { key: "bob", weight: 2 }] },
 *     { key: "west", weight: 2 },
 *     { key: "key-accounts", amount: 500000 },
 *   ],
 * });
 * // company 10000000 → key-accounts 500000 (fixed); 9500000 left by weight 3 : 2 →
 * //   east 5700000 (alice 1900000, bob 3800000), west 3800000
 * // east's node: { key: "east", path: ["company", "east"], amount: 5700000, children: [...] }
 * ```
 */
export function decomposeTree(total: Numeric, tree: TargetNode, options?: DecomposeTreeOptions | undefined): TargetTreeResult {
  return guard(computeDecomposeTree, [total, tree, options]);
}

function computeDecomposeTree(total: Numeric, tree: TargetNode, options?: DecomposeTreeOptions | undefined): TargetTreeResult {
  const amount = readDecimal(total, ["total"]);
  const scale = readScale(readOptions(options, ["options"], false)["scale"], ["options", "scale"], 2);
  requireWholeSteps(amount, scale, ["total"]);
  const root = readNode(tree, ["tree"], 0, scale);
  return split(root, amount, [root.key], scale);
}

/** Validates a node and everything under it. */
function readNode(value: unknown, at: ErrorPath, depth: number, scale: number): CheckedNode {
  if (depth > MAX_DEPTH) {
    throw new PayscoreError("INVALID_ARGUMENT", `tree is nested more than ${MAX_DEPTH} levels deep at ${formatPath(at)} (is it cyclic?)`, { path: at });
  }
  const node = parseWith(nodeSchema, value, "INVALID_ARGUMENT", at);
  let weight: Decimal | undefined;
  let amount: Decimal | undefined;
  if (depth === 0) {
    for (const field of ["weight", "amount"] as const) {
      if (node[field] !== undefined) {
        const path = [...at, field];
        throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(path)} must be left out: the root receives the total; got ${describeValue(node[field])}`, { path });
      }
    }
  } else if ((node.weight === undefined) === (node.amount === undefined)) {
    const both = node.weight !== undefined;
    throw new PayscoreError(
      "INVALID_ARGUMENT",
      `${formatPath(at)} (key ${JSON.stringify(node.key)}) must have exactly one of weight or amount; got ${both ? `both (weight ${describeValue(node.weight)}, amount ${describeValue(node.amount)})` : "neither"}`,
      { path: at },
    );
  } else if (node.weight !== undefined) {
    weight = readWeight(node.weight, [...at, "weight"]);
  } else {
    amount = readDecimal(node.amount, [...at, "amount"]);
    requireWholeSteps(amount, scale, [...at, "amount"]);
  }
  const raw = node.children ?? [];
  const children = raw.map((child, i) => readNode(child, [...at, "children", i], depth + 1, scale));
  requireUniqueKeys(
    children.map((child) => child.key),
    (i) => [...at, "children", i, "key"],
  );
  return { key: node.key, weight, amount, children, at };
}

/** Gives `node` its amount and splits it over its children, recursively. */
function split(node: CheckedNode, amount: Decimal, path: string[], scale: number): TargetTreeResult {
  const children = node.children;
  const amounts: Decimal[] = new Array<Decimal>(children.length);
  const weighted: number[] = [];
  let rest = amount;
  children.forEach((child, i) => {
    if (child.amount === undefined) weighted.push(i);
    else {
      amounts[i] = child.amount;
      rest = rest.minus(child.amount);
    }
  });
  if (children.length > 0) {
    const at = [...node.at, "children"];
    const where = `${path.join("/")} (${formatPath(at)})`;
    if (weighted.length === 0) {
      if (!rest.isZero()) {
        throw new PayscoreError(
          "INVALID_DATA",
          `the fixed amounts under ${where} add up to ${amount.minus(rest).toString()}, but the node has ${amount.toString()} and no child has a weight to take the difference of ${rest.toString()}`,
          { path: at },
        );
      }
    } else if (!rest.isZero() && rest.isNegative() !== amount.isNegative()) {
      throw new PayscoreError(
        "INVALID_DATA",
        `the fixed amounts under ${where} add up to ${amount.minus(rest).toString()}, more than the node's ${amount.toString()}`,
        { path: at },
      );
    } else if (rest.isZero()) {
      for (const i of weighted) amounts[i] = new Decimal(0);
    } else {
      const weights = weighted.map((i) => children[i]?.weight as Decimal);
      if (weights.every((w) => w.isZero())) {
        throw new PayscoreError("INVALID_WEIGHTS", `the children of ${where} have ${rest.toString()} to share by weight but every weight is 0`, { path: at });
      }
      const shares = allocateDecimal(rest, weights, scale, at);
      weighted.forEach((i, j) => {
        amounts[i] = shares[j] as Decimal;
      });
    }
  }
  return {
    key: node.key,
    path,
    amount: amount.isZero() ? new Decimal(0) : amount,
    children: children.map((child, i) => split(child, amounts[i] as Decimal, [...path, child.key], scale)),
  };
}
