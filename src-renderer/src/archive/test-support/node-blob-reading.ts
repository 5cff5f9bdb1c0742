/**
 * What dexie-export-import needs of a browser, for tests in Node: `self` (it looks there for
 * FileReaderSync, which only workers have) and a FileReader to read Blobs with. Import it before
 * anything that imports the library.
 */
class NodeFileReader {
  onload: ((event: { target: { result: ArrayBuffer } }) => void) | null = null;
  onerror: ((event: { target: { error: unknown } }) => void) | null = null;
  onabort: (() => void) | null = null;
  readAsArrayBuffer(blob: Blob): void {
    blob.arrayBuffer().then(
      (result) => this.onload?.({ target: { result } }),
      (error: unknown) => this.onerror?.({ target: { error } }),
    );
  }
}

const scope = globalThis as Record<string, unknown>;
scope.FileReader ??= NodeFileReader;
scope.self ??= globalThis;
