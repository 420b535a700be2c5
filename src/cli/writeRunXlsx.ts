import type { LazyPayoutRun, PayoutRun, Statement } from "../plan/index.js";
import { competencyColumns, groupPayColumns, neutraliseFormula, payKey, subPeriodAndScorecardColumns, type SubPeriodColumns } from "./spreadsheetText.js";
import type { WriteText } from "./writeAtomically.js";

type Kind = "text" | "money" | "percent" | "number" | "integer" | "flag";

/** One column of the statements sheet: its name, how its cells read, and the cell of a statement. */
interface Column {
  readonly name: string;
  readonly kind: Kind;
  readonly cell: (s: Statement) => string | null;
}

/**
 * The Excel number format of an amount in a currency: its narrow symbol, grouped thousands and
 * the currency's minor units, negative amounts with a minus (`"¥"#,##0.00;-"¥"#,##0.00`).
 *
 * @param currency - an ISO 4217 code
 * @param scale - decimal places of money
 * @returns the format code
 *
 * @example
 * ```ts
 * currencyNumberFormat("CNY", 2); // '"¥"#,##0.00;-"¥"#,##0.00'
 * currencyNumberFormat("JPY", 0); // '"¥"#,##0;-"¥"#,##0'
 * ```
 */
export function currencyNumberFormat(currency: string, scale: number): string {
  let symbol = currency;
  try {
    symbol = new Intl.NumberFormat("en", { style: "currency", currency, currencyDisplay: "narrowSymbol" }).formatToParts(0).find((part) => part.type === "currency")?.value ?? currency;
  } catch {
    // not a currency Intl knows: its code
  }
  const digits = scale > 0 ? `.${"0".repeat(scale)}` : "";
  const quoted = `"${symbol.replaceAll('"', "")}"`;
  return `${quoted}#,##0${digits};-${quoted}#,##0${digits}`;
}

/**
 * Writes a run as an Excel workbook (`.xlsx`, with exceljs): a sheet `Statements`, one row per
 * person with the columns of the CSV (the `scorecard` column with role scorecards, the scored
 * sub-periods' `<kpi>@<label>.*` and `score@<label>` columns, pay columns grouped: fixed, target
 * incentive, commission, every pool, every award), and a sheet `Pools`, one row per pool. Both have a frozen, bold
 * header row. Numbers are numbers: amounts in the currency's format (`"¥"#,##0.00`), attainment
 * as a percentage (`0.00%`), scores as plain numbers, and a pay column a person has no line in is
 * 0. Text cells that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR) get a
 * leading `'` (OWASP CSV injection); a negative amount stays a number.
 *
 * The workbook is made in memory and written in one piece (exceljs zips it at the end), so it
 * suits runs that fit in memory; for a million rows, write CSV.
 *
 * @param run - the run, or a lazy run
 * @param write - where the bytes go
 * @returns when the workbook is written
 *
 * @example
 * ```ts
 * await writeRunXlsx(run, write); // PK… (a zip: the .xlsx with sheets Statements and Pools)
 * ```
 */
export async function writeRunXlsx(run: PayoutRun | LazyPayoutRun, write: WriteText): Promise<void> {
  const { default: ExcelJS } = await import("exceljs");
  const lazy = "statementAt" in run;
  const size = lazy ? run.size : run.statements.length;
  const statementAt = lazy ? run.statementAt : (i: number): Statement => run.statements[i] as Statement;
  const { kpiIds, payKeys } = lazy ? { kpiIds: [...run.lineIds.kpis], payKeys: run.lineIds.pay.map((l) => payKey(l.component, l.id)) } : columnsOf(run.statements);
  const money = currencyNumberFormat(run.currency, run.scale);
  const extra = competencyColumns(run);
  const { subPeriods, scorecard } = subPeriodAndScorecardColumns(run);
  const columns: Column[] = [
    { name: "id", kind: "text", cell: (s) => s.person.id },
    { name: "name", kind: "text", cell: (s) => s.person.name },
    { name: "team", kind: "text", cell: (s) => s.person.team },
    { name: "region", kind: "text", cell: (s) => s.person.region },
    { name: "role", kind: "text", cell: (s) => s.person.role },
    // Issue 21: the role scorecard each person was scored by, as the CSV has it.
    ...(scorecard ? [{ name: "scorecard", kind: "text", cell: (s) => s.scorecard ?? null } satisfies Column] : []),
    { name: "activeFrom", kind: "text", cell: (s) => s.person.activeFrom },
    { name: "activeTo", kind: "text", cell: (s) => s.person.activeTo },
    { name: "basePay", kind: "money", cell: (s) => s.person.basePay },
    ...kpiIds.flatMap((id): Column[] => {
      const line = (s: Statement) => s.kpis.find((k) => k.id === id);
      return [
        { name: `${id}.actual`, kind: "number", cell: (s) => line(s)?.actual ?? null },
        { name: `${id}.target`, kind: "number", cell: (s) => line(s)?.target ?? null },
        { name: `${id}.attainment`, kind: "percent", cell: (s) => line(s)?.attainment ?? null },
        { name: `${id}.points`, kind: "number", cell: (s) => line(s)?.points ?? null },
      ];
    }),
    // Issue 21: the scored sub-periods, as the CSV has them.
    ...subPeriods.flatMap(subPeriodColumns),
    { name: "kpiScore", kind: "number", cell: (s) => s.kpiScore },
    { name: "review360", kind: "number", cell: (s) => s.review360?.points ?? null },
    // Issue 21: the per-competency 360 points and the training needs, as the CSV has them.
    ...extra.competencies.map((id): Column => ({ name: `review360.${id}`, kind: "number", cell: (s) => s.review360?.competencies?.find((line) => line.competency === id)?.points ?? null })),
    ...(extra.trainingNeeds ? [{ name: "trainingNeeds", kind: "text", cell: (s) => (s.review360?.trainingNeeds ?? []).join("; ") } satisfies Column] : []),
    { name: "score", kind: "number", cell: (s) => s.score },
    { name: "rank", kind: "integer", cell: (s) => String(s.rank) },
    { name: "initialGrade", kind: "text", cell: (s) => s.grade?.initial ?? null },
    { name: "grade", kind: "text", cell: (s) => s.grade?.final ?? null },
    ...groupPayColumns([...new Set(payKeys)]).map(
      (key): Column => ({ name: key, kind: "money", cell: (s) => s.pay.find((line) => payKey(line.component, line.id) === key)?.amount ?? "0" }),
    ),
    { name: "totalPayout", kind: "money", cell: (s) => s.totalPayout },
    { name: "promotionEligible", kind: "flag", cell: (s) => (s.promotion === null ? null : String(s.promotion.eligible)) },
  ];

  const workbook = new ExcelJS.Workbook();
  workbook.creator = "payscore";
  const sheet = workbook.addWorksheet("Statements", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: neutraliseFormula(c.name), key: c.name, width: Math.max(10, Math.min(30, c.name.length + 2)), style: styleOf(c.kind, money) }));
  sheet.getRow(1).font = { bold: true };
  for (let i = 0; i < size; i++) {
    const s = statementAt(i);
    sheet.addRow(columns.map((c) => cellValue(c.cell(s), c.kind)));
  }

  const pools = workbook.addWorksheet("Pools", { views: [{ state: "frozen", ySplit: 1 }] });
  const poolColumns: readonly (readonly [string, Kind])[] = [
    ["id", "text"], ["team", "text"], ["budget", "money"], ["fundingRatio", "number"], ["funded", "money"], ["allocated", "money"], ["unallocated", "money"], ["people", "integer"], ["capped", "integer"],
  ];
  pools.columns = poolColumns.map(([name, kind]) => ({ header: name, key: name, width: Math.max(12, name.length + 2), style: styleOf(kind, money) }));
  pools.getRow(1).font = { bold: true };
  for (const pool of run.pools) {
    const values = [pool.id, pool.team, pool.budget, pool.fundingRatio, pool.funded, pool.allocated, pool.unallocated, String(pool.allocations.length), String(pool.allocations.filter((a) => a.capped).length)];
    pools.addRow(values.map((value, k) => cellValue(value, (poolColumns[k] as readonly [string, Kind])[1])));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  await write(new Uint8Array(buffer as ArrayBuffer));
}

/** A scored sub-period's columns: per KPI `<kpi>@<label>.actual`, `.target`, `.attainment`, `.points`, then `score@<label>`. */
function subPeriodColumns(sub: SubPeriodColumns, at: number): Column[] {
  const of = (s: Statement) => s.subPeriods?.[at];
  return [
    ...sub.kpis.flatMap((id, k): Column[] => {
      const line = (s: Statement) => of(s)?.kpis[k];
      return [
        { name: `${id}@${sub.label}.actual`, kind: "number", cell: (s) => line(s)?.actual ?? null },
        { name: `${id}@${sub.label}.target`, kind: "number", cell: (s) => line(s)?.target ?? null },
        { name: `${id}@${sub.label}.attainment`, kind: "percent", cell: (s) => line(s)?.attainment ?? null },
        { name: `${id}@${sub.label}.points`, kind: "number", cell: (s) => line(s)?.points ?? null },
      ];
    }),
    { name: `score@${sub.label}`, kind: "number", cell: (s) => of(s)?.score ?? null },
  ];
}

function styleOf(kind: Kind, money: string): { numFmt?: string } {
  if (kind === "money") return { numFmt: money };
  if (kind === "percent") return { numFmt: "0.00%" };
  if (kind === "integer") return { numFmt: "0" };
  return {};
}

/** A cell's value: a number for the numeric kinds (text that is not a number stays text), a boolean for a flag, neutralised text. */
function cellValue(value: string | null, kind: Kind): string | number | boolean | null {
  if (value === null) return null;
  if (kind === "text") return neutraliseFormula(value);
  if (kind === "flag") return value === "true";
  const n = Number(value);
  return value.trim() !== "" && Number.isFinite(n) ? n : neutraliseFormula(value);
}

function columnsOf(statements: readonly Statement[]): { kpiIds: string[]; payKeys: string[] } {
  const kpiIds = new Set<string>();
  const payKeys = new Set<string>();
  for (const s of statements) {
    for (const line of s.kpis) kpiIds.add(line.id);
    for (const line of s.pay) payKeys.add(payKey(line.component, line.id));
  }
  return { kpiIds: [...kpiIds], payKeys: [...payKeys] };
}
