#!/usr/bin/env bash
# Side by side: opentracker (Debian's package) and Swarmkeeper on loopback under the identical load.
#
#   bench/side-by-side.sh [--rounds 3] [--duration 10] [--mode single|scale] [options]
#
# Both trackers run pinned to CPU 0 (taskset), the load generator to CPU 1. After a warm-up run per
# tracker and protocol (not counted), each round runs UDP then HTTP against opentracker, then
# Swarmkeeper (A B A B). For each run it records the generator's JSON summary, the tracker's CPU
# seconds during the counted window (utime+stime from /proc/PID/stat), its CPU per 1,000 responses,
# and its resident memory (VmRSS) afterwards. It then prints the table, the medians and the ratios
# Swarmkeeper / opentracker, beside the generator's own ceiling (bench respond on CPU 0, bench udp
# on CPU 1), and UDP latency at 80 % of Swarmkeeper's median throughput for both trackers.
#
# --mode scale gives Swarmkeeper both CPUs (no taskset): the generator then shares CPU 1 with it.
#
# Options:
#   --rounds N            counted A B rounds (default 3; fewer than 3 is not a result)
#   --duration S          seconds counted per run (default 10)
#   --warmup-duration S   seconds of the uncounted warm-up run per tracker and protocol (default 5)
#   --mode single|scale   see above (default single)
#   --latency-at F        offered UDP rate for the latency runs, as a fraction of Swarmkeeper's median
#                         (default 0.8; 0 skips them)
#   --latency-rounds N    A B rounds of those latency runs, and of the HTTP runs below (default 1)
#   --http-connections L  extra HTTP runs with these connection counts against both trackers, A B
#                         (default 1,2; "none" skips them): Swarmkeeper's CPU per request at about
#                         the load opentracker gets (the generator caps opentracker's HTTP load)
#   --http-rates L        HTTP runs at these offered rates (requests/s, 64 connections, --rate) against
#                         both trackers, A B, --latency-rounds times (default 4000,8000,12000; "none"
#                         skips them): CPU per request at the same offered load, the issue's HTTP measure
#   --http-floor yes|no   with --http-rates, also run the C floor responder
#                         (bench/side-by-side/floor/http-responder.c, built with cc) on CPU 0 at the same
#                         rates: a server that only wakes, reads and sends, so each run shows how much
#                         of a tracker's CPU per request is the kernel's (default yes; single mode only;
#                         skipped with a note if there is no C compiler)
#   --udp-xdp yes|no      also run UDP against a third tracker, Swarmkeeper with udp.xdp on loopback
#                         (an XDP program hands its datagrams to an AF_XDP socket), A B C: started
#                         afresh for each of its runs, warmed up first, and stopped after, because
#                         an XDP program on loopback sees every loopback packet, opentracker's too
#                         (2-9 % of its UDP throughput, measured). Sets net.ipv4.conf.lo.accept_local
#                         and route_localnet to 1 for the script's duration (answers from an AF_XDP
#                         socket on loopback are dropped otherwise). Default yes as root in single
#                         mode; skipped with a note if the tracker cannot attach XDP
#   --udp-io packet|batch how the generator sends UDP requests: packet (from an AF_PACKET ring on lo,
#                         past the kernel's IP and UDP send paths, which on loopback are the largest
#                         part of the generator's own CPU; replies still come back to its sockets) or
#                         batch (sendmmsg on its sockets). Every tracker gets the same datagrams either
#                         way. packet sets net.ipv4.conf.lo.accept_local and route_localnet to 1 for the
#                         script's duration (Linux drops such frames from 127.0.0.1 otherwise). Default
#                         packet as root, else batch
#   --torrents N --seed S the workload (default 10000, 1); opentracker's whitelist is the same set
#   --out DIR             results directory (default bench/side-by-side/results/DATE-MODE)
# Environment: SWARMKEEPER_JAVA_OPTS adds JVM options to the Swarmkeeper server.
# Needs: Linux with 2+ CPUs, taskset, python3, root (or opentracker installed and tracker.user
# usable). Only loopback addresses are used; every process it starts is stopped on exit.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
helper="$root/bench/side-by-side/sbs.py"

rounds=3 duration=10 warm=5 mode=single latency_at=0.8 latency_rounds=1 http_conns=1,2 http_rates=4000,8000,12000 http_floor=yes udp_xdp=yes udp_io="" torrents=10000 seed=1 out=""
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --duration) duration=${2%s}; shift 2 ;;
    --warmup-duration) warm=${2%s}; shift 2 ;;
    --mode) mode=$2; shift 2 ;;
    --latency-at) latency_at=$2; shift 2 ;;
    --latency-rounds) latency_rounds=$2; shift 2 ;;
    --http-connections) http_conns=$2; shift 2 ;;
    --http-rates) http_rates=$2; shift 2 ;;
    --http-floor) http_floor=$2; shift 2 ;;
    --udp-xdp) udp_xdp=$2; shift 2 ;;
    --udp-io) udp_io=$2; shift 2 ;;
    --torrents) torrents=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "side-by-side: unknown argument $1" >&2; usage 2 >&2 ;;
  esac
done
for v in rounds duration warm latency_rounds torrents seed; do
  [[ ${!v} =~ ^[0-9]+$ ]] || { echo "side-by-side: --$v must be a whole number" >&2; exit 2; }
done
[ "$rounds" -ge 1 ] && [ "$duration" -ge 1 ] && [ "$rounds" -le 100 ] && [ "$duration" -le 3600 ] \
  && [ "$latency_rounds" -le 100 ] && [ "$warm" -le 3600 ] \
  || { echo "side-by-side: --rounds 1..100, --duration 1..3600, --latency-rounds 0..100" >&2; exit 2; }
case "$mode" in single|scale) ;; *) echo "side-by-side: --mode single|scale" >&2; exit 2 ;; esac
[[ $http_conns =~ ^(none|[1-9][0-9]{0,3}(,[1-9][0-9]{0,3}){0,9})$ ]] \
  || { echo "side-by-side: --http-connections is a list like 1,2 (at most 10), or none" >&2; exit 2; }
[[ $http_rates =~ ^(none|[1-9][0-9]{0,6}(,[1-9][0-9]{0,6}){0,9})$ ]] \
  || { echo "side-by-side: --http-rates is a list like 4000,8000 (at most 10), or none" >&2; exit 2; }
case "$http_floor" in yes|no) ;; *) echo "side-by-side: --http-floor yes|no" >&2; exit 2 ;; esac
case "$udp_xdp" in yes|no) ;; *) echo "side-by-side: --udp-xdp yes|no" >&2; exit 2 ;; esac
if [ "$udp_xdp" = yes ] && { [ "$mode" != single ] || [ "$(id -u)" -ne 0 ]; }; then
  echo "side-by-side: --udp-xdp needs single mode and root; running without it" >&2
  udp_xdp=no
fi
case "$udp_io" in packet|batch) ;; "") [ "$(id -u)" -eq 0 ] && udp_io=packet || udp_io=batch ;;
  *) echo "side-by-side: --udp-io packet|batch" >&2; exit 2 ;; esac
if [ "$udp_io" = packet ] && [ "$(id -u)" -ne 0 ]; then
  echo "side-by-side: --udp-io packet needs root; sending with batch" >&2
  udp_io=batch
fi
[[ $latency_at =~ ^(0|0?\.[0-9]+|1(\.0*)?)$ ]] || { echo "side-by-side: --latency-at is a fraction 0..1" >&2; exit 2; }

. "$root/scripts/find-java.sh"
. "$root/scripts/jvm-options.sh"
find_java || { echo "side-by-side: needs a JDK 21 or newer" >&2; exit 1; }
command -v taskset >/dev/null || { echo "side-by-side: needs taskset (util-linux)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "side-by-side: needs python3" >&2; exit 1; }
[ "$(nproc --all)" -ge 2 ] || { echo "side-by-side: needs 2 CPUs (0 and 1)" >&2; exit 1; }

if ! command -v opentracker >/dev/null; then
  [ "$(id -u)" -eq 0 ] || { echo "side-by-side: opentracker is missing; run as root to apt-get it" >&2; exit 1; }
  echo "side-by-side: installing Debian's opentracker..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q opentracker >&2 \
    || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q opentracker >&2; }
fi
ot_user=nobody
getent passwd _opentracker >/dev/null && ot_user=_opentracker

jar="$root/app/target/swarmkeeper-app.jar"
if [ ! -f "$jar" ]; then
  echo "side-by-side: building (mvn package)..." >&2
  (cd "$root" && mvn -q -B -DskipTests package >&2)
fi
cp="$jar:$root/app/target/lib/*"
# shellcheck disable=SC2207 # the options are words by design
sk_java=("$JAVA" $(swarmkeeper_jvm_options) -cp "$cp" io.swarmkeeper.app.Main)
# shellcheck disable=SC2207
tool=("$JAVA" $(swarmkeeper_access_options) -cp "$cp" io.swarmkeeper.app.Main)

[ -n "$out" ] || out="$root/bench/side-by-side/results/$(date -u +%Y%m%d-%H%M%S)-$mode"
mkdir -p "$out"
results="$out/results.jsonl"
: >"$results"
tmp=$(mktemp -d /tmp/side-by-side.XXXXXX)
chmod 755 "$tmp"

pids=()
helper_pid=
lo_conf=/proc/sys/net/ipv4/conf/lo
saved_lo=""
cleanup() {
  local pid i
  [ -z "$saved_lo" ] || { read -r a r <<<"$saved_lo"; echo "$a" >"$lo_conf/accept_local"; echo "$r" >"$lo_conf/route_localnet"; }
  if [ -n "$helper_pid" ]; then
    kill -TERM "$helper_pid" 2>/dev/null || true
    for i in $(seq 50); do kill -0 "$helper_pid" 2>/dev/null || break; sleep 0.1; done
  fi
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

exec > >(tee "$out/summary.txt") 2>&1

read -r ot_port sk_port cal_port floor_port skx_port < <(python3 "$helper" ports 5)

echo "== side by side: opentracker vs Swarmkeeper, mode $mode, $rounds rounds of ${duration} s"
echo "date        $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "machine     $(nproc --all) CPUs: $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1); kernel $(uname -r)"
echo "JDK         $("$JAVA" -version 2>&1 | head -n1) ($JAVA_HOME)"
echo "opentracker $(dpkg-query -W -f '${Version}' opentracker 2>/dev/null || echo '?'), listen.udp.workers 1, user $ot_user"
echo "swarmkeeper $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet 2>/dev/null || echo ' (modified)'), SWARMKEEPER_JAVA_OPTS='${SWARMKEEPER_JAVA_OPTS:-}'"
[ "$udp_xdp" = no ] || echo "xdp         UDP also against Swarmkeeper with udp.xdp lo (a fresh process per run, warmed up ${warm} s first)"
echo "udp io      the generator sends with --io $udp_io$([ "$udp_io" = packet ] && echo " (frames from an AF_PACKET ring on lo; replies to its sockets)")"
echo "workload    --torrents $torrents --seed $seed, generator defaults otherwise (UDP window 128, HTTP 64 connections)"
if [ "$mode" = single ]; then
  echo "pinning     opentracker: CPU 0; Swarmkeeper: CPU 0; generator: CPU 1 (each tracker alone on CPU 0 during its runs)"
else
  echo "pinning     opentracker: CPU 0; Swarmkeeper: unpinned (CPUs 0 and 1); generator: CPU 1"
  echo "NOTE        scale mode: the generator shares CPU 1 with Swarmkeeper, so Swarmkeeper's second CPU is"
  echo "            only what the generator leaves of it; its figures are a lower bound of its 2-CPU capacity"
fi
echo "load avg    before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "results     $out"
echo

# opentracker: whitelist = the generator's torrent set, path relative to tracker.rootdir
"${tool[@]}" bench whitelist "$tmp/whitelist.txt" --torrents "$torrents" --seed "$seed" >/dev/null
cat >"$tmp/opentracker.conf" <<EOF
tracker.rootdir $tmp
access.whitelist whitelist.txt
tracker.user $ot_user
listen.udp.workers 1
listen.udp 127.0.0.1:$ot_port
listen.tcp 127.0.0.1:$ot_port
EOF
chmod 644 "$tmp"/*

gen_args=(--torrents "$torrents" --seed "$seed" --json)
# run TRACKER PID LABEL ROUND SECONDS [extra generator args...]
run() {
  local name=$1 pid=$2 label=$3 round=$4 secs=$5 port proto
  shift 5
  kill -0 "$pid" 2>/dev/null || { echo "side-by-side: $name (pid $pid) is not running" >&2; exit 1; }
  case "$name" in
    opentracker) port=$ot_port ;; swarmkeeper) port=$sk_port ;; calibrate) port=$cal_port ;; floor) port=$floor_port ;;
    swarmkeeper-xdp) port=$skx_port ;;
  esac
  local io=()
  case "$label" in *http*) proto=http ;; *) proto=udp io=(--io "$udp_io") ;; esac
  local pinned=1
  [ "$name" = swarmkeeper ] && [ "$mode" = scale ] && pinned=0
  # in the background and waited for, so that a signal to this script is handled at once (the
  # helper stops its generator on SIGTERM)
  taskset -c 1 python3 "$helper" run --pid "$pid" --tracker "$name" --label "$label" --round "$round" \
    --warmup 1 --pinned "$pinned" --timeout $((secs + 90)) --out "$results" --log "$out/progress.log" "$@" -- \
    taskset -c 1 "${tool[@]}" bench "$proto" --target "127.0.0.1:$port" --duration "${secs}s" --warmup 1s \
    "${gen_args[@]}" ${io[@]+"${io[@]}"} ${extra[@]+"${extra[@]}"} &
  helper_pid=$!
  wait "$helper_pid" || echo "  (generator exit code non-zero: see $out/progress.log)"
  helper_pid=
}

wait_ready() {  # NAME PID PORT: both UDP and TCP answer, within 60 s
  local name=$1 pid=$2 port=$3 i
  for i in $(seq 120); do
    kill -0 "$pid" 2>/dev/null || { echo "side-by-side: $name exited; its log:" >&2; cat "$out/$name.log" >&2; exit 1; }
    if python3 "$helper" probe udp 127.0.0.1 "$port" && python3 "$helper" probe tcp 127.0.0.1 "$port"; then
      return 0
    fi
    sleep 0.5
  done
  echo "side-by-side: $name did not answer on 127.0.0.1:$port within 60 s" >&2
  exit 1
}

# run_xdp LABEL ROUND SECONDS [helper args...]: a Swarmkeeper with udp.xdp on loopback, started for
# this run alone (so no XDP program is on loopback during the other trackers' runs), warmed up
# with an uncounted run, measured, and stopped.
run_xdp() {
  local label=$1 round=$2 secs=$3 pid
  shift 3
  SWARMKEEPER_UDP_XDP=lo taskset -c 0 "${sk_java[@]}" serve --udp "127.0.0.1:$skx_port" --http "127.0.0.1:$skx_port" \
    >>"$out/swarmkeeper-xdp.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  wait_ready swarmkeeper-xdp "$pid" "$skx_port"
  local counted=("${extra[@]+"${extra[@]}"}")
  extra=()
  run swarmkeeper-xdp "$pid" "warmup-udp" "$round" "$warm"
  extra=("${counted[@]+"${counted[@]}"}")
  run swarmkeeper-xdp "$pid" "$label" "$round" "$secs" "$@"
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

if [ "$udp_xdp" = yes ] || [ "$udp_io" = packet ]; then
  saved_lo="$(cat "$lo_conf/accept_local") $(cat "$lo_conf/route_localnet")"
  echo 1 >"$lo_conf/accept_local"
  echo 1 >"$lo_conf/route_localnet"
fi

if [ "$udp_xdp" = yes ]; then
  # one try first: a kernel without AF_XDP, or a container without CAP_NET_ADMIN, skips it
  SWARMKEEPER_UDP_XDP=lo taskset -c 0 "${sk_java[@]}" serve --udp "127.0.0.1:$skx_port" --http "127.0.0.1:$skx_port" \
    >"$out/swarmkeeper-xdp.log" 2>&1 &
  xdp_pid=$!
  pids+=("$xdp_pid")
  for i in $(seq 120); do
    kill -0 "$xdp_pid" 2>/dev/null || break
    python3 "$helper" probe udp 127.0.0.1 "$skx_port" && break
    sleep 0.5
  done
  if kill -0 "$xdp_pid" 2>/dev/null && python3 "$helper" probe udp 127.0.0.1 "$skx_port"; then
    kill -TERM "$xdp_pid"; wait "$xdp_pid" 2>/dev/null || true
  else
    echo "NOTE        no runs with udp.xdp: the tracker could not attach XDP on loopback ($(tail -n1 "$out/swarmkeeper-xdp.log"))"
    kill -KILL "$xdp_pid" 2>/dev/null || true
    udp_xdp=no
  fi
fi

# 1. The generator's ceiling, pinned as the trackers will be: responder on CPU 0, generator on CPU 1.
echo "-- calibrate: bench respond on CPU 0, bench udp on CPU 1, ${duration} s"
taskset -c 0 "${tool[@]}" bench respond --listen "127.0.0.1:$cal_port" --duration "$((duration + 60))s" \
  >"$out/calibrate-respond.log" 2>&1 &
cal_pid=$!
pids+=("$cal_pid")
for i in $(seq 120); do python3 "$helper" probe udp 127.0.0.1 "$cal_port" && break; sleep 0.5; done
extra=()
run calibrate "$cal_pid" calibrate 0 "$duration"
kill -TERM "$cal_pid" 2>/dev/null || true
wait "$cal_pid" 2>/dev/null || true
echo

# 2. The trackers.
taskset -c 0 opentracker -f "$tmp/opentracker.conf" >"$out/opentracker.log" 2>&1 &
ot_pid=$!
pids+=("$ot_pid")
if [ "$mode" = single ]; then
  taskset -c 0 "${sk_java[@]}" serve --udp "127.0.0.1:$sk_port" --http "127.0.0.1:$sk_port" >"$out/swarmkeeper.log" 2>&1 &
else
  "${sk_java[@]}" serve --udp "127.0.0.1:$sk_port" --http "127.0.0.1:$sk_port" >"$out/swarmkeeper.log" 2>&1 &
fi
sk_pid=$!
pids+=("$sk_pid")
wait_ready opentracker "$ot_pid" "$ot_port"
wait_ready swarmkeeper "$sk_pid" "$sk_port"
echo "-- trackers up: opentracker pid $ot_pid on 127.0.0.1:$ot_port, Swarmkeeper pid $sk_pid on 127.0.0.1:$sk_port (UDP and TCP)"
echo "   affinity: opentracker $(taskset -pc "$ot_pid" | sed 's/.*: //'), Swarmkeeper $(taskset -pc "$sk_pid" | sed 's/.*: //')"
echo

echo "-- warm-up, ${warm} s per tracker and protocol (not counted)"
for proto in udp http; do
  run opentracker "$ot_pid" "warmup-$proto" 0 "$warm"
  run swarmkeeper "$sk_pid" "warmup-$proto" 0 "$warm"
done
echo

for r in $(seq "$rounds"); do
  echo "-- round $r of $rounds"
  for proto in udp http; do
    run opentracker "$ot_pid" "$proto" "$r" "$duration"
    run swarmkeeper "$sk_pid" "$proto" "$r" "$duration"
    [ "$proto" = http ] || [ "$udp_xdp" = no ] || run_xdp "$proto" "$r" "$duration"
  done
done
echo

if [ "$latency_at" != 0 ] && [ "$latency_rounds" -gt 0 ]; then
  rate=$(python3 "$helper" median-rate "$results" swarmkeeper "$latency_at")
  if [ "${rate:-0}" -gt 0 ]; then
    echo "-- UDP latency at $latency_at x Swarmkeeper's median throughput: --rate $rate, ${duration} s each, $latency_rounds round(s)"
    extra=(--rate "$rate")
    for r in $(seq "$latency_rounds"); do
      # the helper records the offered rate
      run opentracker "$ot_pid" udp-rate "$r" "$duration" --offered "$rate"
      run swarmkeeper "$sk_pid" udp-rate "$r" "$duration" --offered "$rate"
    done
    extra=()
    echo
  fi
  xrate=0
  [ "$udp_xdp" = no ] || xrate=$(python3 "$helper" median-rate "$results" swarmkeeper-xdp "$latency_at")
  if [ "${xrate:-0}" -gt 0 ]; then
    echo "-- UDP latency of Swarmkeeper with udp.xdp at $latency_at x its median throughput: --rate $xrate, $latency_rounds round(s)"
    extra=(--rate "$xrate")
    for r in $(seq "$latency_rounds"); do
      run_xdp udp-rate "$r" "$duration" --offered "$xrate"
    done
    extra=()
    echo
  fi
fi

if [ "$http_conns" != none ] && [ "$latency_rounds" -gt 0 ]; then
  echo "-- HTTP with fewer connections (${http_conns}), ${duration} s each, $latency_rounds round(s)"
  for r in $(seq "$latency_rounds"); do
    for c in ${http_conns//,/ }; do
      extra=(--connections "$c")
      run opentracker "$ot_pid" "http-c$c" "$r" "$duration"
      run swarmkeeper "$sk_pid" "http-c$c" "$r" "$duration"
    done
  done
  extra=()
  echo
fi

if [ "$http_rates" != none ] && [ "$latency_rounds" -gt 0 ]; then
  echo "-- HTTP at the same offered rate (${http_rates}/s), ${duration} s each, $latency_rounds round(s)"
  floor_pid=
  if [ "$http_floor" = yes ] && [ "$mode" = single ]; then
    if command -v cc >/dev/null && cc -O2 -o "$tmp/http-floor" "$root/bench/side-by-side/floor/http-responder.c"; then
      rates=${http_rates//,/ }
      # it stops by itself after the runs it is needed for (three trackers' runs per rate and
      # round: it has to outlive the other two's as well as its own), and a minute to spare
      taskset -c 0 "$tmp/http-floor" "$floor_port" $((3 * latency_rounds * $(wc -w <<<"$rates") * (duration + 15) + 60)) \
        >"$out/floor.log" 2>&1 &
      floor_pid=$!
      pids+=("$floor_pid")
      for i in $(seq 120); do python3 "$helper" probe tcp 127.0.0.1 "$floor_port" && break; sleep 0.5; done
      echo "   with the C floor responder (epoll, read, send only) on CPU 0, pid $floor_pid, 127.0.0.1:$floor_port"
    else
      echo "   (no C floor: no C compiler, or it failed; see --http-floor)"
    fi
  fi
  for r in $(seq "$latency_rounds"); do
    for q in ${http_rates//,/ }; do
      extra=(--rate "$q")
      run opentracker "$ot_pid" "http-r$q" "$r" "$duration" --offered "$q"
      run swarmkeeper "$sk_pid" "http-r$q" "$r" "$duration" --offered "$q"
      [ -z "$floor_pid" ] || run floor "$floor_pid" "http-r$q" "$r" "$duration" --offered "$q"
    done
  done
  extra=()
  [ -z "$floor_pid" ] || { kill -TERM "$floor_pid" 2>/dev/null || true; wait "$floor_pid" 2>/dev/null || true; }
  echo
fi

echo "load avg    after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
python3 "$helper" report "$results"
[ "$rounds" -ge 3 ] || echo "NOTE: fewer than 3 rounds: not a result, only a try of the script"
