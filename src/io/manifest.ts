/**
 * Reading the `files` list of a previous run's manifest (render --all's summary.json) without holding the file:
 * a run of 100,000 messages leaves a manifest of about 16 MB, nearly all of it summary rows that the next run
 * does not need. The bytes go through a fixed buffer, a chunk at a time, and are checked as strict JSON
 * (JSON.parse's grammar: no comments, no trailing commas, nothing after the value); only the strings of the
 * top-level `files` array are decoded, and of those only the ones the caller keeps are held.
 *
 * As JSON.parse would read the file: of a `files` key given twice, the last counts; a file that is not one JSON
 * object, or not valid JSON, lists nothing.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 64 * 1024;

/** Byte values the scanner looks at. */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

/** What the scanner expects next. */
const enum Next {
  Value,
  /** After `[`: a value or `]`. */
  ValueOrClose,
  /** After `{`: a key or `}`. */
  KeyOrClose,
  Key,
  Colon,
  /** After a value in a container: `,` or its closing bracket. */
  CommaOrClose,
  /** After the top-level value: only whitespace. */
  End,
}

class Broken extends Error {}

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}

/** `\"` `\\` `\/` `\b` `\f` `\n` `\r` `\t`; `\u` is read apart. */
const SIMPLE_ESCAPES = new Set([...'"\\/bfnrt'].map((char) => char.charCodeAt(0)));
const JSON_NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;
const LITERALS = ['true', 'false', 'null'];

/** A byte that can be part of a number: digits, `-`, `+`, `.`, `e`, `E`. */
function isNumberByte(byte: number): boolean {
  return isDigit(byte) || byte === 0x2d || byte === 0x2b || byte === 0x2e || byte === 0x65 || byte === 0x45;
}

function isHex(byte: number): boolean {
  return isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);
}

/**
 * The strings of the top-level `files` array of the JSON file for which `keep` is true, in order; nothing when
 * the file is missing, unreadable, not valid JSON or not an object. `chunk`: bytes read at a time.
 */
export function readManifestFiles(file: string, keep: (name: string) => boolean, chunk = CHUNK): string[] {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return [];
  }
  try {
    return new ManifestScanner(fd, keep, chunk).scan();
  } catch {
    // Broken JSON (Broken), or a read that failed: the manifest names nothing.
    return [];
  } finally {
    closeSync(fd);
  }
}

class ManifestScanner {
  private buffer: Buffer;
  /** Bytes of the buffer that hold file data, and where the scan is in them. */
  private end = 0;
  private at = 0;
  /** Where the buffer starts in the file. */
  private position = 0;
  private eof = false;
  /** Open containers, innermost last: `{` or `[` as byte values. */
  private readonly stack: number[] = [];
  private next = Next.Value;
  /** The last key read in the top-level object. */
  private key: string | undefined;
  /** The top-level `files` array is open. */
  private inFiles = false;
  private files: string[] = [];

  constructor(
    private readonly fd: number,
    private readonly keep: (name: string) => boolean,
    /** Bytes read at a time (tests pass a few, to cut every token somewhere). */
    chunk: number,
  ) {
    this.buffer = Buffer.allocUnsafe(chunk);
  }

  scan(): string[] {
    for (;;) {
      if (!this.skipWhitespace()) break;
      const byte = this.buffer[this.at]!;
      switch (this.next) {
        case Next.End:
          throw new Broken();
        case Next.Colon:
          if (byte !== COLON) throw new Broken();
          this.at++;
          this.next = Next.Value;
          continue;
        case Next.CommaOrClose:
          if (byte === COMMA) {
            this.at++;
            this.next = this.stack[this.stack.length - 1] === OPEN_BRACE ? Next.Key : Next.Value;
          } else this.close(byte);
          continue;
        case Next.KeyOrClose:
        case Next.Key:
          if (byte === CLOSE_BRACE && this.next === Next.KeyOrClose) {
            this.close(byte);
            continue;
          }
          if (byte !== QUOTE) throw new Broken();
          this.readKey();
          this.next = Next.Colon;
          continue;
        case Next.ValueOrClose:
          if (byte === CLOSE_BRACKET) {
            this.close(byte);
            continue;
          }
          this.value(byte);
          continue;
        case Next.Value:
          this.value(byte);
          continue;
      }
    }
    if (this.next !== Next.End) throw new Broken();
    return this.files;
  }

  /** A value starts at `byte`. */
  private value(byte: number): void {
    const depth = this.stack.length;
    if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (depth === 0 && byte !== OPEN_BRACE) throw new Broken(); // a manifest is an object: nothing to read
      if (depth === 1 && byte === OPEN_BRACKET && this.key === 'files') this.inFiles = true;
      this.stack.push(byte);
      this.at++;
      this.next = byte === OPEN_BRACE ? Next.KeyOrClose : Next.ValueOrClose;
      return;
    }
    if (depth === 0) throw new Broken();
    if (byte === QUOTE) {
      if (this.inFiles && depth === 2) {
        const name = this.readString(true)!;
        if (this.keep(name)) this.files.push(name);
      } else this.readString(false);
    } else if (byte === 0x2d || isDigit(byte)) this.readNumber();
    else this.readLiteral();
    this.next = Next.CommaOrClose;
  }

  private close(byte: number): void {
    const open = this.stack.pop();
    if (!((byte === CLOSE_BRACE && open === OPEN_BRACE) || (byte === CLOSE_BRACKET && open === OPEN_BRACKET))) throw new Broken();
    this.at++;
    if (this.stack.length === 1) this.inFiles = false;
    this.next = this.stack.length === 0 ? Next.End : Next.CommaOrClose;
  }

  private readKey(): void {
    if (this.stack.length !== 1) {
      this.readString(false);
      return;
    }
    this.key = this.readString(true);
    // Of a key given twice, the last counts (JSON.parse): a new `files` starts the list again.
    if (this.key === 'files') this.files = [];
  }

  /**
   * Reads the string that starts at the scan's position (its opening quote), checking it as JSON does; returns
   * its value when `decode` is set. Indexes are relative to the scan's position: `ensure` may move the buffer.
   */
  private readString(decode: boolean): string | undefined {
    let i = 1;
    let escaped = false;
    for (;;) {
      if (this.at + i >= this.end && !this.ensure(i + 1)) throw new Broken();
      const byte = this.buffer[this.at + i]!;
      if (byte === QUOTE) break;
      if (byte < 0x20) throw new Broken();
      if (byte !== BACKSLASH) {
        i++;
        continue;
      }
      escaped = true;
      if (!this.ensure(i + 2)) throw new Broken();
      const escape = this.buffer[this.at + i + 1]!;
      if (escape === 0x75) {
        if (!this.ensure(i + 6)) throw new Broken();
        for (let hex = 2; hex < 6; hex++) if (!isHex(this.buffer[this.at + i + hex]!)) throw new Broken();
        i += 6;
      } else if (SIMPLE_ESCAPES.has(escape)) i += 2;
      else throw new Broken();
    }
    let value: string | undefined;
    if (decode) {
      // Escapes are rare in file names: JSON.parse decodes those strings (surrogate pairs and all).
      value = escaped ? (JSON.parse(this.buffer.toString('utf8', this.at, this.at + i + 1)) as string) : this.buffer.toString('utf8', this.at + 1, this.at + i);
    }
    this.at += i + 1;
    return value;
  }

  /** Reads the number at the scan's position: the bytes a number can hold, checked against JSON's grammar. */
  private readNumber(): void {
    let length = 0;
    for (;;) {
      if (this.at + length >= this.end && !this.ensure(length + 1)) break;
      if (!isNumberByte(this.buffer[this.at + length]!)) break;
      length++;
    }
    if (!JSON_NUMBER.test(this.buffer.toString('latin1', this.at, this.at + length))) throw new Broken();
    this.at += length;
  }

  private readLiteral(): void {
    for (const literal of LITERALS) {
      if (this.buffer[this.at] !== literal.charCodeAt(0)) continue;
      if (!this.ensure(literal.length) || this.buffer.toString('latin1', this.at, this.at + literal.length) !== literal) throw new Broken();
      this.at += literal.length;
      return;
    }
    throw new Broken();
  }

  /** Skips whitespace; false at the end of the file. */
  private skipWhitespace(): boolean {
    for (;;) {
      while (this.at < this.end && isWhitespace(this.buffer[this.at]!)) this.at++;
      if (this.at < this.end) return true;
      if (!this.ensure(1)) return false;
    }
  }

  /**
   * Makes `count` bytes from the scan's position available in the buffer (moving what is left to its start and
   * reading more, in a larger buffer when a token is longer than it); false when the file ends first.
   */
  private ensure(count: number): boolean {
    if (this.end - this.at >= count) return true;
    if (this.eof) return false;
    const left = this.end - this.at;
    if (count > this.buffer.length) {
      const larger = Buffer.allocUnsafe(Math.max(count, this.buffer.length * 2));
      this.buffer.copy(larger, 0, this.at, this.end);
      this.buffer = larger;
    } else this.buffer.copy(this.buffer, 0, this.at, this.end);
    this.position += this.at;
    this.at = 0;
    this.end = left;
    while (this.end < count && !this.eof) {
      const read = readSync(this.fd, this.buffer, this.end, this.buffer.length - this.end, this.position + this.end);
      if (read === 0) this.eof = true;
      this.end += read;
    }
    return this.end >= count;
  }
}
