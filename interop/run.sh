#!/usr/bin/env bash
# Browser interop suite: the built server (server/target/osprey.jar, `run --dev`) and headless Chromium driving the
# real livekit-client, both inside a private network namespace with only loopback (and a private PID namespace, so
# that nothing started here outlives the suite). Tests are tests/*.test.js (node:test); pass file names or globs
# under tests/ to run a subset:  interop/run.sh [tests/foundation.test.js ...]
# Exit status: 0 when every test passed, non-zero on any failure, missing prerequisite or timeout.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
root=$(cd "$here/.." && pwd)
jar="$root/server/target/osprey.jar"
suite_timeout=${INTEROP_SUITE_TIMEOUT:-900}     # whole suite, seconds
test_timeout_ms=${INTEROP_TEST_TIMEOUT_MS:-120000} # any single test
server_port=7880
page_port=${INTEROP_PAGE_PORT:-7890}

log() { echo "interop: $*" >&2; }

if [ -z "${INTEROP_IN_NAMESPACE:-}" ]; then
  [ -f "$jar" ] || { log "missing $jar; build it first: mvn -pl server -am package -DskipTests (or ./osprey version)"; exit 2; }
  command -v unshare >/dev/null && command -v ip >/dev/null || { log "needs unshare and ip (util-linux, iproute2)"; exit 2; }
  [ -x "${INTEROP_CHROMIUM:-/usr/bin/chromium}" ] || { log "missing Chromium at ${INTEROP_CHROMIUM:-/usr/bin/chromium}; run scripts/install-test-deps.sh"; exit 2; }
  if [ ! -d "$here/node_modules/livekit-client" ]; then
    log "installing the Node packages (npm ci)"
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  userns=()
  [ "$(id -u)" -eq 0 ] || userns=(--user --map-root-user)
  # --kill-child: if the suite is killed, the namespace's init dies and the kernel kills everything inside it
  exec timeout --kill-after=15 "$suite_timeout" \
    unshare "${userns[@]}" --net --pid --fork --kill-child --mount-proc \
    env INTEROP_IN_NAMESPACE=1 "$0" "$@"
fi

# --- inside the namespace: only lo exists, ports 7880-7882 are ours ---
ip link set lo up
JAVA_HOME=$("$root/scripts/find-jdk.sh")
work=$(mktemp -d "${TMPDIR:-/tmp}/osprey-interop.XXXXXX")
server_pid=""
page_pid=""

stopped_status=0
stop() { # $1 = pid, $2 = seconds between SIGTERM and SIGKILL; sets stopped_status to the process's exit status
  local pid=$1 tenths=0
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && [ "$tenths" -lt $(( $2 * 10 )) ]; do sleep 0.1; tenths=$(( tenths + 1 )); done
  kill -KILL "$pid" 2>/dev/null || true
  stopped_status=0
  wait "$pid" 2>/dev/null || stopped_status=$?
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  [ -z "$page_pid" ] || stop "$page_pid" 2
  if [ -n "$server_pid" ]; then
    stop "$server_pid" 15
    if [ "$stopped_status" -ne 0 ]; then
      log "server did not stop cleanly on SIGTERM (exit $stopped_status); its log:"
      tail -n 40 "$work/server.log" >&2 || true
      [ "$status" -ne 0 ] || status=1
    fi
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "bundling livekit-client into the test page"
mkdir -p "$work/page"
cp "$here/page/index.html" "$work/page/"
"$here/node_modules/.bin/esbuild" "$here/page/entry.js" --bundle --format=esm --target=chrome120 \
  --outfile="$work/page/osprey-page.js" --log-level=warning

log "starting the server: $jar run --dev (JDK $JAVA_HOME)"
java_opts=(--enable-native-access=ALL-UNNAMED)
major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release")
[ "${major:-21}" -lt 23 ] || java_opts+=(--sun-misc-unsafe-memory-access=allow)
# TURN on, with a static user and a TURN REST secret the relay test uses; loopback peers allowed explicitly.
# Webhooks go to the Bedrud API of the second, external-mode Osprey that tests/external-mode.test.js starts on 8190
# (while it is not running they are retried and then dropped, as for any unreachable target).
(cd "$work" && OSPREY_DATA_DIR="$work/data" OSPREY_TURN__ENABLED=true OSPREY_TURN__TLS_PORT=0 \
  OSPREY_TURN__USERS="interop: interop-turn-password" OSPREY_TURN__STATIC_AUTH_SECRET=interop-rest-secret \
  OSPREY_TURN__ALLOW_RESTRICTED_PEER_CIDRS=127.0.0.0/8 \
  OSPREY_WEBHOOK__URLS=http://127.0.0.1:8190/api/livekit/webhook OSPREY_WEBHOOK__API_KEY=devkey \
  exec "$JAVA_HOME/bin/java" "${java_opts[@]}" -jar "$jar" run --dev) \
  >"$work/server.log" 2>&1 &
server_pid=$!
node "$here/lib/page-server.js" "$work/page" "$page_port" >"$work/page.log" 2>&1 &
page_pid=$!

if ! node "$here/lib/wait-http.js" "http://127.0.0.1:$server_port/" 200 60000; then
  log "server did not become healthy; its log:"
  tail -n 60 "$work/server.log" >&2
  exit 1
fi
node "$here/lib/wait-http.js" "http://127.0.0.1:$page_port/" 200 10000

tests=("$@")
if [ ${#tests[@]} -eq 0 ]; then
  tests=("$here"/tests/*.test.js)
fi
log "running ${#tests[@]} test file(s)"
status=0
INTEROP_JAR="$jar" INTEROP_JAVA="$JAVA_HOME/bin/java" INTEROP_JAVA_OPTS="${java_opts[*]}" \
INTEROP_SERVER_URL="http://127.0.0.1:$server_port" INTEROP_PAGE_URL="http://127.0.0.1:$page_port/" \
  node --test --test-concurrency=1 --test-timeout="$test_timeout_ms" "${tests[@]}" || status=$?
if [ "$status" -ne 0 ]; then
  log "failures; last lines of the server log:"
  tail -n 40 "$work/server.log" >&2 || true
fi
exit "$status"
