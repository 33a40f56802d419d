import { encodePng } from './png.js';

// The Teams icons, drawn in code so they can be regenerated: a white check mark in a shield-blue
// square (color.png, 192×192) and the same check mark in white on transparent (outline.png, 32×32,
// as Teams requires for the outline icon).

const BLUE = [0x4f, 0x6b, 0xed, 255];

/** Distance from (px, py) to the segment (ax, ay)–(bx, by). */
function dist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** How much of the pixel the check mark covers, 0..1 (anti-aliased edge), in a unit square. */
function check(x: number, y: number, size: number): number {
  const u = (x + 0.5) / size;
  const v = (y + 0.5) / size;
  const d = Math.min(dist(u, v, 0.25, 0.52, 0.43, 0.7), dist(u, v, 0.43, 0.7, 0.76, 0.32));
  const half = 0.075;
  return Math.max(0, Math.min(1, (half - d) * size + 0.5));
}

export function colorIcon(): Buffer {
  return encodePng(192, 192, (x, y) => {
    const a = check(x, y, 192);
    return BLUE.map((c, i) => (i === 3 ? 255 : Math.round(c * (1 - a) + 255 * a)));
  });
}

export function outlineIcon(): Buffer {
  return encodePng(32, 32, (x, y) => [255, 255, 255, Math.round(255 * check(x, y, 32))]);
}
