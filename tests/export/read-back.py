"""Reads an export back with networkx and prints what it holds as JSON, for the vitest suites.

Usage: read-back.py graphml|gexf|cytoscape PATH
"""
import json
import sys

import networkx as nx
from networkx.readwrite.gexf import GEXF

# networkx knows GEXF 1.1draft and 1.2draft; 1.3 reads the same elements under its own namespace.
GEXF.versions["1.3"] = {
    **GEXF.versions["1.2draft"],
    "NS_GEXF": "http://gexf.net/1.3",
    "NS_VIZ": "http://gexf.net/1.3/viz",
    "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
    "VERSION": "1.3",
}


def read(fmt, path):
    if fmt == "graphml":
        return nx.read_graphml(path)
    if fmt == "gexf":
        return nx.read_gexf(path, version="1.3")
    if fmt == "cytoscape":
        with open(path, encoding="utf-8") as f:
            return nx.cytoscape_graph(json.load(f))
    raise SystemExit(f"unknown format {fmt}")


def edges(G):
    if G.is_multigraph():
        for u, v, k, d in G.edges(keys=True, data=True):
            yield u, v, k, d
    else:
        for u, v, d in G.edges(data=True):
            yield u, v, d.get("id"), d


def main():
    fmt, path = sys.argv[1], sys.argv[2]
    G = read(fmt, path)
    out = {
        "directed": G.is_directed(),
        "multigraph": G.is_multigraph(),
        "graph": {k: v for k, v in G.graph.items() if isinstance(v, (str, int, float, bool))},
        "nodes": {str(n): d for n, d in G.nodes(data=True)},
        "edges": [{"source": str(u), "target": str(v), "key": str(k), "data": d} for u, v, k, d in edges(G)],
    }
    json.dump(out, sys.stdout, ensure_ascii=False, default=str)


main()
