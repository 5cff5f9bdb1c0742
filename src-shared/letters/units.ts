/** Body blocks as units of text the section parsers walk through. */
import type { Block as TextBlock } from './text-lines';
import { endsOpen, startsMidSentence } from './text-lines';
import type { Block } from './letter';

export interface Unit {
  text: string;
  bullet: boolean;
}

/**
 * Puts back sentences that a page break split into two blocks, then turns blocks into
 * units: each bullet and each tabbed table row on its own, other lines of a block as one paragraph.
 */
export function toUnits(blocks: TextBlock[]): Unit[] {
  const merged: TextBlock[] = [];
  for (const block of blocks) {
    const previous = merged[merged.length - 1];
    const last = previous?.[previous.length - 1];
    const first = block[0];
    if (previous && last && first && !first.bullet && endsOpen(last.text) && startsMidSentence(first.text) && last.text.length > 40) {
      last.text = `${last.text} ${first.text}`;
      previous.push(...block.slice(1));
    } else {
      merged.push(block.map((line) => ({ ...line })));
    }
  }

  const units: Unit[] = [];
  for (const block of merged) {
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length > 0) units.push({ text: paragraph.join(' '), bullet: false });
      paragraph = [];
    };
    for (const line of block) {
      if (line.bullet || line.text.includes('\t')) {
        flush();
        units.push({ text: line.text, bullet: line.bullet });
      } else paragraph.push(line.text);
    }
    flush();
  }
  return units;
}

/** Adds a unit to a section's body: bullets gather into the list before them, other text is a paragraph. */
export function appendBlock(blocks: Block[], unit: Unit): void {
  if (unit.bullet) {
    const last = blocks[blocks.length - 1];
    if (last?.type === 'list') last.items.push(unit.text);
    else blocks.push({ type: 'list', items: [unit.text] });
  } else blocks.push({ type: 'paragraph', text: unit.text.replace(/\t+/g, ' ') });
}
