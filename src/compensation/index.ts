// Public API of src/compensation/ — re-exports only.
export { tieredCommission } from "./tieredCommission.js";
export type { CommissionTier, TieredCommissionOptions } from "./tieredCommission.js";
export { targetIncentive } from "./targetIncentive.js";
export type { TargetIncentiveOptions } from "./targetIncentive.js";
export { allocatePool } from "./allocatePool.js";
export type { PoolEntry, AllocatePoolOptions, PoolAllocation, PoolResult } from "./allocatePool.js";
export { allocatePoolColumns } from "./allocatePoolColumns.js";
export type { AllocatePoolColumnsOptions, PoolColumns } from "./allocatePoolColumns.js";
export { allocateTeamPool } from "./allocateTeamPool.js";
export type { PoolTeam, AllocateTeamPoolOptions, TeamAllocation, TeamPoolResult } from "./allocateTeamPool.js";
export { fundPool } from "./fundPool.js";
export type { FundPoolOptions } from "./fundPool.js";
export { meetsStreak } from "./meetsStreak.js";
export type { StreakRule, StreakResult } from "./meetsStreak.js";
export { gradeMultiplier } from "./gradeMultiplier.js";
export type { GradeMultiplierTable, GradeMultiplierOptions } from "./gradeMultiplier.js";
export { composeBonus } from "./composeBonus.js";
export type { VariableBonus, BonusAward, BonusParts, ComposeBonusOptions, ComposedBonus } from "./composeBonus.js";
export { splitCredit } from "./splitCredit.js";
export type { CreditSplit, SplitCreditOptions, CreditShare } from "./splitCredit.js";
export { commissionOnCollections } from "./commissionOnCollections.js";
export type {
  CollectionEventKind,
  CollectionEvent,
  CollectionInvoice,
  CommissionOnCollectionsOptions,
  CollectionLine,
  CollectionPeriod,
  ForgivenLine,
  CollectionsResult,
} from "./commissionOnCollections.js";
export { applyDraw } from "./applyDraw.js";
export type { ApplyDrawOptions, DrawResult } from "./applyDraw.js";
export { rampTarget } from "./rampTarget.js";
export type { RampTargetOptions, RampMonth, RampedTarget } from "./rampTarget.js";
export { trueUp } from "./trueUp.js";
export type { TrueUpOptions, TrueUpResult } from "./trueUp.js";
