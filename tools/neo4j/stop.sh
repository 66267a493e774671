#!/usr/bin/env bash
# Stops the dev Neo4j started by start.sh: SIGTERM (clean shutdown through the launcher's hook), then SIGKILL.
# Environment: NEO4J_STOP_TIMEOUT seconds to wait before SIGKILL (60).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PID_FILE="$HERE/run/neo4j.pid"
TIMEOUT="${NEO4J_STOP_TIMEOUT:-60}"

if [[ ! -f "$PID_FILE" ]]; then
  echo "neo4j: not running (no pid file)"
  exit 0
fi
pid="$(cat "$PID_FILE")"
if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then
  echo "neo4j: not running (stale pid file removed)"
  rm -f "$PID_FILE"
  exit 0
fi

kill -TERM "$pid"
deadline=$((SECONDS + TIMEOUT))
while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.5; done
if kill -0 "$pid" 2>/dev/null; then
  echo "neo4j: pid $pid did not stop within ${TIMEOUT}s; killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
fi
rm -f "$PID_FILE"
echo "neo4j: stopped (pid $pid)"
