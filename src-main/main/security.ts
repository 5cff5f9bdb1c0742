/**
 * Keeps every web contents on the app's own pages: no navigation away, no new windows,
 * no webviews, and no permissions for anything.
 */
import { app, type Session } from 'electron';
import { isAppUrl } from './navigation';

/** Locks down every web contents the app creates, now and later. Call before any window opens. */
export function hardenWebContents(devServerUrl?: string): void {
  app.on('web-contents-created', (_event, contents) => {
    const stayOnApp = (event: { url: string; preventDefault(): void }): void => {
      if (!isAppUrl(event.url, devServerUrl)) event.preventDefault();
    };
    contents.on('will-navigate', stayOnApp);
    contents.on('will-redirect', stayOnApp);
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/** Refuses every permission a page may ask for or check: camera, notifications, clipboard reads and the rest. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
