/**
 * Largest-remainder (Hamilton) apportionment of `units` whole units over integer weights.
 * Each share is `floor(units·wᵢ/Σw)`; the units left over go one each to the largest
 * remainders, ties to the earlier index. Exact: BigInt throughout.
 *
 * @internal
 * @param units - the whole units to share, ≥ 0
 * @param weights - integer weights ≥ 0 whose sum is > 0
 * @returns the shares, summing to `units`
 *
 * @example
 * ```ts
 * apportion(10n, [1n, 1n, 1n]); // [4n, 3n, 3n]
 * ```
 */
export function apportion(units: bigint, weights: readonly bigint[]): bigint[] {
  let sum = 0n;
  for (const w of weights) sum += w;
  const shares: bigint[] = new Array<bigint>(weights.length);
  const remainders: bigint[] = new Array<bigint>(weights.length);
  let given = 0n;
  for (let i = 0; i < weights.length; i++) {
    const product = units * (weights[i] as bigint);
    const share = product / sum;
    shares[i] = share;
    remainders[i] = product - share * sum;
    given += share;
  }
  let left = Number(units - given);
  if (left > 0) {
    // Fewer than n units remain; only the `left` largest remainders matter.
    const order = remainders
      .map((remainder, index) => ({ remainder, index }))
      .filter((entry) => entry.remainder > 0n)
      .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
    for (const { index } of order) {
      if (left === 0) break;
      shares[index] = (shares[index] as bigint) + 1n;
      left--;
    }
  }
  return shares;
}
