import * as z from "zod";
import { PayscoreError, describeValue, formatPath, parseWith, guard, type ErrorPath } from "../errors/index.js";
import { apportion, divideRounded, readInteger, readRoundingMode, readScale, roundDecimal, type Decimal, type Numeric, type RoundingMode } from "../numeric/index.js";
import { calendarDays, isoDateSchema, periodSchema, periodUnitSchema, splitPeriod, type Period, type PeriodUnit } from "../period/index.js";
import { choice, flag, moneyOf, readMoney } from "./cashInput.js";
import { creditSteps, readCredit, readTolerance, type ReadCredit } from "./creditShares.js";
import type { CreditSplit } from "./splitCredit.js";
import { toSteps } from "./steps.js";
import { tieredCommission, type CommissionTier } from "./tieredCommission.js";

/** What happened to an invoice: cash in, cash back, or the invoice reduced. */
export type CollectionEventKind = "payment" | "refund" | "credit-note";

/** One payment, refund or credit note on an invoice. */
export interface CollectionEvent {
  /** Its id (receipt, refund or credit-note number), unique within the invoice. */
  readonly id: string;
  /** `"payment"` (cash received), `"refund"` (cash paid back) or `"credit-note"` (the invoice reduced). */
  readonly kind: CollectionEventKind;
  /** The day, `yyyy-MM-dd`: not before the invoice date, inside `options.period`. */
  readonly date: string;
  /** The amount, ≥ 0 (a refund is positive too: the cash paid back), a whole number of steps. */
  readonly amount: Numeric;
}

/** One invoice with the reps credited on it and what happened to it. */
export interface CollectionInvoice {
  /** The invoice number, unique. */
  readonly id: string;
  /** The invoice date, `yyyy-MM-dd` (it may be before the period). */
  readonly date: string;
  /** The invoiced amount, ≥ 0, a whole number of steps. */
  readonly amount: Numeric;
  /** The reps' shares, as for `splitCredit` (summing to 1, within `options.tolerance`). */
  readonly reps: readonly CreditSplit[];
  /** Overlay credit: each rep credited `share` of the whole, on its own (default false). */
  readonly overlay?: boolean | undefined;
  /** Payments, refunds and credit notes, in any order; those of one day apply in the order given. */
  readonly events?: readonly CollectionEvent[] | undefined;
}

/** Options for {@link commissionOnCollections}. */
export interface CommissionOnCollectionsOptions {
  /** The span covered; every event must fall in it. */
  readonly period: Period;
  /** The pay period: `period` cut by `splitPeriod` (default: `period` itself, uncut). */
  readonly unit?: PeriodUnit | undefined;
  /** Commission tiers, as for `tieredCommission`, applied to each rep's credited collections in each pay period. */
  readonly tiers: readonly CommissionTier[];
  /** `"marginal"` (default) or `"retroactive"`, as for `tieredCommission`. */
  readonly mode?: "marginal" | "retroactive" | undefined;
  /**
   * - `"pro-rata"` (default, 按回款比例): each payment releases commission on the cash it brings in;
   * - `"full-payment"` (全额回款后发放): nothing is released until the invoice is paid in full,
   *   then all of it at once; refunds and credit notes after that claw back pro rata.
   */
  readonly release?: "pro-rata" | "full-payment" | undefined;
  /**
   * A refund or credit note more than this many calendar days after the invoice date claws
   * nothing back (the rep keeps what was paid; it is listed in `forgiven`). Default: no limit.
   */
  readonly clawbackWindowDays?: number | undefined;
  /** How far from 1 each invoice's shares may sum, as for `splitCredit` (default 0). */
  readonly tolerance?: Numeric | undefined;
  /** Decimal places of one step (default 2): amounts must be whole steps; commission is rounded to them. */
  readonly scale?: number | undefined;
  /** How commission is rounded (default `"half-even"`). */
  readonly rounding?: RoundingMode | undefined;
}

/** One line of commission: released by cash collected, or clawed back. */
export interface CollectionLine {
  /** `"release"` (commission paid) or `"clawback"` (commission taken back, negative). */
  readonly kind: "release" | "clawback";
  /** The label of the pay period the line falls in. */
  readonly period: string;
  /** The day of the event behind the line. */
  readonly date: string;
  readonly rep: string;
  readonly invoice: string;
  /** The payment, refund or credit note behind the line. */
  readonly event: string;
  readonly eventKind: CollectionEventKind;
  /** For a clawback: the event whose released commission it takes back; null for a release. */
  readonly reverses: string | null;
  /** The rep's credited collections released (> 0) or reversed (< 0). */
  readonly base: Decimal;
  /** The commission: > 0 released, < 0 clawed back (0 when the rate is 0). */
  readonly commission: Decimal;
}

/** One rep's commission in one pay period. */
export interface CollectionPeriod {
  readonly period: Period;
  readonly rep: string;
  /** Σ base of the period's release lines: what the tiers apply to. */
  readonly credited: Decimal;
  /** `round(tieredCommission(credited, tiers))`, = Σ commission of the release lines. */
  readonly commission: Decimal;
  /** Σ commission of the period's clawback lines (≤ 0). */
  readonly clawback: Decimal;
  /** `commission + clawback`. */
  readonly net: Decimal;
}

/** Credited collections a refund or credit note reversed outside the clawback window (kept by the rep). */
export interface ForgivenLine {
  readonly period: string;
  readonly date: string;
  readonly rep: string;
  readonly invoice: string;
  readonly event: string;
  readonly eventKind: CollectionEventKind;
  /** The rep's credited collections reversed but not clawed back (> 0). */
  readonly base: Decimal;
}

/** What {@link commissionOnCollections} returns. */
export interface CollectionsResult {
  /** Every release and clawback, by date, then invoice order, then event order, then rep order. */
  readonly lines: CollectionLine[];
  /** One entry per rep and pay period with a line, by period, then by rep (in order of first appearance). */
  readonly periods: CollectionPeriod[];
  /** Reversals outside the clawback window, in the same order as `lines`. */
  readonly forgiven: ForgivenLine[];
}

const optionsSchema = z.strictObject(
  {
    period: z.unknown().optional(),
    unit: periodUnitSchema.optional(),
    tiers: z.unknown().optional(),
    mode: choice(["marginal", "retroactive"]).optional(),
    release: choice(["pro-rata", "full-payment"]).optional(),
    clawbackWindowDays: z.unknown().optional(),
    tolerance: z.unknown().optional(),
    scale: z.unknown().optional(),
    rounding: z.unknown().optional(),
  },
  { error: (issue) => (issue.code === "invalid_type" ? `must be an object { period, tiers, unit?, … }; got ${describeValue(issue.input)}` : undefined) },
);
const eventKind = choice(["payment", "refund", "credit-note"]);

/**
 * Commission on cash collected (回款提成): released as invoices are paid, in proportion to the
 * cash, and clawed back (追回) when a refund or credit note follows — each line traced to its
 * invoice and to the payment, refund or credit note behind it.
 *
 * For each invoice, in date order, the **commissionable base** after each event is
 * `B = max(0, min(cash collected, invoiced amount − credit notes))`: cash beyond the (reduced)
 * invoice earns nothing, and a credit note and the refund that pays it out are not counted
 * twice. With `release: "full-payment"`, `B = 0` until the invoice is first paid in full
 * (cash ≥ invoiced − credit notes). Against `P`, the base commission has been paid on:
 *
 * - `B > P`: a **release** of `B − P`, split between the reps by their shares (largest
 *   remainder, as `splitCredit`);
 * - `B < P`: a **clawback** of `P − B`, shared between the reps in proportion to what each
 *   still holds on the invoice and taken from their latest releases first, at the commission
 *   each of those releases actually paid (`commission · reversed / base`, rounded; the last of a
 *   release takes exactly what is left of it). So a clawback never exceeds what was paid. Past
 *   `clawbackWindowDays` after the invoice date nothing is clawed back: the reversal is listed in
 *   `forgiven` and `P` stays, so cash collected again earns nothing twice.
 *
 * **Tiers.** Each rep's **credited collections** in a pay period — the sum of the bases of their
 * release lines dated in it — are paid `round(tieredCommission(credited, tiers, { mode }))`, tiers
 * starting again each period; that amount is shared over the release lines by largest
 * remainder in proportion to their bases. Clawbacks do not enter the tiers: they reverse
 * commission at the rate it was paid. With a single rate `r` (one tier), the commission released
 * over all periods is `Σ round(r · credited)` over reps and periods — `r ×` the total credited
 * collections up to that rounding, exactly when each `r · credited` is a whole step. A pay
 * period's lines depend only on events up to its end, so earlier periods never change when
 * later events are added.
 *
 * @category Compensation
 * @param lines - the invoices, each `{ id, date, amount, reps, overlay?, events? }`
 * @param options - `period` and `tiers` (required), `unit`, `mode`, `release`, `clawbackWindowDays`, `tolerance`, `scale`, `rounding`
 * @returns `{ lines, periods, forgiven }`
 * @throws {PayscoreError} `INVALID_NUMBER` for a malformed number; `INVALID_ARGUMENT` for malformed invoices, events or options, a repeated invoice or event id, a negative amount or one that is not a whole number of steps; `EMPTY_INPUT` for an invoice without reps or no tiers; `INVALID_WEIGHTS` for shares not summing to 1; `INVALID_DATA` for an event before its invoice, refunds beyond the cash collected or credit notes beyond the invoice; `OUT_OF_RANGE` for an event outside the period, a share above 1 or a bad scale or window
 *
 * @example
 * ```ts
 * const result = commissionOnCollections(
 *   [{
 *     id: "INV-1", date: "2026-01-10", amount: 100000,
 *     reps: [{ id: "li", share: "0.6" }, { id: "wang", share: "0.4" }],
 *     events: [
 *       { id: "P1", kind: "payment", date: "2026-01-20", amount: 40000 },
 *       { id: "P2", kind: "payment", date: "2026-02-15", amount: 60000 },
 *       { id: "CN1", kind: "credit-note", date: "2026-03-05", amount: 10000 },
 *     ],
 *   }],
 *   { period: { start: "2026-01-01", end: "2026-03-31", label: "2026-Q1" }, unit: "month", tiers: [{ from: 0, rate: "0.05" }] },
 * );
 * result.lines.map((l) => `${l.period} ${l.rep} ${l.event} ${l.base} ${l.commission}`);
 * // ["2026-01 li P1 24000 1200", "2026-01 wang P1 16000 800",
 * //  "2026-02 li P2 36000 1800", "2026-02 wang P2 24000 1200",
 * //  "2026-03 li CN1 -6000 -300", "2026-03 wang CN1 -4000 -200"]
 * // March: the credit note cuts the paid invoice to 90000, so 10000 of base (6000 : 4000) is
 * // reversed, taken from P2's releases at the 5 % they paid.
 * ```
 */
export function commissionOnCollections(lines: readonly CollectionInvoice[], options: CommissionOnCollectionsOptions): CollectionsResult {
  return guard(computeCommissionOnCollections, [lines, options]);
}

function computeCommissionOnCollections(lines: readonly CollectionInvoice[], options: CommissionOnCollectionsOptions): CollectionsResult {
  const settings = readSettings(options);
  const invoices = readInvoices(lines, settings);
  const { scale, rounding } = settings;

  // Pass 1: each invoice's events in date order → release lines and clawback pieces, in base steps.
  const releases: ReleaseLine[] = [];
  const pieces: ClawbackPiece[] = [];
  const forgiven: Draft<{ base: bigint }>[] = [];
  for (const invoice of invoices) settleInvoice(invoice, settings, releases, pieces, forgiven);

  // Pass 2: each rep's credited collections per pay period → commission, shared over the releases.
  const totals = new Map<number, Total>();
  const totalOf = (part: number, rep: number): Total => {
    const key = part * invoices.reps.length + rep;
    let total = totals.get(key);
    if (total === undefined) {
      total = { part, rep, releases: [], credited: 0n, commission: 0n, clawback: 0n };
      totals.set(key, total);
    }
    return total;
  };
  for (const line of releases) {
    const total = totalOf(line.part, line.repIndex);
    total.releases.push(line);
    total.credited += line.base;
  }
  for (const total of totals.values()) {
    const exact = tieredCommission(moneyOf(total.credited, scale), settings.tiers, { mode: settings.mode });
    total.commission = toSteps(roundDecimal(exact, scale, rounding), scale, "exact") as bigint;
    total.releases.sort(byOccurrence);
    const shares = apportion(total.commission, total.releases.map((line) => line.base));
    total.releases.forEach((line, i) => {
      line.commission = shares[i] as bigint;
      line.heldCommission = line.commission;
    });
  }

  // Pass 3: clawbacks, in the order they happened, at the commission their releases paid.
  for (const piece of pieces) {
    const from = piece.release;
    piece.commission =
      piece.base === piece.heldBase ? from.heldCommission : min(from.heldCommission, divideRounded(from.heldCommission * piece.base, piece.heldBase, rounding));
    from.heldCommission -= piece.commission;
    totalOf(piece.part, piece.repIndex).clawback -= piece.commission;
  }

  const label = (part: number): string => (settings.parts[part] as Period).label;
  const drafts: Draft<{ kind: "release" | "clawback"; reverses: string | null; base: bigint; commission: bigint }>[] = [
    ...releases.map((line) => ({ ...line, kind: "release" as const, reverses: null })),
    ...pieces.map((piece) => ({ ...piece, kind: "clawback" as const, reverses: piece.release.event, base: -piece.base, commission: -piece.commission })),
  ];
  return {
    lines: drafts.sort(byOccurrence).map((d) => ({
      kind: d.kind,
      period: label(d.part),
      date: d.date,
      rep: d.rep,
      invoice: d.invoice,
      event: d.event,
      eventKind: d.eventKind,
      reverses: d.reverses,
      base: moneyOf(d.base, scale),
      commission: moneyOf(d.commission, scale),
    })),
    periods: [...totals.values()]
      .sort((a, b) => a.part - b.part || a.rep - b.rep)
      .map((t) => ({
        period: { ...(settings.parts[t.part] as Period) },
        rep: invoices.reps[t.rep] as string,
        credited: moneyOf(t.credited, scale),
        commission: moneyOf(t.commission, scale),
        clawback: moneyOf(t.clawback, scale),
        net: moneyOf(t.commission + t.clawback, scale),
      })),
    forgiven: forgiven.sort(byOccurrence).map((d) => ({
      period: label(d.part),
      date: d.date,
      rep: d.rep,
      invoice: d.invoice,
      event: d.event,
      eventKind: d.eventKind,
      base: moneyOf(d.base, scale),
    })),
  };
}

interface Settings {
  readonly parts: Period[];
  readonly tiers: readonly CommissionTier[];
  readonly mode: "marginal" | "retroactive";
  readonly fullPayment: boolean;
  readonly window: number | undefined;
  readonly tolerance: Decimal;
  readonly scale: number;
  readonly rounding: RoundingMode;
}

interface ReadEvent {
  readonly id: string;
  readonly kind: CollectionEventKind;
  readonly date: string;
  readonly amount: bigint;
  /** Days after the invoice date. */
  readonly age: number;
  /** The pay period (index into `parts`). */
  readonly part: number;
}

interface ReadInvoice {
  readonly index: number;
  readonly id: string;
  readonly amount: bigint;
  readonly credit: ReadCredit;
  /** Each rep's index in the list of all reps. */
  readonly repIndexes: number[];
  /** In date order (stable). */
  readonly events: ReadEvent[];
}

/** Where and when a line happened, and the keys that order it. */
type Draft<T> = T & {
  readonly part: number;
  readonly date: string;
  readonly rep: string;
  readonly repIndex: number;
  readonly invoice: string;
  readonly invoiceIndex: number;
  readonly event: string;
  readonly eventKind: CollectionEventKind;
  /** Running number within the invoice. */
  readonly seq: number;
};

type ReleaseLine = Draft<{ base: bigint; commission: bigint; heldCommission: bigint }>;
type ClawbackPiece = Draft<{ release: ReleaseLine; base: bigint; heldBase: bigint; commission: bigint }>;

interface Total {
  readonly part: number;
  readonly rep: number;
  readonly releases: ReleaseLine[];
  credited: bigint;
  commission: bigint;
  clawback: bigint;
}

function byOccurrence(a: Draft<object>, b: Draft<object>): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.invoiceIndex - b.invoiceIndex || a.seq - b.seq;
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/** Runs one invoice's events, appending its release lines, clawback pieces and forgiven reversals. */
function settleInvoice(invoice: ReadInvoice, settings: Settings, releases: ReleaseLine[], pieces: ClawbackPiece[], forgiven: Draft<{ base: bigint }>[]): void {
  const { credit, repIndexes } = invoice;
  const n = credit.ids.length;
  const held = new Array<bigint>(n).fill(0n);
  // Each rep's releases still holding base, latest last, with the base each still holds.
  const stacks: { line: ReleaseLine; held: bigint }[][] = Array.from({ length: n }, () => []);
  let cash = 0n;
  let net = invoice.amount;
  let paid = 0n; // P: the base commission is held on
  let base = 0n; // B after the previous event
  let fullyPaid = false;
  let seq = 0;
  for (const event of invoice.events) {
    if (event.kind === "payment") cash += event.amount;
    else if (event.kind === "refund") cash -= event.amount;
    else net -= event.amount;
    if (!settings.fullPayment || (!fullyPaid && cash >= net)) fullyPaid = true;
    const previous = base;
    base = fullyPaid ? min(cash, net) : 0n;
    const where = (i: number) => ({
      part: event.part,
      date: event.date,
      rep: credit.ids[i] as string,
      repIndex: repIndexes[i] as number,
      invoice: invoice.id,
      invoiceIndex: invoice.index,
      event: event.id,
      eventKind: event.kind,
      seq: seq++,
    });
    if (base > paid) {
      const parts = creditSteps(base - paid, credit, settings.rounding);
      for (let i = 0; i < n; i++) {
        const part = parts[i] as bigint;
        if (part === 0n) continue;
        const line: ReleaseLine = { ...where(i), base: part, commission: 0n, heldCommission: 0n };
        releases.push(line);
        (stacks[i] as { line: ReleaseLine; held: bigint }[]).push({ line, held: part });
        held[i] = (held[i] as bigint) + part;
      }
      paid = base;
    } else if (base < paid) {
      const inWindow = settings.window === undefined || event.age <= settings.window;
      // What this event reverses: all of P − B inside the window (where P was B before it);
      // outside it, only its own drop below the previous base (P stays, so an earlier gap
      // is not listed twice).
      const reversed = inWindow ? paid - base : previous - base;
      if (reversed <= 0n) continue;
      const parts = shareOfHoldings(reversed, held, paid, credit.overlay, settings.rounding);
      for (let i = 0; i < n; i++) {
        let left = parts[i] as bigint;
        if (left === 0n) continue;
        if (!inWindow) {
          forgiven.push({ ...where(i), base: left });
          continue;
        }
        held[i] = (held[i] as bigint) - left;
        const stack = stacks[i] as { line: ReleaseLine; held: bigint }[];
        while (left > 0n) {
          const top = stack[stack.length - 1] as { line: ReleaseLine; held: bigint };
          const take = min(left, top.held);
          pieces.push({ ...where(i), release: top.line, base: take, heldBase: top.held, commission: 0n });
          top.held -= take;
          if (top.held === 0n) stack.pop();
          left -= take;
        }
      }
      if (inWindow) paid = base;
    }
  }
}

/**
 * `amount` shared over the reps in proportion to what each holds on the invoice: by largest
 * remainder in a split (the holdings sum to `paid`), by `round(held · amount / paid)` in an
 * overlay (each rep's holding is its own share of `paid`). No part exceeds its holding.
 */
function shareOfHoldings(amount: bigint, held: readonly bigint[], paid: bigint, overlay: boolean, rounding: RoundingMode): bigint[] {
  if (!overlay) return apportion(amount, held);
  return held.map((h) => (amount === paid ? h : divideRounded(h * amount, paid, rounding)));
}

function readSettings(options: unknown): Settings {
  const parsed = parseWith(optionsSchema, options, "INVALID_ARGUMENT", ["options"]);
  const period = parseWith(periodSchema, parsed.period, "INVALID_ARGUMENT", ["options", "period"]);
  const scale = readScale(parsed.scale, ["options", "scale"], 2);
  const rounding = parsed.rounding === undefined ? "half-even" : readRoundingMode(parsed.rounding, ["options", "rounding"]);
  const mode = parsed.mode ?? "marginal";
  const tiers = readTiers(parsed.tiers, mode);
  const window = parsed.clawbackWindowDays === undefined ? undefined : readInteger(parsed.clawbackWindowDays, ["options", "clawbackWindowDays"], { min: 0 });
  return {
    parts: parsed.unit === undefined ? [period] : splitPeriod(period, parsed.unit),
    tiers,
    mode,
    fullPayment: parsed.release === "full-payment",
    window,
    tolerance: readTolerance(parsed.tolerance, ["options", "tolerance"]),
    scale,
    rounding,
  };
}

/** Checks the tiers once (by `tieredCommission` itself), with the errors' paths under `options`. */
function readTiers(tiers: unknown, mode: "marginal" | "retroactive"): readonly CommissionTier[] {
  try {
    tieredCommission(0, tiers as readonly CommissionTier[], { mode });
  } catch (error) {
    const e = error as PayscoreError;
    const path = ["options", ...e.path];
    throw new PayscoreError(e.code, e.message.replace(/(^|[^.\w])tiers\b/g, "$1options.tiers"), { path, cause: error });
  }
  return tiers as readonly CommissionTier[];
}

/** The invoices, checked, each with its events in date order; and every rep in order of first appearance. */
function readInvoices(lines: unknown, settings: Settings): ReadInvoice[] & { reps: string[] } {
  if (!Array.isArray(lines)) {
    throw new PayscoreError("INVALID_ARGUMENT", `lines must be an array of invoices { id, date, amount, reps, events }; got ${describeValue(lines)}`, { path: ["lines"] });
  }
  const list: readonly unknown[] = lines;
  const reps: string[] = [];
  const repIndex = new Map<string, number>();
  const invoiceIds = new Map<string, number>();
  const invoices: ReadInvoice[] = [];
  for (let i = 0; i < list.length; i++) {
    const at: ErrorPath = ["lines", i];
    const line = readObject(list[i], at, "an invoice { id, date, amount, reps, events }");
    const id = readId(line["id"], [...at, "id"]);
    const before = invoiceIds.get(id);
    if (before !== undefined) {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath([...at, "id"])} repeats the invoice ${describeValue(id)} of ${formatPath(["lines", before])}; invoice ids must be unique`, {
        path: [...at, "id"],
      });
    }
    invoiceIds.set(id, i);
    const date = parseWith(isoDateSchema, line["date"], "INVALID_ARGUMENT", [...at, "date"]);
    const amount = readMoney(line["amount"], [...at, "amount"], settings.scale, "non-negative");
    const overlay = line["overlay"] === undefined ? false : parseWith(flag, line["overlay"], "INVALID_ARGUMENT", [...at, "overlay"]);
    const credit = readCredit(line["reps"], [...at, "reps"], overlay, settings.tolerance);
    const repIndexes = credit.ids.map((rep) => {
      let index = repIndex.get(rep);
      if (index === undefined) {
        index = reps.length;
        reps.push(rep);
        repIndex.set(rep, index);
      }
      return index;
    });
    const events = readEvents(line["events"], [...at, "events"], date, amount, settings);
    invoices.push({ index: i, id, amount, credit, repIndexes, events });
  }
  return Object.assign(invoices, { reps });
}

function readEvents(value: unknown, path: ErrorPath, invoiceDate: string, invoiced: bigint, settings: Settings): ReadEvent[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(path)} must be an array of { id, kind, date, amount }; got ${describeValue(value)}`, { path });
  }
  const list: readonly unknown[] = value;
  const { parts } = settings;
  const first = (parts[0] as Period).start;
  const last = (parts[parts.length - 1] as Period).end;
  const ids = new Map<string, number>();
  const events: ReadEvent[] = [];
  for (let j = 0; j < list.length; j++) {
    const at = [...path, j];
    const event = readObject(list[j], at, "an event { id, kind, date, amount }");
    const id = readId(event["id"], [...at, "id"]);
    const before = ids.get(id);
    if (before !== undefined) {
      throw new PayscoreError("INVALID_ARGUMENT", `${formatPath([...at, "id"])} repeats the id ${describeValue(id)} of ${formatPath([...path, before])}; ids must be unique within an invoice`, {
        path: [...at, "id"],
      });
    }
    ids.set(id, j);
    const kind = parseWith(eventKind, event["kind"], "INVALID_ARGUMENT", [...at, "kind"]);
    const date = parseWith(isoDateSchema, event["date"], "INVALID_ARGUMENT", [...at, "date"]);
    if (date < invoiceDate) {
      throw new PayscoreError("INVALID_DATA", `${formatPath([...at, "date"])} ${date} is before the invoice date ${invoiceDate}`, { path: [...at, "date"] });
    }
    if (date < first || date > last) {
      throw new PayscoreError("OUT_OF_RANGE", `${formatPath([...at, "date"])} ${date} is outside options.period ${first} to ${last}`, { path: [...at, "date"] });
    }
    const amount = readMoney(event["amount"], [...at, "amount"], settings.scale, "non-negative");
    events.push({ id, kind, date, amount, age: calendarDays({ start: invoiceDate, end: date, label: "" }) - 1, part: partOf(parts, date) });
  }
  const order = events.map((_, j) => j).sort((a, b) => {
    const da = (events[a] as ReadEvent).date;
    const db = (events[b] as ReadEvent).date;
    return da < db ? -1 : da > db ? 1 : a - b;
  });
  checkBalances(order, events, path, invoiced, settings.scale);
  return order.map((j) => events[j] as ReadEvent);
}

/** Refunds may not pass the cash collected, nor credit notes the invoiced amount, at any point. */
function checkBalances(order: readonly number[], events: readonly ReadEvent[], path: ErrorPath, invoiced: bigint, scale: number): void {
  let cash = 0n;
  let credited = 0n;
  for (const j of order) {
    const event = events[j] as ReadEvent;
    if (event.kind === "payment") cash += event.amount;
    else if (event.kind === "refund") cash -= event.amount;
    else credited += event.amount;
    if (cash < 0n) {
      throw new PayscoreError(
        "INVALID_DATA",
        `${formatPath([...path, j])} refunds ${moneyOf(event.amount, scale).toString()} on ${event.date}, more than the ${moneyOf(cash + event.amount, scale).toString()} collected by then`,
        { path: [...path, j, "amount"] },
      );
    }
    if (credited > invoiced) {
      throw new PayscoreError(
        "INVALID_DATA",
        `${formatPath([...path, j])} takes the credit notes to ${moneyOf(credited, scale).toString()} by ${event.date}, more than the invoiced ${moneyOf(invoiced, scale).toString()}`,
        { path: [...path, j, "amount"] },
      );
    }
  }
}

function partOf(parts: readonly Period[], date: string): number {
  let lo = 0;
  let hi = parts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((parts[mid] as Period).start <= date) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function readObject(value: unknown, path: ErrorPath, what: string): Readonly<Record<string, unknown>> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(path)} must be ${what}; got ${describeValue(value)}`, { path });
  }
  return value as Readonly<Record<string, unknown>>;
}

function readId(value: unknown, path: ErrorPath): string {
  if (typeof value !== "string" || value === "") {
    throw new PayscoreError("INVALID_ARGUMENT", `${formatPath(path)} must be a non-empty string; got ${describeValue(value)}`, { path });
  }
  return value;
}
