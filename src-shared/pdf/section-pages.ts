/**
 * Which page of the PDF each section of a letter starts on. The parser works on text, so
 * each section is found again, in order, among the laid-out paragraphs, which know their
 * pages: by its heading, or else by the start of its first paragraph.
 */
import type { Section } from '../letters/letter';
import type { LaidOutParagraph } from './paragraphs';

/** Letters and digits only, lower-cased: immune to lost apostrophes, capitals, tabs and spacing. */
function key(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Enough of a paragraph's start to find it again. */
const PROBE_LENGTH = 40;

function firstText(section: Section): string | null {
  for (const block of section.paragraphs) {
    const text = block.type === 'paragraph' ? block.text : block.items[0];
    if (text && key(text).length > 0) return text;
  }
  return section.recommendations[0]?.text ?? section.areasForDevelopment[0] ?? null;
}

/** The sections with the page each starts on; a section that cannot be found takes the page of the one before. */
export function withSectionPages(sections: Section[], paragraphs: LaidOutParagraph[]): Section[] {
  const keys = paragraphs.map((p) => key(p.lines.join(' ')));
  let from = 0;
  let page = paragraphs[0]?.page ?? 1;
  return sections.map((section) => {
    const heading = key(section.heading);
    let at = heading.length > 0 ? keys.findIndex((k, i) => i >= from && k.startsWith(heading)) : -1;
    if (at === -1) {
      const text = firstText(section);
      const probe = text ? key(text).slice(0, PROBE_LENGTH) : '';
      if (probe.length > 0) at = keys.findIndex((k, i) => i >= from && k.includes(probe));
    }
    if (at !== -1) {
      from = at;
      page = paragraphs[at]!.page;
    }
    return { ...section, page };
  });
}
