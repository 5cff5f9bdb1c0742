import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, resolveAppRequest, responseHeaders, serveAppRequest } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './navigation';

const DIR = path.resolve('/app/out/renderer');
const at = (...parts: string[]): string => path.join(DIR, ...parts);

describe('resolveAppRequest', () => {
  it('maps app paths to files in the renderer folder, / to index.html', () => {
    expect(resolveAppRequest('app://letter-archive/', DIR)).toEqual({ filePath: at('index.html'), contentType: 'text/html; charset=utf-8' });
    expect(resolveAppRequest('app://letter-archive/index.html', DIR)?.filePath).toBe(at('index.html'));
    expect(resolveAppRequest('app://letter-archive/assets/index-Cr7iM5DW.js', DIR)).toEqual({
      filePath: at('assets', 'index-Cr7iM5DW.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppRequest('app://letter-archive/assets/a%20b.css?v=2#top', DIR)?.filePath).toBe(at('assets', 'a b.css'));
    expect(resolveAppRequest('app://letter-archive/?x=1', DIR)?.filePath).toBe(at('index.html'));
  });

  it.each([
    'app://letter-archive/../secret.txt',
    'app://letter-archive/assets/../../secret.txt',
    'app://letter-archive/%2e%2e/secret.txt',
    'app://letter-archive/%2E%2E/secret.txt',
    'app://letter-archive/.%2e/secret.txt',
    'app://letter-archive/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://letter-archive/..%2fsecret.txt',
    'app://letter-archive/..%5csecret.txt',
    'app://letter-archive/..\\secret.txt',
    'app://letter-archive/assets\\..\\..\\secret.txt',
    'app://letter-archive//etc/passwd',
    'app://letter-archive/%2fetc/passwd',
    'app://letter-archive/C:/Windows/win.ini',
    'app://letter-archive/C%3a%5cWindows%5cwin.ini',
    'app://letter-archive/index.html::$DATA',
    'app://letter-archive/index.html%00.png',
    'app://letter-archive/./index.html',
    'app://letter-archive/assets/',
    'app://letter-archive/%E0%A4%A',
    'app://other-host/index.html',
    'app://letter-archive.evil/index.html',
    'app://letter-archiveX/index.html',
    'file:///etc/passwd',
    'https://letter-archive/index.html',
    'app://letter-archive',
  ])('refuses %s', (url) => {
    expect(resolveAppRequest(url, DIR)).toBeNull();
  });

  it('never answers with a file outside the folder', () => {
    const tries = ['..', '%2e%2e', '.%2E', '%2E.', '..%00', '%252e%252e', 'x/../..', '...', '....//'];
    for (const t of tries) {
      const file = resolveAppRequest(`app://letter-archive/${t}/secret.txt`, DIR);
      if (file) expect(file.filePath.startsWith(DIR + path.sep)).toBe(true);
    }
  });
});

describe('contentTypeFor and responseHeaders', () => {
  it('knows the built renderer file kinds', () => {
    expect(contentTypeFor('a.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a.json')).toBe('application/json; charset=utf-8');
    expect(contentTypeFor('a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('A.PNG')).toBe('image/png');
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.exe')).toBe('application/octet-stream');
    expect(contentTypeFor('README')).toBe('application/octet-stream');
  });

  it("adds the CSP and nosniff to everything, workers' scripts included", () => {
    const page = responseHeaders({ filePath: 'index.html', contentType: contentTypeFor('index.html') });
    expect(page['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page['X-Content-Type-Options']).toBe('nosniff');
    const script = responseHeaders({ filePath: 'a.js', contentType: contentTypeFor('a.js') });
    // A module worker (the parser's, fed untrusted files) takes its policy from its script.
    expect(script['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(script['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('serveAppRequest', () => {
  let base: string;
  let dir: string;

  beforeAll(async () => {
    base = await fs.mkdtemp(path.join(os.tmpdir(), 'app-protocol-'));
    dir = path.join(base, 'renderer');
    await fs.mkdir(path.join(dir, 'assets'), { recursive: true });
    await fs.writeFile(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
    await fs.writeFile(path.join(dir, 'assets', 'main.js'), 'export {};');
    await fs.writeFile(path.join(base, 'secret.txt'), 'not yours');
  });

  afterAll(async () => {
    await fs.rm(base, { recursive: true, force: true });
  });

  it('serves index.html with the CSP and scripts with their type', async () => {
    const page = await serveAppRequest({ url: 'app://letter-archive/', method: 'GET' }, dir);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>t</title>');
    const script = await serveAppRequest({ url: 'app://letter-archive/assets/main.js', method: 'GET' }, dir);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('export {};');
  });

  it('answers 404 for missing and refused paths, 405 for other methods', async () => {
    expect((await serveAppRequest({ url: 'app://letter-archive/missing.js', method: 'GET' }, dir)).status).toBe(404);
    expect((await serveAppRequest({ url: 'app://letter-archive/assets', method: 'GET' }, dir)).status).toBe(404);
    const escape = await serveAppRequest({ url: 'app://letter-archive/%2e%2e/secret.txt', method: 'GET' }, dir);
    expect(escape.status).toBe(404);
    expect(await escape.text()).toBe('');
    expect((await serveAppRequest({ url: 'app://letter-archive/', method: 'POST' }, dir)).status).toBe(405);
    const head = await serveAppRequest({ url: 'app://letter-archive/', method: 'HEAD' }, dir);
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
