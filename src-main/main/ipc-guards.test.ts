import { describe, expect, it } from 'vitest';
import { expectArgCount, expectString, expectStringArray, isTrustedSender, type FrameLike } from './ipc-guards';

const main: FrameLike = { processId: 4, frameToken: 'token-main', url: 'app://letter-archive/index.html' };

describe('isTrustedSender', () => {
  it('trusts the main frame on an app page', () => {
    expect(isTrustedSender({ ...main }, main)).toBe(true);
  });

  it('refuses other frames, detached frames, missing frames and foreign pages', () => {
    expect(isTrustedSender({ ...main, frameToken: 'token-child' }, main)).toBe(false);
    expect(isTrustedSender({ ...main, processId: 5 }, main)).toBe(false);
    expect(isTrustedSender({ ...main, detached: true }, main)).toBe(false);
    expect(isTrustedSender(null, main)).toBe(false);
    expect(isTrustedSender(main, undefined)).toBe(false);
    expect(isTrustedSender({ ...main, url: 'https://example.com/' }, { ...main, url: 'https://example.com/' })).toBe(false);
  });

  it('trusts the dev server only when told its URL', () => {
    const dev = { ...main, url: 'http://localhost:5173/' };
    expect(isTrustedSender(dev, dev)).toBe(false);
    expect(isTrustedSender(dev, dev, 'http://localhost:5173')).toBe(true);
  });
});

describe('argument checks', () => {
  it('count arguments', () => {
    expect(() => expectArgCount([], 0)).not.toThrow();
    expect(() => expectArgCount(['x'], 0)).toThrow(TypeError);
    expect(() => expectArgCount(['x'], 2)).toThrow(TypeError);
  });

  it('check strings and lists of strings', () => {
    expect(expectString('a', 'root')).toBe('a');
    expect(() => expectString(1, 'root')).toThrow(/root must be a string/);
    expect(expectStringArray(['a', 'b'], 'paths')).toEqual(['a', 'b']);
    expect(() => expectStringArray('a', 'paths')).toThrow(TypeError);
    expect(() => expectStringArray(['a', 2], 'paths')).toThrow(TypeError);
    expect(() => expectStringArray({ length: 0 }, 'paths')).toThrow(TypeError);
  });
});
