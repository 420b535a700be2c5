import type { TraceStep } from "./types.js";

/**
 * Collects a statement's trace steps; a disabled tracer records nothing and never builds the
 * input strings (the callback is not called), so a bulk run with `{ trace: false }` is cheap.
 *
 * @internal
 */
export class Tracer {
  readonly steps: TraceStep[] = [];
  constructor(readonly enabled: boolean) {}

  /** Records a step; `build` returns the inputs (strings) and is only called when enabled. */
  add(step: string, formula: string, build: () => Record<string, string>, result: string): void {
    if (!this.enabled) return;
    this.steps.push({ step, formula, inputs: build(), result });
  }
}
