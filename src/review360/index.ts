// Public API of src/review360/ — re-exports only (CONTRACT §6 plus documented extensions).
export { aggregate360, compileAggregate360 } from "./aggregate360.js";
export type { Aggregate360Options, Rating360, Review360Group, Review360Result } from "./aggregate360.js";
export { calibrate360 } from "./calibrate360.js";
export type { Calibrate360Options, CalibratedRating } from "./calibrate360.js";
