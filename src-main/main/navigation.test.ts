import { describe, expect, it } from 'vitest';
import { APP_START_URL, CONTENT_SECURITY_POLICY, isAppUrl, isValidIpcSender } from './navigation';

const DEV = 'http://localhost:5173';

describe('isAppUrl', () => {
  it('accepts the app scheme and host only', () => {
    expect(isAppUrl(APP_START_URL)).toBe(true);
    expect(isAppUrl('app://letter-archive/')).toBe(true);
    expect(isAppUrl('app://letter-archive/assets/index-abc.js?x=1#y')).toBe(true);

    expect(isAppUrl('app://letter-archive.evil.example/')).toBe(false);
    expect(isAppUrl('app://evil.example/letter-archive/')).toBe(false);
    expect(isAppUrl('app://user@letter-archive/')).toBe(false);
    expect(isAppUrl('app://letter-archive@evil.example/')).toBe(false);
    expect(isAppUrl('apps://letter-archive/')).toBe(false);
    expect(isAppUrl('https://letter-archive/')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('about:blank')).toBe(false);
    expect(isAppUrl('javascript:alert(1)')).toBe(false);
    expect(isAppUrl('data:text/html,<p>hi</p>')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(42)).toBe(false);
  });

  it('refuses the dev server unless it is given', () => {
    expect(isAppUrl(`${DEV}/index.html`)).toBe(false);
  });

  it('accepts exactly the dev server origin when given', () => {
    expect(isAppUrl(`${DEV}/`, DEV)).toBe(true);
    expect(isAppUrl(`${DEV}/src/main.tsx?t=1`, `${DEV}/`)).toBe(true);
    expect(isAppUrl(APP_START_URL, DEV)).toBe(true);

    expect(isAppUrl('http://localhost:5174/', DEV)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', DEV)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', DEV)).toBe(false);
    expect(isAppUrl('http://localhost:5173.evil.example/', DEV)).toBe(false);
    expect(isAppUrl('http://localhost/', DEV)).toBe(false);
  });

  it('ignores a dev server URL that is not http(s)', () => {
    expect(isAppUrl('file:///tmp/x', 'file:///tmp/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'nonsense')).toBe(false);
  });
});

describe('isValidIpcSender', () => {
  it('accepts frames on the app pages only', () => {
    expect(isValidIpcSender(APP_START_URL)).toBe(true);
    expect(isValidIpcSender(`${DEV}/`, DEV)).toBe(true);
    expect(isValidIpcSender(`${DEV}/`)).toBe(false);
    expect(isValidIpcSender('https://example.com/')).toBe(false);
    expect(isValidIpcSender('')).toBe(false);
    expect(isValidIpcSender(null)).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the agreed policy, with no remote origins and no eval', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; worker-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe|https?:|\*/);
  });
});
