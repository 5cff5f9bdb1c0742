import { useEffect, useState } from 'react';
import { errorInWords } from '../../../src-shared/error-words';
import { PARSER_VERSION } from '../../../src-shared/letters/parser-version';
import { getSetting, setSetting } from '../archive/repository';
import { rereadStaleLetters, staleLetters, type RereadOutcome, type RereadProgress } from '../archive/reread-letters';
import type { Message } from '../components/status-message';
import { countOf } from '../ui/format';

/** What the person is told when the reading is over. */
export function rereadMessage(outcome: RereadOutcome): Message | null {
  const parts: string[] = [];
  if (outcome.reread > 0) parts.push(`${countOf(outcome.reread, 'letter')} read again by this version of the app.`);
  if (outcome.failed > 0) parts.push(`${countOf(outcome.failed, 'letter')} could not be read again and ${outcome.failed === 1 ? 'is' : 'are'} shown as before.`);
  if (outcome.withoutText > 0) {
    parts.push(
      `${countOf(outcome.withoutText, 'letter')} read by an earlier version ${outcome.withoutText === 1 ? 'is' : 'are'} shown as it read them: import ${outcome.withoutText === 1 ? 'its folder' : 'their folders'} again to bring them up to date.`,
    );
  }
  return parts.length > 0 ? { text: parts.join(' '), tone: 'info' } : null;
}

/** The parser version the person was last told about letters that cannot be read again without their files. */
const TOLD_WITHOUT_TEXT_KEY = 'toldLettersWithoutText';

/**
 * When the window opens on an archive that an older version of the parser read, reads
 * those letters again in the background, and says how far it has got and how it went.
 * Letters with no text kept are named once for each version of the parser, not at every start.
 */
export function useReread(): { progress: RereadProgress | null; message: Message | null; clearMessage: () => void } {
  const [progress, setProgress] = useState<RereadProgress | null>(null);
  const [message, setMessage] = useState<Message | null>(null);

  useEffect(() => {
    let live = true;
    const abort = new AbortController();
    (async () => {
      const stale = await staleLetters();
      const told = (await getSetting<number>(TOLD_WITHOUT_TEXT_KEY)) === PARSER_VERSION;
      if (stale.readable.length === 0 && (told || stale.withoutText.length === 0)) return;
      const outcome = await rereadStaleLetters({ signal: abort.signal, onProgress: (p) => live && setProgress(p) });
      if (told) outcome.withoutText = 0;
      else if (outcome.withoutText > 0) await setSetting(TOLD_WITHOUT_TEXT_KEY, PARSER_VERSION);
      if (live) setMessage(rereadMessage(outcome));
    })()
      .catch((error: unknown) => {
        if (live) setMessage({ text: `The letters could not be read again: ${errorInWords(error)}. They are shown as they were read before; the app tries again when it next opens.`, tone: 'error' });
      })
      .finally(() => {
        if (live) setProgress(null);
      });
    return () => {
      live = false;
      abort.abort();
    };
  }, []);

  return { progress, message, clearMessage: () => setMessage(null) };
}
