import { PayscoreError, formatPath, type ErrorPath } from "../errors/index.js";
import { readDecimal, type Decimal } from "../numeric/index.js";
import type * as D from "./domains.js";
import { isIsoDay, type TransactionRow } from "./schema.js";

/** The transactions as `commissionOnCollections` takes them, with the row behind each invoice and event (for errors). */
export interface ReadTransactions {
  readonly invoices: D.CollectionInvoice[];
  /** The transaction row of each invoice, by invoice index. */
  readonly invoiceRows: number[];
  /** The transaction row of each event, by invoice index then event index. */
  readonly eventRows: number[][];
}

const KINDS = new Set(["invoice", "payment", "credit-note"]);

/**
 * Reads the data's transactions (one row per invoice, payment or credit note, as a CSV gives
 * them) into invoices with their events for `commissionOnCollections`:
 *
 * - `kind` `invoice`: the invoice (`amount` ≥ 0), its reps `"S1;S2"` and their shares
 *   `"0.6;0.4"` (empty shares for a single rep mean all of it); one row per invoice;
 * - `kind` `payment`: cash received; a negative amount is a refund of that much;
 * - `kind` `credit-note`: the invoice reduced by the amount (written with either sign);
 * - `id`: the payment's or credit note's id (receipt number), default `#n` — the row's
 *   position in the transactions, from 1.
 *
 * Rows may come in any order; an invoice's events apply in date order (same day: in the order
 * given). Every rep must be on the roster, so no credit is paid to no one.
 *
 * @internal
 * @param rows - the transactions
 * @param roster - the ids of the people on the roster
 * @returns the invoices, and the row behind each invoice and event
 * @throws {PayscoreError} `INVALID_DATA` with path `["transactions", row, column]` for a bad cell,
 *   an unknown kind, a repeated invoice, an event of no invoice, or a rep not on the roster
 *
 * @example
 * ```ts
 * readTransactions([
 *   { invoice: "INV-1", date: "2026-01-10", kind: "invoice", amount: "1000", reps: "S1;S2", shares: "0.6;0.4" },
 *   { invoice: "INV-1", date: "2026-01-20", kind: "payment", amount: "400", id: "R-7" },
 * ], new Set(["S1", "S2"])).invoices[0]?.events?.[0]; // { id: "R-7", kind: "payment", date: "2026-01-20", amount: 400 }
 * ```
 */
export function readTransactions(rows: readonly TransactionRow[], roster: ReadonlySet<string>): ReadTransactions {
  const invoices: D.CollectionInvoice[] = [];
  const invoiceRows: number[] = [];
  const events: D.CollectionEvent[][] = [];
  const eventRows: number[][] = [];
  const byId = new Map<string, number>();
  const fault = (i: number, column: string, text: string): PayscoreError => {
    const path: ErrorPath = ["transactions", i, column];
    return new PayscoreError("INVALID_DATA", `${formatPath(path)}: ${text}`, { path });
  };
  const read = rows.map((row, i) => {
    const invoice = row.invoice;
    if (invoice === "") throw fault(i, "invoice", "the invoice number is empty");
    if (!isIsoDay(row.date)) throw fault(i, "date", `expected an ISO date yyyy-MM-dd, e.g. "2026-03-31"; got ${JSON.stringify(row.date)}`);
    if (!KINDS.has(row.kind)) throw fault(i, "kind", `expected "invoice", "payment" or "credit-note"; got ${JSON.stringify(row.kind)}`);
    if (row.amount === "") throw fault(i, "amount", "the amount is empty");
    let amount: Decimal;
    try {
      amount = readDecimal(row.amount, ["transactions", i, "amount"]);
    } catch {
      throw fault(i, "amount", `expected a plain number such as "1200.50"; got ${JSON.stringify(row.amount)}`);
    }
    return { row, amount };
  });
  // Invoices first, so events may come before their invoice's row.
  read.forEach(({ row, amount }, i) => {
    if (row.kind !== "invoice") return;
    const before = byId.get(row.invoice);
    if (before !== undefined) throw fault(i, "invoice", `the invoice ${JSON.stringify(row.invoice)} is listed twice (also transactions[${invoiceRows[before] as number}])`);
    if (amount.isNegative()) throw fault(i, "amount", `an invoice's amount must not be negative; got ${amount.toString()} (a credit note reduces an invoice)`);
    const reps = splitList(row.reps);
    if (reps.length === 0) throw fault(i, "reps", `invoice ${JSON.stringify(row.invoice)} names no reps; write them as "S1;S2"`);
    const shares = splitList(row.shares);
    if (shares.length === 0 && reps.length > 1) throw fault(i, "shares", `invoice ${JSON.stringify(row.invoice)} has ${reps.length} reps but no shares; write them as "0.6;0.4"`);
    if (shares.length > 0 && shares.length !== reps.length) {
      throw fault(i, "shares", `invoice ${JSON.stringify(row.invoice)} has ${reps.length} reps but ${shares.length} shares; give one share per rep`);
    }
    for (const rep of reps) if (!roster.has(rep)) throw fault(i, "reps", `invoice ${JSON.stringify(row.invoice)} credits ${JSON.stringify(rep)}, who is not on the roster`);
    byId.set(row.invoice, invoices.length);
    invoiceRows.push(i);
    const list: D.CollectionEvent[] = [];
    events.push(list);
    eventRows.push([]);
    invoices.push({
      id: row.invoice,
      date: row.date,
      amount,
      reps: reps.map((id, k) => ({ id, share: shares.length === 0 ? 1 : (shares[k] as string) })),
      events: list,
    });
  });
  read.forEach(({ row, amount }, i) => {
    if (row.kind === "invoice") return;
    const at = byId.get(row.invoice);
    if (at === undefined) throw fault(i, "invoice", `the ${row.kind} is on invoice ${JSON.stringify(row.invoice)}, which has no "invoice" row`);
    const id = row.id === undefined || row.id === "" ? `#${i + 1}` : row.id;
    const kind = row.kind === "credit-note" ? "credit-note" : amount.isNegative() ? "refund" : "payment";
    (events[at] as D.CollectionEvent[]).push({ id, kind, date: row.date, amount: abs(amount) });
    (eventRows[at] as number[]).push(i);
  });
  return { invoices, invoiceRows, eventRows };
}

function abs(x: Decimal): Decimal {
  return x.isNegative() ? x.negated() : x;
}

/** `"S1; S2"` → `["S1", "S2"]`; empty or absent → `[]`. */
function splitList(text: string | undefined): string[] {
  if (text === undefined || text.trim() === "") return [];
  return text.split(";").map((part) => part.trim());
}

/**
 * A fault `commissionOnCollections` found, in terms of the transactions: its path
 * `["lines", i, "events", j, …]` becomes the row's `["transactions", row, …]`.
 *
 * @internal
 * @param error - the error
 * @param read - the transactions as read
 * @returns the error, pointing at the transaction row
 *
 * @example
 * ```ts
 * inTransactionTerms(error, read).path; // ["transactions", 4, "date"]
 * ```
 */
export function inTransactionTerms(error: PayscoreError, read: ReadTransactions): PayscoreError {
  const [root, i, events, j, ...rest] = error.path;
  if (root !== "lines" || typeof i !== "number") return error;
  const invoiceRow = read.invoiceRows[i];
  if (invoiceRow === undefined) return error;
  const eventRow = events === "events" && typeof j === "number" ? read.eventRows[i]?.[j] : undefined;
  const row = eventRow ?? invoiceRow;
  const tail = eventRow === undefined ? (events === undefined ? [] : [events, ...(j === undefined ? [] : [j]), ...rest]) : rest;
  const column = tail[0] === "reps" ? "shares" : tail[0] === "events" ? "amount" : tail[0];
  const path: ErrorPath = ["transactions", row, ...(column === undefined ? [] : [column])];
  const where = formatPath(path);
  const message = error.message
    .replace(/lines\[\d+\](?:\.events\[\d+\])?(?:\.[A-Za-z]+(?:\[\d+\])?(?:\.[A-Za-z]+)?)?/g, where)
    .replace(/options\.period/g, "the plan's period")
    .replace(/options\.tolerance/g, "pay.commission.base.collections.tolerance");
  const text = message.startsWith(where) ? message : `${where}: ${message}`;
  return new PayscoreError(error.code === "INVALID_ARGUMENT" ? "INVALID_DATA" : error.code, text, { path, cause: error });
}
