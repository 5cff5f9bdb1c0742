/**
 * Small typed arrays cut from large blocks. Indexing a section makes two arrays of about a
 * kilobyte (its word stream and its layout); made one by one, each is a buffer of its own,
 * allocated, zeroed and tracked by the garbage collector: at 10,000 letters that is 120,000
 * buffers. Cut from blocks, each is a view into a buffer shared with its neighbours, as the
 * arrays of an index loaded from its snapshot already are.
 *
 * A block lives as long as any array cut from it. A section removed later leaves its bytes
 * in the block until the index is saved and loaded again, as a loaded index does (for the
 * rest of the session, should saving keep failing).
 */

/** Bytes a block holds; an array of more than a quarter of this has a buffer of its own. */
export const SLAB_BLOCK_BYTES = 1 << 20;

type Make<T> = (buffer: ArrayBuffer, offset: number, length: number) => T;

class Blocks<T> {
  private buffer: ArrayBuffer | null = null;
  /** Where the next array starts in `buffer`, in bytes. */
  private at = 0;

  constructor(
    private readonly bytesPerElement: number,
    private readonly make: Make<T>,
  ) {}

  take(length: number): T {
    const bytes = length * this.bytesPerElement;
    if (bytes > SLAB_BLOCK_BYTES / 4) return this.make(new ArrayBuffer(bytes), 0, length);
    if (this.buffer === null || this.at + bytes > SLAB_BLOCK_BYTES) {
      this.buffer = new ArrayBuffer(SLAB_BLOCK_BYTES);
      this.at = 0;
    }
    const array = this.make(this.buffer, this.at, length);
    this.at += bytes;
    return array;
  }
}

/** Zeroed typed arrays of the lengths asked for, cut from shared blocks. */
export class Slab {
  private readonly bytes = new Blocks(1, (b, o, l) => new Uint8Array(b, o, l));
  private readonly shorts = new Blocks(2, (b, o, l) => new Uint16Array(b, o, l));
  private readonly words = new Blocks(4, (b, o, l) => new Uint32Array(b, o, l));

  uint8(length: number): Uint8Array {
    return this.bytes.take(length);
  }

  uint16(length: number): Uint16Array {
    return this.shorts.take(length);
  }

  uint32(length: number): Uint32Array {
    return this.words.take(length);
  }
}
