import { describeValue, guard, type ErrorPath } from "../errors/index.js";
import { readDecimal, type Decimal, type Numeric } from "../numeric/index.js";
import { attainmentFormula, attainmentOf, readAttainmentOptions, type AttainmentOptions } from "./attainment.js";
import { collectionRateOf } from "./collectionRate.js";
import { complaintRateOf } from "./complaintRate.js";
import { growthRateOf } from "./growthRate.js";
import { fault, readRecord } from "./internal.js";
import { marketShareOf } from "./marketShare.js";
import { npsOf } from "./nps.js";
import { orderMarginOf } from "./orderMargin.js";

/**
 * A computed value together with how it was computed: the shape a plan run puts in a trace so
 * that a person can redo the arithmetic by hand.
 *
 * - `value` — the result, exactly as the indicator's own function returns it (not rounded);
 * - `formula` — the formula in plain ASCII notation over the names in `inputs`, e.g.
 *   `"collected / billed"`, `"min(actual / target, cap)"`; operators `+ - * /`, `|x|`,
 *   `min(…)`, `max(…)`;
 * - `inputs` — every name the formula uses, with its value as a plain decimal string
 *   (`Decimal.toString()`: no exponent, no trailing zeros), in the order of the formula's
 *   inputs: `{ collected: "950000", billed: "1000000" }`.
 */
export interface Measured {
  readonly value: Decimal;
  readonly formula: string;
  readonly inputs: Readonly<Record<string, string>>;
}

/** The indicators {@link measure} can compute: those whose inputs are a few numbers. */
export type MeasurableIndicator =
  | "attainment"
  | "growthRate"
  | "marketShare"
  | "collectionRate"
  | "orderMargin"
  | "complaintRate"
  | "nps";

/**
 * The inputs each {@link MeasurableIndicator} takes, by name, in formula order: what a plan maps
 * its data columns to (a plan schema can check a mapping against it before any run).
 *
 * @example
 * ```ts
 * INDICATOR_INPUTS.collectionRate; // ["collected", "billed"]
 * Object.keys(INDICATOR_INPUTS); // ["attainment", "growthRate", …, "nps"]
 * ```
 */
export const INDICATOR_INPUTS: Readonly<Record<MeasurableIndicator, readonly string[]>> = Object.freeze({
  attainment: Object.freeze(["actual", "target"]),
  growthRate: Object.freeze(["current", "previous"]),
  marketShare: Object.freeze(["sales", "market"]),
  collectionRate: Object.freeze(["collected", "billed"]),
  orderMargin: Object.freeze(["revenue", "cost"]),
  complaintRate: Object.freeze(["complaints", "interactions"]),
  nps: Object.freeze(["promoters", "passives", "detractors"]),
});

const INPUTS: ErrorPath = Object.freeze(["inputs"]);
const NPS_FORMULA = "100 * (promoters - detractors) / (promoters + passives + detractors)";

/**
 * Computes an indicator from named inputs and returns its value with the formula and the inputs
 * written out ({@link Measured}), for plan traces and statements.
 *
 * | indicator | inputs | formula |
 * |---|---|---|
 * | `attainment` | `actual`, `target` (+ `floor`, `cap` from options) | `actual / target`, `max(0, 2 - actual / target)`, `target / actual`, wrapped in `max(…, floor)` / `min(…, cap)` when set |
 * | `growthRate` | `current`, `previous` | `(current - previous) / \|previous\|` |
 * | `marketShare` | `sales`, `market` | `sales / market` |
 * | `collectionRate` | `collected`, `billed` | `collected / billed` |
 * | `orderMargin` | `revenue`, `cost` | `(revenue - cost) / revenue` |
 * | `complaintRate` | `complaints`, `interactions` | `complaints / interactions` |
 * | `nps` | `promoters`, `passives`, `detractors` (whole numbers) | `100 * (promoters - detractors) / (promoters + passives + detractors)` |
 *
 * The value is exactly what the indicator's own function returns for the same inputs, and every
 * rule and error of that function applies; error paths point into `inputs`
 * (`["inputs", "billed"]`). For `attainment` the formula shows the branch taken: a zero target
 * with `zeroTarget: "zero"` is `"0 (target is 0)"`, an actual of 0 under `"inverse"` is
 * `"cap (actual is 0)"`.
 *
 * @category Metrics
 * @param indicator - which indicator, a key of {@link INDICATOR_INPUTS}
 * @param inputs - exactly the inputs the indicator takes, by name (numbers, decimal strings, bigints or Decimals)
 * @param options - {@link AttainmentOptions}, for `attainment` only
 * @returns the value, the formula and the inputs as strings
 * @throws {PayscoreError} `INVALID_ARGUMENT` for an unknown indicator, a missing or unexpected input, or options given to an indicator other than `attainment`; otherwise whatever the indicator's function throws
 *
 * @example
 * ```ts
 * measure("collectionRate", { collected: 950_000, billed: "1000000" });
 * // { value: Decimal("0.95"), formula: "collected / billed", inputs: { collected: "950000", billed: "1000000" } }
 * measure("attainment", { actual: 1_300_000, target: 1_000_000 }, { cap: 1.2 });
 * // { value: Decimal("1.2"), formula: "min(actual / target, cap)", inputs: { actual: "1300000", target: "1000000", cap: "1.2" } }
 * ```
 */
export function measure(
  indicator: MeasurableIndicator,
  inputs: Readonly<Record<string, Numeric>>,
  options?: AttainmentOptions | undefined,
): Measured {
  return guard(computeMeasure, [indicator, inputs, options]);
}

function computeMeasure(
  indicator: MeasurableIndicator,
  inputs: Readonly<Record<string, Numeric>>,
  options?: AttainmentOptions | undefined,
): Measured {
  if (typeof indicator !== "string" || !Object.hasOwn(INDICATOR_INPUTS, indicator)) {
    throw fault("INVALID_ARGUMENT", ["indicator"], `must be one of ${Object.keys(INDICATOR_INPUTS).join(", ")}; got ${describeValue(indicator)}`);
  }
  if (indicator !== "attainment" && options !== undefined) {
    throw fault("INVALID_ARGUMENT", ["options"], `apply only to attainment, not to ${indicator}; leave them out`);
  }
  const names = INDICATOR_INPUTS[indicator];
  const record = readRecord(inputs, INPUTS);
  for (const key of Object.keys(record)) {
    if (!names.includes(key)) {
      throw fault("INVALID_ARGUMENT", ["inputs", key], `is not an input of ${indicator}; its inputs are ${names.join(", ")}`);
    }
  }
  const first = readInput(record, names[0] as string);
  const second = readInput(record, names[1] as string);
  const shown: Record<string, string> = {};
  shown[names[0] as string] = first.toString();
  shown[names[1] as string] = second.toString();
  switch (indicator) {
    case "attainment": {
      const settings = readAttainmentOptions(options, ["options"]);
      const value = attainmentOf(first, second, settings, INPUTS);
      if (settings.floor !== undefined) shown["floor"] = settings.floor.toString();
      if (settings.cap !== undefined) shown["cap"] = settings.cap.toString();
      return { value, formula: attainmentFormula(settings, second.isZero(), first.isZero()), inputs: shown };
    }
    case "growthRate":
      return { value: growthRateOf(first, second, INPUTS), formula: "(current - previous) / |previous|", inputs: shown };
    case "marketShare":
      return { value: marketShareOf(first, second, INPUTS), formula: "sales / market", inputs: shown };
    case "collectionRate":
      return { value: collectionRateOf(first, second, INPUTS), formula: "collected / billed", inputs: shown };
    case "orderMargin":
      return { value: orderMarginOf(first, second, INPUTS), formula: "(revenue - cost) / revenue", inputs: shown };
    case "complaintRate":
      return { value: complaintRateOf(first, second, INPUTS), formula: "complaints / interactions", inputs: shown };
    case "nps": {
      const third = readInput(record, "detractors");
      shown["detractors"] = third.toString();
      const result = npsOf(countOf(first, "promoters"), countOf(second, "passives"), countOf(third, "detractors"), INPUTS);
      return { value: result.score, formula: NPS_FORMULA, inputs: shown };
    }
  }
}

function readInput(record: Readonly<Record<string, unknown>>, name: string): Decimal {
  const value = record[name];
  if (value === undefined) throw fault("INVALID_ARGUMENT", ["inputs", name], "is missing");
  return readDecimal(value, ["inputs", name]);
}

function countOf(value: Decimal, name: string): number {
  if (!value.isInteger()) throw fault("INVALID_ARGUMENT", ["inputs", name], `must be a whole number; got ${value.toString()}`);
  if (value.isNegative()) throw fault("OUT_OF_RANGE", ["inputs", name], `must be at least 0; got ${value.toString()}`);
  if (value.gt(Number.MAX_SAFE_INTEGER)) throw fault("OUT_OF_RANGE", ["inputs", name], `is too large to count exactly; got ${value.toString()}`);
  return value.toNumber();
}
