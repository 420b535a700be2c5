import { describe, expect, it } from "vitest";
import { PayscoreError } from "../../src/errors/index.js";
import { inTransactionTerms, readTransactions } from "../../src/plan/transactions.js";

describe("readTransactions", () => {
  it("groups payments, refunds and credit notes under their invoice, in any row order", () => {
    const read = readTransactions(
      [
        { invoice: "INV-1", date: "2026-01-20", kind: "payment", amount: "400", id: "R-7" },
        { invoice: "INV-1", date: "2026-01-10", kind: "invoice", amount: "1000", reps: "S1; S2", shares: "0.6;0.4" },
        { invoice: "INV-1", date: "2026-02-01", kind: "payment", amount: -100 },
        { invoice: "INV-1", date: "2026-02-02", kind: "credit-note", amount: "-50", id: "" },
      ],
      new Set(["S1", "S2"]),
    );
    expect(read.invoiceRows).toEqual([1]);
    expect(read.eventRows).toEqual([[0, 2, 3]]);
    const invoice = read.invoices[0];
    expect(invoice?.reps).toEqual([{ id: "S1", share: "0.6" }, { id: "S2", share: "0.4" }]);
    expect(invoice?.events?.map((e) => `${e.id} ${e.kind} ${String(e.amount)}`)).toEqual(["R-7 payment 400", "#3 refund 100", "#4 credit-note 50"]);
  });

  it("gives a single rep all of the invoice when the shares are empty", () => {
    const read = readTransactions([{ invoice: "A", date: "2026-01-10", kind: "invoice", amount: "10", reps: "S1", shares: "" }], new Set(["S1"]));
    expect(read.invoices[0]?.reps).toEqual([{ id: "S1", share: 1 }]);
  });

  it("turns a library fault into the transaction row's terms, and leaves others alone", () => {
    const read = readTransactions(
      [
        { invoice: "A", date: "2026-01-10", kind: "invoice", amount: "10", reps: "S1" },
        { invoice: "A", date: "2026-01-11", kind: "payment", amount: "10" },
      ],
      new Set(["S1"]),
    );
    const mapped = inTransactionTerms(new PayscoreError("INVALID_ARGUMENT", "lines[0].events[0].amount is odd", { path: ["lines", 0, "events", 0, "amount"] }), read);
    expect([mapped.code, mapped.path, mapped.message]).toEqual(["INVALID_DATA", ["transactions", 1, "amount"], "transactions[1].amount is odd"]);
    const onInvoice = inTransactionTerms(new PayscoreError("INVALID_WEIGHTS", "lines[0].reps: the shares must sum to 1", { path: ["lines", 0, "reps"] }), read);
    expect([onInvoice.code, onInvoice.path]).toEqual(["INVALID_WEIGHTS", ["transactions", 0, "shares"]]);
    const other = new PayscoreError("INVALID_ARGUMENT", "options.tiers", { path: ["options", "tiers"] });
    expect(inTransactionTerms(other, read)).toBe(other);
  });
});
