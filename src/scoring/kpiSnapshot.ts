// A snapshot of everything the check of a KPI list reads, so a checked list can be reused for
// an array that is not frozen: the array may change between calls (a KPI replaced, a weight or
// a curve point edited in place), and the snapshot, compared value by value on every call,
// tells whether it has. Internal: nothing here is re-exported from index.ts.
import { hasOwn } from "./internal.js";

/**
 * What the check of a KPI list read, and a detached copy of it.
 *
 * - `reads`: the list's length, and per KPI the KPI object itself, its `id`, `weight`,
 *   `direction`, `lowerFormula`, `zeroTarget`, `cap`, `floor`, `difficulty` and `curve`; per
 *   curve its `points` array, their number, each point object with its `x` and `y`, and
 *   `below`, `above`, `step`. Objects are held by identity, everything else as the value read.
 * - `copy`: plain objects holding exactly the values in `reads` (no getters, no other fields),
 *   so a scorecard checked from the copy depends on nothing but `reads`.
 *
 * @internal
 */
export interface KpiSnapshot {
  readonly reads: readonly unknown[];
  readonly copy: readonly unknown[];
}

type Fields = Readonly<Record<string, unknown>>;

/** Whether a value is what `readRecord` accepts: an object, not null, not an array. */
function isRecord(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// The key tests below walk `for … in` (every enumerable string key, own or inherited), keeping
// the own ones: the keys `Object.keys` gives, without making its list on every call.

/** Whether every own enumerable key of `record` is one of the curve's keys. */
function onlyCurveKeys(record: object): boolean {
  for (const key in record) if (key !== "points" && key !== "below" && key !== "above" && key !== "step" && hasOwn(record, key)) return false;
  return true;
}

/** Whether every own enumerable key of `record` is `x` or `y`. */
function onlyPointKeys(record: object): boolean {
  for (const key in record) if (key !== "x" && key !== "y" && hasOwn(record, key)) return false;
  return true;
}

/**
 * Reads a KPI list as the check of a scorecard reads it, recording each value read, and builds
 * a detached copy from those values. A list the check would refuse for its shape — not an
 * array, a KPI, curve or point that is not an object, a curve or point with a key the check
 * refuses — gives `undefined` (the caller then checks the list itself, which throws the error).
 *
 * @internal
 * @param kpis - the caller's KPI list (anything)
 * @returns the snapshot, or `undefined` for a list of the wrong shape
 * @example
 * ```ts
 * const kpis = [{ id: "a", weight: 1, cap: 1.2 }];
 * const snapshot = snapshotKpis(kpis);
 * snapshot?.copy; // [{ id: "a", weight: 1, direction: undefined, …, cap: 1.2, … }]
 * ```
 */
export function snapshotKpis(kpis: unknown): KpiSnapshot | undefined {
  if (!Array.isArray(kpis)) return undefined;
  const list = kpis as readonly unknown[];
  const n = list.length;
  const reads: unknown[] = [n];
  const copy: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const kpi = list[i];
    if (!isRecord(kpi)) return undefined;
    const id = kpi["id"];
    const weight = kpi["weight"];
    const direction = kpi["direction"];
    const lowerFormula = kpi["lowerFormula"];
    const zeroTarget = kpi["zeroTarget"];
    const cap = kpi["cap"];
    const floor = kpi["floor"];
    const difficulty = kpi["difficulty"];
    const curve = kpi["curve"];
    reads.push(kpi, id, weight, direction, lowerFormula, zeroTarget, cap, floor, difficulty, curve);
    let curveCopy: unknown = undefined;
    if (curve !== undefined) {
      if (!isRecord(curve) || !onlyCurveKeys(curve)) return undefined;
      const points = curve["points"];
      if (!Array.isArray(points)) return undefined;
      const count = (points as readonly unknown[]).length;
      reads.push(points, count);
      const pointsCopy: unknown[] = [];
      for (let p = 0; p < count; p++) {
        const point = (points as readonly unknown[])[p];
        if (!isRecord(point) || !onlyPointKeys(point)) return undefined;
        const x = point["x"];
        const y = point["y"];
        reads.push(point, x, y);
        pointsCopy.push({ x, y });
      }
      const below = curve["below"];
      const above = curve["above"];
      const step = curve["step"];
      reads.push(below, above, step);
      curveCopy = { points: pointsCopy, below, above, step };
    }
    copy.push({ id, weight, direction, lowerFormula, zeroTarget, cap, floor, difficulty, curve: curveCopy });
  }
  return { reads, copy };
}

/**
 * Whether a KPI list still reads as its snapshot did: the same length, the same KPI, curve,
 * points and point objects, the same values in every field the check reads (`Object.is`), and
 * still no key a curve or point must not have. O(KPIs × fields) identity and primitive
 * comparisons, no allocation.
 *
 * @internal
 * @param kpis - the KPI list the snapshot was taken of (the same array)
 * @param snapshot - its snapshot
 * @returns true when checking the list again would read exactly the snapshot's values
 * @example
 * ```ts
 * const kpis = [{ id: "a", weight: 1, cap: 1.2 }];
 * const snapshot = snapshotKpis(kpis)!;
 * matchesSnapshot(kpis, snapshot); // true
 * kpis[0]!.cap = 1.4;
 * matchesSnapshot(kpis, snapshot); // false
 * ```
 */
export function matchesSnapshot(kpis: readonly unknown[], snapshot: KpiSnapshot): boolean {
  const reads = snapshot.reads;
  const n = kpis.length;
  if (n !== reads[0]) return false;
  let at = 1;
  for (let i = 0; i < n; i++) {
    const kpi = kpis[i] as Fields;
    // The same object as before, so still a record; then each field read, in the check's order.
    if (kpi !== reads[at]) return false;
    if (
      !Object.is(kpi["id"], reads[at + 1]) ||
      !Object.is(kpi["weight"], reads[at + 2]) ||
      !Object.is(kpi["direction"], reads[at + 3]) ||
      !Object.is(kpi["lowerFormula"], reads[at + 4]) ||
      !Object.is(kpi["zeroTarget"], reads[at + 5]) ||
      !Object.is(kpi["cap"], reads[at + 6]) ||
      !Object.is(kpi["floor"], reads[at + 7]) ||
      !Object.is(kpi["difficulty"], reads[at + 8])
    ) {
      return false;
    }
    const curve = kpi["curve"];
    if (curve !== reads[at + 9]) return false;
    at += 10;
    if (curve === undefined) continue;
    const c = curve as Fields;
    if (!onlyCurveKeys(c)) return false;
    const points = c["points"] as readonly unknown[];
    if (points !== reads[at]) return false;
    const count = points.length;
    if (count !== reads[at + 1]) return false;
    at += 2;
    for (let p = 0; p < count; p++) {
      const point = points[p] as Fields;
      if (point !== reads[at] || !onlyPointKeys(point) || !Object.is(point["x"], reads[at + 1]) || !Object.is(point["y"], reads[at + 2])) return false;
      at += 3;
    }
    if (!Object.is(c["below"], reads[at]) || !Object.is(c["above"], reads[at + 1]) || !Object.is(c["step"], reads[at + 2])) return false;
    at += 3;
  }
  return true;
}
