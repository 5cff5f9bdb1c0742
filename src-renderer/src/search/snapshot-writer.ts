/**
 * The snapshot writer: a worker the search worker starts, that puts the index's snapshot
 * into the archive so the search worker's thread is not held meanwhile (snapshot-writing.ts).
 */
import { errorInWords } from '../../../src-shared/error-words';
import { LetterArchiveDb } from '../archive/db';
import { originPrivateFiles } from './snapshot-files';
import { writeRequested, type SnapshotWriteReply, type SnapshotWriteRequest } from './snapshot-writing';

/** The little of a worker's global scope this file uses (the DOM and WebWorker libs cannot both be loaded). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<SnapshotWriteRequest>) => void): void;
  postMessage(message: SnapshotWriteReply, transfer: ArrayBuffer[]): void;
}

const scope = self as unknown as WorkerScope;
const databases = new Map<string, LetterArchiveDb>();
const files = originPrivateFiles();

scope.addEventListener('message', (event) => {
  const request = event.data;
  let db = databases.get(request.dbName);
  if (!db) databases.set(request.dbName, (db = new LetterArchiveDb(request.dbName)));
  void writeRequested(db, request, files)
    .then(({ reply, transfer }) => scope.postMessage(reply, transfer))
    // Whatever else goes wrong, the search worker hears of it, or its save would never end.
    .catch((error: unknown) => scope.postMessage({ id: request.id, ok: false, message: errorInWords(error), binary: undefined }, []));
});
