// Reference for the property tests: allocatePool as it stood before the fast paths — every
// input read as a Decimal, the water fill in BigInt (waterFill.ts as it stood then).
import { parseWith } from "../../src/errors/index.js";
import { readDecimal, readScale, type Numeric } from "../../src/numeric/index.js";
import type { AllocatePoolOptions, PoolEntry, PoolResult } from "../../src/compensation/allocatePool.js";
import { checkMinimums, idRegistry, lowerBounds, readMinimum, readPool, readPoolEntries } from "../../src/compensation/poolInput.js";
import { fromSteps, integerWeights } from "../../src/compensation/steps.js";
import { waterFillReference as waterFill } from "./waterFillReference.js";
import { z } from "zod";

const optionsSchema = z
  .object({ scale: z.unknown().optional(), minimum: z.unknown().optional(), threshold: z.unknown().optional() })
  .optional();

/** The original Decimal/BigInt implementation of allocatePool. */
export function allocatePoolReference(pool: Numeric, entries: readonly PoolEntry[], options?: AllocatePoolOptions | undefined): PoolResult {
  const parsed = parseWith(optionsSchema, options, "INVALID_ARGUMENT", ["options"]);
  const scale = readScale(parsed?.scale, ["options", "scale"], 2);
  const poolSteps = readPool(pool, scale);
  const minimum = readMinimum(parsed?.minimum, scale);
  const threshold = parsed?.threshold === undefined ? undefined : readDecimal(parsed.threshold, ["options", "threshold"]);
  const read = readPoolEntries(entries, ["entries"], scale, threshold, idRegistry((seq) => ["entries", seq]));

  const weights = integerWeights(read.weights).map((w, i) => (read.eligible[i] ? w : 0n));
  const lows = lowerBounds(weights, read.highs, minimum);
  checkMinimums(lows, poolSteps);
  const { amounts, unallocated } = waterFill({ pool: poolSteps, weights, lows, highs: read.highs });
  return {
    allocations: read.ids.map((id, i) => ({
      id,
      amount: fromSteps(amounts[i] as bigint, scale),
      capped: weights[i] !== 0n && read.highs[i] !== undefined && amounts[i] === read.highs[i],
      eligible: read.eligible[i] as boolean,
    })),
    unallocated: fromSteps(unallocated, scale),
  };
}
