/**
 * The two pictures on a letter, drawn as paths so that a text extractor finds no text in
 * them: the logo's wordmark and the handwritten signature.
 */
import type { Doc } from './pdf-document';

const LOGO_INK = '#3d3d3d';
const LOGO_ACCENT = '#b5121b';
const SIGNATURE_INK = '#1c2a5e';

/**
 * Draws a lower-case "ofsted" wordmark in strokes, with a swash under it, its top at
 * (`x`, `top`). Returns the y of its bottom.
 */
export function drawLogo(doc: Doc, x: number, top: number): number {
  const h = 15; // x-height
  const base = top + h * 1.55;
  const mid = base - h / 2;
  const r = h / 2 - 1.6;
  const letters: string[] = [];
  let at = x + 1.6;
  const advance = (w: number): number => {
    const start = at;
    at += w + h * 0.2;
    return start;
  };
  const o = advance(h);
  letters.push(circle(o + h / 2, mid, r));
  const f = advance(h * 0.45);
  letters.push(`M ${f + 2} ${base} L ${f + 2} ${base - h * 1.1} Q ${f + 2} ${base - h * 1.5} ${f + h * 0.55} ${base - h * 1.45}`);
  letters.push(`M ${f - h * 0.1} ${base - h} L ${f + h * 0.45} ${base - h}`);
  const s = advance(h * 0.7);
  letters.push(
    `M ${s + h * 0.68} ${base - h * 0.82} C ${s + h * 0.5} ${base - h * 1.02} ${s + h * 0.02} ${base - h * 1.0} ${s + h * 0.04} ${base - h * 0.74}` +
      ` C ${s + h * 0.06} ${base - h * 0.48} ${s + h * 0.7} ${base - h * 0.52} ${s + h * 0.7} ${base - h * 0.24}` +
      ` C ${s + h * 0.7} ${base + h * 0.02} ${s + h * 0.16} ${base + h * 0.02} ${s} ${base - h * 0.16}`,
  );
  const t = advance(h * 0.55);
  letters.push(`M ${t + h * 0.22} ${base - h * 1.35} L ${t + h * 0.22} ${base - h * 0.25} Q ${t + h * 0.22} ${base} ${t + h * 0.6} ${base - h * 0.05}`);
  letters.push(`M ${t - h * 0.05} ${base - h} L ${t + h * 0.55} ${base - h}`);
  const e = advance(h);
  letters.push(`M ${e + 1.6} ${mid} L ${e + h - 1.6} ${mid} A ${r} ${r} 0 1 0 ${e + h * 0.86} ${base - h * 0.2}`);
  const d = advance(h);
  letters.push(circle(d + h / 2, mid, r), `M ${d + h - 1.6} ${base - h * 1.55} L ${d + h - 1.6} ${base}`);

  doc.save().lineWidth(3.2).lineCap('round').lineJoin('round').strokeColor(LOGO_INK);
  for (const letter of letters) doc.path(letter).stroke();
  // A swash under the wordmark, in the accent colour, filled rather than stroked.
  const right = at - h * 0.2;
  doc
    .path(`M ${x} ${base + 7} Q ${(x + right) / 2} ${base + 15} ${right} ${base + 5} Q ${(x + right) / 2} ${base + 11} ${x} ${base + 7} Z`)
    .fill(LOGO_ACCENT);
  doc.restore();
  return base + 15;
}

function circle(cx: number, cy: number, r: number): string {
  return `M ${cx - r} ${cy} A ${r} ${r} 0 1 0 ${cx + r} ${cy} A ${r} ${r} 0 1 0 ${cx - r} ${cy} Z`;
}

/**
 * Draws a handwritten-looking signature in the box from (`x`, `top`), about `width` wide
 * and `height` tall: a capital's loop, a run of cursive humps of random heights, and an
 * underline flourish. `random` gives the shape; the same sequence gives the same signature.
 */
export function drawSignature(doc: Doc, x: number, top: number, width: number, height: number, random: () => number): void {
  const base = top + height * 0.72;
  const parts: string[] = [];
  // The capital: a tall loop rising from the baseline.
  const capTop = top + height * (0.05 + random() * 0.12);
  parts.push(
    `M ${x} ${base - height * 0.1} C ${x + width * 0.02} ${capTop} ${x + width * 0.16} ${capTop} ${x + width * 0.1} ${base - height * 0.3}` +
      ` C ${x + width * 0.06} ${base} ${x + width * 0.02} ${base} ${x + width * 0.12} ${base - height * 0.15}`,
  );
  // The humps of the rest of the name, each a small loop of its own height.
  let at = x + width * 0.12;
  let y = base - height * 0.15;
  const humps = 6 + Math.floor(random() * 5);
  const step = (width * 0.72) / humps;
  const humpPath: string[] = [`M ${at} ${y}`];
  for (let k = 0; k < humps; k++) {
    const rise = height * (0.18 + random() * (random() < 0.25 ? 0.55 : 0.22));
    const next = at + step * (0.8 + random() * 0.4);
    const nextY = base - height * random() * 0.12;
    humpPath.push(`C ${at + step * 0.1} ${base - rise} ${next - step * 0.6} ${base - rise} ${next - step * 0.25} ${base - rise * 0.2} S ${next} ${nextY + 1} ${next} ${nextY}`);
    at = next;
    y = nextY;
  }
  parts.push(humpPath.join(' '));
  // The flourish: back under the name and out to the right.
  const under = base + height * (0.12 + random() * 0.1);
  parts.push(`M ${at} ${y} C ${at + width * 0.08} ${base + height * 0.2} ${x + width * 0.3} ${under + height * 0.1} ${x + width * 0.05} ${under} Q ${x + width * 0.5} ${under - height * 0.08} ${x + width * (0.95 + random() * 0.05)} ${under - height * 0.12}`);
  doc.save().lineWidth(1.1).lineCap('round').lineJoin('round').strokeColor(SIGNATURE_INK);
  for (const part of parts) doc.path(part).stroke();
  doc.restore();
}
