/**
 * Reads a stylesheet's custom properties for the light palette and the dark one, so the tests
 * check the colours the app really uses. The light palette is the `:root` rule outside any
 * media query; the dark one is `:root` inside `@media … (prefers-color-scheme: dark)`.
 */

export type Scheme = 'light' | 'dark';

/** The bodies of `:root` rules (a selector list that includes `:root`) in a piece of CSS without nested blocks. */
function rootBlocks(css: string): string[] {
  const blocks: string[] = [];
  for (const match of css.matchAll(/([^{}]*)\{([^{}]*)\}/g)) {
    const selectors = (match[1] ?? '').split(',').map((s) => s.replace(/\/\*[\s\S]*?\*\//g, '').trim());
    if (selectors.includes(':root')) blocks.push(match[2] ?? '');
  }
  return blocks;
}

/** The text inside the `@media` rules whose condition asks for the dark scheme, and the text outside them. */
function splitByDarkMedia(css: string): { outside: string; dark: string } {
  let outside = '';
  let dark = '';
  let at = 0;
  for (const match of css.matchAll(/@media[^{]*\{/g)) {
    const start = match.index;
    if (start < at) continue;
    let depth = 1;
    let end = start + match[0].length;
    while (depth > 0 && end < css.length) {
      if (css[end] === '{') depth += 1;
      else if (css[end] === '}') depth -= 1;
      end += 1;
    }
    outside += css.slice(at, start);
    if (/prefers-color-scheme:\s*dark/.test(match[0])) dark += css.slice(start + match[0].length, end - 1);
    at = end;
  }
  outside += css.slice(at);
  return { outside, dark };
}

function declarations(blocks: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const block of blocks) {
    for (const match of block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) found.set(match[1]!, match[2]!.trim());
  }
  return found;
}

/** Custom properties of one palette; the dark palette falls back to the light value of what it does not set. */
export function paletteOf(css: string, scheme: Scheme): Map<string, string> {
  const { outside, dark } = splitByDarkMedia(css.replace(/\/\*[\s\S]*?\*\//g, ''));
  const light = declarations(rootBlocks(outside));
  if (scheme === 'light') return light;
  return new Map([...light, ...declarations(rootBlocks(dark))]);
}
