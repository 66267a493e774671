// Exports are async generators of text: pulled one chunk at a time, so a slow reader (a file, an HTTP client)
// slows the store reads down instead of letting output pile up in memory.
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Output is handed on in pieces of about this many characters (one per node or edge would be too many writes). */
export const CHUNK_SIZE = 64 * 1024;

export type TextChunks = AsyncIterable<string>;

export async function* batched(chunks: TextChunks, size = CHUNK_SIZE): AsyncGenerator<string> {
  let parts: string[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    parts.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (length) yield parts.join('');
}

/** Writes chunks to a stream, waiting for `drain` when its buffer is full. Does not end the stream. */
export async function writeChunks(out: Writable, chunks: TextChunks): Promise<void> {
  for await (const chunk of batched(chunks)) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
}
