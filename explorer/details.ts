// The side panel: what a clicked edge says (quote, date, place, codes and every source sentence) or who a clicked
// node is. Built with DOM nodes and textContent only: article text never becomes markup.
import type { EntityView, RelationView } from './api.js';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string | null, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text != null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function definitions(rows: [string, string | null | undefined][]): HTMLDListElement {
  const dl = el('dl');
  for (const [term, value] of rows) {
    if (value == null || value === '') continue;
    dl.append(el('dt', term), el('dd', value));
  }
  return dl;
}

export function renderRelation(panel: HTMLElement, r: RelationView): void {
  panel.replaceChildren();
  const title = el('h3', `${r.source.name} → ${r.target?.name ?? '(no one in particular)'}`);
  title.dataset.relationId = r.id;
  panel.append(title, el('p', r.type, 'relation-type'));
  if (r.quote) panel.append(el('blockquote', r.quote, 'quote'));
  panel.append(
    definitions([
      ['date', r.date ?? 'undated'], ['status', r.status], ['place', r.place?.name], ['role', r.role], ['confidence', r.confidence.toFixed(2)],
      ['CAMEO', r.cameo], ['PLOVER', r.plover], ['evidence', String(r.evidence.length)],
    ]),
  );
  panel.append(el('h2', 'Source sentences'));
  const list = el('ul', null, 'evidence');
  for (const x of r.evidence) {
    const item = el('li');
    item.append(el('span', x.sentence, 'sentence'));
    const source = `${x.article.title ?? x.article.id}${x.article.published ? `, ${x.article.published}` : ''} · characters ${x.start}–${x.end}`;
    if (x.article.url && /^https?:\/\//i.test(x.article.url)) {
      const link = el('a', source, 'source');
      link.href = x.article.url;
      link.rel = 'noopener noreferrer';
      link.target = '_blank';
      item.append(link);
    } else {
      item.append(el('span', source, 'source'));
    }
    list.append(item);
  }
  panel.append(list);
}

export interface NodeActions {
  explore(e: EntityView): void;
  pathFrom(e: EntityView): void;
  pathTo(e: EntityView): void;
}

export function renderEntity(panel: HTMLElement, e: EntityView, actions: NodeActions): void {
  panel.replaceChildren();
  panel.append(el('h3', e.name), definitions([['type', e.type], ['aliases', e.aliases.join(', ')], ['Wikidata', e.wikidata], ['id', e.id]]));
  const buttons = el('p', null, 'links');
  for (const [label, action] of [['Explore from here', actions.explore], ['Path from here', actions.pathFrom], ['Path to here', actions.pathTo]] as const) {
    const b = el('button', label);
    b.type = 'button';
    b.addEventListener('click', () => action(e));
    buttons.append(b, document.createTextNode(' '));
  }
  panel.append(buttons);
}

export function renderHint(panel: HTMLElement, text: string): void {
  panel.replaceChildren(el('p', text, 'hint'));
}
