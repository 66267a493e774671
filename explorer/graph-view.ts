// The interactive graph: cytoscape.js with its built-in force layout, nodes coloured by entity type and edges by
// relation type; a found path is drawn on top and everything else fades.
import cytoscape from 'cytoscape';
import { RELATION_TYPES } from '../src/domain/model.js';
import type { EntityView, PathView, RelationView } from './api.js';

export const ENTITY_COLOURS: Readonly<Record<string, string>> = {
  PERSON: '#3b6ea5', COUNTRY: '#5b8c3a', ORGANIZATION: '#8e5ea2', PLACE: '#a67c2e',
};
const PALETTE = ['#b3261e', '#1f77b4', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f', '#ff7f0e', '#393b79'];
export const RELATION_COLOURS: Readonly<Record<string, string>> = Object.fromEntries(RELATION_TYPES.map((t, i) => [t, PALETTE[i % PALETTE.length]]));
const PATH_COLOUR = '#e8590c';

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)', 'background-color': (n: cytoscape.NodeSingular) => ENTITY_COLOURS[n.data('type') as string] ?? '#777',
      color: '#1f2328', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4, width: 22, height: 22,
      'text-background-color': '#f7f7f4', 'text-background-opacity': 0.8, 'text-background-padding': '1px',
    },
  },
  { selector: 'node.centre', style: { width: 34, height: 34, 'border-width': 3, 'border-color': '#1f2328', 'font-weight': 'bold' } },
  {
    selector: 'edge',
    style: {
      width: 2, 'curve-style': 'bezier', 'control-point-step-size': 28, 'target-arrow-shape': 'triangle', 'arrow-scale': 0.8, opacity: 0.85,
      'line-color': (e: cytoscape.EdgeSingular) => RELATION_COLOURS[e.data('type') as string] ?? '#999',
      'target-arrow-color': (e: cytoscape.EdgeSingular) => RELATION_COLOURS[e.data('type') as string] ?? '#999',
      label: 'data(type)', 'font-size': 8, color: '#636c76', 'text-rotation': 'autorotate', 'text-background-color': '#f7f7f4', 'text-background-opacity': 0.7,
    },
  },
  { selector: 'edge.symmetric', style: { 'target-arrow-shape': 'none' } },
  // Planned, denied or hypothetical contacts are drawn dashed: they did not (or not surely) happen.
  { selector: 'edge[status != "occurred"]', style: { 'line-style': 'dashed' } },
  { selector: '.faded', style: { opacity: 0.15 } },
  { selector: 'node.path', style: { 'border-width': 4, 'border-color': PATH_COLOUR, opacity: 1 } },
  { selector: 'edge.path', style: { width: 5, 'line-color': PATH_COLOUR, 'target-arrow-color': PATH_COLOUR, opacity: 1, 'z-index': 10 } },
  { selector: 'edge:selected', style: { width: 6, 'line-color': '#1f2328', 'target-arrow-color': '#1f2328', opacity: 1 } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#1f2328' } },
];

function nodeElement(e: EntityView): cytoscape.ElementDefinition {
  return { group: 'nodes', data: { id: e.id, label: e.name, type: e.type, entity: e } };
}

function edgeElement(r: RelationView): cytoscape.ElementDefinition | null {
  if (!r.target) return null;
  return {
    group: 'edges',
    data: { id: r.id, source: r.source.id, target: r.target.id, type: r.type, status: r.status ?? 'occurred', relation: r },
    classes: r.type === 'MET_AT' || r.type === 'NEGOTIATED' ? 'symmetric' : '',
  };
}

export interface GraphEvents {
  onEdge(relation: RelationView): void;
  onNode(entity: EntityView): void;
  onBackground(): void;
}

export class GraphView {
  readonly cy: cytoscape.Core;

  constructor(container: HTMLElement, events: GraphEvents) {
    this.cy = cytoscape({ container, style: STYLE, wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 3 });
    this.cy.on('tap', 'edge', (ev) => events.onEdge(ev.target.data('relation') as RelationView));
    this.cy.on('tap', 'node', (ev) => events.onNode(ev.target.data('entity') as EntityView));
    this.cy.on('tap', (ev) => {
      if (ev.target === this.cy) events.onBackground();
    });
  }

  /** Replaces the graph; the centre is drawn larger. */
  show(nodes: EntityView[], edges: RelationView[], centreId: string | null): void {
    this.cy.elements().remove();
    this.cy.add([...nodes.map(nodeElement), ...edges.map(edgeElement).filter((e): e is cytoscape.ElementDefinition => e !== null)]);
    if (centreId) this.cy.getElementById(centreId).addClass('centre');
    this.layout();
  }

  /** Adds what the path needs to the graph, highlights it and fades the rest. */
  highlight(path: PathView): void {
    this.clearHighlight();
    const missing = [...path.nodes.map(nodeElement), ...path.edges.map(edgeElement)].filter(
      (e): e is cytoscape.ElementDefinition => e !== null && this.cy.getElementById(String(e.data.id)).empty(),
    );
    if (missing.length) {
      this.cy.add(missing);
      this.layout();
    }
    const onPath = this.cy.collection();
    for (const n of path.nodes) onPath.merge(this.cy.getElementById(n.id));
    for (const e of path.edges) onPath.merge(this.cy.getElementById(e.id));
    this.cy.elements().difference(onPath).addClass('faded');
    onPath.addClass('path');
  }

  clearHighlight(): void {
    this.cy.elements().removeClass('faded path');
  }

  /** Rings by hop distance from the centre (or the first node), refined by a force layout; deterministic. */
  private layout(): void {
    const nodes = this.cy.nodes();
    if (nodes.empty()) return;
    const centre = nodes.filter('.centre').first();
    const root = centre.nonempty() ? centre : nodes.first();
    const hops = new Map<string, number>();
    this.cy.elements().bfs({ roots: root, directed: false, visit: (v, _e, _u, _i, depth) => void hops.set(v.id(), depth) });
    const far = Math.max(0, ...hops.values()) + 1;
    this.cy
      .layout({
        name: 'concentric', animate: false, padding: 40, minNodeSpacing: 60, startAngle: (3 / 2) * Math.PI,
        concentric: (n: cytoscape.NodeSingular) => far - (hops.get(n.id()) ?? far),
        levelWidth: () => 1,
      } as cytoscape.LayoutOptions)
      .run();
    // Then a force layout from those rings (no random start, so still deterministic) untangles crossing edges.
    this.cy
      .layout({
        name: 'cose', animate: false, randomize: false, padding: 40, nodeDimensionsIncludeLabels: true, componentSpacing: 80,
        nodeRepulsion: () => 400_000, idealEdgeLength: () => 120, edgeElasticity: () => 100, nestingFactor: 1, gravity: 60, numIter: 1500,
      } as cytoscape.LayoutOptions)
      .run();
    this.cy.fit(undefined, 40);
  }
}
