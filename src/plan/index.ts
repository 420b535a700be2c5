// Public API of src/plan/ — re-exports only.
export { planSchema, parsePlan, planJsonSchema, planDataSchema } from "./schema.js";
export type { Plan, PlanInput, PlanData, PlanDataStream, DataRow, RatingRow, TransactionRow, DealRow, ResponseRow, ActivityRow, TicketRow } from "./schema.js";
export type {
  PayoutRun,
  Statement,
  StatementPerson,
  TraceStep,
  StatementKpiLine,
  IndicatorLine,
  Review360Line,
  Review360CompetencyLine,
  StatementSubPeriod,
  StatementSubPeriodKpiLine,
  TeamResult,
  PayLine,
  PoolReport,
  RunTotals,
  LazyPayoutRun,
} from "./types.js";
export { runPlan } from "./runPlan.js";
export type { RunInputFile, RunInputs, RunPlanOptions } from "./runPlan.js";
export { runPlanLazy } from "./runPlanLazy.js";
export { planHash } from "./planHash.js";
export { PAYSCORE_VERSION } from "./version.js";
export { explain } from "./explain.js";
export type { ExplainLocale, ExplainOptions } from "./explain.js";
export { diffRuns } from "./diffRuns.js";
export type { RunDiff, PersonDiff, DiffLine, DataChange } from "./diffRuns.js";
export { diffText } from "./diffText.js";
export type { DiffTextOptions } from "./diffText.js";
