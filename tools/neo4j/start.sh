#!/usr/bin/env bash
# Starts the embedded dev Neo4j (5.26 Community, Bolt on 127.0.0.1) in the background and waits until it answers.
# Idempotent: when it already runs and answers, only prints the URI. Builds the launcher on first use (needs Maven).
# Pid and launcher log: tools/neo4j/run/neo4j-<port>.{pid,log}.
# Environment: NEO4J_BOLT_PORT (7687), NEO4J_PASSWORD (diplograph-dev), NEO4J_DATA_DIR (tools/neo4j/run/data),
#              NEO4J_START_TIMEOUT seconds (120), NEO4J_JAVA_OPTS (extra JVM options), NEO4J_PAGECACHE_MB (256),
#              NEO4J_HEAP_MB (1024).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUN="$HERE/run"
PORT="${NEO4J_BOLT_PORT:-7687}"
# Per port: two instances on other ports (and data dirs) never share a pid file, so stop.sh stops only its own.
PID_FILE="$RUN/neo4j-$PORT.pid"
LOG_FILE="$RUN/neo4j-$PORT.log"
export NEO4J_BOLT_PORT="$PORT"
export NEO4J_PASSWORD="${NEO4J_PASSWORD:-diplograph-dev}"
export NEO4J_DATA_DIR="${NEO4J_DATA_DIR:-$RUN/data}"
TIMEOUT="${NEO4J_START_TIMEOUT:-120}"
HEAP_MB="${NEO4J_HEAP_MB:-1024}"
URI="bolt://127.0.0.1:$PORT"
MAIN_CLASS="dev.diplograph.neo4j.Launcher"
CLASS_FILE="$HERE/target/classes/dev/diplograph/neo4j/Launcher.class"

say() { echo "neo4j: $*"; }
fail() {
  echo "neo4j: ERROR: $*" >&2
  if [[ -f "$LOG_FILE" ]]; then
    echo "---- last lines of $LOG_FILE ----" >&2
    tail -n 30 "$LOG_FILE" >&2
  fi
  exit 1
}
# Uses NEO4J_URI from the caller if set; point it at this instance.
ping_bolt() { NEO4J_URI="$URI" NEO4J_USERNAME=neo4j node "$HERE/ping.cjs" --quiet; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }
running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && grep -qa "$MAIN_CLASS" "/proc/$pid/cmdline" 2>/dev/null && echo "$pid"
}
print_uri() {
  echo "$URI"
  say "user neo4j, password from NEO4J_PASSWORD (default diplograph-dev)"
}

mkdir -p "$RUN"
cd "$ROOT"

# Already ours and answering: nothing to do. Ours but still starting: fall through to the wait below.
if pid="$(running_pid)"; then
  if ping_bolt; then
    say "already running (pid $pid)"
    print_uri
    exit 0
  fi
  say "pid $pid is running but not answering yet; waiting"
else
  rm -f "$PID_FILE"
  if port_open; then
    if ping_bolt; then
      say "something on port $PORT already answers with these credentials; using it"
      print_uri
      exit 0
    fi
    fail "port $PORT is in use by another process that does not accept user neo4j with NEO4J_PASSWORD"
  fi

  if [[ ! -f "$CLASS_FILE" || ! -d "$HERE/target/lib" || "$HERE/pom.xml" -nt "$CLASS_FILE" \
        || "$HERE/src/main/java/dev/diplograph/neo4j/Launcher.java" -nt "$CLASS_FILE" ]]; then
    command -v mvn >/dev/null || fail "Maven (mvn) is needed once to build the launcher"
    say "building the launcher (first time downloads Neo4j from Maven Central)"
    (cd "$HERE" && mvn -q -B -Dstyle.color=never package -DskipTests) || fail "launcher build failed"
  fi
  command -v java >/dev/null || fail "java (17+) not found"

  # JVM options as Neo4j's own scripts set them, with a small heap for a small shared machine. Initial heap = max
  # heap, as Neo4j recommends: a heap that starts small keeps G1 in back-to-back concurrent cycles under writes
  # (measured: about a tenth of the server's CPU during a bulk write with -Xms256m).
  # shellcheck disable=SC2086
  nohup java -Xms${HEAP_MB}m -Xmx${HEAP_MB}m -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+DisableExplicitGC \
    -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true -Dlog4j2.disable.jmx=true \
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
    ${NEO4J_JAVA_OPTS:-} \
    -cp "$HERE/target/classes:$HERE/target/lib/*" "$MAIN_CLASS" "$NEO4J_DATA_DIR" \
    >"$LOG_FILE" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$PID_FILE"
  say "started pid $pid, log $LOG_FILE; waiting for Bolt on $URI (up to ${TIMEOUT}s)"
fi

deadline=$((SECONDS + TIMEOUT))
while ((SECONDS < deadline)); do
  kill -0 "$pid" 2>/dev/null || { rm -f "$PID_FILE"; fail "Neo4j exited during start-up"; }
  # Ping only once the launcher says ready: before that it may still be applying a changed NEO4J_PASSWORD,
  # and failed logins would trip Neo4j's login rate limit.
  if grep -q 'diplograph-neo4j: ready' "$LOG_FILE" 2>/dev/null && port_open; then
    set +e
    ping_bolt
    rc=$?
    set -e
    if ((rc == 0)); then
      say "ready after ${SECONDS}s"
      print_uri
      exit 0
    fi
    ((rc == 2)) && fail "Neo4j answers on $URI but refuses the password in NEO4J_PASSWORD"
  fi
  sleep 1
done
fail "Neo4j did not answer on $URI within ${TIMEOUT}s (still running as pid $pid; stop it with NEO4J_BOLT_PORT=$PORT npm run neo4j:stop)"
