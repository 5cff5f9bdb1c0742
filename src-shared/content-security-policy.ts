/**
 * The Content-Security-Policy every page and worker of the app runs under: only the app's
 * own files; no remote origins, no eval, no plugins, no framing. One definition, used by
 * the app:// protocol handler, the built page's meta tag and the end-to-end test server.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The policy as a meta tag may carry it: browsers ignore frame-ancestors there, and warn. */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');
