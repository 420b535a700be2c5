import { describe, expect, it } from "vitest";
import { diffEn, diffZhCN, type DiffWords } from "../../../src/plan/locales/diffWords.js";

// Both locales fill in the same DiffWords: the type holds their keys; these tests hold their
// values to being words (a function gives a non-empty text naming what it is given).

describe("the diff locale tables", () => {
  it("have the same keys, each a non-empty text or a function of the same arity", () => {
    expect(Object.keys(diffZhCN).sort()).toEqual(Object.keys(diffEn).sort());
    for (const key of Object.keys(diffEn) as (keyof DiffWords)[]) {
      const en = diffEn[key];
      const zh = diffZhCN[key];
      expect(typeof zh, key).toBe(typeof en);
      if (typeof en === "function" && typeof zh === "function") {
        expect(zh.length, key).toBe(en.length);
        const args = Array.from({ length: en.length }, (_, i) => `«${i}»`);
        for (const words of [en, zh]) {
          const text = (words as (...a: unknown[]) => unknown)(...args);
          expect(typeof text, key).toBe("string");
          expect((text as string).length, key).toBeGreaterThan(0);
        }
      } else if (typeof en === "string") {
        expect(en.length + (zh as string).length, key).toBeGreaterThan(0);
      }
    }
  });

  it("put the plan hashes into the plan lines", () => {
    expect(diffEn.planChanged("sha256:aa", "sha256:bb")).toContain("sha256:bb");
    expect(diffZhCN.planChanged("sha256:aa", "sha256:bb")).toContain("sha256:bb");
  });
});
