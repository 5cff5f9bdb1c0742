/**
 * Which URLs are the app's own, and the Content-Security-Policy its pages run under.
 * Pure, so the rules that keep the window on the app's own pages are tested without Electron.
 */

/** The custom scheme the built renderer is served from. Its origin must never change: IndexedDB is kept per origin. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'letter-archive';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** Where the packaged window starts. */
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

export { CONTENT_SECURITY_POLICY } from '../../src-shared/content-security-policy';

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for a URL of the app's own pages: `app://letter-archive/…`, and in development
 * also any URL with exactly the dev server's origin (pass `devServerUrl` only when the
 * app is not packaged).
 */
export function isAppUrl(url: unknown, devServerUrl?: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  // Compared by parts: WHATWG URL gives non-special schemes like app: the origin "null".
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password) return true;
  const dev = devServerUrl ? parseUrl(devServerUrl) : null;
  if (!dev || (dev.protocol !== 'http:' && dev.protocol !== 'https:')) return false;
  return parsed.origin === dev.origin;
}

/**
 * True when an IPC message comes from a frame showing the app's own page. The caller
 * also checks that the frame is the main window's main frame.
 */
export function isValidIpcSender(frameUrl: unknown, devServerUrl?: string): boolean {
  return isAppUrl(frameUrl, devServerUrl);
}
