/** Where a JSON text first goes wrong: 1-based line and column, and what is wrong there. */
export interface JsonFault {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * Finds the first JSON syntax error in `text` and says, in plain words, what is wrong there.
 * `JSON.parse` in Node 20 does not always give a position, so this re-reads the text with a
 * small strict JSON grammar (RFC 8259) — only on the error path.
 *
 * @param text - the file's text (byte-order mark already removed)
 * @returns the fault, or `null` when the text is valid JSON
 *
 * @example
 * ```ts
 * locateJsonError('{\n  "version": 1,\n}');
 * // { line: 3, column: 1, message: "a trailing comma is not allowed in JSON" }
 * ```
 */
export function locateJsonError(text: string): JsonFault | null {
  const scanner = new Scanner(text);
  try {
    scanner.skipSpace();
    if (scanner.at >= text.length) return scanner.fault(scanner.at, "the file has no JSON value");
    scanner.value();
    scanner.skipSpace();
    if (scanner.at < text.length) return scanner.fault(scanner.at, `unexpected ${scanner.describe(scanner.at)} after the end of the JSON value`);
    return null;
  } catch (error) {
    if (error instanceof Fault) return scanner.fault(error.at, error.message);
    return { line: 1, column: 1, message: "the JSON is nested too deeply" };
  }
}

class Fault {
  constructor(
    readonly at: number,
    readonly message: string,
  ) {}
}

class Scanner {
  at = 0;

  constructor(private readonly text: string) {}

  fault(offset: number, message: string): JsonFault {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < this.text.length; i += 1) {
      if (this.text.charCodeAt(i) === 10) {
        line += 1;
        lineStart = i + 1;
      }
    }
    return { line, column: offset - lineStart + 1, message };
  }

  describe(offset: number): string {
    if (offset >= this.text.length) return "end of file";
    const char = this.text[offset] ?? "";
    return JSON.stringify(char);
  }

  skipSpace(): void {
    for (;;) {
      const c = this.text[this.at];
      if (c === " " || c === "\t" || c === "\n" || c === "\r") {
        this.at += 1;
      } else if (c === "/" && (this.text[this.at + 1] === "/" || this.text[this.at + 1] === "*")) {
        throw new Fault(this.at, "comments are not allowed in JSON");
      } else {
        return;
      }
    }
  }

  value(): void {
    this.skipSpace();
    const c = this.text[this.at];
    if (c === undefined) throw new Fault(this.at, "the JSON ends too early: a value is missing");
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') return this.string();
    if (c === "'") throw new Fault(this.at, "strings in JSON must use double quotes");
    if (c === "-" || (c >= "0" && c <= "9")) return this.number();
    for (const word of ["true", "false", "null"]) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return;
      }
    }
    throw new Fault(this.at, `unexpected ${this.describe(this.at)}: expected a value (a string in double quotes, a number, an object, an array, true, false or null)`);
  }

  object(): void {
    this.at += 1;
    this.skipSpace();
    if (this.text[this.at] === "}") {
      this.at += 1;
      return;
    }
    for (;;) {
      this.skipSpace();
      const c = this.text[this.at];
      if (c !== '"') {
        if (c === "}") throw new Fault(this.at, "a trailing comma is not allowed in JSON");
        if (c === undefined) throw new Fault(this.at, 'the JSON ends too early: expected a property name or "}"');
        if (c === "'") throw new Fault(this.at, "property names in JSON must use double quotes");
        throw new Fault(this.at, `unexpected ${this.describe(this.at)}: expected a property name in double quotes`);
      }
      this.string();
      this.skipSpace();
      if (this.text[this.at] !== ":") throw new Fault(this.at, `unexpected ${this.describe(this.at)}: expected ":" after the property name`);
      this.at += 1;
      this.value();
      this.skipSpace();
      const next = this.text[this.at];
      if (next === ",") {
        this.at += 1;
        continue;
      }
      if (next === "}") {
        this.at += 1;
        return;
      }
      throw new Fault(this.at, `unexpected ${this.describe(this.at)}: expected "," or "}" after a property value`);
    }
  }

  array(): void {
    this.at += 1;
    this.skipSpace();
    if (this.text[this.at] === "]") {
      this.at += 1;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] === "]") throw new Fault(this.at, "a trailing comma is not allowed in JSON");
      this.value();
      this.skipSpace();
      const next = this.text[this.at];
      if (next === ",") {
        this.at += 1;
        continue;
      }
      if (next === "]") {
        this.at += 1;
        return;
      }
      throw new Fault(this.at, `unexpected ${this.describe(this.at)}: expected "," or "]" after an array element`);
    }
  }

  string(): void {
    const start = this.at;
    this.at += 1;
    for (;;) {
      const c = this.text[this.at];
      if (c === undefined) throw new Fault(start, "a string is never closed (missing closing double quote)");
      if (c === '"') {
        this.at += 1;
        return;
      }
      if (c === "\\") {
        const e = this.text[this.at + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))) throw new Fault(this.at, "a \\u escape needs four hex digits");
          this.at += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          this.at += 2;
        } else {
          throw new Fault(this.at, `invalid escape ${JSON.stringify(`\\${e ?? ""}`)} in a string`);
        }
        continue;
      }
      if (c.charCodeAt(0) < 0x20) throw new Fault(this.at, "a string cannot contain a line break or control character (write \\n)");
      this.at += 1;
    }
  }

  number(): void {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.at, this.at + 400));
    if (match === null) throw new Fault(this.at, `invalid number starting with ${this.describe(this.at)}`);
    this.at += match[0].length;
    const next = this.text[this.at];
    if (next !== undefined && /[\d.eE_]/.test(next)) throw new Fault(this.at, "invalid number (JSON numbers have no leading zeros, thousands separators or trailing dots)");
  }
}
