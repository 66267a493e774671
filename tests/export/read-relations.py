"""Reads relations JSON Lines with pandas and prints a summary as JSON, for the vitest suite.

Usage: read-relations.py PATH
"""
import json
import sys

import pandas as pd

df = pd.read_json(sys.argv[1], lines=True, dtype={"date": str})
evidence = df[["id", "evidence"]].explode("evidence")
pair = {"Donald Trump", "Wladimir Putin"}
print(json.dumps({
    "rows": len(df),
    "columns": list(df.columns),
    "evidenceRows": int(evidence["evidence"].notna().sum()),
    "noTarget": int(df["targetId"].isna().sum()),
    "trumpPutin": int(df.apply(lambda r: {r["sourceName"], r["targetName"]} == pair, axis=1).sum()),
    "quotes": [q for q in df["quote"].dropna()],
}, ensure_ascii=False))
