// Public API of src/compensation/ — re-exports only.
export { tieredCommission } from "./tieredCommission.js";
export type { CommissionTier, TieredCommissionOptions } from "./tieredCommission.js";
export { allocatePool } from "./allocatePool.js";
export type { PoolEntry, AllocatePoolOptions, PoolAllocation, PoolResult } from "./allocatePool.js";
export { meetsStreak } from "./meetsStreak.js";
export type { StreakRule, StreakResult } from "./meetsStreak.js";
