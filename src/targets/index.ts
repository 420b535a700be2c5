// Public API of src/targets/ — re-exports only.
export { decomposeTarget } from "./decomposeTarget.js";
export type { DecomposeTargetOptions, TargetPart, TargetShare } from "./decomposeTarget.js";
export { decomposeOverPeriods } from "./decomposeOverPeriods.js";
export type { DecomposeOverPeriodsOptions, PeriodSplitMethod, PeriodTarget } from "./decomposeOverPeriods.js";
export { prorateTarget } from "./prorateTarget.js";
export type { ActiveSpan, ProrateBasis, ProrateTargetOptions } from "./prorateTarget.js";
export { decomposeTree } from "./decomposeTree.js";
export type { DecomposeTreeOptions, TargetNode, TargetTreeResult } from "./decomposeTree.js";
