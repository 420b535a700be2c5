// fast-check for mutation testing (vitest.stryker.config.ts aliases "fast-check" to this file):
// every property runs at most MUTATION_FC_RUNS cases (default 50) instead of its own count, and
// stops at its first failing case without shrinking it (a mutant is killed by any failure; the
// shrinking that makes a counterexample readable for a person is wasted here and can run for
// seconds). So each of the thousands of mutant runs is quick. The everyday suite is unchanged.
import real from "fast-check-real";

const cap = Number(process.env["MUTATION_FC_RUNS"] ?? 50);
type Assert = typeof real.assert;

const assert = ((property: Parameters<Assert>[0], params?: Parameters<Assert>[1]) =>
  real.assert(property as never, { ...params, numRuns: Math.min(params?.numRuns ?? 100, cap), endOnFailure: true } as never)) as Assert;

const fc: typeof real = { ...real, assert };
export default fc;
