#!/usr/bin/env bash
# Memory per IPv4 peer, Swarmkeeper beside opentracker: starts each tracker in turn on loopback,
# fills it over UDP with the same peers and torrents (`swarmkeeper bench memory`), prints resident
# set per peer for both and Swarmkeeper's heap after a full GC per peer, and stops it again.
#
# Usage: bench/memory-side-by-side.sh [PEERS [TORRENTS]]       (default 1000000 100000)
# Environment: SWARMKEEPER_JAVA_OPTS (heap and GC of the tracker under test), OT_PORT, SK_PORT,
#              FILL_LIMIT (per fill, default 10m), KEEP=1 keeps the work directory.
# Needs root for apt-get only if opentracker or jq is missing. Loopback only; bounded in time.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
peers=${1:-1000000}
torrents=${2:-100000}
ot_port=${OT_PORT:-7481}
sk_port=${SK_PORT:-7483}
limit=${FILL_LIMIT:-10m}
seed=1

need() { # command, Debian package
  command -v "$1" >/dev/null 2>&1 && return
  echo "installing $2..." >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2") >&2
}
need opentracker opentracker
need jq jq

work=$(mktemp -d /tmp/swarmkeeper-memory.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  [ "${KEEP:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT

sk() { "$root/swarmkeeper" "$@"; }

wait_udp() { # port, pid: until something listens on the port (30 s at most)
  for _ in $(seq 300); do
    kill -0 "$2" 2>/dev/null || { echo "tracker on port $1 exited; see $work" >&2; exit 1; }
    ss -Hlun "sport = :$1" | grep -q . && return
    sleep 0.1
  done
  echo "nothing listens on UDP port $1 after 30 s" >&2; exit 1
}

fill() { # name, port, pid -> JSON on stdout
  timeout 20m "$root/swarmkeeper" bench memory --target "127.0.0.1:$2" --pid "$3" --name "$1" \
    --peers "$peers" --torrents "$torrents" --seed "$seed" --duration "$limit" --json
}

# The build (if sources changed) happens here, outside any measurement.
sk bench whitelist "$work/whitelist.txt" --torrents "$torrents" --seed "$seed"
chmod 755 "$work"; chmod 644 "$work/whitelist.txt"

# opentracker: Debian's build is whitelist-only; the whitelist path is relative to its rootdir (it chroots there).
cat > "$work/opentracker.conf" <<EOF
tracker.rootdir $work
access.whitelist whitelist.txt
tracker.user _opentracker
listen.udp.workers 1
listen.udp 127.0.0.1:$ot_port
listen.tcp 127.0.0.1:$((ot_port + 1))
EOF
opentracker -f "$work/opentracker.conf" > "$work/opentracker.log" 2>&1 &
ot=$!; pids+=("$ot")
wait_udp "$ot_port" "$ot"
sleep 1 # opentracker reads its whitelist in a thread of its own after it binds
fill opentracker "$ot_port" "$ot" | tee "$work/opentracker.json" >&2 || true # judged at the end
kill "$ot"; wait "$ot" 2>/dev/null || true

# Swarmkeeper through its launcher (which execs the JVM, so $! is the JVM's pid).
"$root/swarmkeeper" serve --udp "127.0.0.1:$sk_port" --http "127.0.0.1:$((sk_port + 1))" > "$work/swarmkeeper.log" 2>&1 &
skp=$!; pids+=("$skp")
wait_udp "$sk_port" "$skp"
fill swarmkeeper "$sk_port" "$skp" | tee "$work/swarmkeeper.json" >&2 || true
kill "$skp"; wait "$skp" 2>/dev/null || true

echo
echo "memory side by side: $peers IPv4 peers in $torrents torrents ($(nproc) CPUs, $(uname -r), java opts: ${SWARMKEEPER_JAVA_OPTS:-none})"
printf '%-12s %10s %10s %12s %12s %10s %12s %12s %10s %12s\n' tracker stored seconds "RSS before" "RSS after" "RSS B/peer" "heap before" "heap after" "heap B/p" "RSS GC B/p"
for name in opentracker swarmkeeper; do
  jq -r '[.name, .peersStored, .fillSeconds, (.rssBeforeBytes/1e6|floor|tostring+" MB"), (.rssAfterBytes/1e6|floor|tostring+" MB"),
          .rssBytesPerPeer, (if .heapBeforeBytes then (.heapBeforeBytes/1e6|floor|tostring+" MB") else "-" end),
          (if .heapAfterBytes then (.heapAfterBytes/1e6|floor|tostring+" MB") else "-" end), (.heapBytesPerPeer // "-"),
          (.rssAfterGcBytesPerPeer // "-")] | @tsv' \
    "$work/$name.json" | awk -F'\t' '{printf "%-12s %10s %10s %12s %12s %10s %12s %12s %10s %12s\n", $1,$2,$3,$4,$5,$6,$7,$8,$9,$10}'
done
ok=$(jq -s 'all(.ok)' "$work/opentracker.json" "$work/swarmkeeper.json")
[ "$ok" = true ] || { echo "a fill was incomplete or had errors (see the JSON above)" >&2; exit 1; }
