import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  Decimal,
  commissionOnCollections,
  roundTo,
  tieredCommission,
  type CollectionEvent,
  type CollectionInvoice,
  type CollectionsResult,
  type CommissionOnCollectionsOptions,
} from "../../src/index.js";
import { deepFreeze } from "../fuzz/arbitraries.js";

const SEED = 20260424;
const Q1 = { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" };
const iso = (day: number) => new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
const REPS = ["a", "b", "c", "d"];

/** Shares in basis points summing to 1 over 1–3 distinct reps. */
const reps = fc
  .tuple(fc.shuffledSubarray(REPS, { minLength: 1, maxLength: 3 }), fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 2, maxLength: 2 }))
  .map(([ids, cuts]) => {
    const edges = [0, ...cuts.slice(0, ids.length - 1).sort((x, y) => x - y), 10000];
    return ids.map((id, i) => ({ id, share: new Decimal((edges[i + 1] as number) - (edges[i] as number)).div(10000).toString() }));
  });

interface RawEvent {
  readonly day: number;
  readonly kind: CollectionEvent["kind"];
  readonly percent: number;
}
const rawEvent = fc.record({
  day: fc.integer({ min: 0, max: 89 }),
  kind: fc.constantFrom<CollectionEvent["kind"]>("payment", "payment", "payment", "refund", "credit-note"),
  percent: fc.integer({ min: 0, max: 120 }),
});

/**
 * An invoice whose events are valid in date order: payments of up to 120 % of the invoice,
 * refunds of part of the cash collected, credit notes of part of what is still invoiced; all in
 * whole units of `unit` (1 for whole yuan, 0.01 for fen).
 */
const invoice = (index: number, oneRep: boolean, unit: Decimal) =>
  fc
    .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 1_000_000 }), oneRep ? fc.constant([{ id: "a", share: "1" }]) : reps, fc.array(rawEvent, { maxLength: 6 }))
    .map(([start, units, split, raw]): CollectionInvoice => {
      const amount = new Decimal(units).times(unit);
      const sorted = [...raw].map((e) => ({ ...e, day: Math.max(e.day, start) })).sort((x, y) => x.day - y.day);
      let cash = new Decimal(0);
      let net = amount;
      const events: CollectionEvent[] = sorted.map((e: RawEvent, j) => {
        const of = e.kind === "payment" ? amount : e.kind === "refund" ? cash : net;
        const value = of.times(Math.min(e.percent, e.kind === "payment" ? 120 : 100)).div(100).div(unit).floor().times(unit);
        if (e.kind === "payment") cash = cash.plus(value);
        else if (e.kind === "refund") cash = cash.minus(value);
        else net = net.minus(value);
        return { id: `E${j}`, kind: e.kind, date: iso(e.day), amount: value.toString() };
      });
      return { id: `INV${index}`, date: iso(start), amount: amount.toString(), reps: split, events };
    });
const invoices = (oneRep: boolean, unit = new Decimal(1)) =>
  fc.integer({ min: 0, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => invoice(i, oneRep, unit))).map((xs) => [...xs]));

/** The commissionable base at the end: max(0, min(cash, invoiced − credit notes)). */
function finalBase(inv: CollectionInvoice): Decimal {
  let cash = new Decimal(0);
  let net = new Decimal(inv.amount as string);
  for (const e of inv.events ?? []) {
    if (e.kind === "payment") cash = cash.plus(e.amount as string);
    else if (e.kind === "refund") cash = cash.minus(e.amount as string);
    else net = net.minus(e.amount as string);
  }
  return Decimal.max(0, Decimal.min(cash, net));
}
const sum = (values: readonly Decimal[]) => values.reduce((x, y) => x.plus(y), new Decimal(0));
const released = (r: CollectionsResult) => sum(r.lines.filter((l) => l.kind === "release").map((l) => l.commission));
const net = (r: CollectionsResult) => sum(r.lines.map((l) => l.commission));
const basePerInvoice = (r: CollectionsResult, invoiceId: string) => sum(r.lines.filter((l) => l.invoice === invoiceId).map((l) => l.base));
const rate = fc.integer({ min: 0, max: 30 }).map((p) => new Decimal(p).div(100));
const tiers = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 300_000 }), fc.integer({ min: 0, max: 1500 })), { minLength: 1, maxLength: 4 })
  .map((steps) => {
    let from = 0;
    return steps.map(([gap, bp], i) => ({ from: i === 0 ? 0 : (from += gap), rate: new Decimal(bp).div(10000).toString() }));
  });
const unit = fc.constantFrom(undefined, "month" as const, "week" as const);
const options = (t: CommissionOnCollectionsOptions["tiers"], u: "month" | "week" | undefined, extra: Partial<CommissionOnCollectionsOptions> = {}): CommissionOnCollectionsOptions => ({
  period: Q1,
  tiers: t,
  ...(u === undefined ? {} : { unit: u }),
  ...extra,
});

describe("commissionOnCollections properties", () => {
  it("single rate: commission released over all periods = rate × total collected, exactly (whole-yuan amounts, one rep per invoice)", () => {
    // With whole-yuan amounts and a whole-percent rate, rate × any credited amount is a whole fen, so
    // nothing is rounded: released − clawed back = rate × the final base (min(cash, invoiced − credit notes)),
    // and without refunds or credit notes the release lines alone are rate × Σ min(paid, invoiced).
    fc.assert(
      fc.property(invoices(true), rate, unit, (lines, r, u) => {
        const result = commissionOnCollections(lines, options([{ from: 0, rate: r.toString() }], u));
        const bases = sum(lines.map(finalBase));
        expect(net(result).eq(r.times(bases))).toBe(true);
        const paidOnly = lines.map((inv) => ({ ...inv, events: (inv.events ?? []).filter((e) => e.kind === "payment") }));
        const plain = commissionOnCollections(paidOnly, options([{ from: 0, rate: r.toString() }], u));
        expect(released(plain).eq(r.times(sum(paidOnly.map(finalBase))))).toBe(true);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it("single rate, any splits: released commission is rate × credited collections up to one rounding per rep and period", () => {
    fc.assert(
      fc.property(invoices(false, new Decimal("0.01")), rate, unit, (lines, r, u) => {
        const result = commissionOnCollections(lines, options([{ from: 0, rate: r.toString() }], u));
        const credited = sum(result.periods.map((p) => p.credited));
        expect(released(result).minus(r.times(credited)).abs().lte(new Decimal("0.005").times(result.periods.length))).toBe(true);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it("tiers: each rep's period commission is round(tieredCommission(credited collections)) and its release lines add up to it", () => {
    fc.assert(
      fc.property(invoices(false, new Decimal("0.01")), tiers, unit, fc.constantFrom("marginal" as const, "retroactive" as const), (lines, t, u, mode) => {
        const result = commissionOnCollections(lines, options(t, u, { mode }));
        for (const p of result.periods) {
          expect(p.commission.eq(roundTo(tieredCommission(p.credited, t, { mode }), 2))).toBe(true);
          const mine = result.lines.filter((l) => l.rep === p.rep && l.period === p.period.label);
          const releases = mine.filter((l) => l.kind === "release");
          expect(sum(releases.map((l) => l.base)).eq(p.credited)).toBe(true);
          expect(sum(releases.map((l) => l.commission)).eq(p.commission)).toBe(true);
          expect(sum(mine.filter((l) => l.kind === "clawback").map((l) => l.commission)).eq(p.clawback)).toBe(true);
          expect(p.net.eq(p.commission.plus(p.clawback))).toBe(true);
        }
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it("the credited base of every invoice ends at min(cash collected, invoiced − credit notes), split exactly between its reps", () => {
    fc.assert(
      fc.property(invoices(false, new Decimal("0.01")), tiers, (lines, t) => {
        const result = commissionOnCollections(lines, options(t, "month"));
        for (const inv of lines) expect(basePerInvoice(result, inv.id).eq(finalBase(inv))).toBe(true);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it("clawbacks never exceed what was paid: per release line, and per invoice and rep", () => {
    fc.assert(
      fc.property(invoices(false, new Decimal("0.01")), tiers, fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }), (lines, t, window) => {
        const result = commissionOnCollections(lines, options(t, "month", window === undefined ? {} : { clawbackWindowDays: window }));
        const key = (invoiceId: string, rep: string, event: string) => `${invoiceId}|${rep}|${event}`;
        const paid = new Map<string, { base: Decimal; commission: Decimal }>();
        for (const l of result.lines) if (l.kind === "release") paid.set(key(l.invoice, l.rep, l.event), { base: l.base, commission: l.commission });
        const taken = new Map<string, { base: Decimal; commission: Decimal }>();
        for (const l of result.lines) {
          if (l.kind !== "clawback") continue;
          expect(l.base.isNegative() && l.commission.lte(0)).toBe(true);
          const k = key(l.invoice, l.rep, l.reverses as string);
          expect(paid.has(k)).toBe(true);
          const so = taken.get(k) ?? { base: new Decimal(0), commission: new Decimal(0) };
          taken.set(k, { base: so.base.minus(l.base), commission: so.commission.minus(l.commission) });
        }
        for (const [k, t2] of taken) {
          const p = paid.get(k) as { base: Decimal; commission: Decimal };
          expect(t2.base.lte(p.base) && t2.commission.lte(p.commission)).toBe(true);
        }
        // Per invoice and rep, what is left is never negative.
        for (const inv of lines) {
          for (const rep of REPS) {
            const mine = result.lines.filter((l) => l.invoice === inv.id && l.rep === rep);
            expect(sum(mine.map((l) => l.commission)).gte(0)).toBe(true);
            expect(sum(mine.map((l) => l.base)).gte(0)).toBe(true);
          }
        }
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it("a clawback window only ever leaves the rep more, and forgives only what it does not claw back", () => {
    const t = [{ from: 0, rate: "0.1" }];
    // Base: for any splits. Commission: exact with whole-yuan amounts and one rep (no rounding to
    // blur the comparison; with splits, a rep's period total may round the other way by a fen).
    fc.assert(
      fc.property(fc.boolean().chain((oneRep) => invoices(oneRep, new Decimal(oneRep ? 1 : "0.01")).map((lines) => [oneRep, lines] as const)), fc.integer({ min: 0, max: 90 }), ([oneRep, lines], window) => {
        const unlimited = commissionOnCollections(lines, options(t, "month"));
        const limited = commissionOnCollections(lines, options(t, "month", { clawbackWindowDays: window }));
        for (const inv of lines) expect(basePerInvoice(limited, inv.id).gte(basePerInvoice(unlimited, inv.id))).toBe(true);
        if (oneRep) expect(net(limited).gte(net(unlimited))).toBe(true);
        if (limited.forgiven.length === 0) expect(JSON.stringify(limited)).toBe(JSON.stringify(unlimited));
        for (const f of limited.forgiven) expect(f.base.gt(0)).toBe(true);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it("full payment releases nothing before an invoice is paid in full and, once it is, ends where pro rata ends", () => {
    fc.assert(
      fc.property(invoices(false, new Decimal("0.01")), (lines) => {
        const t = [{ from: 0, rate: "0.1" }];
        const full = commissionOnCollections(lines, options(t, "month", { release: "full-payment" }));
        const proRata = commissionOnCollections(lines, options(t, "month"));
        for (const inv of lines) {
          const fb = basePerInvoice(full, inv.id);
          expect(fb.lte(basePerInvoice(proRata, inv.id))).toBe(true);
          let cash = new Decimal(0);
          let netAmount = new Decimal(inv.amount as string);
          for (const e of inv.events ?? []) {
            if (e.kind === "payment") cash = cash.plus(e.amount as string);
            else if (e.kind === "refund") cash = cash.minus(e.amount as string);
            else netAmount = netAmount.minus(e.amount as string);
          }
          if (cash.gte(netAmount)) expect(fb.eq(finalBase(inv))).toBe(true);
        }
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it("a closed month never changes when later events arrive", () => {
    const cutoffs = ["2026-01-31", "2026-02-28"];
    fc.assert(
      fc.property(invoices(false, new Decimal("0.01")), tiers, fc.constantFrom(...cutoffs), (lines, t, cutoff) => {
        const later = commissionOnCollections(lines, options(t, "month", { clawbackWindowDays: 45 }));
        const earlier = commissionOnCollections(
          lines.map((inv) => ({ ...inv, events: (inv.events ?? []).filter((e) => e.date <= cutoff) })),
          options(t, "month", { clawbackWindowDays: 45 }),
        );
        const upTo = (r: CollectionsResult) =>
          JSON.stringify({ lines: r.lines.filter((l) => l.date <= cutoff), periods: r.periods.filter((p) => p.period.end <= cutoff), forgiven: r.forgiven.filter((f) => f.date <= cutoff) });
        expect(upTo(later)).toBe(upTo(earlier));
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it("is deterministic and does not mutate its input", () => {
    fc.assert(
      fc.property(invoices(false, new Decimal("0.01")), tiers, unit, (lines, t, u) => {
        const frozen = deepFreeze(structuredClone({ lines, o: options(t, u, { clawbackWindowDays: 40 }) }));
        const before = JSON.stringify(frozen);
        const first = JSON.stringify(commissionOnCollections(frozen.lines, frozen.o));
        expect(JSON.stringify(frozen)).toBe(before);
        expect(JSON.stringify(commissionOnCollections(frozen.lines, frozen.o))).toBe(first);
      }),
      { numRuns: 200, seed: SEED },
    );
  });
});
