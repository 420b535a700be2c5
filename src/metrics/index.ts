// Public API of src/metrics/ — re-exports only (CONTRACT §4 plus documented extensions).

// Results
export { attainment } from "./attainment.js";
export type { AttainmentOptions } from "./attainment.js";
export { growthRate } from "./growthRate.js";
export { marketShare } from "./marketShare.js";
export { shareChange } from "./shareChange.js";
export type { ShareChange } from "./shareChange.js";

// Quality
export { collectionRate } from "./collectionRate.js";
export { orderMargin } from "./orderMargin.js";
export { aggregateMargin } from "./aggregateMargin.js";
export type { MarginLine } from "./aggregateMargin.js";
export { nps } from "./nps.js";
export type { NpsCounts, NpsResult } from "./nps.js";
export { csat } from "./csat.js";
export type { CsatOptions, CsatResult } from "./csat.js";
export { complaintRate } from "./complaintRate.js";
export { meanResolutionHours } from "./meanResolutionHours.js";
export type { ResolvedComplaint } from "./meanResolutionHours.js";

// Process
export { pipelineValue } from "./pipelineValue.js";
export type { Opportunity, PipelineValue } from "./pipelineValue.js";
export { stageConversion } from "./stageConversion.js";
export type { FunnelStage, StageRate } from "./stageConversion.js";
export { salesCycleDays } from "./salesCycleDays.js";
export type { ClosedDeal, SalesCycle } from "./salesCycleDays.js";
export { weightedActivity } from "./weightedActivity.js";
export type { Activity, ActivityWeights } from "./weightedActivity.js";

// A value with its inputs, for traces
export { measure, INDICATOR_INPUTS } from "./measure.js";
export type { Measured, MeasurableIndicator } from "./measure.js";
