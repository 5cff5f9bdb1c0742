import { useEffect } from 'react';
import { errorInWords } from '../../../src-shared/error-words';
import { getSetting, isArchiveEmpty, setSetting } from '../archive/repository';
import { bridgeSource } from '../archive/sources';
import { getBridge } from '../ui/get-bridge';
import type { StartImport } from './use-importer';

export const FIRST_RUN_KEY = 'firstRunDone';

/** The note beside the sample letters on where they come from. */
const SAMPLE_NOTES = 'SOURCE.md';

/**
 * On the very first start, with an empty archive, loads the sample letters so there is
 * something to look at. A plain browser has no sample folder, so it starts empty.
 */
export function useFirstRun(start: StartImport, onError: (message: string) => void): void {
  useEffect(() => {
    const bridge = getBridge();
    if (!bridge) return;
    let live = true;
    (async () => {
      if ((await getSetting<boolean>(FIRST_RUN_KEY)) === true) return;
      if (!(await isArchiveEmpty())) {
        // Letters came in some other way: the samples would only be in the way now.
        if (live) await setSetting(FIRST_RUN_KEY, true);
        return;
      }
      if (!live) return;
      // The folder's SOURCE.md says where the letters come from: it is not a letter, nor a failure to report.
      const report = await start(async () => bridgeSource(bridge, await bridge.sampleFolder(), 'Sample letters', (file) => file !== SAMPLE_NOTES), { sample: true });
      if (report) await setSetting(FIRST_RUN_KEY, true);
    })().catch((error: unknown) => {
      if (live) onError(`The sample letters could not be loaded: ${errorInWords(error)}.`);
    });
    return () => {
      live = false;
    };
    // Once per start, on purpose: a later import must not bring the samples back.
  }, []);
}
