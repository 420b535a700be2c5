import type { CliIo } from "./CliIo.js";

/**
 * The progress line on stderr: drawn only when stderr is a terminal, and only once a run has
 * taken more than a second (a short run prints nothing); redrawn at most ten times a second;
 * wiped when the run ends.
 *
 * @example
 * ```ts
 * const progress = new Progress(io);
 * progress.update("reading data.csv: 120,000 rows");
 * progress.done();
 * ```
 */
export class Progress {
  private readonly startedAt = Date.now();
  private lastDrawAt = 0;
  private drawn = false;

  constructor(
    private readonly io: CliIo,
    private readonly delayMs = 1000,
  ) {}

  /** Shows `text` (when stderr is a terminal and the run is long enough to need it). */
  update(text: string, force = false): void {
    if (!this.io.stderrIsTTY) return;
    const now = Date.now();
    if (now - this.startedAt < this.delayMs) return;
    if (!force && now - this.lastDrawAt < 100) return;
    this.lastDrawAt = now;
    this.drawn = true;
    this.io.stderr.write(`\r\u001b[K${text}`);
  }

  /** Wipes the line. */
  done(): void {
    if (this.drawn) this.io.stderr.write("\r\u001b[K");
    this.drawn = false;
  }
}

/** `1234567` → `"1,234,567"`, for the progress line. */
export function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}
