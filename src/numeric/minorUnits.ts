import { PayscoreError, describeValue, guard } from "../errors/index.js";

// ISO 4217 codes that Intl formats but does not list as supported (fund codes and units of
// account); their minor units come from the ISO 4217 table itself.
const FUND_CODES: Readonly<Record<string, number>> = {
  BOV: 2, CHE: 2, CHW: 2, CLF: 4, COU: 2, MXV: 2, USN: 2, UYI: 0, UYW: 4,
};

let supported: ReadonlySet<string> | undefined;

/**
 * The number of minor units (decimal places) of an ISO 4217 currency: CNY 2 (fen), JPY 0,
 * KWD 3. Read from the platform's `Intl` data, so it follows the ICU the runtime ships.
 *
 * @category Numbers and money
 * @param currency - a three-letter ISO 4217 code; case does not matter
 * @returns the number of decimal places of the currency's minor unit
 * @throws {PayscoreError} `INVALID_ARGUMENT` for a code that is not a known currency
 *
 * @example
 * ```ts
 * minorUnits("CNY"); // 2
 * minorUnits("JPY"); // 0
 * minorUnits("KWD"); // 3
 * ```
 */
export function minorUnits(currency: string): number {
  return guard(computeMinorUnits, [currency]);
}

function computeMinorUnits(currency: string): number {
  if (typeof currency !== "string" || !/^[A-Za-z]{3}$/.test(currency)) {
    throw new PayscoreError("INVALID_ARGUMENT", `currency must be a three-letter ISO 4217 code such as "CNY"; got ${describeValue(currency)}`, { path: ["currency"] });
  }
  const code = currency.toUpperCase();
  const fund = FUND_CODES[code];
  if (fund !== undefined) return fund;
  supported ??= new Set(Intl.supportedValuesOf("currency"));
  if (!supported.has(code)) {
    throw new PayscoreError("INVALID_ARGUMENT", `currency ${describeValue(currency)} is not a known ISO 4217 currency`, { path: ["currency"] });
  }
  return new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
}
