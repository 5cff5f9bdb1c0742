/**
 * Serves the built renderer on `app://letter-archive/`. Pure Node (no Electron), so the
 * rules that keep requests inside the renderer's folder are tested directly.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../folder/walk-folder';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY } from './navigation';

/** A file of the built renderer a request may be answered with. */
export interface AppFile {
  filePath: string;
  contentType: string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** The Content-Type for a file, by its extension; unknown kinds are plain bytes. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file inside `rendererDir` that `requestUrl` names, or null when the URL is not
 * the app's or its path could lead anywhere else. `/` means index.html.
 *
 * Chromium already folds `..` out of standard-scheme URLs; this does not rely on it.
 * The path is taken from the raw URL (WHATWG parsing would fold `%2e%2e` away unseen),
 * decoded once, and refused when any part of it is `.`, `..` or empty, or holds a
 * backslash, a colon (drive letters, alternate data streams) or a control character.
 */
export function resolveAppRequest(requestUrl: string, rendererDir: string): AppFile | null {
  const prefix = `${APP_ORIGIN}/`;
  if (typeof requestUrl !== 'string' || !requestUrl.startsWith(prefix)) return null;
  const rawPath = requestUrl.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  if (rawPath.includes('\\')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\\:\u0000-\u001f\u007f]/.test(decoded)) return null;
  const segments = decoded === '' ? ['index.html'] : decoded.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return null;
  const root = path.resolve(rendererDir);
  const filePath = path.join(root, ...segments);
  if (filePath === root || !isInside(root, filePath)) return null;
  return { filePath, contentType: contentTypeFor(filePath) };
}

/** Headers for a served file: the CSP, and no guessing of types. */
export function responseHeaders(file: AppFile): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': file.contentType, 'X-Content-Type-Options': 'nosniff' };
  // On every response: a module worker takes its policy from its own script's response.
  headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  return headers;
}

/** Answers one request to the app scheme from the files in `rendererDir`. Never throws. */
export async function serveAppRequest(request: { url: string; method: string }, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
  const file = resolveAppRequest(request.url, rendererDir);
  if (!file) return new Response(null, { status: 404 });
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await fs.readFile(file.filePath);
  } catch {
    return new Response(null, { status: 404 });
  }
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: responseHeaders(file) });
}
