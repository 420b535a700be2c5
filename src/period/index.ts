// Public API of src/period/ — re-exports only.
export { isoDateSchema, periodSchema, periodUnitSchema, PERIOD_UNITS } from "./Period.js";
export type { Period, PeriodUnit } from "./Period.js";
export { fiscalYear } from "./fiscalYear.js";
export type { FiscalYearOptions } from "./fiscalYear.js";
export { splitPeriod } from "./splitPeriod.js";
export { periodOf } from "./periodOf.js";
export { businessDays } from "./businessDays.js";
export type { BusinessDaysOptions } from "./businessDays.js";
export { calendarDays } from "./calendarDays.js";
