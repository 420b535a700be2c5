import { PayscoreError, describeValue, formatPath } from "../errors/index.js";
import { readDecimal, type Decimal } from "../numeric/index.js";
import { readText } from "./dataCells.js";
import { isIsoDay, type DataRow, type Plan } from "./schema.js";

/** A person as the run works with them. @internal */
export interface RosterPerson {
  readonly id: string;
  readonly name: string | null;
  readonly team: string | null;
  readonly region: string | null;
  readonly role: string | null;
  /** Active days clamped to the period. */
  readonly activeFrom: string;
  readonly activeTo: string;
  /** Whether the person was active for only part of the period. */
  readonly partial: boolean;
  readonly basePay: Decimal | null;
  readonly row: DataRow;
  /** The row's index in `data.rows` (for error paths). */
  readonly rowIndex: number;
}


/**
 * Builds the roster: from the plan's `people` when listed (every row must name one of them and
 * each must have a row), otherwise from the data rows (optional columns `name`, `team`,
 * `region`, `role`, `activeFrom`, `activeTo`, `basePay`). Sorted by id (code-unit order).
 *
 * @internal
 * @param plan - the parsed plan (its `people` and period)
 * @param rows - the data rows
 * @returns one person per row, in id order, active days clamped to the period
 * @throws {PayscoreError} `INVALID_DATA` for a missing, duplicate or unknown id, a person without a row, a bad date or base pay
 *
 * @example
 * ```ts
 * buildRoster(plan, [{ id: "p02", basePay: "8000" }, { id: "p01" }]).map((p) => p.id); // ["p01", "p02"]
 * ```
 */
export function buildRoster(plan: Plan, rows: readonly DataRow[]): RosterPerson[] {
  // While the ids rise (data sorted by id, the usual export), none repeats and no table of ids
  // is needed; at the first id out of order, the table is built from the rows before it.
  const ids = new Array<string>(rows.length);
  let byId: Map<string, { row: DataRow; index: number }> | undefined;
  // One loop and no allocation a row but the id (paths are made only for an error).
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as DataRow;
    const raw = row["id"];
    if (raw === undefined) throw new PayscoreError("INVALID_DATA", `${formatPath(["rows", index, "id"])}: the data has no "id" column naming the person`, { path: ["rows", index, "id"] });
    const id = raw === null ? "" : typeof raw === "string" ? raw.trim() : String(raw).trim();
    if (id === "") throw new PayscoreError("INVALID_DATA", `${formatPath(["rows", index, "id"])} is empty; every row must name a person`, { path: ["rows", index, "id"] });
    ids[index] = id;
    if (byId === undefined && index > 0 && !((ids[index - 1] as string) < id)) {
      byId = new Map();
      for (let before = 0; before < index; before++) byId.set(ids[before] as string, { row: rows[before] as DataRow, index: before });
    }
    if (byId === undefined) continue;
    if (byId.has(id)) {
      const first = byId.get(id)?.index ?? 0;
      const path = ["rows", index, "id"];
      throw new PayscoreError("INVALID_DATA", `${formatPath(path)}: person "${id}" appears twice (also in rows[${first}])`, { path });
    }
    byId.set(id, { row, index });
  }
  const sorted = byId === undefined;
  const found = (id: string): { row: DataRow; index: number } | undefined => {
    if (byId === undefined) byId = new Map(rows.map((row, index) => [ids[index] as string, { row, index }]));
    return byId.get(id);
  };

  const { start, end } = plan.period;
  const people: RosterPerson[] = [];
  if (plan.people !== undefined) {
    const listed = new Set(plan.people.map((person) => person.id));
    rows.forEach((_row, index) => {
      const id = String(rows[index]?.["id"]).trim();
      if (!listed.has(id)) {
        const path = ["rows", index, "id"];
        throw new PayscoreError("INVALID_DATA", `${formatPath(path)}: person "${id}" is not among the plan's people`, { path });
      }
    });
    plan.people.forEach((person, j) => {
      const entry = found(person.id);
      if (entry === undefined) {
        throw new PayscoreError("INVALID_DATA", `rows: no data row for person "${person.id}" (people[${j}])`, { path: ["rows"] });
      }
      const basePay = person.basePay === undefined ? null : readDecimal(person.basePay, ["people", j, "basePay"]);
      people.push(
        makePerson(person.id, person.name ?? null, person.team ?? null, person.region ?? null, person.role ?? null, person.activeFrom ?? null, person.activeTo ?? null, basePay, entry.row, entry.index, start, end, j),
      );
    });
  } else {
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index] as DataRow;
      const payText = readText(row, "basePay");
      let basePay: Decimal | null = null;
      if (payText !== null) {
        try {
          basePay = readDecimal(row["basePay"], ["rows", index, "basePay"]);
        } catch (error) {
          const path = ["rows", index, "basePay"];
          throw new PayscoreError("INVALID_DATA", `${formatPath(path)} must be a plain decimal number such as "8000.00"; got ${describeValue(payText)}`, { path, cause: error });
        }
      }
      const from = dateCell(row, index, "activeFrom");
      const to = dateCell(row, index, "activeTo");
      people.push(makePerson(ids[index] as string, readText(row, "name"), readText(row, "team"), readText(row, "region"), readText(row, "role"), from, to, basePay, row, index, start, end, null));
    }
  }
  // Rows already in id order (and no plan roster) need no sort.
  return sorted && plan.people === undefined ? people : people.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A day cell of the data, refused here unless it is a real date. */
function dateCell(row: DataRow, index: number, column: string): string | null {
  const text = readText(row, column);
  if (text !== null && !isIsoDay(text)) {
    // A day that is not on the calendar (2026-13-01) is refused here, before it could be
    // compared with the period as text and reported as "not active in the period".
    const path = ["rows", index, column];
    throw new PayscoreError("INVALID_DATA", `${formatPath(path)} must be a real date written yyyy-MM-dd; got ${describeValue(text)}`, { path });
  }
  return text;
}

/** A roster entry; `planIndex` is the person's index in the plan's `people`, null for a data row. */
function makePerson(
  id: string,
  name: string | null,
  team: string | null,
  region: string | null,
  role: string | null,
  from: string | null,
  to: string | null,
  basePay: Decimal | null,
  row: DataRow,
  rowIndex: number,
  start: string,
  end: string,
  planIndex: number | null,
): RosterPerson {
  const activeFrom = from === null || from < start ? start : from;
  const activeTo = to === null || to > end ? end : to;
  if (activeFrom > activeTo) {
    const path = planIndex === null ? ["rows", rowIndex] : ["people", planIndex];
    const code = planIndex === null ? "INVALID_DATA" : "INVALID_PLAN";
    throw new PayscoreError(code, `${formatPath(path)}: person "${id}" is not active in the period (${activeFrom} to ${activeTo})`, { path });
  }
  return { id, name, team, region, role, activeFrom, activeTo, partial: activeFrom !== start || activeTo !== end, basePay, row, rowIndex };
}
