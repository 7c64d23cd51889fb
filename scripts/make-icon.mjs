#!/usr/bin/env node
// Draws resources/icon.png (512×512): a white megaphone on a pink rounded
// square. Generated rather than hand-made so it can be redrawn without an
// image editor; electron-builder derives the .ico/.icns sizes from it.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // per axis, for smooth edges

function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

function inPolygon(x, y, pts) {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inArc(x, y, cx, cy, radius, width, maxAngle) {
  const d = Math.hypot(x - cx, y - cy);
  const angle = Math.abs(Math.atan2(y - cy, x - cx));
  return Math.abs(d - radius) <= width / 2 && angle <= maxAngle;
}

function isMark(x, y) {
  return (
    inPolygon(x, y, [[150, 214], [318, 128], [318, 384], [150, 298]]) ||
    inRoundedRect(x, y, 112, 222, 160, 290, 14) ||
    inRoundedRect(x, y, 300, 118, 336, 394, 18) ||
    inRoundedRect(x, y, 176, 280, 222, 372, 16) ||
    inArc(x, y, 336, 256, 62, 22, 0.62) ||
    inArc(x, y, 336, 256, 104, 22, 0.55)
  );
}

const top = [240, 101, 149];
const bottom = [194, 37, 92];
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  raw[row] = 0; // PNG filter: none
  for (let x = 0; x < SIZE; x++) {
    let bg = 0;
    let mark = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const px = x + (sx + 0.5) / SAMPLES;
        const py = y + (sy + 0.5) / SAMPLES;
        if (inRoundedRect(px, py, 16, 16, 496, 496, 108)) {
          bg++;
          if (isMark(px + 20, py)) mark++; // centre the mark optically
        }
      }
    }
    const n = SAMPLES * SAMPLES;
    const t = y / (SIZE - 1);
    const alpha = bg / n;
    const white = bg ? mark / bg : 0;
    const o = row + 1 + x * 4;
    for (let c = 0; c < 3; c++) {
      const base = top[c] + (bottom[c] - top[c]) * t;
      raw[o + c] = Math.round(base + (255 - base) * white);
    }
    raw[o + 3] = Math.round(alpha * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const target = new URL('../resources/icon.png', import.meta.url);
writeFileSync(target, png);
console.log(`Wrote ${target.pathname} (${png.length} bytes).`);
