import { deflateSync } from 'node:zlib';
import { crc32 } from './crc32.js';

// Just enough PNG for the Teams icons: write an RGBA image, and read a file's size from its header.

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGBA PNG; `pixel(x, y)` gives [r, g, b, a]. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => number[]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 4);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) raw.set(pixel(x, y).slice(0, 4), row + 1 + x * 4);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface PngInfo {
  width: number;
  height: number;
  /** PNG colour type: 6 is RGBA, 2 RGB, 4 grey with alpha… */
  colorType: number;
}

/** A PNG's size from its IHDR chunk, or a reason it is not a PNG. */
export function readPngInfo(buf: Buffer): PngInfo | { error: string } {
  if (buf.length < 33 || !buf.subarray(0, 8).equals(SIGNATURE)) return { error: 'not a PNG file' };
  if (buf.subarray(12, 16).toString('ascii') !== 'IHDR') return { error: 'PNG without an IHDR chunk first' };
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), colorType: buf[25] as number };
}
