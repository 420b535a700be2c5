import { CliError } from "./CliError.js";
import { cliMessage } from "./locales/cliMessages.js";

/** Where the first byte that is not UTF-8 sits: 1-based line and column (in characters). */
export interface Utf8Fault {
  readonly line: number;
  readonly column: number;
  readonly byte: number;
}

/**
 * Decodes a file's bytes as strict UTF-8, chunk by chunk, and says where the first bad byte
 * is when the file is not UTF-8 (a spreadsheet saved as GBK or Windows-1252, say).
 *
 * Decoding is `new TextDecoder("utf-8", { fatal: true })`; a UTF-8 byte-order mark at the very
 * start is dropped; a UTF-16 byte-order mark is refused with a hint. A multi-byte character
 * split across two chunks is carried to the next one.
 *
 * @example
 * ```ts
 * const reader = new Utf8Reader("data.csv");
 * reader.decode(Buffer.from("\uFEFFid,name\r\n")); // "id,name\r\n"
 * reader.end(); // ""
 * ```
 */
export class Utf8Reader {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  private carry: Uint8Array = new Uint8Array(0);
  private started = false;
  private line = 1;
  private column = 1;

  constructor(private readonly displayName: string) {}

  /** Decodes the next chunk; throws a {@link CliError} naming the line and column of a bad byte. */
  decode(chunk: Uint8Array): string {
    let bytes = this.carry.length === 0 ? chunk : concat(this.carry, chunk);
    if (!this.started) {
      if (bytes.length < 3 && bytes.length > 0 && isPrefixOfBom(bytes)) {
        this.carry = bytes;
        return "";
      }
      this.started = true;
      if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
        throw new CliError(cliMessage("utf16", { file: this.displayName }));
      }
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    const split = completeLength(bytes);
    this.carry = bytes.slice(split);
    return this.decodeWhole(bytes.subarray(0, split));
  }

  /** Finishes the file: a character cut off at the end is an error. */
  end(): string {
    if (!this.started && this.carry.length > 0) {
      this.started = true;
      const rest = this.carry;
      this.carry = new Uint8Array(0);
      return this.decodeWhole(rest);
    }
    if (this.carry.length > 0) {
      const fault = locateInvalidUtf8(this.carry, this.line, this.column, true);
      throw this.faultError(fault ?? { line: this.line, column: this.column, byte: this.carry[0] ?? 0 });
    }
    return "";
  }

  private decodeWhole(bytes: Uint8Array): string {
    let text: string;
    try {
      text = this.decoder.decode(bytes);
    } catch {
      const fault = locateInvalidUtf8(bytes, this.line, this.column, true);
      throw this.faultError(fault ?? { line: this.line, column: this.column, byte: bytes[0] ?? 0 });
    }
    this.advance(text);
    return text;
  }

  private advance(text: string): void {
    let newlines = 0;
    let at = text.indexOf("\n");
    let last = -1;
    while (at !== -1) {
      newlines += 1;
      last = at;
      at = text.indexOf("\n", at + 1);
    }
    if (newlines === 0) {
      this.column += text.length;
    } else {
      this.line += newlines;
      this.column = text.length - last;
    }
  }

  private faultError(fault: Utf8Fault): CliError {
    const hex = fault.byte.toString(16).toUpperCase().padStart(2, "0");
    return new CliError(cliMessage("notUtf8", { file: this.displayName, line: fault.line, column: fault.column, hex }));
  }
}

function isPrefixOfBom(bytes: Uint8Array): boolean {
  const bom = [0xef, 0xbb, 0xbf];
  return Array.prototype.every.call(bytes, (byte: number, index: number) => bom[index] === byte);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** How many leading bytes end on a character boundary (a trailing partial character is left out). */
function completeLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back += 1) {
    const byte = bytes[n - back] ?? 0;
    if (byte < 0x80) return n;
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return length > back ? n - back : n;
    }
  }
  return n;
}

/**
 * Finds the first byte that breaks UTF-8, counting lines (LF) and columns (characters) from
 * the given start; `null` when every byte is valid (with `final`, a cut-off character at the
 * end counts as invalid).
 */
export function locateInvalidUtf8(bytes: Uint8Array, startLine = 1, startColumn = 1, final = true): Utf8Fault | null {
  let line = startLine;
  let column = startColumn;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      if (b === 0x0a) {
        line += 1;
        column = 1;
      } else {
        column += 1;
      }
      i += 1;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b === 0xe0) [length, low] = [3, 0xa0];
    else if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) length = 3;
    else if (b === 0xed) [length, high] = [3, 0x9f];
    else if (b === 0xf0) [length, low] = [4, 0x90];
    else if (b >= 0xf1 && b <= 0xf3) length = 4;
    else if (b === 0xf4) [length, high] = [4, 0x8f];
    else return { line, column, byte: b };
    for (let k = 1; k < length; k += 1) {
      if (i + k >= n) return final ? { line, column, byte: b } : null;
      const next = bytes[i + k] ?? 0;
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (next < min || next > max) return { line, column, byte: b };
    }
    column += length === 4 ? 2 : 1;
    i += length;
  }
  return null;
}
