import { closeSync, openSync, readSync } from "node:fs";
import { cliMessage } from "./locales/cliMessages.js";
import { resolve } from "node:path";
import type { RatingRow } from "../plan/index.js";
import { CliError } from "./CliError.js";
import { CsvReader } from "./CsvReader.js";
import { fileProblem } from "./fileProblem.js";
import { numberFormatMessage } from "./numberFormatMessage.js";
import { EncodedReader, type CsvEncoding } from "./EncodedReader.js";
import { DEFAULT_LIMITS, tooManyBytes, tooManyRows, type InputLimits } from "./inputLimits.js";
import { Utf8Reader } from "./Utf8Reader.js";

const RATING_COLUMNS = ["person", "rater", "group", "score"] as const;
// Small chunks: a chunk's ratings die young (in the nursery) instead of being promoted and collected later.
const CHUNK = 1 << 16;

/**
 * A ratings CSV (`person,rater,group,score[,competency]`) read as a stream (评分流式读取): the
 * header is read and checked when the file is opened; the ratings are then read a megabyte at a
 * time as the run iterates over them, each checked (cells present, the score a plain number)
 * and handed on as one short-lived object — twelve million ratings are never twelve million
 * objects at once. Only each rating's line number is kept (4 bytes), so a fault the run finds
 * in rating `i` can name its line. It can be iterated once. The input limits hold: past
 * `--max-bytes`, `--max-cell` or `--max-rows` the file is refused as the run reaches that point.
 * A FIFO or standard input is read into memory first ({@link RatingsFile.fromBytes}), since the
 * run reads ratings without waiting.
 *
 * @example
 * ```ts
 * const ratings = RatingsFile.open("ratings.csv", process.cwd());
 * runPlanLazy(plan, { rows, ratings }); // reads the file as the 360 stage goes
 * ```
 */
export class RatingsFile implements Iterable<RatingRow> {
  /**
   * The lines of the ratings, kept as the places where they do not follow one another (a blank
   * line, a quoted line end): pairs of rating index and line. A file of one rating a line is one
   * pair, not a number a rating (12 million ratings made 48 MB of typed arrays, grown by
   * doubling, each step costing a full collection of the heap).
   */
  private readonly breaks: number[] = [];
  private lastLine = -1;
  private linesSeen: { count: number; lines: Int32Array } | undefined;
  private count = 0;
  private columnIndex = { person: 0, rater: 0, group: 0, score: 0, competency: -1 };
  /** The ratings of the chunk being handed out, cell by cell (five parallel lists, not objects). */
  private readonly queue = { person: [] as string[], rater: [] as string[], group: [] as string[], score: [] as string[], competency: [] as (string | undefined)[] };
  private header: string[] | null = null;
  private used = false;
  private bytes = 0;
  /** One read buffer for the whole file (the decoder copies what it keeps): no fresh buffer a chunk. */
  private readonly buffer = new Uint8Array(CHUNK);

  private constructor(
    readonly file: string,
    private source: ByteSource | null,
    private readonly csv: { reader: CsvReader; utf8: Utf8Reader | EncodedReader },
    private readonly limits: InputLimits,
  ) {}

  /**
   * Opens the file and reads its header.
   *
   * @param file - the path as given
   * @param cwd - the folder it is relative to
   * @param encoding - the file's encoding (`--encoding`); strict UTF-8 without it
   * @param limits - the input limits; the defaults without them
   * @returns the open file, ready to iterate
   * @throws {CliError} when the file cannot be read, is empty, or its header lacks a column
   */
  static open(file: string, cwd: string, encoding?: CsvEncoding | undefined, limits: InputLimits = DEFAULT_LIMITS): RatingsFile {
    let fd: number;
    try {
      fd = openSync(resolve(cwd, file), "r");
    } catch (error) {
      throw fileProblem(error, file, "read");
    }
    const opened = fd;
    return RatingsFile.start(file, { read: (buffer) => readSync(opened, buffer, 0, buffer.length, null), close: () => closeSync(opened) }, encoding, limits);
  }

  /**
   * Ratings already read into memory (from a FIFO or standard input), read as {@link open} reads a file.
   *
   * @param file - the name as given (`-` for stdin)
   * @param bytes - the file's bytes
   * @param encoding - the file's encoding (`--encoding`); strict UTF-8 without it
   * @param limits - the input limits; the defaults without them
   * @returns the ratings, ready to iterate
   * @throws {CliError} when the text is empty, or its header lacks a column
   */
  static fromBytes(file: string, bytes: Uint8Array, encoding?: CsvEncoding | undefined, limits: InputLimits = DEFAULT_LIMITS): RatingsFile {
    let at = 0;
    const read = (buffer: Uint8Array): number => {
      const count = Math.min(buffer.length, bytes.length - at);
      buffer.set(bytes.subarray(at, at + count));
      at += count;
      return count;
    };
    return RatingsFile.start(file, { read, close: () => undefined }, encoding, limits);
  }

  private static start(file: string, source: ByteSource, encoding: CsvEncoding | undefined, limits: InputLimits): RatingsFile {
    const csv = { reader: undefined as unknown as CsvReader, utf8: encoding === undefined || encoding === "utf-8" ? new Utf8Reader(file) : new EncodedReader(file, encoding) };
    const ratings = new RatingsFile(file, source, csv, limits);
    csv.reader = new CsvReader(file, (cells, count, line) => ratings.take(cells, count, line), limits);
    while (ratings.header === null && ratings.fill()) {
      // reading until the header is complete
    }
    if (ratings.header === null) throw new CliError(cliMessage("emptyFile", { file }));
    return ratings;
  }

  /** The 1-based line of each rating read so far (made when asked: read it when a fault needs it). */
  get lines(): ArrayLike<number> {
    const count = this.count;
    if (this.linesSeen?.count === count) return this.linesSeen.lines;
    const lines = new Int32Array(count);
    const breaks = this.breaks;
    let b = 0;
    let line = 0;
    for (let i = 0; i < count; i++) {
      if (b < breaks.length && breaks[b] === i) {
        line = breaks[b + 1] as number;
        b += 2;
      } else {
        line += 1;
      }
      lines[i] = line;
    }
    this.linesSeen = { count, lines };
    return lines;
  }

  /** The header's column names. */
  get columns(): readonly string[] {
    return this.header ?? [];
  }

  /**
   * The ratings, in file order. One object is handed out and refilled for each rating: it is
   * valid until the next one (the run copies what it keeps).
   */
  *[Symbol.iterator](): Iterator<RatingRow> {
    if (this.used) throw new CliError(`${this.file}: the ratings can be read only once`);
    this.used = true;
    const rating: { person: string; rater: string; group: string; score: string; competency: string | undefined } = { person: "", rater: "", group: "", score: "", competency: undefined };
    const q = this.queue;
    for (;;) {
      // The queue holds one chunk's ratings at most; hand them out oldest first.
      for (let i = 0; i < q.person.length; i++) {
        rating.person = q.person[i] as string;
        rating.rater = q.rater[i] as string;
        rating.group = q.group[i] as string;
        rating.score = q.score[i] as string;
        rating.competency = q.competency[i];
        yield rating;
      }
      q.person.length = 0;
      q.rater.length = 0;
      q.group.length = 0;
      q.score.length = 0;
      q.competency.length = 0;
      if (!this.fill()) return;
    }
  }

  /** Reads the next chunk into the queue; false at the end of the file. */
  private fill(): boolean {
    if (this.source === null) return false;
    const buffer = this.buffer;
    let read: number;
    try {
      read = this.source.read(buffer);
    } catch (error) {
      this.close();
      throw fileProblem(error, this.file, "read");
    }
    this.bytes += read;
    try {
      if (this.bytes > this.limits.maxBytes) throw tooManyBytes(this.file, this.limits);
      if (read === 0) {
        this.close();
        this.csv.reader.push(this.csv.utf8.end());
        this.csv.reader.end();
        return this.queue.person.length > 0;
      }
      this.csv.reader.push(this.csv.utf8.decode(buffer.subarray(0, read)));
    } catch (error) {
      this.close();
      throw error;
    }
    return true;
  }

  private close(): void {
    if (this.source !== null) this.source.close();
    this.source = null;
  }

  private take(cells: readonly string[], count: number, line: number): void {
    const file = this.file;
    if (this.header === null) {
      const header = cells.slice(0, count);
      for (const column of RATING_COLUMNS) {
        if (!header.includes(column)) throw new CliError(cliMessage("ratingsNoColumn", { file, column: JSON.stringify(column) }));
      }
      this.header = header;
      this.columnIndex = { person: header.indexOf("person"), rater: header.indexOf("rater"), group: header.indexOf("group"), score: header.indexOf("score"), competency: header.indexOf("competency") };
      return;
    }
    const header = this.header;
    if (count !== header.length) throw new CliError(cliMessage("rowCellCount", { file, line, cells: count, columns: header.length }));
    if (this.count === this.limits.maxRows) throw tooManyRows(`${file}:${line}`, this.limits);
    const c = this.columnIndex;
    const person = cells[c.person] as string;
    const rater = cells[c.rater] as string;
    const group = cells[c.group] as string;
    const score = cells[c.score] as string;
    const empty = person === "" ? "person" : rater === "" ? "rater" : group === "" ? "group" : score === "" ? "score" : null;
    if (empty !== null) throw new CliError(cliMessage("ratingsEmptyCell", { file, line, column: c[empty] + 1, name: empty }));
    const problem = numberFormatMessage(score);
    if (problem !== null) throw new CliError(cliMessage("badCell", { file, line, column: c.score + 1, name: "score", problem }));
    const competency = c.competency < 0 ? "" : (cells[c.competency] as string);
    const q = this.queue;
    q.person.push(person);
    q.rater.push(rater);
    q.group.push(group);
    q.score.push(score);
    q.competency.push(competency === "" ? undefined : competency);
    if (line !== this.lastLine + 1) this.breaks.push(this.count, line);
    this.lastLine = line;
    this.count++;
  }
}

/** Where a ratings file's bytes come from: an open file, or bytes already read. */
interface ByteSource {
  /** Fills the start of `buffer`; returns how many bytes (0 at the end). */
  read(buffer: Uint8Array): number;
  close(): void;
}
