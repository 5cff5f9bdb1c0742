// @vitest-environment node
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { archiveOfVersion, getDb, openFreshDbForTests, toTextRow } from './db';
import { inPackOrder, keepTexts, PACK_BYTES, packTexts, readTexts, takeTexts, type TextToKeep } from './text-packs';

let dbCount = 0;
beforeEach(() => {
  openFreshDbForTests(`text-packs-test-${++dbCount}`);
});

/** A text of `bytes` bytes of UTF-8 (its pound sign is two), named `id`. */
function textOf(id: string, bytes: number, pdf = false): TextToKeep {
  const text = `${id} £`.padEnd(bytes - 1, 'x');
  return toTextRow(id, pdf ? { text, pdf: { pages: [1, 2], pageCount: 2, notes: ['page 3 could not be read'] } } : { text });
}

let packs = 0;
const packId = () => `pack-${++packs}`;

describe('packing texts', () => {
  it('lays texts end to end in packs of at most PACK_BYTES, in order; a longer text has a pack to itself', () => {
    const quarter = PACK_BYTES / 4;
    const texts = [textOf('a', quarter), textOf('b', quarter), textOf('c', quarter), textOf('d', quarter), textOf('e', 10), textOf('f', PACK_BYTES + 5), textOf('g', 7, true)];
    const { packs, rows } = packTexts(texts, packId);
    expect(packs.map((p) => p.utf8.byteLength)).toEqual([4 * quarter, 10, PACK_BYTES + 5, 7]);
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(rows.map((r) => ('pack' in r ? [packs.findIndex((p) => p.id === r.pack), r.at, r.length] : null))).toEqual([
      [0, 0, quarter],
      [0, quarter, quarter],
      [0, 2 * quarter, quarter],
      [0, 3 * quarter, quarter],
      [1, 0, 10],
      [2, 0, PACK_BYTES + 5],
      [3, 0, 7],
    ]);
    expect(rows[6]!.pdf).toEqual({ pages: [1, 2], pageCount: 2, notes: ['page 3 could not be read'] });
    expect(packTexts([], packId)).toEqual({ packs: [], rows: [] });
  });

  it('reads back each text as it was kept, beside rows kept whole before packs, and nothing for a letter with none', async () => {
    const db = getDb();
    const texts = Array.from({ length: 120 }, (_, i) => textOf(`t${i}`, 20_000 + i * 7, i % 9 === 0));
    await db.transaction('rw', [db.texts, db.textPacks], () => keepTexts(db, texts));
    await db.texts.bulkPut([toTextRow('whole', { text: 'Dear Director – £5' }), { id: 'string', text: 'Kept as a string' }]);
    expect(await db.textPacks.count()).toBe(3);

    const ids = ['string', ...texts.map((t) => t.id).reverse(), 'none', 'whole'];
    const read = await readTexts(db, ids);
    const decoder = new TextDecoder();
    expect(read).toEqual([
      { text: 'Kept as a string' },
      ...[...texts].reverse().map(({ utf8, pdf }) => (pdf ? { text: decoder.decode(utf8), pdf } : { text: decoder.decode(utf8) })),
      undefined,
      { text: 'Dear Director – £5' },
    ]);
  });

  it('reads no text for a letter whose pack is gone, rather than something else', async () => {
    const db = getDb();
    await db.transaction('rw', [db.texts, db.textPacks], () => keepTexts(db, [textOf('a', 100)]));
    await db.textPacks.clear();
    expect(await readTexts(db, ['a'])).toEqual([undefined]);
  });

  it('takes texts out with bytes of their own, writes the rest of each pack anew without them, and deletes a pack left empty', async () => {
    const db = getDb();
    const third = Math.floor(PACK_BYTES / 3);
    const texts = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => textOf(id, third, id === 'b'));
    await db.transaction('rw', [db.texts, db.textPacks], () => keepTexts(db, texts));
    await db.texts.put({ id: 'old', text: 'Kept as a string' });
    const packOf = async (id: string) => ((await db.texts.get(id)) as { pack?: string } | undefined)?.pack;
    const [first, second] = [await packOf('a'), await packOf('d')];
    expect(first).not.toBe(second);

    // b from the first pack; d, e and f, the whole of the second; and a text kept before packs.
    const taken = await db.transaction('rw', [db.texts, db.textPacks], () => takeTexts(db, ['b', 'd', 'e', 'f', 'old', 'none']));
    expect(taken).toEqual([texts[1], texts[3], texts[4], texts[5], toTextRow('old', { text: 'Kept as a string' })]);
    // Bytes of their own, not views into a pack that is gone.
    expect(taken.every((t) => t.utf8.byteOffset === 0 && t.utf8.buffer.byteLength === t.utf8.byteLength)).toBe(true);
    expect(await db.texts.count()).toBe(2);
    const packs = await db.textPacks.toArray();
    expect(packs).toHaveLength(1);
    expect([first, second]).not.toContain(packs[0]!.id);
    expect(packs[0]!.utf8.byteLength).toBe(2 * third);
    expect(new TextDecoder().decode(packs[0]!.utf8)).not.toContain('b £');
    expect(await readTexts(db, ['a', 'c', 'b'])).toEqual([{ text: new TextDecoder().decode(texts[0]!.utf8) }, { text: new TextDecoder().decode(texts[2]!.utf8) }, undefined]);

    // Kept again, as an undo does.
    await db.transaction('rw', [db.texts, db.textPacks], () => keepTexts(db, taken));
    expect((await readTexts(db, ['b', 'old'])).map((t) => t?.text.slice(0, 4))).toEqual(['b £x', 'Kept']);
    expect((await readTexts(db, ['b']))[0]!.pdf).toEqual(texts[1]!.pdf);
  });

  it('drops a row that points past its pack when the pack is written anew, rather than leave it pointing at nothing', async () => {
    const db = getDb();
    await db.transaction('rw', [db.texts, db.textPacks], () => keepTexts(db, [textOf('a', 100), textOf('b', 100)]));
    const pack = ((await db.texts.get('a')) as { pack: string }).pack;
    await db.texts.put({ id: 'broken', pack, at: 150, length: 100 });
    await db.transaction('rw', [db.texts, db.textPacks], () => takeTexts(db, ['a']));
    expect(((await db.texts.toCollection().primaryKeys()) as string[]).sort()).toEqual(['b']);
    expect((await readTexts(db, ['b']))[0]!.text.slice(0, 3)).toBe('b £');
  });

  it('orders letters so that those sharing a pack come together, letters without a pack in the order given', async () => {
    const db = getDb();
    const half = PACK_BYTES / 2;
    await db.transaction('rw', [db.texts, db.textPacks], () => keepTexts(db, [textOf('a', half), textOf('b', half), textOf('c', half), textOf('d', half)]));
    await db.texts.put(toTextRow('old', { text: 'old' }));
    const ordered = await inPackOrder(db, ['c', 'old', 'a', 'd', 'none', 'b']);
    expect(ordered.slice(0, 2)).toEqual(['old', 'none']);
    const rows = await db.texts.bulkGet(ordered.slice(2));
    const packOf = rows.map((row) => (row && 'pack' in row ? row.pack : ''));
    expect(packOf[0]).toBe(packOf[1]);
    expect(packOf[2]).toBe(packOf[3]);
    expect(new Set(packOf).size).toBe(2);
  });

  it('reads the texts an archive of version 5 kept, each in a row of its own, once the archive is opened by this version', async () => {
    const name = `text-packs-test-old-${++dbCount}`;
    const old = archiveOfVersion(name, 5);
    await old.table('texts').bulkPut([toTextRow('a', { text: 'Dear Director – a' }), { id: 'b', text: 'Dear Director, b' }]);
    old.close();

    const db = openFreshDbForTests(name);
    await db.transaction('rw', [db.texts, db.textPacks], () => keepTexts(db, [textOf('c', 50)]));
    expect((await readTexts(db, ['a', 'b', 'c'])).map((t) => t?.text.slice(0, 16))).toEqual(['Dear Director – ', 'Dear Director, b', 'c £xxxxxxxxxxxxx']);
    expect(await inPackOrder(db, ['c', 'a', 'b'])).toEqual(['a', 'b', 'c']);
  });
});
