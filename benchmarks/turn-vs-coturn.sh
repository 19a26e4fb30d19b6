#!/usr/bin/env bash
# Osprey's TURN relay and coturn side by side, on loopback, under the same coturn client workloads:
#   client-to-client: turnutils_uclient -y -c -m 20 -n 5000 -l 1000 -z 0 (each client's peer is another client's
#     relayed address on the same server, so each message is relayed twice: into one allocation and out of another)
#   external peer:    turnutils_uclient -c -m 20 -n 5000 -l 1000 -z 0 -e 127.0.0.1 -r PEER_PORT, against coturn's
#     turnutils_peer echoing every datagram (each message goes out to the peer and its echo comes back)
# For each server: WARMUP_RUNS runs (default 5) of the same workload first (a long-running relay has its hot path and
# its per-allocation control path compiled; after only 2 runs the JIT was still compiling during the measured run),
# then the measured run; reports the client's loss, the server's CPU
# seconds (utime+stime of the whole process, read from /proc/<pid>/stat before and after the measured run) and its
# wake-ups (voluntary context switches of all its threads, from /proc/<pid>/task/*/status: each is a thread going to
# sleep in epoll_wait or on a lock and being woken again).
# Installs coturn with apt-get when it is missing; builds benchmarks/target/benchmarks.jar when it is missing.
# Tunables (environment): CLIENTS MESSAGES LENGTH SPACING_MS THREADS ROUNDS WARMUP_RUNS COTURN_PORT OSPREY_PORT
# PEER_PORT, WORKLOADS (default "client-to-client external-peer"), and
# OSPREY_JAR (default benchmarks/target/benchmarks.jar) to measure another build of the benchmarks jar, and
# OSPREY_JAVA_OPTS for extra JVM options (Osprey runs with the options ./osprey uses).
set -euo pipefail
cd "$(dirname "$0")/.."

CLIENTS=${CLIENTS:-20}
MESSAGES=${MESSAGES:-5000}
LENGTH=${LENGTH:-1000}
SPACING_MS=${SPACING_MS:-0}
THREADS=${THREADS:-$(nproc)}
ROUNDS=${ROUNDS:-2}
WARMUP_RUNS=${WARMUP_RUNS:-5}
COTURN_PORT=${COTURN_PORT:-34780}
OSPREY_PORT=${OSPREY_PORT:-34790}
PEER_PORT=${PEER_PORT:-34800}
WORKLOADS=${WORKLOADS:-client-to-client external-peer}
OSPREY_JAR=${OSPREY_JAR:-benchmarks/target/benchmarks.jar}
USER_NAME=test
PASSWORD=secret
REALM=test.local
WORK=$(mktemp -d)
SERVER_PID=""
PEER_PID=""
trap 'stop_server; stop_peer; rm -rf "$WORK"' EXIT

if ! command -v turnserver >/dev/null || ! command -v turnutils_uclient >/dev/null; then
  echo "coturn is missing: installing it with apt-get" >&2
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends coturn >/dev/null
fi

JAVA_HOME=$(scripts/find-jdk.sh)
export JAVA_HOME
if [ ! -f "$OSPREY_JAR" ]; then
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
# Netty's epoll transport is not a dependency of the benchmarks module; use the jars of the local Maven
# repository when they are there (the server module depends on them), else Osprey runs on NIO.
NETTY=$(sed -n 's:.*<netty.version>\(.*\)</netty.version>.*:\1:p' pom.xml)
M2=${M2_REPO:-$HOME/.m2/repository}/io/netty
CP=$OSPREY_JAR
for jar in "$M2/netty-transport-classes-epoll/$NETTY/netty-transport-classes-epoll-$NETTY.jar" \
           "$M2/netty-transport-native-unix-common/$NETTY/netty-transport-native-unix-common-$NETTY.jar" \
           "$M2/netty-transport-native-epoll/$NETTY/netty-transport-native-epoll-$NETTY-linux-$(uname -m | sed 's/aarch64/aarch_64/;s/x86_64/x86_64/').jar"; do
  [ -f "$jar" ] && CP="$CP:$jar"
done

cpu_seconds() { # utime+stime of a process in seconds; fields counted after the ")" that ends the command name
  local ticks
  ticks=$(sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}')
  awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t / hz}'
}

wakeups() { # voluntary context switches summed over the process's threads
  cat /proc/"$1"/task/*/status 2>/dev/null | awk '/^voluntary_ctxt_switches/ {s += $2} END {print s + 0}'
}

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}

wait_for_udp() { # the server answers a STUN binding request on its port
  for _ in $(seq 1 100); do
    if timeout 2 turnutils_stunclient -p "$1" 127.0.0.1 >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "server on port $1 did not come up" >&2
  return 1
}

stop_peer() {
  if [ -n "$PEER_PID" ] && kill -0 "$PEER_PID" 2>/dev/null; then
    kill "$PEER_PID"
    wait "$PEER_PID" 2>/dev/null || true
  fi
  PEER_PID=""
}

uclient() { # port messages -> output of the client, under the current WORKLOAD
  local target=(-y)
  [ "$WORKLOAD" = client-to-client ] || target=(-e 127.0.0.1 -r "$PEER_PORT")
  turnutils_uclient "${target[@]}" -c -m "$CLIENTS" -n "$2" -l "$LENGTH" -z "$SPACING_MS" \
    -u "$USER_NAME" -w "$PASSWORD" -p "$1" 127.0.0.1 2>&1
}

measure() { # name port
  local name=$1 port=$2 before after woken out lost pct sent recv wall rtt
  for _ in $(seq 1 "$WARMUP_RUNS"); do
    uclient "$port" "$MESSAGES" >"$WORK/warmup.out" || { echo "$name warm-up run failed:" >&2; tail -5 "$WORK/warmup.out" >&2; }
  done
  before=$(cpu_seconds "$SERVER_PID")
  woken=$(wakeups "$SERVER_PID")
  out=$(uclient "$port" "$MESSAGES") || { echo "$name measured run failed:" >&2; echo "$out" | tail -5 >&2; }
  after=$(cpu_seconds "$SERVER_PID")
  woken=$(( $(wakeups "$SERVER_PID") - woken ))
  lost=$(echo "$out" | sed -n 's/.*Total lost packets \([0-9]*\) (\([0-9.]*\)%).*/\1/p' | tail -1)
  pct=$(echo "$out" | sed -n 's/.*Total lost packets \([0-9]*\) (\([0-9.]*\)%).*/\2/p' | tail -1)
  sent=$(echo "$out" | sed -n 's/.*start_mclient: tot_send_msgs=\([0-9]*\), tot_recv_msgs=\([0-9]*\).*/\1/p' | tail -1)
  recv=$(echo "$out" | sed -n 's/.*start_mclient: tot_send_msgs=\([0-9]*\), tot_recv_msgs=\([0-9]*\).*/\2/p' | tail -1)
  wall=$(echo "$out" | sed -n 's/.*Total transmit time is \([0-9]*\).*/\1/p' | tail -1)
  rtt=$(echo "$out" | sed -n 's/.*Average round trip delay \([0-9.]*\) ms.*/\1/p' | tail -1)
  cpu=$(awk -v a="$after" -v b="$before" 'BEGIN {printf "%.2f", a - b}')
  per=$(awk -v c="$cpu" -v r="${recv:-0}" 'BEGIN {if (r > 0) printf "%.2f", c * 1e6 / (2 * r); else print "n/a"}')
  printf '| %-16s | %-24s | %9s | %9s | %7s (%s%%) | %8s | %8s | %8s | %6s | %11s | %5s |\n' \
    "$WORKLOAD" "$name" "${sent:-0}" "${recv:-0}" "${lost:-?}" "${pct:-?}" "$cpu" "$per" "$woken" "${wall:-?}" "${rtt:-?}" \
    "$(cut -d' ' -f1 /proc/loadavg)"
}

start_coturn() {
  turnserver -n --listening-ip=127.0.0.1 --relay-ip=127.0.0.1 --listening-port="$COTURN_PORT" \
    --min-port=49152 --max-port=57343 --allow-loopback-peers --lt-cred-mech --user="$USER_NAME:$PASSWORD" \
    --realm="$REALM" --fingerprint --no-cli --no-tls --no-dtls --relay-threads="$THREADS" \
    --userdb="$WORK/turndb" --pidfile="$WORK/turn.pid" --log-file=stdout --simple-log >"$WORK/coturn.log" 2>&1 &
  SERVER_PID=$!
  wait_for_udp "$COTURN_PORT"
}

start_osprey() {
  local opts=(--enable-native-access=ALL-UNNAMED) # as ./osprey runs the server
  [ "$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release")" -lt 23 ] || opts+=(--sun-misc-unsafe-memory-access=allow)
  # shellcheck disable=SC2086
  "$JAVA_HOME/bin/java" "${opts[@]}" ${OSPREY_JAVA_OPTS:-} -Xms256m -Xmx256m -XX:+UseParallelGC -cp "$CP" \
    dev.osprey.bench.turn.StandaloneTurnServer \
    --port="$OSPREY_PORT" --user="$USER_NAME:$PASSWORD" --realm="$REALM" --threads="$THREADS" \
    --min-port=57344 --max-port=65535 --allow=127.0.0.0/8 >"$WORK/osprey.log" 2>&1 &
  SERVER_PID=$!
  wait_for_udp "$OSPREY_PORT"
  grep -m1 READY "$WORK/osprey.log" >&2 || true
}

echo "turnutils_uclient [-y | -e 127.0.0.1 -r $PEER_PORT] -c -m $CLIENTS -n $MESSAGES -l $LENGTH -z $SPACING_MS; server threads $THREADS;" \
  "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(turnserver --version 2>/dev/null | head -1 | sed 's/^/coturn /'); $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
echo "| workload         | server                   | sent msgs | recv msgs | lost (%)        | CPU s    | CPU µs/relayed pkt | wake-ups | wall s | avg RTT ms | load |"
echo "|------------------|--------------------------|-----------|-----------|-----------------|----------|----------|----------|--------|-------------|------|"
for round in $(seq 1 "$ROUNDS"); do
  for WORKLOAD in $WORKLOADS; do
    if [ "$WORKLOAD" != client-to-client ]; then
      turnutils_peer -L 127.0.0.1 -p "$PEER_PORT" >"$WORK/peer.log" 2>&1 &
      PEER_PID=$!
    fi
    start_coturn
    measure "coturn $(turnserver --version 2>/dev/null | head -1)" "$COTURN_PORT"
    stop_server
    start_osprey
    measure "Osprey ($(grep -o 'epoll\|nio' "$WORK/osprey.log" | head -1))" "$OSPREY_PORT"
    stop_server
    stop_peer
    grep 'METER osprey.turn.dropped' "$WORK/osprey.log" | sed 's/^/  Osprey /' >&2 || true
  done
done
