import { describe, expect, it } from "vitest";
import { meanResolutionHours } from "../../src/metrics/index.js";
import { expectDecimal, expectFault } from "./helpers.js";

describe("meanResolutionHours", () => {
  it("is the mean elapsed time from opened to resolved, in hours", () => {
    // 09:00 → 13:30 (+08:00) = 4.5 h; 17:00+08:00 = 09:00Z → 02:30Z next day = 17.5 h; (4.5 + 17.5) / 2 = 11
    expectDecimal(
      meanResolutionHours([
        { openedAt: "2026-03-02T09:00:00+08:00", resolvedAt: "2026-03-02T13:30:00+08:00" },
        { openedAt: "2026-03-02T17:00:00+08:00", resolvedAt: "2026-03-03T02:30:00Z" },
      ]),
      "11",
    );
  });

  it("counts real elapsed time across a daylight-saving change", () => {
    // New York springs forward on 2026-03-08: 00:00−05:00 → 12:00−04:00 is 11 hours
    expectDecimal(meanResolutionHours([{ openedAt: "2026-03-08T00:00-05:00", resolvedAt: "2026-03-08T12:00-04:00" }]), "11");
  });

  it("reads seconds and milliseconds and keeps full precision", () => {
    // 1 second = 1/3600 h
    expectDecimal(meanResolutionHours([{ openedAt: "2026-01-01T00:00:00.000Z", resolvedAt: "2026-01-01T00:00:01Z" }]), "0.0002777777777777777777777777777777777777778");
    // 90 minutes and 0.5 s
    expectDecimal(meanResolutionHours([{ openedAt: "2026-01-01T00:00Z", resolvedAt: "2026-01-01T01:30:00.5Z" }]), "1.500138888888888888888888888888888888889");
  });

  it("is 0 for complaints resolved the moment they were opened", () => {
    expectDecimal(meanResolutionHours([{ openedAt: "2026-01-01T08:00Z", resolvedAt: "2026-01-01T16:00+08:00" }]), "0");
  });

  it("throws EMPTY_INPUT for no complaints", () => {
    expectFault(() => meanResolutionHours([]), "EMPTY_INPUT", ["complaints"]);
  });

  it("throws INVALID_DATA for a complaint resolved before it was opened", () => {
    expectFault(
      () => meanResolutionHours([{ openedAt: "2026-01-02T00:00Z", resolvedAt: "2026-01-01T23:59Z" }]),
      "INVALID_DATA",
      ["complaints", 0, "resolvedAt"],
    );
  });

  it("throws INVALID_ARGUMENT for a timestamp without an offset or that does not exist", () => {
    expectFault(() => meanResolutionHours([{ openedAt: "2026-01-01T09:00:00", resolvedAt: "2026-01-01T10:00Z" }]), "INVALID_ARGUMENT", ["complaints", 0, "openedAt"]);
    expectFault(() => meanResolutionHours([{ openedAt: "2026-02-29T09:00Z", resolvedAt: "2026-03-01T10:00Z" }]), "INVALID_ARGUMENT", ["complaints", 0, "openedAt"]);
    expectFault(() => meanResolutionHours([{ openedAt: "2026-01-01T09:00Z", resolvedAt: "2026-01-01T24:00Z" }]), "INVALID_ARGUMENT", ["complaints", 0, "resolvedAt"]);
    expectFault(() => meanResolutionHours([{ openedAt: "2026-01-01T09:00Z" }] as never), "INVALID_ARGUMENT", ["complaints", 0, "resolvedAt"]);
  });

  it("throws INVALID_ARGUMENT for arguments of the wrong shape", () => {
    expectFault(() => meanResolutionHours({} as never), "INVALID_ARGUMENT", ["complaints"]);
    expectFault(() => meanResolutionHours([42] as never), "INVALID_ARGUMENT", ["complaints", 0]);
  });

  it("does not mutate its input", () => {
    const complaints = [Object.freeze({ openedAt: "2026-01-01T00:00Z", resolvedAt: "2026-01-01T02:00Z" })];
    expectDecimal(meanResolutionHours(Object.freeze(complaints)), "2");
    expect(complaints[0]?.openedAt).toBe("2026-01-01T00:00Z");
  });
});
