import { CliError } from "./CliError.js";
import { cliMessage } from "./locales/cliMessages.js";

/** The encodings a CSV input can be read in with `--encoding`. */
export type CsvEncoding = "gbk" | "gb18030" | "utf-16le" | "utf-8";

/**
 * Decodes a file's bytes in a named encoding, chunk by chunk, with the platform's `TextDecoder`
 * (Node's full ICU knows `gbk` and `gb18030`, the encodings Chinese Excel saves CSV in, and
 * `utf-16le`, Excel's "Unicode text"): a character split across two chunks is carried to the
 * next, a byte-order mark at the start is dropped, and a byte sequence the encoding does not have
 * is an error naming the line it is on.
 *
 * @example
 * ```ts
 * const reader = new EncodedReader("data.csv", "gbk");
 * reader.decode(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4])); // "中文"
 * reader.end(); // ""
 * ```
 */
export class EncodedReader {
  private readonly decoder: InstanceType<typeof TextDecoder>;
  private line = 1;

  constructor(
    private readonly displayName: string,
    private readonly encoding: CsvEncoding,
  ) {
    this.decoder = new TextDecoder(encoding, { fatal: true });
  }

  /** Decodes the next chunk; throws a {@link CliError} naming the line of a bad byte sequence. */
  decode(chunk: Uint8Array): string {
    return this.count(() => this.decoder.decode(chunk, { stream: true }));
  }

  /** Finishes the file: a character cut off at the end is an error. */
  end(): string {
    return this.count(() => this.decoder.decode());
  }

  private count(decode: () => string): string {
    let text: string;
    try {
      text = decode();
    } catch {
      throw new CliError(cliMessage("notEncoding", { file: this.displayName, line: this.line, encoding: this.encoding }));
    }
    for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) this.line += 1;
    return text;
  }
}
