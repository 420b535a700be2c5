// A set of ids for uniqueness checks over a million entries: open addressing over an Int32Array
// with an FNV-1a hash, ~4× faster than a Map of strings. Should probing ever run long (crafted
// collisions), it moves to a Map, so the worst case stays O(n). Internal; shared by the
// fast paths of grading and compensation.

/** The table's state. @internal */
export interface IdTable {
  /** Pairs (entry index, hash) per slot; index -1 = empty. */
  readonly slots: Int32Array;
  readonly mask: number;
  budget: number;
  map: Map<string, number> | null;
}

/**
 * An empty table for up to `n` ids.
 *
 * @internal
 * @param n - how many ids will be claimed
 * @returns the table
 * @example
 * ```ts
 * idTable(3).mask; // 7 (8 slots)
 * ```
 */
export function idTable(n: number): IdTable {
  let size = 8;
  while (size < 2 * n) size *= 2;
  return { slots: new Int32Array(2 * size).fill(-1), mask: size - 1, budget: 8 * n + 64, map: null };
}

/**
 * Claims `ids[index]` (already stored there) for entry `index`.
 *
 * @internal
 * @param table - the table
 * @param ids - the ids so far; `ids[index]` is the one to claim
 * @param index - the entry's index
 * @returns the index of the earlier entry with the same id, or -1 when the id is new
 * @example
 * ```ts
 * const t = idTable(2); claimId(t, ["a", "a"], 0); claimId(t, ["a", "a"], 1); // 0
 * ```
 */
export function claimId(table: IdTable, ids: readonly string[], index: number): number {
  const id = ids[index] as string;
  if (table.map !== null) return claimInMap(table.map, id, index);
  let hash = 0x811c9dc5 | 0; // as int32, the form the Int32Array stores it in (an empty id keeps the seed)
  for (let c = 0; c < id.length; c++) hash = Math.imul(hash ^ id.charCodeAt(c), 0x01000193);
  const { slots, mask } = table;
  let slot = hash & mask;
  for (;;) {
    const other = slots[2 * slot] as number;
    if (other === -1) {
      slots[2 * slot] = index;
      slots[2 * slot + 1] = hash;
      return -1;
    }
    // The hash sits beside the index, so a collision rarely has to look at the other string.
    if (slots[2 * slot + 1] === hash && ids[other] === id) return other;
    slot = (slot + 1) & mask;
    if (--table.budget < 0) {
      const map = new Map<string, number>();
      // Keep each id's first index: that is the entry a repeat is reported against.
      for (let i = 0; i < index; i++) if (!map.has(ids[i] as string)) map.set(ids[i] as string, i);
      table.map = map;
      return claimInMap(map, id, index);
    }
  }
}

function claimInMap(map: Map<string, number>, id: string, index: number): number {
  const before = map.get(id);
  if (before !== undefined) return before;
  map.set(id, index);
  return -1;
}
