import { describe, expect, it } from "vitest";
import { commissionOnCollections, type CollectionInvoice, type CollectionsResult, type CommissionOnCollectionsOptions } from "../../src/index.js";
import { errorOf, failureOf } from "./helpers.js";

const q1 = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };
const monthly = (rate: string, extra: Partial<CommissionOnCollectionsOptions> = {}): CommissionOnCollectionsOptions => ({
  period: q1,
  unit: "month",
  tiers: [{ from: 0, rate }],
  ...extra,
});
const solo = (id: string, amount: number | string, events: CollectionInvoice["events"], date = "2026-01-05"): CollectionInvoice => ({
  id,
  date,
  amount,
  reps: [{ id: "li", share: 1 }],
  events,
});
/** Each line as "kind period rep invoice/event(←reversed) base commission". */
const show = (result: CollectionsResult) =>
  result.lines.map((l) => `${l.kind} ${l.period} ${l.rep} ${l.invoice}/${l.event}${l.reverses === null ? "" : `←${l.reverses}`} ${l.base} ${l.commission}`);
const totals = (result: CollectionsResult) => result.periods.map((p) => `${p.period.label} ${p.rep} ${p.credited} ${p.commission} ${p.clawback} ${p.net}`);

describe("commissionOnCollections", () => {
  it("releases commission as an invoice is paid and claws back after a credit note (the TSDoc example)", () => {
    const result = commissionOnCollections(
      [
        {
          id: "INV-1",
          date: "2026-01-10",
          amount: 100000,
          reps: [{ id: "li", share: "0.6" }, { id: "wang", share: "0.4" }],
          events: [
            { id: "P1", kind: "payment", date: "2026-01-20", amount: 40000 },
            { id: "P2", kind: "payment", date: "2026-02-15", amount: 60000 },
            { id: "CN1", kind: "credit-note", date: "2026-03-05", amount: 10000 },
          ],
        },
      ],
      monthly("0.05"),
    );
    // Jan: 40000 collected → li 24000 · 5 % = 1200, wang 16000 · 5 % = 800. Feb: 60000 → 36000 (1800), 24000 (1200).
    // Mar: the credit note cuts the invoice to 90000 < 100000 paid → 10000 reversed (6000 : 4000), from P2 at 5 %.
    expect(result.lines.map((l) => `${l.period} ${l.rep} ${l.event} ${l.base} ${l.commission}`)).toEqual([
      "2026-01 li P1 24000 1200",
      "2026-01 wang P1 16000 800",
      "2026-02 li P2 36000 1800",
      "2026-02 wang P2 24000 1200",
      "2026-03 li CN1 -6000 -300",
      "2026-03 wang CN1 -4000 -200",
    ]);
    expect(result.lines[4]).toMatchObject({ kind: "clawback", invoice: "INV-1", eventKind: "credit-note", reverses: "P2", date: "2026-03-05" });
    expect(totals(result)).toEqual([
      "2026-01 li 24000 1200 0 1200",
      "2026-01 wang 16000 800 0 800",
      "2026-02 li 36000 1800 0 1800",
      "2026-02 wang 24000 1200 0 1200",
      "2026-03 li 0 0 -300 -300",
      "2026-03 wang 0 0 -200 -200",
    ]);
    expect(result.periods[0]?.period).toEqual({ start: "2026-01-01", end: "2026-01-31", label: "2026-01" });
    expect(result.forgiven).toEqual([]);
  });

  it("releases partial commission on a partial payment", () => {
    // 10000 invoiced; 3000 paid in January (10 % → 300), 7000 in February (700).
    const result = commissionOnCollections(
      [solo("A", 10000, [{ id: "P1", kind: "payment", date: "2026-01-20", amount: 3000 }, { id: "P2", kind: "payment", date: "2026-02-20", amount: 7000 }])],
      monthly("0.1"),
    );
    expect(show(result)).toEqual(["release 2026-01 li A/P1 3000 300", "release 2026-02 li A/P2 7000 700"]);
    expect(result.lines[0]).toMatchObject({ eventKind: "payment", reverses: null, date: "2026-01-20" });
  });

  it("claws back on a refund after payment, from the latest releases first, never more than was paid", () => {
    // P1 40000 (2000) and P2 60000 (3000) at 5 %. R1 refunds 70000: all of P2 (−3000) and 10000 of P1 (2000 · 10000/40000 = 500).
    // R2 refunds the last 30000: the rest of P1, exactly what is left of it (1500).
    const result = commissionOnCollections(
      [
        solo("A", 100000, [
          { id: "P1", kind: "payment", date: "2026-01-20", amount: 40000 },
          { id: "P2", kind: "payment", date: "2026-02-10", amount: 60000 },
          { id: "R1", kind: "refund", date: "2026-03-01", amount: 70000 },
          { id: "R2", kind: "refund", date: "2026-03-15", amount: 30000 },
        ]),
      ],
      monthly("0.05"),
    );
    expect(show(result)).toEqual([
      "release 2026-01 li A/P1 40000 2000",
      "release 2026-02 li A/P2 60000 3000",
      "clawback 2026-03 li A/R1←P2 -60000 -3000",
      "clawback 2026-03 li A/R1←P1 -10000 -500",
      "clawback 2026-03 li A/R2←P1 -30000 -1500",
    ]);
    expect(totals(result)[2]).toBe("2026-03 li 0 0 -5000 -5000");
  });

  it("applies marginal tiers to each rep's credited collections per period, and claws back at the rate paid", () => {
    const tiers = [{ from: 0, rate: "0.03" }, { from: 50000, rate: "0.05" }];
    const result = commissionOnCollections(
      [
        solo("A", 60000, [{ id: "PA", kind: "payment", date: "2026-01-20", amount: 60000 }, { id: "RA", kind: "refund", date: "2026-02-20", amount: 30000 }]),
        solo("B", 20000, [{ id: "PB", kind: "payment", date: "2026-01-25", amount: 20000 }]),
        solo("C", 30000, [{ id: "PC", kind: "payment", date: "2026-02-03", amount: 30000 }]),
      ],
      { period: q1, unit: "month", tiers },
    );
    // January: 80000 credited → 50000 · 3 % + 30000 · 5 % = 3000, shared 60000 : 20000 → 2250 and 750.
    // February: 30000 → 30000 · 3 % = 900 (tiers start again); RA reverses 30000 of PA: 2250 · 30000/60000 = 1125.
    expect(show(result)).toEqual([
      "release 2026-01 li A/PA 60000 2250",
      "release 2026-01 li B/PB 20000 750",
      "release 2026-02 li C/PC 30000 900",
      "clawback 2026-02 li A/RA←PA -30000 -1125",
    ]);
    expect(totals(result)).toEqual(["2026-01 li 80000 3000 0 3000", "2026-02 li 30000 900 -1125 -225"]);
    // Retroactive tiers: 80000 · 5 % = 4000, shared 3000 : 1000.
    const retro = commissionOnCollections([solo("A", 60000, [{ id: "PA", kind: "payment", date: "2026-01-20", amount: 60000 }]), solo("B", 20000, [{ id: "PB", kind: "payment", date: "2026-01-25", amount: 20000 }])], {
      period: q1,
      tiers,
      mode: "retroactive",
    });
    expect(show(retro)).toEqual(["release 2026-Q1 li A/PA 60000 3000", "release 2026-Q1 li B/PB 20000 1000"]);
  });

  it("rounds a period's commission once and shares it over its lines by largest remainder", () => {
    // 33.33 + 33.34 = 66.67 · 5 % = 3.3335 → 3.33; shared 3333 : 3334 → 166.475, 166.525 fen → 1.66 and 1.67.
    const result = commissionOnCollections(
      [solo("A", "33.33", [{ id: "P", kind: "payment", date: "2026-01-20", amount: "33.33" }]), solo("B", "33.34", [{ id: "P", kind: "payment", date: "2026-01-21", amount: "33.34" }])],
      monthly("0.05"),
    );
    expect(show(result)).toEqual(["release 2026-01 li A/P 33.33 1.66", "release 2026-01 li B/P 33.34 1.67"]);
    expect(totals(result)).toEqual(["2026-01 li 66.67 3.33 0 3.33"]);
    // half-up: 3.3335 → 3.33 still (the fen digit is decided by 0.35 of a fen); ceil → 3.34.
    expect(totals(commissionOnCollections([solo("A", "66.67", [{ id: "P", kind: "payment", date: "2026-01-20", amount: "66.67" }])], monthly("0.05", { rounding: "ceil" })))).toEqual([
      "2026-01 li 66.67 3.34 0 3.34",
    ]);
  });

  it("splits each release between reps with remainder cents, and reverses by what each holds", () => {
    const reps = [{ id: "a", share: "0.333" }, { id: "b", share: "0.333" }, { id: "c", share: "0.333" }];
    const result = commissionOnCollections(
      [{ id: "A", date: "2026-01-05", amount: 1000, reps, events: [{ id: "P1", kind: "payment", date: "2026-01-20", amount: 1000 }, { id: "R1", kind: "refund", date: "2026-02-02", amount: 1000 }] }],
      monthly("0.1", { tolerance: "0.001" }),
    );
    // 1000 normalised into thirds: 333.34, 333.33, 333.33; each · 10 % = 33.334 → 33.33, 33.333 → 33.33.
    expect(show(result)).toEqual([
      "release 2026-01 a A/P1 333.34 33.33",
      "release 2026-01 b A/P1 333.33 33.33",
      "release 2026-01 c A/P1 333.33 33.33",
      "clawback 2026-02 a A/R1←P1 -333.34 -33.33",
      "clawback 2026-02 b A/R1←P1 -333.33 -33.33",
      "clawback 2026-02 c A/R1←P1 -333.33 -33.33",
    ]);
    expect(errorOf(() => commissionOnCollections([{ id: "A", date: "2026-01-05", amount: 1000, reps, events: [] }], monthly("0.1")))).toEqual({
      code: "INVALID_WEIGHTS",
      path: ["lines", 0, "reps"],
    });
  });

  it("pays only on full payment under the full-payment policy, then claws back pro rata", () => {
    const events = [
      { id: "P1", kind: "payment" as const, date: "2026-01-20", amount: 3000 },
      { id: "P2", kind: "payment" as const, date: "2026-02-20", amount: 3000 },
      { id: "P3", kind: "payment" as const, date: "2026-03-02", amount: 4000 },
      { id: "R1", kind: "refund" as const, date: "2026-03-20", amount: 4500 },
    ];
    // Nothing until P3 completes the 10000; then all 10000 at 10 % = 1000. R1 refunds 4500 → −450.
    expect(show(commissionOnCollections([solo("A", 10000, events)], monthly("0.1", { release: "full-payment" })))).toEqual([
      "release 2026-03 li A/P3 10000 1000",
      "clawback 2026-03 li A/R1←P3 -4500 -450",
    ]);
    // Pro rata (the default) releases 300, 300, 400 and claws back 4500: 400 from P3 at 10 %, then 500 of P2's base (50).
    expect(show(commissionOnCollections([solo("A", 10000, events)], monthly("0.1", { release: "pro-rata" })))).toEqual([
      "release 2026-01 li A/P1 3000 300",
      "release 2026-02 li A/P2 3000 300",
      "release 2026-03 li A/P3 4000 400",
      "clawback 2026-03 li A/R1←P3 -4000 -400",
      "clawback 2026-03 li A/R1←P2 -500 -50",
    ]);
    // A credit note can complete the payment: 9000 paid, then the invoice is cut to 9000.
    const credited = commissionOnCollections(
      [solo("B", 10000, [{ id: "P1", kind: "payment", date: "2026-01-20", amount: 9000 }, { id: "CN1", kind: "credit-note", date: "2026-02-01", amount: 1000 }])],
      monthly("0.1", { release: "full-payment" }),
    );
    expect(show(credited)).toEqual(["release 2026-02 li B/CN1 9000 900"]);
    expect(credited.lines[0]?.eventKind).toBe("credit-note");
    // Never paid in full: nothing.
    expect(commissionOnCollections([solo("C", 10000, events.slice(0, 2))], monthly("0.1", { release: "full-payment" })).lines).toEqual([]);
  });

  it("pays nothing on cash beyond the invoice, and does not claw back twice for a credit note and its refund", () => {
    const over = commissionOnCollections(
      [solo("A", 10000, [{ id: "P1", kind: "payment", date: "2026-01-20", amount: 11000 }, { id: "R1", kind: "refund", date: "2026-01-25", amount: 1000 }])],
      monthly("0.1"),
    );
    // 11000 collected on 10000: base 10000; refunding the 1000 overpaid changes nothing.
    expect(show(over)).toEqual(["release 2026-01 li A/P1 10000 1000"]);
    const both = commissionOnCollections(
      [
        solo("A", 10000, [
          { id: "P1", kind: "payment", date: "2026-01-20", amount: 10000 },
          { id: "CN1", kind: "credit-note", date: "2026-02-01", amount: 2000 },
          { id: "R1", kind: "refund", date: "2026-02-02", amount: 2000 },
        ]),
      ],
      monthly("0.1"),
    );
    // CN1 cuts the invoice to 8000: 2000 reversed (−200). R1 pays the 2000 back: the base is already 8000.
    expect(show(both)).toEqual(["release 2026-01 li A/P1 10000 1000", "clawback 2026-02 li A/CN1←P1 -2000 -200"]);
    // A credit note on an unpaid part claws nothing back: 5000 paid of 10000, cut to 6000.
    const unpaid = commissionOnCollections(
      [solo("A", 10000, [{ id: "P1", kind: "payment", date: "2026-01-20", amount: 5000 }, { id: "CN1", kind: "credit-note", date: "2026-02-01", amount: 4000 }])],
      monthly("0.1"),
    );
    expect(show(unpaid)).toEqual(["release 2026-01 li A/P1 5000 500"]);
  });

  it("forgives reversals outside the clawback window, and does not pay twice when the cash comes back", () => {
    const result = commissionOnCollections(
      [
        solo(
          "A",
          10000,
          [
            { id: "P1", kind: "payment", date: "2026-01-20", amount: 10000 },
            { id: "R1", kind: "refund", date: "2026-02-09", amount: 1000 }, // 30 days after the invoice: inside
            { id: "R2", kind: "refund", date: "2026-02-10", amount: 2000 }, // 31 days: outside
            { id: "R3", kind: "refund", date: "2026-02-11", amount: 500 }, // outside
            { id: "P2", kind: "payment", date: "2026-03-10", amount: 2500 }, // the cash comes back: nothing new to pay
            { id: "P3", kind: "payment", date: "2026-03-20", amount: 1000 }, // back to 10000: 1000 · 10 % is paid again
          ],
          "2026-01-10",
        ),
      ],
      monthly("0.1", { clawbackWindowDays: 30 }),
    );
    expect(show(result)).toEqual(["release 2026-01 li A/P1 10000 1000", "clawback 2026-02 li A/R1←P1 -1000 -100", "release 2026-03 li A/P3 1000 100"]);
    expect(result.forgiven.map((f) => `${f.period} ${f.rep} ${f.invoice}/${f.event} ${f.eventKind} ${f.base}`)).toEqual([
      "2026-02 li A/R2 refund 2000",
      "2026-02 li A/R3 refund 500",
    ]);
    // A window of 0 days forgives everything after the invoice date.
    const none = commissionOnCollections([solo("A", 100, [{ id: "P1", kind: "payment", date: "2026-01-05", amount: 100 }, { id: "R1", kind: "refund", date: "2026-01-06", amount: 100 }])], monthly("0.1", { clawbackWindowDays: 0 }));
    expect(show(none)).toEqual(["release 2026-01 li A/P1 100 10"]);
    expect(none.forgiven[0]?.base.toString()).toBe("100");
  });

  it("credits overlay reps each on their own", () => {
    const result = commissionOnCollections(
      [
        {
          id: "A",
          date: "2026-01-05",
          amount: 10000,
          overlay: true,
          reps: [{ id: "li", share: 1 }, { id: "mgr", share: "0.5" }],
          events: [
            { id: "P1", kind: "payment", date: "2026-01-20", amount: 4000 },
            { id: "R1", kind: "refund", date: "2026-02-20", amount: 1000 },
            { id: "R2", kind: "refund", date: "2026-03-20", amount: 3000 },
          ],
        },
      ],
      monthly("0.1"),
    );
    // P1: li 4000 (400), mgr 2000 (200). R1: 1000 of 4000 reversed: li 1000 (100), mgr 500 (50).
    // R2 refunds the rest: each rep gives back exactly what it still holds.
    expect(show(result)).toEqual([
      "release 2026-01 li A/P1 4000 400",
      "release 2026-01 mgr A/P1 2000 200",
      "clawback 2026-02 li A/R1←P1 -1000 -100",
      "clawback 2026-02 mgr A/R1←P1 -500 -50",
      "clawback 2026-03 li A/R2←P1 -3000 -300",
      "clawback 2026-03 mgr A/R2←P1 -1500 -150",
    ]);
  });

  it("applies one day's events in the order given, and orders lines by date, invoice and event", () => {
    const paidThenCredited = [
      { id: "P1", kind: "payment" as const, date: "2026-01-20", amount: 1000 },
      { id: "CN1", kind: "credit-note" as const, date: "2026-01-20", amount: 1000 },
    ];
    expect(show(commissionOnCollections([solo("A", 1000, paidThenCredited)], monthly("0.1")))).toEqual(["release 2026-01 li A/P1 1000 100", "clawback 2026-01 li A/CN1←P1 -1000 -100"]);
    expect(commissionOnCollections([solo("A", 1000, [...paidThenCredited].reverse())], monthly("0.1")).lines).toEqual([]);
    // Events out of date order are sorted; two invoices interleave by date.
    const result = commissionOnCollections(
      [
        solo("A", 1000, [{ id: "P2", kind: "payment", date: "2026-02-20", amount: 500 }, { id: "P1", kind: "payment", date: "2026-01-20", amount: 500 }]),
        solo("B", 1000, [{ id: "P1", kind: "payment", date: "2026-02-01", amount: 1000 }]),
      ],
      monthly("0.1"),
    );
    expect(show(result)).toEqual(["release 2026-01 li A/P1 500 50", "release 2026-02 li B/P1 1000 100", "release 2026-02 li A/P2 500 50"]);
  });

  it("uses the whole period without a unit, any unit otherwise, and lists reps in order of first appearance", () => {
    const lines: CollectionInvoice[] = [
      { id: "A", date: "2025-12-20", amount: 1000, reps: [{ id: "zhao", share: 1 }], events: [{ id: "P1", kind: "payment", date: "2026-01-02", amount: 1000 }] },
      { id: "B", date: "2026-01-05", amount: 1000, reps: [{ id: "li", share: "0.5" }, { id: "zhao", share: "0.5" }], events: [{ id: "P1", kind: "payment", date: "2026-02-03", amount: 1000 }] },
    ];
    const whole = commissionOnCollections(lines, { period: q1, tiers: [{ from: 0, rate: "0.1" }] });
    expect(totals(whole)).toEqual(["2026-Q1 zhao 1500 150 0 150", "2026-Q1 li 500 50 0 50"]);
    const weekly = commissionOnCollections(lines, { period: q1, unit: "week", tiers: [{ from: 0, rate: "0.1" }] });
    expect(weekly.lines.map((l) => l.period)).toEqual(["2026-W01", "2026-W06", "2026-W06"]);
    expect(commissionOnCollections([], monthly("0.1"))).toEqual({ lines: [], periods: [], forgiven: [] });
    expect(commissionOnCollections([solo("A", 0, undefined)], monthly("0.1")).lines).toEqual([]);
  });

  it("works in other scales and never returns negative zero", () => {
    const result = commissionOnCollections([solo("A", 1001, [{ id: "P1", kind: "payment", date: "2026-01-20", amount: 1001 }])], monthly("0.1", { scale: 0 }));
    // 1001 · 10 % = 100.1 → 100
    expect(show(result)).toEqual(["release 2026-01 li A/P1 1001 100"]);
    const zeroRate = commissionOnCollections([solo("A", 100, [{ id: "P1", kind: "payment", date: "2026-01-20", amount: 100 }, { id: "R1", kind: "refund", date: "2026-01-21", amount: 100 }])], monthly("0"));
    for (const line of zeroRate.lines) expect(line.commission.isZero() && !line.commission.isNegative()).toBe(true);
    expect(show(zeroRate)).toEqual(["release 2026-01 li A/P1 100 0", "clawback 2026-01 li A/R1←P1 -100 0"]);
  });

  it("refuses inconsistent data: an event before its invoice, refunds beyond the cash, credit notes beyond the invoice", () => {
    expect(failureOf(() => commissionOnCollections([solo("A", 100, [{ id: "P1", kind: "payment", date: "2026-01-04", amount: 100 }])], monthly("0.1")))).toEqual({
      code: "INVALID_DATA",
      path: ["lines", 0, "events", 0, "date"],
      message: "lines[0].events[0].date 2026-01-04 is before the invoice date 2026-01-05",
    });
    expect(
      failureOf(() =>
        commissionOnCollections([solo("A", 100, [{ id: "R1", kind: "refund", date: "2026-01-21", amount: 80 }, { id: "P1", kind: "payment", date: "2026-01-20", amount: 50 }])], monthly("0.1")),
      ),
    ).toEqual({
      code: "INVALID_DATA",
      path: ["lines", 0, "events", 0, "amount"],
      message: "lines[0].events[0] refunds 80 on 2026-01-21, more than the 50 collected by then",
    });
    expect(
      failureOf(() =>
        commissionOnCollections(
          [solo("A", 100, [{ id: "C1", kind: "credit-note", date: "2026-01-21", amount: 80 }, { id: "C2", kind: "credit-note", date: "2026-01-22", amount: "20.01" }])],
          monthly("0.1"),
        ),
      ),
    ).toEqual({
      code: "INVALID_DATA",
      path: ["lines", 0, "events", 1, "amount"],
      message: "lines[0].events[1] takes the credit notes to 100.01 by 2026-01-22, more than the invoiced 100",
    });
    expect(failureOf(() => commissionOnCollections([solo("A", 100, [{ id: "P1", kind: "payment", date: "2026-04-01", amount: 100 }])], monthly("0.1")))).toEqual({
      code: "OUT_OF_RANGE",
      path: ["lines", 0, "events", 0, "date"],
      message: "lines[0].events[0].date 2026-04-01 is outside options.period 2026-01-01 to 2026-03-31",
    });
  });

  it("refuses malformed invoices and events, naming the field and value", () => {
    const ok = solo("A", 100, []);
    expect(failureOf(() => commissionOnCollections({} as never, monthly("0.1")))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["lines"],
      message: "lines must be an array of invoices { id, date, amount, reps, events }; got an object",
    });
    // eslint-disable-next-line no-sparse-arrays
    expect(failureOf(() => commissionOnCollections([ok, , ok] as never, monthly("0.1")))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["lines", 1],
      message: "lines[1] is a hole (an empty slot in the array); write null or a value",
    });
    expect(failureOf(() => commissionOnCollections([ok, ok], monthly("0.1")))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["lines", 1, "id"],
      message: 'lines[1].id repeats the invoice "A" of lines[0]; invoice ids must be unique',
    });
    expect(errorOf(() => commissionOnCollections([{ ...ok, id: "" }], monthly("0.1")))).toEqual({ code: "INVALID_ARGUMENT", path: ["lines", 0, "id"] });
    expect(errorOf(() => commissionOnCollections([{ ...ok, date: "2026/01/05" }], monthly("0.1")))).toEqual({ code: "INVALID_ARGUMENT", path: ["lines", 0, "date"] });
    expect(failureOf(() => commissionOnCollections([{ ...ok, amount: -100 }], monthly("0.1")))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["lines", 0, "amount"],
      message: "lines[0].amount must not be negative; got -100",
    });
    expect(failureOf(() => commissionOnCollections([{ ...ok, amount: "100.001" }], monthly("0.1"))).message).toBe(
      "lines[0].amount is 100.001, not a whole number of 0.01 (scale 2); round it first",
    );
    expect(errorOf(() => commissionOnCollections([{ ...ok, amount: "¥100" }], monthly("0.1")))).toEqual({ code: "INVALID_NUMBER", path: ["lines", 0, "amount"] });
    expect(errorOf(() => commissionOnCollections([{ ...ok, reps: [] }], monthly("0.1")))).toEqual({ code: "EMPTY_INPUT", path: ["lines", 0, "reps"] });
    expect(errorOf(() => commissionOnCollections([{ ...ok, reps: [{ id: "li", share: 2 }] }], monthly("0.1")))).toEqual({ code: "OUT_OF_RANGE", path: ["lines", 0, "reps", 0, "share"] });
    expect(failureOf(() => commissionOnCollections([{ ...ok, overlay: 1 as never }], monthly("0.1")))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["lines", 0, "overlay"],
      message: "lines[0].overlay: must be true or false; got 1",
    });
    expect(errorOf(() => commissionOnCollections([{ ...ok, events: "P1" as never }], monthly("0.1")))).toEqual({ code: "INVALID_ARGUMENT", path: ["lines", 0, "events"] });
    const event = { id: "P1", kind: "payment" as const, date: "2026-01-20", amount: 10 };
    // eslint-disable-next-line no-sparse-arrays
    expect(errorOf(() => commissionOnCollections([{ ...ok, events: [event, ,] as never }], monthly("0.1")))).toEqual({ code: "INVALID_ARGUMENT", path: ["lines", 0, "events", 1] });
    expect(failureOf(() => commissionOnCollections([{ ...ok, events: [event, event] }], monthly("0.1")))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["lines", 0, "events", 1, "id"],
      message: 'lines[0].events[1].id repeats the id "P1" of lines[0].events[0]; ids must be unique within an invoice',
    });
    expect(failureOf(() => commissionOnCollections([{ ...ok, events: [{ ...event, kind: "receipt" as never }] }], monthly("0.1")))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["lines", 0, "events", 0, "kind"],
      message: 'lines[0].events[0].kind: must be one of "payment", "refund", "credit-note"; got "receipt"',
    });
    expect(failureOf(() => commissionOnCollections([{ ...ok, events: [{ ...event, amount: -10 }] }], monthly("0.1"))).message).toBe(
      "lines[0].events[0].amount must not be negative; got -10",
    );
    expect(errorOf(() => commissionOnCollections([{ ...ok, events: [{ ...event, date: "2026-02-30" }] }], monthly("0.1")))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["lines", 0, "events", 0, "date"],
    });
    expect(errorOf(() => commissionOnCollections([{ ...ok, events: [{ ...event, id: 5 as never }] }], monthly("0.1")))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["lines", 0, "events", 0, "id"],
    });
  });

  it("refuses missing or bad options, naming the option", () => {
    const lines = [solo("A", 100, [])];
    expect(failureOf(() => commissionOnCollections(lines, undefined as never))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["options"],
      message: "options: must be an object { period, tiers, unit?, … }; got undefined",
    });
    expect(failureOf(() => commissionOnCollections(lines, { tiers: [{ from: 0, rate: 1 }] } as never))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["options", "period"],
      message: "options.period: must be a period { start, end, label } with yyyy-MM-dd dates; got undefined",
    });
    expect(failureOf(() => commissionOnCollections(lines, { period: q1 } as never))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["options", "tiers"],
      message: "options.tiers: Invalid input: expected array, received undefined",
    });
    expect(failureOf(() => commissionOnCollections(lines, { period: q1, tiers: [] }))).toEqual({
      code: "EMPTY_INPUT",
      path: ["options", "tiers"],
      message: "options.tiers must list at least one tier (from 0)",
    });
    expect(failureOf(() => commissionOnCollections(lines, { period: q1, tiers: [{ from: 10, rate: 1 }] }))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["options", "tiers", 0, "from"],
      message: "the first tier must start at 0; options.tiers[0].from is 10",
    });
    expect(failureOf(() => commissionOnCollections(lines, { period: q1, tiers: [{ from: 0, rate: 1 }, { from: 0, rate: 1 }] })).message).toBe(
      "options.tiers must rise: options.tiers[1].from is 0, not above options.tiers[0].from 0",
    );
    expect(errorOf(() => commissionOnCollections(lines, { period: q1, tiers: [{ from: 0, rate: "5%" }] }))).toEqual({ code: "INVALID_NUMBER", path: ["options", "tiers", 0, "rate"] });
    expect(errorOf(() => commissionOnCollections(lines, { ...monthly("0.1"), unit: "day" as never }))).toEqual({ code: "INVALID_ARGUMENT", path: ["options", "unit"] });
    expect(failureOf(() => commissionOnCollections(lines, { ...monthly("0.1"), release: "on-invoice" as never }))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["options", "release"],
      message: 'options.release: must be one of "pro-rata", "full-payment"; got "on-invoice"',
    });
    expect(errorOf(() => commissionOnCollections(lines, { ...monthly("0.1"), mode: "flat" as never }))).toEqual({ code: "INVALID_ARGUMENT", path: ["options", "mode"] });
    expect(failureOf(() => commissionOnCollections(lines, { ...monthly("0.1"), clawbackWindowDays: -1 }))).toEqual({
      code: "OUT_OF_RANGE",
      path: ["options", "clawbackWindowDays"],
      message: "options.clawbackWindowDays must be at least 0; got -1",
    });
    expect(errorOf(() => commissionOnCollections(lines, { ...monthly("0.1"), clawbackWindowDays: 1.5 }))).toEqual({ code: "INVALID_ARGUMENT", path: ["options", "clawbackWindowDays"] });
    expect(errorOf(() => commissionOnCollections(lines, { ...monthly("0.1"), tolerance: 2 }))).toEqual({ code: "OUT_OF_RANGE", path: ["options", "tolerance"] });
    expect(errorOf(() => commissionOnCollections(lines, { ...monthly("0.1"), scale: -7 }))).toEqual({ code: "OUT_OF_RANGE", path: ["options", "scale"] });
    expect(errorOf(() => commissionOnCollections(lines, { ...monthly("0.1"), rounding: "round" as never }))).toEqual({ code: "INVALID_ARGUMENT", path: ["options", "rounding"] });
    expect(failureOf(() => commissionOnCollections(lines, { ...monthly("0.1"), window: 30 } as never)).message).toBe('options: Unrecognized key: "window"');
    expect(errorOf(() => commissionOnCollections(lines, { ...monthly("0.1"), period: { start: "2026-03-01", end: "2026-01-01", label: "" } }))).toEqual({
      code: "INVALID_ARGUMENT",
      path: ["options", "period", "end"],
    });
  });

  it("does not mutate its input and gives the same result twice", () => {
    const lines: CollectionInvoice[] = [
      {
        id: "A",
        date: "2026-01-05",
        amount: 1000,
        reps: [{ id: "li", share: "0.6" }, { id: "wang", share: "0.4" }],
        events: [{ id: "P2", kind: "payment", date: "2026-02-20", amount: 500 }, { id: "P1", kind: "payment", date: "2026-01-20", amount: 500 }, { id: "R1", kind: "refund", date: "2026-03-01", amount: 700 }],
      },
    ];
    const options = monthly("0.1", { clawbackWindowDays: 60 });
    const copies = structuredClone({ lines, options });
    const first = commissionOnCollections(lines, options);
    expect({ lines, options }).toEqual(copies);
    expect(JSON.stringify(commissionOnCollections(lines, options))).toBe(JSON.stringify(first));
    expect(first.periods[0]?.period).not.toBe(options.period);
  });
});
