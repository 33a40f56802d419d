/**
 * Bytes to text, streaming, with the encoding found from the first bytes: a BOM says it; otherwise UTF-8 if
 * the first block is valid UTF-8, else GBK (Chinese Excel and seller-portal exports). Node's full ICU decodes
 * GBK (as GB18030, its superset) with TextDecoder; `{ stream: true }` keeps a character split across two
 * chunks whole.
 */

import { TextDecoder } from 'node:util';

export type Encoding = 'utf-8' | 'gbk' | 'utf-16le' | 'utf-16be';

/** A file ipcheck cannot read at all: the message says why, in the seller's terms. */
export class SweepInputError extends Error {}

/** Bytes looked at before choosing the encoding (a whole first block of a file stream is 64 KiB). */
const SNIFF_BYTES = 16 * 1024;
/** Bytes looked at from the first non-ASCII byte on. */
const MIN_SAMPLE = 256;

function startsWith(b: Uint8Array, ...sig: number[]): boolean {
  return sig.every((v, i) => b[i] === v);
}

/** Files people upload by mistake instead of a CSV, by their first bytes. */
function notText(b: Uint8Array): string | undefined {
  if (startsWith(b, 0x50, 0x4b, 0x03, 0x04))
    return 'this is a zip file (an Excel .xlsx workbook is one), not a CSV. In Excel use File > Save As > "CSV UTF-8 (Comma delimited)" and send that file';
  if (startsWith(b, 0xd0, 0xcf, 0x11, 0xe0))
    return 'this is an old Excel .xls workbook, not a CSV. In Excel use File > Save As > "CSV UTF-8 (Comma delimited)" and send that file';
  if (startsWith(b, 0x25, 0x50, 0x44, 0x46)) return 'this is a PDF, not a CSV listing export';
  if (startsWith(b, 0x1f, 0x8b)) return 'this is a gzip archive: unpack it and send the CSV inside';
  return undefined;
}

export class StreamDecoder {
  encoding: Encoding | undefined;
  private decoder: TextDecoder | undefined;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  /** The first block has been checked for BOMs and non-text files. */
  private headChecked = false;

  /** Text decoded so far from this chunk ('' while still collecting bytes to decide the encoding). */
  push(chunk: Uint8Array): string {
    if (this.decoder) return this.decoder.decode(chunk, { stream: true });
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes < SNIFF_BYTES) return '';
    return this.start(false);
  }

  end(): string {
    const head = this.decoder ? '' : this.start(true);
    return head + (this.decoder as TextDecoder).decode();
  }

  private start(final: boolean): string {
    const head = concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    if (!this.headChecked) {
      this.headChecked = true;
      const bad = notText(head);
      if (bad) throw new SweepInputError(bad);
      if (startsWith(head, 0xff, 0xfe)) return this.use('utf-16le', head);
      if (startsWith(head, 0xfe, 0xff)) return this.use('utf-16be', head);
    }
    if (head.includes(0)) throw new SweepInputError('this is a binary file, not a CSV listing export');
    const firstHigh = head.findIndex((b) => b >= 0x80);
    if (firstHigh < 0 && !final) {
      // Plain ASCII so far reads the same in UTF-8 and GBK (an English header, ids, prices): decide at the
      // first byte that tells them apart, however far into the file it comes.
      return ASCII.decode(head);
    }
    if (firstHigh >= 0 && head.length - firstHigh < MIN_SAMPLE && !final) {
      // Too few bytes after the first non-ASCII one to tell (a character may be cut): wait for more.
      this.pending = [head];
      this.pendingBytes = head.length;
      return '';
    }
    const sample = firstHigh < 0 ? head : head.subarray(firstHigh);
    return this.use(validUtf8Start(sample) ? 'utf-8' : 'gbk', head, sample);
  }

  private use(enc: Encoding, head: Uint8Array, sample = head): string {
    this.encoding = enc;
    this.decoder = new TextDecoder(enc, { fatal: false });
    const text = this.decoder.decode(head, { stream: true });
    if (enc === 'gbk' && replacementShare(new TextDecoder('gbk').decode(sample)) > 0.02)
      throw new SweepInputError(
        'the file is neither UTF-8 nor GBK text. Export it again as "CSV UTF-8" (in Excel: File > Save As > CSV UTF-8)',
      );
    return text;
  }
}

const ASCII = new TextDecoder('utf-8');

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function validUtf8Start(head: Uint8Array): boolean {
  try {
    // stream: true, so a character cut at the end of the block is not counted as invalid.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function replacementShare(text: string): number {
  if (text.length === 0) return 0;
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n / text.length;
}
