/**
 * The search worker: holds the section index so building and searching it never freeze
 * the UI. It opens the archive's database itself and keeps the index in step with it.
 */
import { LetterArchiveDb } from '../archive/db';
import { lettersFromJson } from '../../../src-shared/letters/letter-json';
import { indexedLetter, type IndexedLetter } from './search-index';
import type { SearchReply, SearchRequest, StagedLetters } from './search-messages';
import { SearchService } from './search-service';
import { originPrivateFiles } from './snapshot-files';
import { snapshotWriter } from './snapshot-writing';

/** The little of a worker's global scope this file uses (the DOM and WebWorker libs cannot both be loaded). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<SearchRequest>) => void): void;
  postMessage(message: SearchReply): void;
}

const scope = self as unknown as WorkerScope;
let service: SearchService | null = null;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The letters a parse worker staged, as the index reads them; none from a message that is not as sent. */
function stagedLetters(message: Partial<StagedLetters> | undefined): IndexedLetter[] {
  try {
    return lettersFromJson(String(message?.lettersJson)).map(indexedLetter);
  } catch (error) {
    logFailure('staging letters')(error);
    return [];
  }
}

function logFailure(what: string): (error: unknown) => void {
  return (error) => console.error(`Search index: ${what} failed`, error);
}

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type === 'init') {
    if (service) return;
    const db = new LetterArchiveDb(message.dbName);
    const files = originPrivateFiles();
    service = new SearchService(db, {
      snapshotFiles: files,
      warmUp: true,
      onActivity: (activity) => scope.postMessage({ type: 'activity', activity }),
      // Snapshots are put from a worker of their own, so searches are answered meanwhile.
      writeSnapshot: snapshotWriter(db, () => new Worker(new URL('./snapshot-writer.ts', import.meta.url), { type: 'module' }), files),
    });
    // Load or build straight away, so the first search does not wait for it.
    service
      .info()
      .then((info) => scope.postMessage({ type: 'ready', info }))
      .catch(logFailure('loading'));
    return;
  }
  if (!service) {
    if (message.type === 'run' || message.type === 'info') scope.postMessage({ type: 'error', id: message.id, message: 'the search index was not started' });
    return;
  }
  switch (message.type) {
    case 'added':
      service.add(message.letterIds).catch(logFailure('adding letters'));
      break;
    case 'staging': {
      const staging = service;
      message.port.addEventListener('message', (event: MessageEvent<StagedLetters>) => staging.stage(stagedLetters(event.data)));
      message.port.start();
      break;
    }
    case 'importing':
      service.setImporting(message.active);
      break;
    case 'remove':
      service.remove(message.letterIds).catch(logFailure('removing letters'));
      break;
    case 'replace':
      service.replace(message.letterIds).catch(logFailure('indexing letters read again'));
      break;
    case 'run':
      service.search(message.query, { letters: message.letters, offset: message.offset }).then(
        (response) => scope.postMessage({ type: 'result', id: message.id, response }),
        (error: unknown) => scope.postMessage({ type: 'error', id: message.id, message: describe(error) }),
      );
      break;
    case 'info':
      service.info().then(
        (info) => scope.postMessage({ type: 'info', id: message.id, info }),
        (error: unknown) => scope.postMessage({ type: 'error', id: message.id, message: describe(error) }),
      );
      break;
  }
});
