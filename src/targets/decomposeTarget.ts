import * as z from "zod";
import { PayscoreError, describeValue, parseWith, guard } from "../errors/index.js";
import { allocateDecimal, readDecimal, readScale, type Decimal, type Numeric } from "../numeric/index.js";
import { readOptions, readWeight, requireUniqueKeys, requireWholeSteps } from "./read.js";

/** One share of a split: a region, product line, channel or person and its weight. */
export interface TargetPart {
  /** A non-empty name, unique among the parts. */
  readonly key: string;
  /** The relative weight, ≥ 0 (30 and 0.3 mean the same against weights of the same kind). */
  readonly weight: Numeric;
}

/** Options for {@link decomposeTarget}. */
export interface DecomposeTargetOptions {
  /** Decimal places of the amounts: 2 (the default) in cents/fen, 0 in whole units, −3 in thousands. */
  readonly scale?: number | undefined;
}

/** One part's amount from {@link decomposeTarget}. */
export interface TargetShare {
  key: string;
  amount: Decimal;
}

const partSchema = z.object(
  {
    key: z.string({ error: (issue) => `must be a non-empty string; got ${describeValue(issue.input)}` }).min(1, { error: "must be a non-empty string; got \"\"" }),
    weight: z.unknown().optional(),
  },
  { error: (issue) => (issue.code === "invalid_type" ? `must be a part { key, weight }; got ${describeValue(issue.input)}` : undefined) },
);

/**
 * Splits a target across regions, product lines, channels or people in proportion to their
 * weights (目标分解), so that the amounts add up to the total exactly.
 *
 * `amountᵢ ≈ total · weightᵢ / Σweight`, apportioned with largest remainders in steps of
 * `10^-scale` (see `allocate`): `Σ amountᵢ = total` exactly, each amount within one step of its
 * exact share, a zero weight gets exactly 0, ties of the remainder go to the earlier part.
 *
 * @category Targets
 * @param total - the target to split; a whole number of steps of `10^-scale`; may be negative
 * @param parts - the parts in output order, keys unique, weights ≥ 0 with at least one > 0
 * @param options - `scale` (default 2)
 * @returns one `{ key, amount }` per part, in the order of `parts`
 * @throws {PayscoreError} `INVALID_ARGUMENT` for a total that is not a whole number of steps, a part that is not `{ key, weight }`, an empty key or a repeated key; `EMPTY_INPUT` for no parts; `INVALID_WEIGHTS` for a negative weight or none > 0; `INVALID_NUMBER` for a malformed number
 *
 * @example
 * ```ts
 * decomposeTarget(12000000, [
 *   { key: "east", weight: 5 },
 *   { key: "north", weight: 3 },
 *   { key: "south", weight: 2 },
 * ]);
 * // [{ key: "east", amount: 6000000 }, { key: "north", amount: 3600000 }, { key: "south", amount: 2400000 }]
 * decomposeTarget(100, [{ key: "a", weight: 1 }, { key: "b", weight: 1 }, { key: "c", weight: 1 }]);
 * // amounts 33.34, 33.33, 33.33
 * ```
 */
export function decomposeTarget(total: Numeric, parts: readonly TargetPart[], options?: DecomposeTargetOptions | undefined): TargetShare[] {
  return guard(computeDecomposeTarget, [total, parts, options]);
}

function computeDecomposeTarget(total: Numeric, parts: readonly TargetPart[], options?: DecomposeTargetOptions | undefined): TargetShare[] {
  const amount = readDecimal(total, ["total"]);
  if (!Array.isArray(parts)) {
    throw new PayscoreError("INVALID_ARGUMENT", `parts must be an array of { key, weight }; got ${describeValue(parts)}`, { path: ["parts"] });
  }
  if (parts.length === 0) throw new PayscoreError("EMPTY_INPUT", "parts must not be empty: there is no one to give the target to", { path: ["parts"] });
  const read = parts.map((part, i) => parseWith(partSchema, part, "INVALID_ARGUMENT", ["parts", i]));
  requireUniqueKeys(
    read.map((part) => part.key),
    (i) => ["parts", i, "key"],
  );
  const weights = read.map((part, i) => readWeight(part.weight, ["parts", i, "weight"]));
  const scale = readScale(readOptions(options, ["options"], false)["scale"], ["options", "scale"], 2);
  requireWholeSteps(amount, scale, ["total"]);
  if (weights.every((w) => w.isZero())) {
    throw new PayscoreError("INVALID_WEIGHTS", "parts must have at least one weight greater than 0", { path: ["parts"] });
  }
  const amounts = allocateDecimal(amount, weights, scale, ["parts"]);
  return read.map((part, i) => ({ key: part.key, amount: amounts[i] as Decimal }));
}
