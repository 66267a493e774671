#!/usr/bin/env bash
# Stops the dev Neo4j that start.sh started on NEO4J_BOLT_PORT (7687): SIGTERM (clean shutdown through the
# launcher's hook), then SIGKILL. Only that port's instance: the pid file is per port, and the pid must still be
# the launcher (a reused pid of another process is left alone).
# Environment: NEO4J_BOLT_PORT (7687), NEO4J_STOP_TIMEOUT seconds to wait before SIGKILL (60).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PORT="${NEO4J_BOLT_PORT:-7687}"
PID_FILE="$HERE/run/neo4j-$PORT.pid"
TIMEOUT="${NEO4J_STOP_TIMEOUT:-60}"
MAIN_CLASS="dev.diplograph.neo4j.Launcher"

if [[ ! -f "$PID_FILE" ]]; then
  echo "neo4j: not running on port $PORT (no pid file)"
  exit 0
fi
pid="$(cat "$PID_FILE")"
if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null || ! grep -qa "$MAIN_CLASS" "/proc/$pid/cmdline" 2>/dev/null; then
  echo "neo4j: not running on port $PORT (stale pid file removed)"
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
echo "neo4j: stopped (pid $pid, port $PORT)"
