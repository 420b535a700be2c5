// Public API of src/grading/ — re-exports only.
export { gradeByScore } from "./gradeByScore.js";
export type { GradeBand } from "./gradeByScore.js";
export { forcedDistribution } from "./forcedDistribution.js";
export type { ScoredEntry, GradeQuota, ForcedDistributionOptions, GradeAssignment } from "./forcedDistribution.js";
export { applyOverrides } from "./applyOverrides.js";
export type { GradedPerson, GradeOverride, OverrideAudit, ApplyOverridesOptions, OverrideResult } from "./applyOverrides.js";
export { forcedDistributionColumns } from "./forcedDistributionColumns.js";
export type { GradeColumns } from "./forcedDistributionColumns.js";
