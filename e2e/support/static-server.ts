/** Serves the built renderer over http://127.0.0.1, as the app:// protocol serves it in Electron. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Where the archive's stand-in hands over file bytes: one path per readFiles call, served once. */
export const BRIDGE_BYTES_PATH = '/__bridge-bytes/';
const offered = new Map<string, { bytes: Buffer; at: number }>();
let nextOffer = 1;
/** Bytes a page never fetched (it closed mid-import) are let go after this long. */
const OFFER_LIFE_MS = 60_000;

/**
 * Offers bytes to the page, once, at the path returned, on any server this module runs in
 * this process: so the stand-in's file reads reach the page as binary over HTTP, much as
 * Electron's IPC hands them over, rather than as base64 through the debugging protocol.
 */
export function offerBytes(bytes: Buffer): string {
  const now = Date.now();
  for (const [token, offer] of offered) if (now - offer.at > OFFER_LIFE_MS) offered.delete(token);
  const token = `${nextOffer++}-${Math.random().toString(36).slice(2)}`;
  offered.set(token, { bytes, at: now });
  return BRIDGE_BYTES_PATH + token;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Starts a server for `root` on a free port; refuses paths outside it. */
export async function serveFolder(root: string, headers: Record<string, string> = {}): Promise<RunningServer> {
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${root} has no index.html: build the renderer first (npm run build)`);
  }
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (pathname.startsWith(BRIDGE_BYTES_PATH)) {
      const token = pathname.slice(BRIDGE_BYTES_PATH.length);
      const bytes = offered.get(token)?.bytes;
      offered.delete(token);
      if (!bytes) response.writeHead(404).end();
      else response.writeHead(200, { 'content-type': 'application/octet-stream', 'cache-control': 'no-store', ...headers }).end(bytes);
      return;
    }
    const file = path.resolve(root, '.' + (pathname === '/' ? '/index.html' : pathname));
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    response.writeHead(200, { 'content-type': type, ...headers });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
