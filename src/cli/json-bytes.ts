/**
 * Builds UTF-8 output in one growing buffer: ASCII pieces are written as Latin-1 (the same bytes), and the strings
 * that repeat (a file's path, each rule's messages) are JSON-encoded and UTF-8-encoded once, then copied. The CLI's
 * JSON for a web copy holds ~15,000 problems a megabyte: encoding them as one big JavaScript string first cost more
 * than linting.
 */
export class JsonBytes {
  private buf: Buffer;
  private pos = 0;
  private readonly literals = new Map<string, Buffer>();

  constructor(capacity = 1 << 16) {
    this.buf = Buffer.allocUnsafe(Math.max(16, capacity));
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
  }

  /** Text known to be ASCII (keys, punctuation, `true`). */
  ascii(s: string): this {
    this.room(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.pos++] = s.charCodeAt(i);
    return this;
  }

  /** A longer ASCII text (numbers and keys built as one string), copied natively. */
  latin1(s: string): this {
    this.room(s.length);
    this.pos += this.buf.write(s, this.pos, 'latin1');
    return this;
  }

  /** Bytes encoded beforehand. */
  raw(bytes: Uint8Array): this {
    this.room(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
    return this;
  }

  /** Any string as a JSON string literal (quotes and escapes as `JSON.stringify` writes them), encoded once per value. */
  string(s: string): this {
    let bytes = this.literals.get(s);
    if (!bytes) this.literals.set(s, (bytes = Buffer.from(JSON.stringify(s), 'utf8')));
    this.room(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
    return this;
  }

  /** The bytes written so far (a view, not a copy). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}
