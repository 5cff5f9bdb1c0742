/**
 * Saves a file too large to send in one message (a backup, every letter as JSON): the save
 * dialog first, so nothing is made for a person who cancels; then the file is made as a Blob
 * (whose parts the browser may keep on disk) and sent to main a piece at a time (see
 * StreamedFileKind in bridge.ts), so no piece larger than PIECE_BYTES is ever copied into
 * this page's memory. In a plain browser the Blob is handed over as a download instead.
 */
import { type SaveOutcome, type StreamedSaveRequest } from '../../../src-shared/bridge';
import { errorInWords } from '../../../src-shared/error-words';
import { getBridge } from '../ui/get-bridge';
import { downloadBlob } from './download';

/** Bytes sent to main at a time: well under MAX_SAVE_CHUNK_BYTES. */
const PIECE_BYTES = 4 * 1024 * 1024;

export type StreamedOutcome = SaveOutcome | { status: 'downloaded'; fileName: string };

export interface StreamedProgress {
  /** 'making': the file is being made; 'writing': it is going to disk. */
  stage: 'making' | 'writing';
  done: number;
  total: number;
}

/**
 * Asks where to save, makes the file with `make`, and writes it there. `make` may report
 * its own progress; writing reports bytes.
 */
export async function saveStreamed(request: StreamedSaveRequest, make: () => Promise<Blob>, onProgress?: (progress: StreamedProgress) => void): Promise<StreamedOutcome> {
  const bridge = getBridge();
  const fileName = /\.json$/i.test(request.suggestedName) ? request.suggestedName : `${request.suggestedName}.json`;
  if (!bridge) {
    downloadBlob(fileName, await make());
    return { status: 'downloaded', fileName };
  }
  const start = await bridge.beginSave(request);
  if (start.status !== 'started') return start;
  try {
    const blob = await make();
    for (let at = 0; at < blob.size; at += PIECE_BYTES) {
      onProgress?.({ stage: 'writing', done: at, total: blob.size });
      await bridge.appendSave(start.handle, new Uint8Array(await blob.slice(at, at + PIECE_BYTES).arrayBuffer()));
    }
  } catch (error) {
    // Nothing half-written is left under the file's name.
    await bridge.finishSave(start.handle, false).catch(() => undefined);
    return { status: 'failed', message: `Could not save "${start.path}": ${errorInWords(error)}.` };
  }
  return bridge.finishSave(start.handle, true);
}
