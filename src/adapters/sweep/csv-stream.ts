/**
 * A streaming CSV reader (RFC 4180): quoted fields with "" escapes and line breaks inside, CRLF / LF / CR line
 * ends, a delimiter found from the header line (`,` `;` or tab). Text goes in chunk by chunk (`push`), records
 * come out through the callback as soon as they end, so a file of any size is read in constant memory.
 *
 * Row numbers count records from 1 (the header), like a spreadsheet's rows: a field with a line break inside
 * does not start a new row.
 */

export type Delimiter = ',' | ';' | '\t';

export interface CsvProblem {
  row: number;
  reason: string;
}

/** A record longer than this (in characters) is almost always an unclosed quote swallowing the file. */
export const MAX_RECORD_CHARS = 100_000;

enum State {
  FieldStart = 0,
  Unquoted = 1,
  Quoted = 2,
  /** A quote inside a quoted field: the next character says whether it was "" or the closing quote. */
  QuoteInQuoted = 3,
  /** Skipping the rest of a broken record up to the next line break. */
  Skip = 4,
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export class CsvReader {
  delimiter: Delimiter | undefined;
  private delim = 0;
  private state = State.FieldStart;
  private field = '';
  private fields: string[] = [];
  private recordChars = 0;
  private row = 1;
  private afterCr = false;
  /** Set when a quote appeared in the middle of an unquoted field or after a closing quote. */
  private stray = false;
  private head = '';
  /** Where the last record ended in the chunk being scanned (-1: none ended in it yet). */
  private lastEnd = -1;

  constructor(
    private readonly onRecord: (fields: string[], row: number) => void,
    private readonly onProblem: (p: CsvProblem) => void,
  ) {}

  push(text: string): void {
    if (this.delimiter === undefined) {
      // The delimiter is read from the whole header line, so wait until one line is in.
      this.head += text;
      if (!/[\r\n]/.test(this.head) && this.head.length < MAX_RECORD_CHARS) return;
      this.chooseDelimiter(this.head);
      text = this.head;
      this.head = '';
    }
    this.scan(text);
  }

  end(): void {
    if (this.delimiter === undefined) {
      if (this.head === '') return;
      this.chooseDelimiter(this.head);
      this.scan(this.head);
      this.head = '';
    }
    if (this.state === State.Quoted) {
      this.onProblem({
        row: this.row,
        reason: 'a quote opened in this row is never closed (the file may be cut short); the row was skipped',
      });
      return;
    }
    if (this.state === State.Skip) return;
    if (this.state === State.Unquoted || this.state === State.QuoteInQuoted) this.finishField(this.field);
    else if (this.fields.length > 0) this.finishField(''); // "a,b," at the very end: the last field is empty
    if (this.fields.length > 0) this.finishRecord();
  }

  private chooseDelimiter(text: string): void {
    const counts = { ',': 0, ';': 0, '\t': 0 };
    let quoted = false;
    for (const ch of text) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && (ch === '\n' || ch === '\r')) break;
      else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
    }
    const best = (Object.entries(counts) as [Delimiter, number][]).sort((a, b) => b[1] - a[1])[0];
    this.delimiter = best && best[1] > 0 ? best[0] : ',';
    this.delim = this.delimiter.charCodeAt(0);
  }

  private finishField(value: string): void {
    this.fields.push(value);
    this.field = '';
  }

  private finishRecord(): void {
    const fields = this.fields;
    this.fields = [];
    this.field = '';
    this.recordChars = 0;
    this.state = State.FieldStart;
    const row = this.row++;
    if (this.stray) {
      this.stray = false;
      this.onProblem({
        row,
        reason: 'a quote in the middle of a field (malformed CSV); read as written, check this row',
      });
    }
    // A blank line is no record.
    if (fields.length === 1 && fields[0] === '') return;
    this.onRecord(fields, row);
  }

  private scan(text: string): void {
    const n = text.length;
    const delim = this.delim;
    let i = 0;
    this.lastEnd = -1;
    if (this.afterCr && n > 0 && text.charCodeAt(0) === LF) i = 1;
    this.afterCr = false;
    // Start of the current field's text inside this chunk (-1: none pending in this chunk).
    let start = this.state === State.Unquoted || this.state === State.Quoted ? 0 : -1;
    if (start === 0) start = i;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      switch (this.state) {
        case State.FieldStart:
          if (c === QUOTE) {
            this.state = State.Quoted;
            start = i + 1;
          } else if (c === delim) this.finishField('');
          else if (c === LF || c === CR) {
            this.finishField('');
            this.lineEnd(i);
            if (c === CR) i = this.skipLf(text, i);
          } else {
            this.state = State.Unquoted;
            start = i;
          }
          break;
        case State.Unquoted:
          if (c === delim) {
            this.finishField(this.field + text.slice(start, i));
            this.state = State.FieldStart;
          } else if (c === LF || c === CR) {
            this.finishField(this.field + text.slice(start, i));
            this.lineEnd(i);
            if (c === CR) i = this.skipLf(text, i);
          } else if (c === QUOTE) this.stray = true;
          break;
        case State.Quoted: {
          // Jump straight to the next quote: inside quotes nothing else matters.
          const q = c === QUOTE ? i : text.indexOf('"', i);
          if (q < 0) {
            i = n;
            break;
          }
          i = q;
          this.field += text.slice(start, i);
          this.state = State.QuoteInQuoted;
          break;
        }
        case State.QuoteInQuoted:
          if (c === QUOTE) {
            // "" inside quotes is one quote.
            this.field += '"';
            this.state = State.Quoted;
            start = i + 1;
          } else if (c === delim) {
            this.finishField(this.field);
            this.state = State.FieldStart;
          } else if (c === LF || c === CR) {
            this.finishField(this.field);
            this.lineEnd(i);
            if (c === CR) i = this.skipLf(text, i);
          } else {
            // "abc"def: not valid CSV; keep the text and say so.
            this.stray = true;
            this.state = State.Unquoted;
            start = i;
          }
          break;
        case State.Skip:
          if (c === LF || c === CR) {
            this.fields = [];
            this.field = '';
            this.state = State.FieldStart;
            this.row++;
            this.lastEnd = i + 1;
            if (c === CR) i = this.skipLf(text, i);
          }
          break;
      }
    }
    // The chunk ended inside a field: keep its text for the next chunk.
    if ((this.state === State.Unquoted || this.state === State.Quoted) && start >= 0 && start < n) {
      this.field += text.slice(start, n);
    }
    this.recordChars = this.lastEnd >= 0 ? n - this.lastEnd : this.recordChars + n;
    if (this.state !== State.Skip) {
      if (
        this.recordChars > MAX_RECORD_CHARS &&
        (this.state !== State.FieldStart || this.fields.length > 0)
      ) {
        this.onProblem({
          row: this.row,
          reason: `longer than ${MAX_RECORD_CHARS.toLocaleString('en-US')} characters (an unclosed quote?); skipped up to the next line break`,
        });
        this.state = State.Skip;
        this.fields = [];
        this.field = '';
      }
    }
  }

  private lineEnd(i: number): void {
    this.finishRecord();
    this.lastEnd = i + 1;
  }

  /** After a CR, a following LF belongs to the same line end (also when it starts the next chunk). */
  private skipLf(text: string, i: number): number {
    if (i + 1 < text.length) return text.charCodeAt(i + 1) === LF ? i + 1 : i;
    this.afterCr = true;
    return i;
  }
}
