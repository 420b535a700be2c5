// Where the deferred results of one checked scorecard keep the numbers their lines are built
// from. A list of 12 doubles per person is 144 bytes of the JS heap that every young collection
// copies and every full one walks; in a typed array's chunk, shared by hundreds of results, the
// same numbers lie outside the heap, and a result holds only its chunk and its place in it.
// Internal: nothing here is re-exported from index.ts.
import type { LineSource } from "./deferredScorecard.js";

/**
 * One chunk of kept numbers and what its results' lines are built from: `kpis` is the checked
 * scorecard's (shared by every chunk), `data` holds `width` numbers per result.
 *
 * @internal
 */
export interface KeptChunk<K> {
  readonly kpis: K;
  readonly data: Float64Array;
}

/** The numbers in the first chunk (a scorecard scored once holds little). */
const FIRST_CHUNK = 64;
/** The numbers in a chunk at most (64 KiB): each new chunk doubles the last up to this. */
const LARGEST_CHUNK = 8192;

/**
 * The chunks of one checked scorecard: {@link reserve} gives the next result its place; the
 * chunk and its {@link LineSource} (`build(chunk, offset)`) are then in {@link source}. Chunks
 * grow from 64 numbers to 8192 (64 KiB), so a scorecard scored once keeps little and a large run
 * few chunks. A chunk lives while any result in it does: a caller that keeps one result of every
 * few hundred keeps whole chunks (at most 64 KiB each) for them.
 *
 * @internal
 * @example
 * ```ts
 * const kept = new KeptNumbers(kpis, 4, linesOfKept); // 2 KPIs: actual and target each
 * const offset = kept.reserve();
 * kept.source.context.data.set([9, 10, 3, 4], offset);
 * ```
 */
export class KeptNumbers<K> {
  /** The chunk the last reservation is in, and how its results' lines are built. */
  source: LineSource<KeptChunk<K>, number>;
  private used = 0;
  private readonly kpis: K;
  private readonly width: number;
  private readonly build: LineSource<KeptChunk<K>, number>["build"];

  /**
   * @param kpis - what every chunk's lines are built with (the checked KPIs)
   * @param width - the numbers one result keeps (at least 1)
   * @param build - builds a result's lines from its chunk and offset
   */
  constructor(kpis: K, width: number, build: LineSource<KeptChunk<K>, number>["build"]) {
    this.kpis = kpis;
    this.width = width;
    this.build = build;
    this.source = this.chunkOf(Math.max(FIRST_CHUNK, width));
  }

  /**
   * Reserves room for one result's numbers, in a new chunk when the current one is full.
   *
   * @returns the offset of its first number in `source.context.data`
   */
  reserve(): number {
    if (this.used + this.width > this.source.context.data.length) {
      const size = Math.max(Math.min(2 * this.source.context.data.length, LARGEST_CHUNK), this.width);
      this.source = this.chunkOf(size);
      this.used = 0;
    }
    const offset = this.used;
    this.used += this.width;
    return offset;
  }

  /**
   * Gives back the room {@link reserve} gave at `offset` in `source`'s chunk, when nothing has
   * been reserved since (the result did not keep its numbers after all); otherwise it stays unused.
   *
   * @param source - the chunk's source, as read after the reservation
   * @param offset - the offset reserved
   */
  giveBack(source: LineSource<KeptChunk<K>, number>, offset: number): void {
    if (source === this.source && offset + this.width === this.used) this.used = offset;
  }

  private chunkOf(size: number): LineSource<KeptChunk<K>, number> {
    return Object.freeze({ context: Object.freeze({ kpis: this.kpis, data: new Float64Array(size) }), build: this.build });
  }
}
