import { expectTypeOf } from "vitest";
import type { Decimal } from "../../src/numeric/index.js";
import { measure, type MeasurableIndicator, type Measured } from "../../src/metrics/index.js";

expectTypeOf(measure("collectionRate", { collected: 1, billed: "2" })).toEqualTypeOf<Measured>();
expectTypeOf<Measured["value"]>().toEqualTypeOf<Decimal>();
expectTypeOf<Measured["inputs"]>().toEqualTypeOf<Readonly<Record<string, string>>>();
expectTypeOf<"nps">().toMatchTypeOf<MeasurableIndicator>();

// options may be passed as undefined (exactOptionalPropertyTypes callers)
measure("attainment", { actual: 1, target: 2 }, undefined);
measure("attainment", { actual: 1, target: 2 }, { direction: "lower", cap: undefined });

// @ts-expect-error an unknown indicator does not compile
measure("winRate", { wins: 1, deals: 2 });
// @ts-expect-error inputs are numbers, not arbitrary values
measure("collectionRate", { collected: true, billed: 2 });
