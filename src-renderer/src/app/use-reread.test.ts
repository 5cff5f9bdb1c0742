import { describe, expect, it } from 'vitest';
import { rereadMessage } from './use-reread';

describe('rereadMessage', () => {
  it('says what was read again, what could not be, and what needs its folder again', () => {
    expect(rereadMessage({ reread: 0, failed: 0, withoutText: 0 })).toBeNull();
    expect(rereadMessage({ reread: 1200, failed: 1, withoutText: 3 })?.text).toBe(
      '1,200 letters read again by this version of the app. 1 letter could not be read again and is shown as before. 3 letters read by an earlier version are shown as it read them: import their folders again to bring them up to date.',
    );
  });
});
