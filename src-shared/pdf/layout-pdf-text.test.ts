import { describe, expect, it } from 'vitest';
import { layoutPdfText } from './layout-pdf-text';
import type { PdfTextItem } from './pdf-text';
import { flow, page, run, widthOf } from './test-support/place';

const LEFT = 72;
const WIDTH = 450;
const PROSE =
  'The council delivers good services for children and young people, has a track record of achieving good improvement and is making faster progress relative to the performance of other councils. It has demonstrated that it is accurate in assessing the quality of its services.';
const MORE =
  'Teenage pregnancy rates are above national averages. Figures have declined year-on-year since 2002 and are now very close to statistical neighbours, and a strategy has clear plans to reduce them further.';

function paragraphs(text: string): string[] {
  return text.split('\n\n');
}

describe('lines and words', () => {
  it('puts runs on one baseline into one line, with a space only where the gap is a space', () => {
    const items = [run('Chil', 72, 100), run('dren', 72 + widthOf('Chil'), 100.3), run('services', 72 + widthOf('Children '), 99.8)];
    expect(layoutPdfText([page(items)]).text).toBe('Children services');
  });

  it('reads lines top to bottom and runs left to right, whatever order they come in', () => {
    const items = [run('second line', 72, 130), run('first', 72, 100), run('line', 72 + widthOf('first '), 100)];
    expect(paragraphs(layoutPdfText([page(items)]).text)).toEqual(['first line', 'second line']);
  });

  it('spells out ligatures', () => {
    expect(layoutPdfText([page([run('ﬁnancial eﬀects', 72, 100)])]).text).toBe('financial effects');
  });

  it('drops a run drawn twice on top of itself', () => {
    const items = [run('Being healthy', 72, 100), run('Being healthy', 72.3, 100)];
    expect(layoutPdfText([page(items)]).text).toBe('Being healthy');
  });
});

describe('paragraphs', () => {
  it('joins the wrapped lines of a justified paragraph, word by word or line by line', () => {
    for (const byWord of [false, true]) {
      const first = flow(PROSE, { x: LEFT, width: WIDTH, y: 100, justify: true, byWord });
      const second = flow(MORE, { x: LEFT, width: WIDTH, y: first.nextY + 8, justify: true, byWord });
      expect(first.lines).toBeGreaterThan(2);
      expect(paragraphs(layoutPdfText([page([...first.items, ...second.items])]).text)).toEqual([PROSE, MORE]);
    }
  });

  it('parts paragraphs set without spacing by their indented first lines', () => {
    const first = flow(PROSE, { x: LEFT, width: WIDTH, y: 100 });
    const indented = flow(MORE, { x: LEFT, width: WIDTH, y: first.nextY });
    indented.items[0]!.x += 20;
    expect(paragraphs(layoutPdfText([page([...first.items, ...indented.items])]).text)).toEqual([PROSE, MORE]);
  });

  it('keeps short lines apart: an address is not a paragraph', () => {
    const address = ['Mr Colin Green', 'Director of Children, Learning and Young People', 'Coventry City Council', 'Civic Centre 1'];
    const items = address.map((line, i) => run(line, LEFT, 200 + i * 12));
    const body = flow(PROSE, { x: LEFT, width: WIDTH, y: 260, justify: true });
    expect(paragraphs(layoutPdfText([page([...items, ...body.items])]).text)).toEqual([...address, PROSE]);
  });

  it('joins a word hyphenated at a line end, keeping its hyphen', () => {
    const items = [run('A ' + 'x'.repeat(80) + ' well-', LEFT, 100), run('being service.', LEFT, 112)];
    // The first line reaches the margin, so the second carries it on.
    const wide = flow(PROSE, { x: LEFT, width: widthOf('A ' + 'x'.repeat(80) + ' well-'), y: 160, justify: true });
    const text = layoutPdfText([page([...items, ...wide.items])]).text;
    expect(paragraphs(text)[0]).toBe('A ' + 'x'.repeat(80) + ' well-being service.');
  });

  it('mends a paragraph that a page break cut in two, past the footer and the next page’s header', () => {
    const all = flow(PROSE + ' ' + MORE, { x: LEFT, width: WIDTH, y: 700, justify: true });
    const onFirst = all.items.filter((item) => item.y < 740);
    const onSecond = all.items.filter((item) => item.y >= 740).map((item) => ({ ...item, y: item.y - 660 }));
    const pages = [
      page([...onFirst, run('Page 1 of 2', 270, 810)]),
      page([run('Coventry City Council annual performance assessment 2007', LEFT, 40, 8), ...onSecond, run('Page 2 of 2', 270, 810)]),
    ];
    const layout = layoutPdfText(pages);
    expect(layout.text).toBe(PROSE + ' ' + MORE);
    expect(layout.paragraphs).toEqual([{ lines: [PROSE + ' ' + MORE], page: 1 }]);
  });

  it('drops page numbers and lines repeated at the same place on every page, and keeps body lines that repeat elsewhere', () => {
    const pageWith = (n: number, body: string) =>
      page([run('Ref: APA/2007/331', LEFT, 30, 10), run('Grade 3', LEFT, 200 + n * 40), run(body, LEFT, 400), run(`- ${n} -`, 290, 820)]);
    const text = layoutPdfText([pageWith(1, 'One.'), pageWith(2, 'Two.'), pageWith(3, 'Three.')]).text;
    expect(paragraphs(text)).toEqual(['Grade 3', 'One.', 'Grade 3', 'Two.', 'Grade 3', 'Three.']);
  });

  it('reads a footnote after the paragraph it interrupts, and mends the paragraph across the page break', () => {
    // The note sits above the bottom margin, where page furniture is not looked for.
    const all = flow(`${PROSE} ${MORE}`, { x: LEFT, width: WIDTH, y: 680, justify: true });
    const onFirst = all.items.filter((item) => item.y < 710);
    const onSecond = all.items.filter((item) => item.y >= 710).map((item) => ({ ...item, y: item.y - 620 }));
    const note = '1 National Indicator Set, 2008.';
    const pages = [page([...onFirst, run(note, LEFT, 728, 8), run('Page 1 of 2', 270, 810)]), page([...onSecond, run('Page 2 of 2', 270, 810)])];
    expect(paragraphs(layoutPdfText(pages).text)).toEqual([`${PROSE} ${MORE}`, note]);
  });

  it('mends page breaks although one page reaches lower than the others', () => {
    // Two paragraphs, each across a page break; page 2 also ends lower, with a line of its own.
    const first = flow(`${PROSE} ${MORE}`, { x: LEFT, width: WIDTH, y: 100, justify: true });
    const second = flow(`${MORE} ${PROSE}`, { x: LEFT, width: WIDTH, y: 100, justify: true });
    const half = (items: PdfTextItem[], top: boolean) => items.filter((item) => (item.y < 140) === top).map((item) => ({ ...item, y: top ? item.y : item.y - 50 }));
    const pages = [
      page(half(first.items, true)),
      page([...half(first.items, false), run('Signed for the record.', LEFT, 400)]),
      page(half(second.items, true)),
      page(half(second.items, false)),
    ];
    expect(paragraphs(layoutPdfText(pages).text)).toEqual([`${PROSE} ${MORE}`, 'Signed for the record.', `${MORE} ${PROSE}`]);
  });

  it('keeps a table in small type at the foot of one page and the head of the next', () => {
    const before = flow(PROSE, { x: LEFT, width: WIDTH, y: 600, justify: true });
    const row = (key: string, words: string, y: number) => [run(key, LEFT, y, 8), run(words, LEFT + 40, y, 8)];
    const pages = [
      page([...before.items, ...row('4', 'Performs excellently', 745), ...row('3', 'Performs well', 757), run('Page 1 of 2', 270, 810)]),
      page([...row('2', 'Performs adequately', 60), ...row('1', 'Performs poorly', 72), ...flow(MORE, { x: LEFT, width: WIDTH, y: 110, justify: true }).items]),
    ];
    expect(paragraphs(layoutPdfText(pages).text)).toEqual([
      PROSE,
      '4\tPerforms excellently',
      '3\tPerforms well',
      '2\tPerforms adequately',
      '1\tPerforms poorly',
      MORE,
    ]);
  });

  it('keeps bullets as list items, each with its wrapped lines', () => {
    const item1 = flow('Improving the success rates for young people, especially those aged 16 and those looked after by the council.', {
      x: LEFT + 18,
      width: WIDTH - 18,
      y: 100,
    });
    const item2 = flow('Expanding the range of vocational education options.', { x: LEFT + 18, width: WIDTH - 18, y: item1.nextY + 4 });
    const items = [run('•', LEFT, 100), ...item1.items, run('•', LEFT, item1.nextY + 4), ...item2.items];
    expect(paragraphs(layoutPdfText([page(items)]).text)).toEqual([
      '• Improving the success rates for young people, especially those aged 16 and those looked after by the council.',
      '• Expanding the range of vocational education options.',
    ]);
  });
});

describe('columns and tables', () => {
  it('reads a two-column letterhead, above the first paragraph, one column at a time', () => {
    const address = ['Alexandra House', '33 Kingsway', 'London WC2B 6SE'];
    const contact = ['T 08456 40 40 40', 'enquiries@ofsted.gov.uk', 'www.ofsted.gov.uk', 'Direct T 0115 944 9193', 'Direct F 0115 944 9307'];
    const body = flow(PROSE, { x: LEFT, width: WIDTH, y: 170, justify: true });
    const items = [
      ...address.map((line, i) => run(line, 330, 40 + i * 10, 8)),
      ...contact.map((line, i) => run(line, 430, 40 + i * 10, 8)),
      run('26 November 2007', LEFT, 140),
      ...body.items,
    ];
    expect(layoutPdfText([page(items)]).text).toBe([address.join('\n'), contact.join('\n'), '26 November 2007', PROSE].join('\n\n'));
  });

  it('reads the rating scale row by row, each wrapped cell whole, with tabs between cells', () => {
    const rows = [
      ['4', 'Performs excellently', 'An organisation that significantly exceeds minimum requirements'],
      ['3', 'Performs well', 'An organisation that exceeds minimum requirements'],
    ];
    const columns = [LEFT + 4, LEFT + 34, LEFT + 174];
    const widths = [22, 132, 270];
    const items: PdfTextItem[] = [];
    let y = 100;
    for (const row of rows) {
      let lines = 1;
      row.forEach((cell, j) => {
        const placed = flow(cell, { x: columns[j]!, width: widths[j]!, y });
        items.push(...placed.items);
        lines = Math.max(lines, placed.lines);
      });
      y += lines * 12 + 9;
    }
    expect(layoutPdfText([page([run('The annual rating derives from a four point scale:', LEFT, 80), ...items])]).text).toBe(
      ['The annual rating derives from a four point scale:', ...rows.map((r) => r.join('\t'))].join('\n\n'),
    );
  });

  it('reads a table without padding row by row when its first column holds keys', () => {
    const items: PdfTextItem[] = [];
    for (const [i, [key, value]] of [
      ['4', 'Performs excellently'],
      ['3', 'Performs well'],
      ['2', 'Performs adequately'],
    ].entries()) {
      items.push(run(key!, LEFT, 100 + i * 12), run(value!, LEFT + 40, 100 + i * 12));
    }
    expect(paragraphs(layoutPdfText([page(items)]).text)).toEqual(['4\tPerforms excellently', '3\tPerforms well', '2\tPerforms adequately']);
  });

  it('reads the rating box and a heading with its grade beside it, below the first paragraph, as rows', () => {
    const before = flow(MORE, { x: LEFT, width: WIDTH, y: 40, justify: true });
    const body = flow(PROSE, { x: LEFT, width: WIDTH, y: 200, justify: true });
    const items = [
      ...before.items,
      run("Children's services rating", LEFT + 4, 100),
      run('Performs well (3)', LEFT + 230, 100),
      run('Being healthy', LEFT, 170),
      run('Grade 3', LEFT + 400, 170),
      ...body.items,
    ];
    expect(paragraphs(layoutPdfText([page(items)]).text)).toEqual([MORE, "Children's services rating\tPerforms well (3)", 'Being healthy\tGrade 3', PROSE]);
  });

  it('does not cut a loosely justified line of a paragraph at its wide gaps', () => {
    const words = ['Outcomes', 'for', 'children', 'are', 'good.'];
    const full = `${'a'.repeat(44)} ${'b'.repeat(45)}`;
    // A line of few words spread over the whole width, after a full line: gaps of several ems.
    const gap = (WIDTH - widthOf(words.join(''))) / (words.length - 1);
    let x = LEFT;
    const spread = words.map((word) => {
      const item = run(word, x, 112);
      x += widthOf(word) + gap;
      return item;
    });
    const tail = run('and the rest of the sentence ends here.', LEFT, 124);
    expect(layoutPdfText([page([run(full, LEFT, 100), ...spread, tail])]).text).toBe(
      `${full} ${words.join(' ')} and the rest of the sentence ends here.`,
    );
  });
});
