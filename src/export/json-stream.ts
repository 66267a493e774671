// Shared pieces of the JSON writers: one element per line inside an array or object, so output streams.

/** The separator before the i-th element of a streamed JSON array or object. */
export function separator(index: number): string {
  return index === 0 ? '\n' : ',\n';
}

/** Groups an async stream into arrays of `size`, for batched lookups while streaming. */
export async function* inGroups<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let group: T[] = [];
  for await (const item of items) {
    group.push(item);
    if (group.length >= size) {
      yield group;
      group = [];
    }
  }
  if (group.length) yield group;
}
