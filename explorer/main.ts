// The graph explorer at /explore: search an actor, see its neighborhood, filter by relation type and time, find
// paths between two actors, click an edge for its quote and source sentences, download the view as a file.
import { RELATION_TYPES } from '../src/domain/model.js';
import { ApiError, entity, neighborhood, paths, searchEntities, type EntityView, type Filters, type PathView } from './api.js';
import { renderEntity, renderHint, renderRelation } from './details.js';
import { GraphView, RELATION_COLOURS } from './graph-view.js';

/** Typing pauses this long before a search request, so each keystroke does not cost a query. */
const SEARCH_DELAY_MS = 150;
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const EXPORT_FORMATS = ['graphml', 'gexf', 'cytoscape', 'jgf', 'relations-jsonl'] as const;

function $<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} missing from the page`);
  return node as T;
}

const ui = {
  searchForm: $<HTMLFormElement>('search-form'),
  search: $<HTMLInputElement>('search'),
  suggestions: $<HTMLUListElement>('suggestions'),
  depth: $<HTMLSelectElement>('depth'),
  types: $<HTMLDivElement>('types'),
  since: $<HTMLInputElement>('since'),
  until: $<HTMLInputElement>('until'),
  apply: $<HTMLButtonElement>('apply'),
  pathForm: $<HTMLFormElement>('path-form'),
  pathFrom: $<HTMLInputElement>('path-from'),
  pathTo: $<HTMLInputElement>('path-to'),
  maxHops: $<HTMLSelectElement>('max-hops'),
  paths: $<HTMLOListElement>('paths'),
  exports: $<HTMLParagraphElement>('exports'),
  details: $<HTMLElement>('details'),
  status: $<HTMLElement>('status'),
};

interface State {
  centre: EntityView | null;
  depth: number;
  paths: PathView[];
}
const state: State = { centre: null, depth: Number(ui.depth.value), paths: [] };

function status(text: string, error = false): void {
  ui.status.textContent = text;
  ui.status.classList.toggle('error', error);
}

async function guarded(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    status(err instanceof ApiError ? `${err.code ?? 'error'}: ${err.message}` : `error: ${(err as Error).message}`, true);
  }
}

// ---- filters ---------------------------------------------------------------------------------------

for (const type of RELATION_TYPES) {
  const label = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.checked = true;
  box.value = type;
  box.name = 'type';
  const swatch = document.createElement('span');
  swatch.className = 'swatch';
  swatch.style.background = RELATION_COLOURS[type];
  label.append(box, swatch, document.createTextNode(type));
  ui.types.append(label);
}
const typeBoxes = () => [...ui.types.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];

function filters(): Filters {
  const checked = typeBoxes().filter((b) => b.checked).map((b) => b.value);
  for (const input of [ui.since, ui.until]) {
    const v = input.value.trim();
    if (v && !PARTIAL_DATE.test(v)) throw new Error(`${input.id} must be YYYY, YYYY-MM or YYYY-MM-DD`);
  }
  return {
    // All types checked means no filter (relations of future types included); none checked shows nothing.
    relationTypes: checked.length === RELATION_TYPES.length ? null : checked,
    since: ui.since.value.trim() || null,
    until: ui.until.value.trim() || null,
  };
}

function exportLinks(f: Filters): void {
  ui.exports.replaceChildren();
  if (!state.centre) return;
  for (const format of EXPORT_FORMATS) {
    const q = new URLSearchParams({ format, entity: state.centre.id, depth: String(state.depth) });
    for (const t of f.relationTypes ?? []) q.append('type', t);
    if (f.since) q.set('since', f.since);
    if (f.until) q.set('until', f.until);
    const a = document.createElement('a');
    a.href = `/export?${q}`;
    a.textContent = format;
    a.setAttribute('download', '');
    ui.exports.append(a);
  }
}

// ---- graph -----------------------------------------------------------------------------------------

const graph = new GraphView($('graph'), {
  onEdge: (r) => renderRelation(ui.details, r),
  onNode: (e) =>
    renderEntity(ui.details, e, {
      explore: (x) => void guarded(() => load(x.name)),
      pathFrom: (x) => (ui.pathFrom.value = x.name),
      pathTo: (x) => (ui.pathTo.value = x.name),
    }),
  onBackground: () => renderHint(ui.details, 'Click an edge to read its quote, date and source sentences; click a node for the actor.'),
});

async function load(name: string): Promise<void> {
  const f = filters();
  const centre = await entity(name);
  if (!centre) {
    status(`no actor named “${name}”`, true);
    return;
  }
  state.centre = centre;
  state.depth = Number(ui.depth.value);
  state.paths = [];
  ui.paths.replaceChildren();
  ui.search.value = centre.name;
  if (!ui.pathFrom.value) ui.pathFrom.value = centre.name;
  status(`loading ${centre.name}…`);
  const g = f.relationTypes?.length === 0 ? { nodes: [centre], edges: [], truncated: false } : await neighborhood(centre.id, state.depth, f);
  graph.show(g.nodes, g.edges, centre.id);
  exportLinks(f);
  const edges = graph.cy.edges().length;
  status(`${centre.name}: ${g.nodes.length} actors, ${edges} relations within ${state.depth} hop${state.depth > 1 ? 's' : ''}${g.truncated ? ' (cut off: the nearest shown)' : ''}`);
  history.replaceState(null, '', `?${new URLSearchParams({ entity: centre.name, depth: String(state.depth) })}`);
}

function showPath(index: number): void {
  const path = state.paths[index];
  if (!path) return;
  graph.highlight(path);
  [...ui.paths.children].forEach((li, i) => li.classList.toggle('active', i === index));
  const last = path.edges.at(-1);
  if (last) renderRelation(ui.details, last);
}

async function findPaths(): Promise<void> {
  const from = ui.pathFrom.value.trim();
  const to = ui.pathTo.value.trim();
  if (!from || !to) {
    status('a path needs both ends: from and to', true);
    return;
  }
  if (!state.centre) await load(from);
  status(`searching paths from ${from} to ${to}…`);
  state.paths = await paths(from, to, Number(ui.maxHops.value), filters());
  ui.paths.replaceChildren();
  state.paths.forEach((p, i) => {
    const li = document.createElement('li');
    li.textContent = `${p.nodes.map((n) => n.name).join(' → ')} (${p.length} hop${p.length > 1 ? 's' : ''}: ${p.edges.map((e) => e.type).join(', ')})`;
    li.addEventListener('click', () => showPath(i));
    ui.paths.append(li);
  });
  if (!state.paths.length) {
    graph.clearHighlight();
    status(`no path from ${from} to ${to} within ${ui.maxHops.value} hops`, true);
    return;
  }
  showPath(0);
  status(`${state.paths.length} path${state.paths.length > 1 ? 's' : ''} from ${from} to ${to}; the shortest is highlighted`);
}

// ---- search with suggestions -------------------------------------------------------------------------

let searchTimer: ReturnType<typeof setTimeout> | undefined;
let suggestionItems: EntityView[] = [];
let active = -1;

function closeSuggestions(): void {
  ui.suggestions.hidden = true;
  active = -1;
}

function renderSuggestions(): void {
  ui.suggestions.replaceChildren();
  suggestionItems.forEach((e, i) => {
    const li = document.createElement('li');
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', String(i === active));
    li.dataset.name = e.name;
    li.append(document.createTextNode(e.name));
    const small = document.createElement('small');
    small.textContent = [e.type.toLowerCase(), ...e.aliases.slice(0, 3)].join(' · ');
    li.append(small);
    // mousedown, not click: it comes before the input's blur closes the list.
    li.addEventListener('mousedown', (ev) => {
      ev.preventDefault();
      closeSuggestions();
      void guarded(() => load(e.name));
    });
    ui.suggestions.append(li);
  });
  ui.suggestions.hidden = suggestionItems.length === 0;
}

ui.search.addEventListener('input', () => {
  clearTimeout(searchTimer);
  const q = ui.search.value.trim();
  if (!q) return closeSuggestions();
  searchTimer = setTimeout(
    () =>
      void guarded(async () => {
        const found = await searchEntities(q);
        if (ui.search.value.trim() !== q) return; // typed on meanwhile
        suggestionItems = found;
        active = -1;
        renderSuggestions();
      }),
    SEARCH_DELAY_MS,
  );
});
ui.search.addEventListener('keydown', (ev) => {
  if (ui.suggestions.hidden) return;
  if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
    ev.preventDefault();
    active = (active + (ev.key === 'ArrowDown' ? 1 : -1) + suggestionItems.length) % suggestionItems.length;
    renderSuggestions();
  } else if (ev.key === 'Escape') {
    closeSuggestions();
  } else if (ev.key === 'Enter' && active >= 0) {
    ev.preventDefault();
    const chosen = suggestionItems[active];
    closeSuggestions();
    void guarded(() => load(chosen.name));
  }
});
ui.search.addEventListener('blur', () => setTimeout(closeSuggestions, 100));

ui.searchForm.addEventListener('submit', (ev) => {
  ev.preventDefault();
  closeSuggestions();
  const q = ui.search.value.trim();
  if (q) void guarded(() => load(q));
});
ui.depth.addEventListener('change', () => {
  if (state.centre) void guarded(() => load(state.centre!.name));
});
ui.apply.addEventListener('click', () => {
  if (state.centre) void guarded(() => load(state.centre!.name));
  else void guarded(async () => void filters()); // validates, so a bad date says so even before a search
});
$('types-all').addEventListener('click', () => typeBoxes().forEach((b) => (b.checked = true)));
$('types-none').addEventListener('click', () => typeBoxes().forEach((b) => (b.checked = false)));
ui.pathForm.addEventListener('submit', (ev) => {
  ev.preventDefault();
  void guarded(findPaths);
});

// A link like /explore?entity=Wladimir%20Putin&depth=2 opens on that actor.
const params = new URLSearchParams(location.search);
if (params.get('depth')) ui.depth.value = params.get('depth')!;
const initial = params.get('entity');
if (initial) void guarded(() => load(initial));

// For debugging in the console and for the end-to-end test, which clicks edges at their rendered positions.
(window as unknown as { diplographExplorer: unknown }).diplographExplorer = { cy: graph.cy, state };
