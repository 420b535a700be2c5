import { expectTypeOf } from "vitest";
import type { z } from "zod";
import type { Decimal } from "../../src/numeric/index.js";
import { compileCurve, evaluateCurve, scoreKpis, type Curve, type KpiScorecard } from "../../src/scoring/index.js";
import type { curveSchema } from "../../src/scoring/index.js";

expectTypeOf(evaluateCurve({ points: [{ x: 1, y: 1 }] }, "1")).toEqualTypeOf<Decimal>();
expectTypeOf(compileCurve({ points: [{ x: 1n, y: 1 }], step: true })).toEqualTypeOf<(x: Decimal | number | string | bigint) => Decimal>();
expectTypeOf(scoreKpis([{ id: "a", weight: 1 }], { a: { actual: 1, target: 1 } }, undefined)).toEqualTypeOf<KpiScorecard>();
// What curveSchema parses is a Curve.
expectTypeOf<z.output<typeof curveSchema>>().toExtend<Curve>();

// @ts-expect-error a Curve needs points
export const noPoints: Curve = { below: "zero" };
// @ts-expect-error "gate" is not a below option
export const badBelow: Curve = { points: [{ x: 1, y: 1 }], below: "gate" };
// @ts-expect-error an above option cannot be "zero"
export const badAbove: Curve = { points: [{ x: 1, y: 1 }], above: "zero" };
