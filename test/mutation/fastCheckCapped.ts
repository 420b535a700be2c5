// fast-check for mutation testing (vitest.stryker.config.ts aliases "fast-check" to this file):
// every property runs at most MUTATION_FC_RUNS cases (default 25) instead of its own count, so
// each of the thousands of mutant runs is quick. The everyday suite runs the full counts.
import real from "fast-check-real";

const cap = Number(process.env["MUTATION_FC_RUNS"] ?? 25);
type Assert = typeof real.assert;

const assert = ((property: Parameters<Assert>[0], params?: Parameters<Assert>[1]) =>
  real.assert(property as never, { ...params, numRuns: Math.min(params?.numRuns ?? 100, cap) } as never)) as Assert;

const fc: typeof real = { ...real, assert };
export default fc;
