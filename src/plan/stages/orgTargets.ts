import { PayscoreError, formatPath, type ErrorPath } from "../../errors/index.js";
import { Decimal, readDecimal } from "../../numeric/index.js";
import { readCell, readText, within } from "../dataCells.js";
import * as D from "../domains.js";
import type { RosterPerson } from "../roster.js";
import type { Plan } from "../schema.js";
import type { RunContext } from "./RunContext.js";

type Kpi = Plan["kpis"][number];
/** A KPI target decomposed down the org tree (issue 21). @internal */
export type OrgTarget = Extract<Kpi["target"], { over: unknown }>;
type Level = OrgTarget["over"][number];

/** A unit of the tree (a region, a team, a parent unit) as the people of the run fill it. */
interface Unit {
  readonly key: string;
  readonly parent: Unit | null;
  /** The position of the first person found in it (for the messages). */
  readonly first: number;
  readonly children: Map<string, Unit>;
  /** The children in key order (code units), as the tree is split. */
  sorted: Unit[];
  /** A lowest unit's people, by position (emptied once their shares are known). */
  readonly members: number[];
  /** The sum of its people's weights (their headcount without a weight column). */
  peopleWeight: Decimal;
  /** Its weight among its siblings: the plan's, or `peopleWeight` (unset under given totals). */
  weight: Decimal | null;
  /** The sum of its children's weights. */
  childWeights: Decimal;
  /** Its share of the target. */
  amount: Decimal;
}

/** The people's targets of an org target, and how each came about (for the trace). @internal */
export interface OrgTargets {
  /** Each person's target by id, as text. */
  readonly amounts: ReadonlyMap<string, string>;
  /** The trace formula, e.g. `decomposeTree(total, region → team → person) — this person's share at each level`. */
  readonly formula: string;
  /** Person `j`'s trace inputs: the total, then per level the unit, its weight, its siblings' total weight and its target, then the person's weight and their unit's total weight. */
  readonly inputsOf: (j: number) => Record<string, string>;
}

const ZERO = new Decimal(0);
const ONE = new Decimal(1);
const capitalized = (level: string): string => `${level.charAt(0).toUpperCase()}${level.slice(1)}`;

/**
 * Issue 21: a target given at the top or per region/team, decomposed down the roster's tree
 * (目标逐级分解) — `over: ["region", "team"]`: the total to the regions, each region's target to
 * its teams, each team's to its people — exact at every level.
 *
 * The units of each level are the values of the people's `region`, `team` or `parent`; each
 * unit must sit under one unit of the level above (a team in two regions is an error). The
 * levels are split with `decomposeTree`, children in key order (code units), so the order of
 * the people does not matter: a unit's weight is the plan's (`weights.<level>`, every unit
 * listed) or, by default, the sum of its people's weights — the headcount without a
 * `weightColumn`, so that an org target without weights gives about what `{ total }` gives.
 * With `totals`, the first level's units get their given targets and the top is their sum. A
 * lowest unit's target is then split over its people with `decomposeTarget` (equal shares, or
 * by `weightColumn`), as the flat `{ total }` target is; a unit with 0 to share whose people's
 * weights are all 0 gives each of them 0. One pass a KPI: the people are grouped once, the
 * units split, then each lowest unit's people.
 *
 * @internal
 * @param ctx - the run
 * @param kpi - the KPI
 * @param k - its position in the plan
 * @param target - its org target
 * @returns each person's target, the trace formula and each person's trace inputs
 * @throws {PayscoreError} `INVALID_DATA` (`INVALID_PLAN` when the plan lists the people) for a
 *   person without a unit at a level of `over` (path `["rows", i, "team"]` or
 *   `["people", j, "team"]`) or a unit under two units of the level above; `INVALID_PLAN` for a
 *   unit in `weights` or `totals` that no one is in, or a unit missing from them;
 *   `INVALID_WEIGHTS` for a negative weight cell or all-zero weights with something to share
 *   (path of the weights); `INVALID_DATA` for an empty or malformed weight cell
 *
 * @example
 * ```ts
 * // people p1, p2 (North/N1), p3 (South/S1); total 9000 over region → team, weights { North: 2, South: 1 }
 * orgTargets(ctx, kpi, 0, kpi.target).amounts; // Map { p1 → "3000", p2 → "3000", p3 → "3000" }
 * ```
 */
export function orgTargets(ctx: RunContext, kpi: Kpi, k: number, target: OrgTarget): OrgTargets {
  const people = ctx.people;
  const levels = target.over;
  const base: ErrorPath = ["kpis", k, "target"];
  const given = target.totals === undefined ? "total" : "totals";
  const formula = `decomposeTree(${given}, ${levels.join(" → ")} → person) — this person's share at each level`;
  const parents = levels.includes("parent") && ctx.p.people !== undefined ? new Map(ctx.p.people.map((person) => [person.id, person.parent ?? null])) : undefined;
  const unitOf = (person: RosterPerson, level: Level): string | null =>
    level === "team" ? person.team : level === "region" ? person.region : parents === undefined ? readText(person.row, "parent") : (parents.get(person.id) ?? null);
  const weightColumn = target.weightColumn;
  const weightOf = (person: RosterPerson): Decimal => (weightColumn === undefined ? ONE : personWeight(kpi, person, weightColumn));

  const tree = groupPeople(ctx, kpi, levels, unitOf, weightColumn === undefined ? undefined : weightOf);
  if (people.length === 0) return { amounts: new Map(), formula, inputsOf: () => ({}) };
  checkPlanUnits(target, tree.seen, base, people);
  weighUnits(tree, target, base);
  const total = splitUnits(ctx, kpi, base, target, tree.root);
  const amounts = shareLeaves(ctx, kpi, base, tree);
  const inputsOf = (j: number): Record<string, string> => traceInputs(tree, levels, people[j] as RosterPerson, total, unitOf, weightOf);
  return { amounts, formula, inputsOf };
}

/** The people grouped down the levels: the root, each level's units by key, the lowest units, and each person's weight (with a weight column). */
interface PeopleTree {
  readonly root: Unit;
  readonly levels: readonly Level[];
  readonly seen: readonly Map<string, Unit>[];
  readonly leaves: readonly Unit[];
  /** Each person's weight, until their unit's target is split (released after, as the flat split's parts are). */
  weights: Decimal[] | undefined;
}

/** Step 1: one walk down the levels a person, a unit made at its first person; a unit under two units of the level above is refused. */
function groupPeople(ctx: RunContext, kpi: Kpi, levels: readonly Level[], unitOf: (person: RosterPerson, level: Level) => string | null, weightOf: ((person: RosterPerson) => Decimal) | undefined): PeopleTree {
  const people = ctx.people;
  const root = newUnit("total", null, -1);
  const seen = levels.map(() => new Map<string, Unit>());
  const leaves: Unit[] = [];
  const weights = weightOf === undefined ? undefined : new Array<Decimal>(people.length);
  for (let j = 0; j < people.length; j++) {
    const person = people[j] as RosterPerson;
    let node = root;
    for (let d = 0; d < levels.length; d++) {
      const level = levels[d] as Level;
      const key = unitOf(person, level);
      if (key === null || key === "") throw rosterFault(ctx, person, level, `person "${person.id}" has no ${level}, and KPI "${kpi.id}" decomposes its target over ${levels.join(" → ")}`);
      const units = seen[d] as Map<string, Unit>;
      let unit = units.get(key);
      if (unit === undefined) {
        unit = newUnit(key, node, j);
        units.set(key, unit);
        node.children.set(key, unit);
        if (d === levels.length - 1) leaves.push(unit);
      } else if (unit.parent !== node) {
        const above = levels[d - 1] as Level;
        const other = people[unit.first] as RosterPerson;
        throw rosterFault(
          ctx,
          person,
          level,
          `person "${person.id}"'s ${level} "${key}" is in ${above} "${node.key}", but person "${other.id}"'s is in ${above} "${unit.parent?.key ?? ""}"; KPI "${kpi.id}" decomposes its target over ${levels.join(" → ")}, so a ${level} must sit in one ${above}`,
        );
      }
      node = unit;
    }
    node.members.push(j);
    if (weights !== undefined && weightOf !== undefined) weights[j] = weightOf(person);
  }
  return { root, levels, seen, leaves, weights };
}

/** Step 2: the plan's units (its totals and weights) against the roster's. */
function checkPlanUnits(target: OrgTarget, seen: readonly Map<string, Unit>[], base: ErrorPath, people: readonly RosterPerson[]): void {
  target.over.forEach((level, d) => {
    const table = d === 0 && target.totals !== undefined ? target.totals : target.weights?.[level];
    if (table !== undefined) checkUnits(table, seen[d] as Map<string, Unit>, [...base, table === target.totals ? "totals" : "weights", ...(table === target.totals ? [] : [level])], level, people);
  });
}

/** Step 3: the people's weights bottom-up, then each unit's weight among its siblings (the plan's, or its people's), children in key order. */
function weighUnits(tree: PeopleTree, target: OrgTarget, base: ErrorPath): void {
  const { levels, weights } = tree;
  for (const leaf of tree.leaves) {
    let weight = weights === undefined ? new Decimal(leaf.members.length) : ZERO;
    if (weights !== undefined) for (const j of leaf.members) weight = weight.plus(weights[j] as Decimal);
    leaf.peopleWeight = weight;
  }
  const weigh = (unit: Unit, d: number): void => {
    unit.sorted = [...unit.children.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    if (d === levels.length) return;
    for (const child of unit.sorted) weigh(child, d + 1);
    unit.peopleWeight = unit.sorted.reduce((sum, child) => sum.plus(child.peopleWeight), ZERO);
    if (d === 0 && target.totals !== undefined) return;
    const level = levels[d] as Level;
    const plan = target.weights?.[level];
    for (const child of unit.sorted) child.weight = plan === undefined ? child.peopleWeight : readDecimal(plan[child.key], [...base, "weights", level, child.key]);
    unit.childWeights = unit.sorted.reduce((sum, child) => sum.plus(child.weight as Decimal), ZERO);
  };
  weigh(tree.root, 0);
}

/** Step 4: the total (given, or the sum of the given totals) split down the tree by `decomposeTree`; each unit's amount set. */
function splitUnits(ctx: RunContext, kpi: Kpi, base: ErrorPath, target: OrgTarget, root: Unit): Decimal {
  const totals = target.totals;
  const total = totals === undefined ? readDecimal(target.total, [...base, "total"]) : root.sorted.reduce((sum, unit) => sum.plus(readDecimal(totals[unit.key], [...base, "totals", unit.key])), ZERO);
  const toNode = (unit: Unit, d: number): D.TargetNode => {
    const children = unit.sorted.map((child) => toNode(child, d + 1));
    if (d === 0) return { key: unit.key, children };
    return d === 1 && totals !== undefined ? { key: unit.key, amount: readDecimal(totals[unit.key], [...base, "totals", unit.key]), children } : { key: unit.key, weight: unit.weight as Decimal, children };
  };
  const result = splitTree(ctx, kpi, base, target, total, toNode(root, 0));
  const place = (unit: Unit, part: D.TargetTreeResult): void => {
    unit.amount = part.amount;
    unit.sorted.forEach((child, i) => place(child, part.children[i] as D.TargetTreeResult));
  };
  place(root, result);
  return total;
}

/** Step 5: each lowest unit's target to its people, as the flat `{ total }` target is split; the people's weights released. */
function shareLeaves(ctx: RunContext, kpi: Kpi, base: ErrorPath, tree: PeopleTree): Map<string, string> {
  const people = ctx.people;
  const level = tree.levels[tree.levels.length - 1] as Level;
  const amounts = new Map<string, string>();
  for (const leaf of tree.leaves) {
    if (leaf.amount.isZero() && leaf.peopleWeight.isZero()) {
      for (const j of leaf.members) amounts.set((people[j] as RosterPerson).id, "0");
    } else {
      const given = tree.weights;
      const parts = leaf.members.map((j) => ({ key: (people[j] as RosterPerson).id, weight: given?.[j] ?? ONE }));
      const at = leaf.peopleWeight.isZero() ? [...base, "weightColumn"] : base;
      const shares = within(at, `KPI "${kpi.id}" target decomposition in ${level} "${leaf.key}" (${leaf.amount.toString()} to share)`, () => D.decomposeTarget(leaf.amount, parts, { scale: ctx.scale }));
      for (const share of shares) amounts.set(share.key, share.amount.toString());
    }
    leaf.members.length = 0;
  }
  tree.weights = undefined;
  return amounts;
}

/** Step 6, for the trace: the total, then per level the person's unit, its weight, its siblings' total weight and its target, then the person's weight and their unit's. */
function traceInputs(tree: PeopleTree, levels: readonly Level[], person: RosterPerson, total: Decimal, unitOf: (person: RosterPerson, level: Level) => string | null, weightOf: (person: RosterPerson) => Decimal): Record<string, string> {
  const inputs: Record<string, string> = { total: total.toString() };
  let node = tree.root;
  levels.forEach((level, d) => {
    const unit = (tree.seen[d] as Map<string, Unit>).get(unitOf(person, level) as string) as Unit;
    inputs[level] = unit.key;
    if (unit.weight !== null) {
      inputs[`${level}Weight`] = unit.weight.toString();
      inputs[`total${capitalized(level)}Weight`] = node.childWeights.toString();
    }
    inputs[`${level}Target`] = unit.amount.toString();
    node = unit;
  });
  inputs["weight"] = weightOf(person).toString();
  inputs["totalWeight"] = node.peopleWeight.toString();
  return inputs;
}

function newUnit(key: string, parent: Unit | null, first: number): Unit {
  return { key, parent, first, children: new Map(), sorted: [], members: [], peopleWeight: ZERO, weight: null, childWeights: ZERO, amount: ZERO };
}

/** A person's weight cell: present, a number, not negative. */
function personWeight(kpi: Kpi, person: RosterPerson, column: string): Decimal {
  const value = readCell(person.row, person.rowIndex, column);
  const path = ["rows", person.rowIndex, column];
  if (value === null) throw new PayscoreError("INVALID_DATA", `${formatPath(path)} is empty; KPI "${kpi.id}" splits its target by it`, { path });
  if (value.isNegative()) throw new PayscoreError("INVALID_WEIGHTS", `${formatPath(path)} is ${value.toString()}: KPI "${kpi.id}" splits its target by it, and a weight must not be negative`, { path });
  return value;
}

/** A fault of a person's unit, at the field that names it: the plan's `people` or the data row. */
function rosterFault(ctx: RunContext, person: RosterPerson, level: Level, what: string): PayscoreError {
  const listed = ctx.p.people?.findIndex((p) => p.id === person.id) ?? -1;
  const path = listed >= 0 ? ["people", listed, level] : ["rows", person.rowIndex, level];
  return new PayscoreError(listed >= 0 ? "INVALID_PLAN" : "INVALID_DATA", `${formatPath(path)}: ${what}`, { path });
}

/** The plan's table of a level's units (weights or totals) names exactly the roster's units. */
function checkUnits(table: Readonly<Record<string, unknown>>, units: ReadonlyMap<string, Unit>, at: ErrorPath, level: Level, people: readonly RosterPerson[]): void {
  for (const key of Object.keys(table)) {
    if (!units.has(key)) {
      const path = [...at, key];
      const known = [...units.keys()].sort().map((name) => JSON.stringify(name)).join(", ");
      throw new PayscoreError("INVALID_PLAN", `${formatPath(path)} names ${level} "${key}", which no one of the roster is in (the ${level}s are ${known})`, { path });
    }
  }
  for (const [key, unit] of units) {
    if (!Object.prototype.hasOwnProperty.call(table, key)) {
      throw new PayscoreError("INVALID_PLAN", `${formatPath(at)} has nothing for ${level} "${key}" (person "${(people[unit.first] as RosterPerson).id}" is in it); list every ${level}`, { path: at });
    }
  }
}

/** `decomposeTree` over the units, its faults at the plan's field: the weights of the level, or the total. */
function splitTree(ctx: RunContext, kpi: Kpi, base: ErrorPath, target: OrgTarget, total: Decimal, tree: D.TargetNode): D.TargetTreeResult {
  try {
    return D.decomposeTree(total, tree, { scale: ctx.scale });
  } catch (error) {
    if (!(error instanceof PayscoreError)) throw error;
    const depth = error.path.filter((part) => part === "children").length;
    const level = target.over[depth - 1];
    const path: ErrorPath =
      error.code === "INVALID_WEIGHTS" && level !== undefined
        ? target.weights?.[level] === undefined
          ? [...base, target.weightColumn === undefined ? "over" : "weightColumn"]
          : [...base, "weights", level]
        : [...base, target.totals === undefined ? "total" : "totals"];
    const what = error.code === "INVALID_WEIGHTS" && level !== undefined ? `the ${level}s' weights` : "its total";
    throw new PayscoreError(error.code, `${formatPath(path)}: KPI "${kpi.id}" cannot split ${what}: ${error.message}`, { path, cause: error });
  }
}
