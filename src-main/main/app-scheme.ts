/**
 * The `app:` scheme the built renderer is served on.
 */
import { protocol } from 'electron';
import { serveAppRequest } from './app-protocol';
import { APP_SCHEME } from './navigation';

/**
 * Registers `app:` as a privileged scheme. Must run before the app is ready: without
 * `standard` and `secure` the page gets no IndexedDB and no module workers, and
 * without `supportFetchAPI` it cannot fetch its own files. `corsEnabled` stays off,
 * so no other origin can read from the scheme.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the files of `rendererDir` on `app://letter-archive/`. Call once the app is ready. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererDir));
}
