import { parseWith } from "../../errors/index.js";
import { buildRoster, type RosterPerson } from "../roster.js";
import { planDataSchema, type DataRow, type Plan, type PlanData, type PlanDataStream, type RatingRow, type TransactionRow, type DealRow, type ResponseRow, type ActivityRow, type TicketRow } from "../schema.js";

/** Stage 1's result: the roster in id order, and the ratings and history as given. */
export interface RunInputs {
  readonly people: RosterPerson[];
  readonly ratings: Iterable<RatingRow> | undefined;
  readonly history: Readonly<Record<string, readonly (string | number)[]>> | undefined;
  /** Issue 20: the transactions, checked by the schema. */
  readonly transactions?: readonly TransactionRow[] | undefined;
  /** Issue 20: paid and forgiven to date, by person, checked by the schema. */
  readonly paidToDate?: Readonly<Record<string, string | number>> | undefined;
  readonly forgivenToDate?: Readonly<Record<string, string | number>> | undefined;
  /** Issue 21: the list inputs of the list indicators, checked by the schema. */
  readonly deals?: readonly DealRow[] | undefined;
  readonly responses?: readonly ResponseRow[] | undefined;
  readonly activities?: readonly ActivityRow[] | undefined;
  readonly tickets?: readonly TicketRow[] | undefined;
}

/**
 * Stage 1, read inputs: checks the data's shape — rows of plain string, number or null cells
 * (checked by hand, since a run has a million; anything else goes through the schema for its
 * words), the history by the schema — and builds the roster (the plan's `people`, or the rows'
 * `name`, `team`, `region`, `role`, `activeFrom`, `activeTo` and `basePay` columns), sorted by
 * id. Ratings are checked as the 360 stage reads them, so an iterable is read only once.
 *
 * @internal
 * @param p - the parsed plan
 * @param data - the data as given
 * @returns the roster, ratings and history
 * @throws {PayscoreError} `INVALID_DATA` for data of the wrong shape, a missing or repeated id,
 *   a malformed date or base pay
 *
 * @example
 * ```ts
 * readInputs(plan, { rows: [{ id: "p02" }, { id: "p01" }] }).people.map((x) => x.id); // ["p01", "p02"]
 * ```
 */
export function readInputs(p: Plan, data: PlanData | PlanDataStream): RunInputs {
  const given: unknown = data;
  if (!isPlainData(given)) {
    const parsed = parseWith(planDataSchema, given, "INVALID_DATA", []);
    return { people: buildRoster(p, parsed.rows), ratings: parsed.ratings, history: parsed.history, transactions: parsed.transactions, paidToDate: parsed.paidToDate, forgivenToDate: parsed.forgivenToDate, deals: parsed.deals, responses: parsed.responses, activities: parsed.activities, tickets: parsed.tickets };
  }
  const history = given.history === undefined || isPlainHistory(given.history) ? (given.history as RunInputs["history"]) : parseWith(planDataSchema.shape.history, given.history, "INVALID_DATA", ["history"]);
  const transactions = given.transactions === undefined ? undefined : parseWith(planDataSchema.shape.transactions, given.transactions, "INVALID_DATA", ["transactions"]);
  const byId = (key: "paidToDate" | "forgivenToDate") => (given[key] === undefined ? undefined : parseWith(planDataSchema.shape[key], given[key], "INVALID_DATA", [key]));
  const deals = given.deals === undefined ? undefined : parseWith(planDataSchema.shape.deals, given.deals, "INVALID_DATA", ["deals"]);
  const responses = given.responses === undefined ? undefined : parseWith(planDataSchema.shape.responses, given.responses, "INVALID_DATA", ["responses"]);
  const activities = given.activities === undefined ? undefined : parseWith(planDataSchema.shape.activities, given.activities, "INVALID_DATA", ["activities"]);
  const tickets = given.tickets === undefined ? undefined : parseWith(planDataSchema.shape.tickets, given.tickets, "INVALID_DATA", ["tickets"]);
  return { people: buildRoster(p, given.rows), ratings: given.ratings, history, transactions, paidToDate: byId("paidToDate"), forgivenToDate: byId("forgivenToDate"), deals, responses, activities, tickets };
}

/** Whether `data` is `{ rows, ratings?, history? }` with rows the schema accepts unchanged and ratings a list or other iterable. */
function isPlainData(data: unknown): data is { rows: readonly DataRow[]; ratings?: Iterable<RatingRow>; history?: unknown; transactions?: unknown; paidToDate?: unknown; forgivenToDate?: unknown; deals?: unknown; responses?: unknown; activities?: unknown; tickets?: unknown } {
  if (typeof data !== "object" || data === null) return false;
  const proto: unknown = Object.getPrototypeOf(data);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key of Object.keys(data)) if (key !== "rows" && key !== "ratings" && key !== "history" && key !== "transactions" && key !== "paidToDate" && key !== "forgivenToDate" && key !== "deals" && key !== "responses" && key !== "activities" && key !== "tickets") return false;
  const d = data as { rows?: unknown; ratings?: unknown };
  const ratings = d.ratings;
  if (ratings !== undefined && (typeof ratings !== "object" || ratings === null || typeof (ratings as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== "function")) return false;
  const rows = d.rows;
  if (!Array.isArray(rows)) return false;
  for (let i = 0; i < rows.length; i++) {
    const row: unknown = rows[i];
    if (typeof row !== "object" || row === null) return false;
    const rowProto: unknown = Object.getPrototypeOf(row);
    if (rowProto !== Object.prototype && rowProto !== null) return false;
    for (const key in row) {
      const v: unknown = (row as Record<string, unknown>)[key];
      if (typeof v !== "string" && v !== null && !(typeof v === "number" && Number.isFinite(v))) return false;
    }
  }
  return true;
}

/** Whether a history is what the schema accepts unchanged: an object of lists of strings and finite numbers. */
function isPlainHistory(history: unknown): boolean {
  if (typeof history !== "object" || history === null || Array.isArray(history)) return false;
  const proto: unknown = Object.getPrototypeOf(history);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key of Object.keys(history)) {
    const values: unknown = (history as Record<string, unknown>)[key];
    if (!Array.isArray(values)) return false;
    for (let i = 0; i < values.length; i++) {
      const v: unknown = values[i];
      if (typeof v !== "string" && !(typeof v === "number" && Number.isFinite(v))) return false;
    }
  }
  return true;
}
