import { PayscoreError, describeValue, formatPath, type ErrorPath, guard } from "../errors/index.js";

/**
 * A stable fingerprint of a plan: `sha256:` + the hex SHA-256 of its canonical JSON (object keys
 * sorted by code unit, no whitespace, `undefined` members dropped). Two plans that differ only in
 * key order or formatting have the same hash. Pure TypeScript (no `node:crypto`).
 *
 * @category Plans and runs
 * @param plan - a plan (any JSON value)
 * @returns `"sha256:<64 hex digits>"`
 * @throws {PayscoreError} `INVALID_ARGUMENT` for a value JSON cannot hold (a bigint, a function, a
 * symbol, NaN or ±Infinity, a cycle), with the path to it
 *
 * @example
 * ```ts
 * planHash({ b: 1, a: [true, null] }) === planHash({ a: [true, null], b: 1 }); // true
 * planHash(""); // "sha256:12ae32cb1ec02d01eda3581b127c1fee3b0dc53572ed6baf239721a03d82e126"  (SHA-256 of `""`)
 * ```
 */
export function planHash(plan: unknown): string {
  return guard(computePlanHash, [plan]);
}

function computePlanHash(plan: unknown): string {
  return `sha256:${sha256Hex(new TextEncoder().encode(canonicalJson(plan)))}`;
}

/**
 * JSON with object keys sorted, for hashing.
 *
 * @internal
 * @param value - a JSON value
 * @param path - where `value` sits (for an error)
 * @param open - the objects being written around it (a cycle is refused)
 * @returns its canonical text
 * @throws {PayscoreError} `INVALID_ARGUMENT` for a value JSON cannot hold (a cycle, a function, a non-finite number)
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [true, "x"] }); // '{"a":[true,"x"],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown, path: ErrorPath = [], open: Set<object> = new Set()): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (Number.isFinite(value)) return JSON.stringify(value);
    throw notJson(path, describeValue(value));
  }
  if (typeof value !== "object") throw notJson(path, describeValue(value));
  // A plan is a tree; a cycle would recurse forever.
  if (open.has(value)) throw notJson(path, "a cycle");
  open.add(value);
  let text: string;
  if (Array.isArray(value)) {
    text = `[${value.map((item, i) => (item === undefined ? "null" : canonicalJson(item, [...path, i], open))).join(",")}]`;
  } else {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    text = `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key], [...path, key], open)}`).join(",")}}`;
  }
  open.delete(value);
  return text;
}

function notJson(path: ErrorPath, what: string): PayscoreError {
  return new PayscoreError("INVALID_ARGUMENT", `${formatPath(path)} cannot be part of a plan: ${what} is not a JSON value`, { path });
}

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/**
 * SHA-256 (FIPS 180-4) of a byte string, as lowercase hex.
 *
 * @internal
 * @param bytes - the message
 * @returns 64 hex digits
 *
 * @example
 * ```ts
 * sha256Hex(new TextEncoder().encode("abc")); // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 * ```
 */
export function sha256Hex(bytes: Uint8Array): string {
  const bitLength = bytes.length * 8;
  const padded = new Uint8Array(Math.ceil((bytes.length + 9) / 64) * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(offset + t * 4);
    for (let t = 16; t < 64; t++) {
      const w15 = w[t - 15] as number;
      const w2 = w[t - 2] as number;
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
      w[t] = ((w[t - 16] as number) + s0 + (w[t - 7] as number) + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as unknown as [number, number, number, number, number, number, number, number];
    for (let t = 0; t < 64; t++) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const temp1 = (hh + S1 + ch + (K[t] as number) + (w[t] as number)) >>> 0;
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const temp2 = (S0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + temp1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (temp1 + temp2) >>> 0;
    }
    h[0] = (h[0] as number) + a;
    h[1] = (h[1] as number) + b;
    h[2] = (h[2] as number) + c;
    h[3] = (h[3] as number) + d;
    h[4] = (h[4] as number) + e;
    h[5] = (h[5] as number) + f;
    h[6] = (h[6] as number) + g;
    h[7] = (h[7] as number) + hh;
  }
  return Array.from(h, (word) => word.toString(16).padStart(8, "0")).join("");
}
