// The backup format that `diplograph import` reads: one article per line with its entities and relations.
import type { GraphStore } from '../store/graph-store.js';
import { readSnapshot } from '../store/snapshot.js';

export async function* writeSnapshotJsonl(store: GraphStore): AsyncGenerator<string> {
  for await (const x of readSnapshot(store)) yield `${JSON.stringify(x)}\n`;
}
