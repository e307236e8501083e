#!/usr/bin/env python3
"""Helpers for bench/side-by-side.sh (standard library only).

  sbs.py ports N                      N port numbers free for both TCP and UDP on 127.0.0.1
  sbs.py probe udp|tcp HOST PORT      exit 0 if a BEP 15 connect is answered / a TCP connect succeeds
  sbs.py run --pid PID --tracker NAME --label L --round R --warmup S --timeout S --out FILE -- CMD...
        runs one load-generator command (its stdout is one JSON line), samples the tracker's
        utime+stime (/proc/PID/stat) and the per-CPU busy time (/proc/stat) when the generator's
        counted window starts (its first progress line at or after the warm-up) and when it exits,
        reads the tracker's VmRSS afterwards, and appends one JSON line to FILE
  sbs.py report FILE                  prints the tables, medians and ratios of the lines in FILE
"""
import json
import os
import random
import re
import signal
import socket
import statistics
import struct
import subprocess
import sys
import threading
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")


def free_ports(n):
    ports = []
    rnd = random.Random()
    for _ in range(2000):
        if len(ports) == n:
            break
        p = rnd.randrange(20000, 40000)
        if p in ports:
            continue
        ok = True
        for kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM):
            s = socket.socket(socket.AF_INET, kind)
            try:
                s.bind(("127.0.0.1", p))
            except OSError:
                ok = False
            finally:
                s.close()
        if ok:
            ports.append(p)
    if len(ports) < n:
        sys.exit("no free ports found")
    print(" ".join(map(str, ports)))


def probe(kind, host, port):
    port = int(port)
    if kind == "tcp":
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return 0
        except OSError:
            return 1
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(0.5)
    try:
        tid = random.getrandbits(32)
        s.sendto(struct.pack(">QII", 0x41727101980, 0, tid), (host, port))
        data, _ = s.recvfrom(64)
        if len(data) >= 16 and struct.unpack(">II", data[:8]) == (0, tid):
            return 0
        return 1
    except OSError:
        return 1
    finally:
        s.close()


def proc_cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        stat = f.read()
    fields = stat[stat.rindex(")") + 2:].split()
    # fields[0] is field 3 (state); utime and stime are fields 14 and 15
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def proc_rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return None


def cpu_times():
    """Per CPU (busy, total) jiffies from /proc/stat; busy excludes idle and iowait, includes steal."""
    out = {}
    with open("/proc/stat") as f:
        for line in f:
            m = re.match(r"cpu(\d+) (.*)", line)
            if m:
                v = [int(x) for x in m.group(2).split()]
                idle = v[3] + v[4]
                total = sum(v[:8])
                out[int(m.group(1))] = (total - idle, total, v[7])
    return out


def run(argv):
    opts = {}
    i = 0
    while argv[i] != "--":
        opts[argv[i].lstrip("-")] = argv[i + 1]
        i += 2
    cmd = argv[i + 1:]
    pid = int(opts["pid"])
    warmup = float(opts["warmup"])
    timeout = float(opts["timeout"])
    progress_log = opts.get("log")

    marks = {}

    def sample(name):
        marks[name] = (time.monotonic(), proc_cpu_seconds(pid), cpu_times())

    sample("start")
    gen = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def stop(signum, frame):
        gen.kill()
        gen.wait()
        sys.exit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    err_lines = []

    def read_err():
        for line in gen.stderr:
            err_lines.append(line)
            m = re.match(r"\[\s*(\d+)s\]", line)
            if m and warmup > 0 and "count" not in marks and "(warm-up)" not in line and int(m.group(1)) >= warmup:
                sample("count")

    out_parts = []
    t = threading.Thread(target=read_err, daemon=True)
    t.start()
    t_out = threading.Thread(target=lambda: out_parts.append(gen.stdout.read()), daemon=True)
    t_out.start()
    try:
        gen.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        gen.kill()
        gen.wait()
    t.join(5)
    t_out.join(5)
    out = "".join(out_parts)
    sample("end")
    rss = proc_rss_kb(pid)
    if progress_log:
        with open(progress_log, "a") as f:
            f.write(f"# {opts['tracker']} {opts['label']} round {opts['round']}: {' '.join(cmd)}\n")
            f.writelines(err_lines)
    try:
        result = json.loads(out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        result = {"responses": 0, "responsesPerSecond": 0, "errors": None, "parseFailure": out[-500:]}
    begin = marks.get("count", marks["start"])
    end = marks["end"]
    wall = end[0] - begin[0]
    cpu = end[1] - begin[1]
    per_cpu = {}
    for c, (busy, total, steal) in end[2].items():
        b0, t0, s0 = begin[2][c]
        per_cpu[f"cpu{c}"] = {"busy": round((busy - b0) / max(1, total - t0), 4),
                              "steal": round((steal - s0) / max(1, total - t0), 4)}
    responses = result.get("responses") or 0
    line = {
        "tracker": opts["tracker"], "label": opts["label"], "round": int(opts["round"]),
        "offered": int(opts["offered"]) if opts.get("offered") else None,
        "exitCode": gen.returncode, "countedWindowFound": "count" in marks or warmup == 0,
        "trackerCpuSeconds": round(cpu, 3), "trackerWallSeconds": round(wall, 3),
        "trackerCpuShare": round(cpu / wall, 3) if wall > 0 else None,
        "trackerCpuSecondsPer1k": round(cpu / responses * 1000, 6) if responses else None,
        "trackerPinnedCpu0": opts.get("pinned") == "1",
        "trackerRssKb": rss, "cpus": per_cpu, "loadavg": open("/proc/loadavg").read().split()[:3],
        "generator": result,
    }
    with open(opts["out"], "a") as f:
        f.write(json.dumps(line) + "\n")
    g = result
    print(f"  {opts['label']:<10} {opts['tracker']:<12} round {opts['round']}: "
          f"{g.get('responsesPerSecond', 0):>10,.0f} resp/s  p50 {g.get('latencyP50Micros', 0):>7,.0f} us  "
          f"p99 {g.get('latencyP99Micros', 0):>8,.0f} us  errors {g.get('errors')}  lost {g.get('lost', 0)}  "
          f"tracker CPU {cpu:.2f} s ({line['trackerCpuShare']}) "
          f"= {line['trackerCpuSecondsPer1k'] or 0:.4f} s/1k  RSS {rss / 1024 if rss else 0:.1f} MB", flush=True)
    return 0 if gen.returncode == 0 else 2


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def fmt(x, spec):
    return "-" if x is None else format(x, spec)


def generator_bound(name, rounds):
    """A note when the generator's CPU, not the tracker's, was full in every round: the throughput
    ratio is then a lower bound, and the CPU per request says more."""
    if not rounds:
        return ""
    tracker = [r.get("cpus", {}).get("cpu0", {}).get("busy", 1) for r in rounds]
    generator = [r.get("cpus", {}).get("cpu1", {}).get("busy", 0) for r in rounds]
    if min(generator) < 0.97 or max(tracker) > 0.90 or not all(r["trackerPinnedCpu0"] for r in rounds):
        return ""
    return (f"\n      the generator's CPU was {span(generator)} % busy and {name}'s {span(tracker)} % in every "
            f"round: the generator set the pace, so this throughput ratio is a lower bound")


def span(fractions):
    low, high = round(min(fractions) * 100), round(max(fractions) * 100)
    return f"{low}" if low == high else f"{low}-{high}"


def report(path):
    rows = [json.loads(l) for l in open(path) if l.strip()]
    trackers = []
    for r in rows:
        if r["tracker"] not in trackers and r["tracker"] != "calibrate":
            trackers.append(r["tracker"])
    sk, ot = "swarmkeeper", "opentracker"

    cal = [r for r in rows if r["tracker"] == "calibrate"]
    if cal:
        for c in cal:
            g = c["generator"]
            print(f"Generator ceiling (bench respond on CPU 0, bench udp on CPU 1): "
                  f"{g.get('responsesPerSecond', 0):,.0f} UDP responses/s, p50 {g.get('latencyP50Micros', 0):,.0f} us, "
                  f"p99 {g.get('latencyP99Micros', 0):,.0f} us, generator CPU "
                  f"{g.get('generatorCpuMicrosPerResponse', 0):.2f} us/response")
        print()

    hdr = (f"| {'proto':<5} | {'round':>5} | {'tracker':<15} | {'responses/s':>11} | {'p50 us':>7} | {'p99 us':>8} "
           f"| {'errors':>6} | {'lost':>5} | {'CPU s':>6} | {'CPU share':>9} | {'CPU s/1k req':>12} "
           f"| {'gen us/resp':>11} | {'RSS MB':>6} | {'CPU0/CPU1 busy':>14} | {'others on CPU0':>14} |")
    print(hdr)
    print("|" + "|".join("-" * (len(c)) for c in hdr.split("|")[1:-1]) + "|")
    for r in rows:
        if r["label"] not in ("udp", "http"):
            continue
        g = r["generator"]
        c = r.get("cpus", {})
        busy = "/".join(f"{c.get(k, {}).get('busy', 0) * 100:.0f}%" for k in ("cpu0", "cpu1"))
        others = "-"
        if r.get("trackerPinnedCpu0") and r.get("trackerCpuShare") is not None:
            others = f"{max(0.0, c.get('cpu0', {}).get('busy', 0) - r['trackerCpuShare']) * 100:.0f}%"
        print(f"| {r['label']:<5} | {r['round']:>5} | {r['tracker']:<15} | {g.get('responsesPerSecond', 0):>11,.0f} "
              f"| {g.get('latencyP50Micros', 0):>7,.0f} | {g.get('latencyP99Micros', 0):>8,.0f} "
              f"| {fmt(g.get('errors'), '>6')} | {g.get('lost', 0):>5} | {r['trackerCpuSeconds']:>6.2f} "
              f"| {fmt(r['trackerCpuShare'], '>9.2f')} | {fmt(r['trackerCpuSecondsPer1k'], '>12.4f')} "
              f"| {g.get('generatorCpuMicrosPerResponse', 0):>11.2f} "
              f"| {(r['trackerRssKb'] or 0) / 1024:>6.1f} | {busy:>14} | {others:>14} |")
    print()

    print("Medians over the counted rounds, and Swarmkeeper / opentracker (median of the per-round ratios, "
          "min..max over rounds):")
    print()
    print(f"| {'proto':<5} | {'tracker':<15} | {'responses/s':>11} | {'p50 us':>7} | {'p99 us':>8} | {'CPU s/1k req':>12} |")
    print("|-------|-----------------|-------------|---------|----------|--------------|")
    ratio_lines = []
    for proto in ("udp", "http"):
        per = {}
        for t in trackers:
            rs = [r for r in rows if r["label"] == proto and r["tracker"] == t]
            if not rs:
                continue
            per[t] = {r["round"]: r for r in rs}
            print(f"| {proto:<5} | {t:<15} | {med([r['generator'].get('responsesPerSecond') for r in rs]):>11,.0f} "
                  f"| {med([r['generator'].get('latencyP50Micros') for r in rs]):>7,.0f} "
                  f"| {med([r['generator'].get('latencyP99Micros') for r in rs]):>8,.0f} "
                  f"| {fmt(med([r['trackerCpuSecondsPer1k'] for r in rs]), '>12.4f')} |")
        for mine in (t for t in per if t.startswith(sk) and ot in per):
            name = "Swarmkeeper" + mine[len(sk):]
            rounds = sorted(set(per[mine]) & set(per[ot]))
            tp = [per[mine][n]["generator"]["responsesPerSecond"] / per[ot][n]["generator"]["responsesPerSecond"]
                  for n in rounds if per[ot][n]["generator"].get("responsesPerSecond")]
            cp = [per[mine][n]["trackerCpuSecondsPer1k"] / per[ot][n]["trackerCpuSecondsPer1k"]
                  for n in rounds if per[mine][n]["trackerCpuSecondsPer1k"] and per[ot][n]["trackerCpuSecondsPer1k"]]
            ratio_lines.append(
                f"{proto.upper():<4}  throughput {name}/opentracker: median {fmt(med(tp), '.2f')}x "
                f"(rounds: {', '.join(f'{x:.2f}' for x in tp)}; min..max {fmt(min(tp) if tp else None, '.2f')}.."
                f"{fmt(max(tp) if tp else None, '.2f')})\n"
                f"      CPU per request {name}/opentracker: median {fmt(med(cp), '.2f')} "
                f"(rounds: {', '.join(f'{x:.2f}' for x in cp)}; min..max {fmt(min(cp) if cp else None, '.2f')}.."
                f"{fmt(max(cp) if cp else None, '.2f')})" + generator_bound(name, [per[mine][n] for n in rounds]))
    print()
    for l in ratio_lines:
        print(l)
    print()

    rate = [r for r in rows if r["label"] == "udp-rate"]
    if rate:
        print("UDP latency at a fixed offered rate (--rate):")
        print()
        print("| round | tracker         | offered/s | responses/s | p50 us | p99 us | p99.9 us | max us | errors | lost | CPU share | CPU s/1k req |")
        print("|-------|-----------------|-----------|-------------|--------|--------|----------|--------|--------|------|-----------|--------------|")
        for r in rate:
            g = r["generator"]
            print(f"| {r['round']:>5} | {r['tracker']:<15} | {fmt(r.get('offered'), '>9,')} "
                  f"| {g.get('responsesPerSecond', 0):>11,.0f} | {g.get('latencyP50Micros', 0):>6,.0f} "
                  f"| {g.get('latencyP99Micros', 0):>6,.0f} | {g.get('latencyP999Micros', 0):>8,.0f} "
                  f"| {g.get('latencyMaxMicros', 0):>6,.0f} | {fmt(g.get('errors'), '>6')} | {g.get('lost', 0):>4} "
                  f"| {fmt(r['trackerCpuShare'], '>9.2f')} | {fmt(r['trackerCpuSecondsPer1k'], '>12.4f')} |")
        print()

    few = [r for r in rows if re.fullmatch(r"http-c\d+", r["label"])]
    if few:
        print("HTTP with fewer connections (lower load; opentracker opens one per request either way):")
        print()
        print("| round | tracker         | connections | responses/s | p50 us | p99 us | errors | CPU share | CPU s/1k req | gen us/resp |")
        print("|-------|-----------------|-------------|-------------|--------|--------|--------|-----------|--------------|-------------|")
        for r in few:
            g = r["generator"]
            print(f"| {r['round']:>5} | {r['tracker']:<15} | {r['label'][6:]:>11} | {g.get('responsesPerSecond', 0):>11,.0f} "
                  f"| {g.get('latencyP50Micros', 0):>6,.0f} | {g.get('latencyP99Micros', 0):>6,.0f} "
                  f"| {fmt(g.get('errors'), '>6')} | {fmt(r['trackerCpuShare'], '>9.2f')} "
                  f"| {fmt(r['trackerCpuSecondsPer1k'], '>12.4f')} | {g.get('generatorCpuMicrosPerResponse', 0):>11.2f} |")
        print()
        # CPU per request at about the same load: every pair of run groups (tracker, connections)
        # whose median throughputs are within 25 % of each other
        groups = {}
        for r in rows:
            if r["tracker"] in (sk, ot) and (r["label"] == "http" or r in few):
                groups.setdefault((r["tracker"], r["label"]), []).append(r)
        summary = {k: (med([r["generator"].get("responsesPerSecond") for r in rs]),
                       med([r["trackerCpuSecondsPer1k"] for r in rs]), len(rs)) for k, rs in groups.items()}
        conns = lambda label: "64" if label == "http" else label[6:]
        pairs = []
        for (t1, l1), (x1, c1, n1) in summary.items():
            for (t2, l2), (x2, c2, n2) in summary.items():
                if t1 == sk and t2 == ot and x1 and x2 and c1 and c2 and abs(x1 - x2) <= 0.25 * max(x1, x2):
                    pairs.append(f"  Swarmkeeper {conns(l1)} conn. {x1:,.0f}/s {c1:.4f} s/1k vs opentracker "
                                 f"{conns(l2)} conn. {x2:,.0f}/s {c2:.4f} s/1k: CPU ratio {c1 / c2:.2f}")
        print("HTTP CPU per request where both trackers ran at about the same load (medians, within 25 %):")
        print("\n".join(pairs) if pairs else "  (no pair of runs within 25 % of each other's throughput)")
        print()

    paced = [r for r in rows if re.fullmatch(r"http-r\d+", r["label"])]
    if paced:
        print("HTTP at the same offered rate (--rate, 64 connections): the issue's CPU-per-request measure")
        print()
        print("| round | tracker         | offered/s | responses/s | p50 us | p99 us | errors | CPU share | CPU s/1k req |")
        print("|-------|-----------------|-----------|-------------|--------|--------|--------|-----------|--------------|")
        for r in paced:
            g = r["generator"]
            print(f"| {r['round']:>5} | {r['tracker']:<15} | {fmt(r.get('offered'), '>9,')} "
                  f"| {g.get('responsesPerSecond', 0):>11,.0f} | {g.get('latencyP50Micros', 0):>6,.0f} "
                  f"| {g.get('latencyP99Micros', 0):>6,.0f} | {fmt(g.get('errors'), '>6')} "
                  f"| {fmt(r['trackerCpuShare'], '>9.2f')} | {fmt(r['trackerCpuSecondsPer1k'], '>12.4f')} |")
        print()
        for label in sorted({r["label"] for r in paced}, key=lambda l: int(l[6:])):
            cpu = {t: med([r["trackerCpuSecondsPer1k"] for r in paced if r["label"] == label and r["tracker"] == t])
                   for t in (sk, ot, "floor")}
            if cpu[sk] and cpu[ot]:
                floor = (f"; the C floor {cpu['floor'] / cpu[ot]:.2f} of opentracker ({cpu['floor']:.4f})"
                         if cpu["floor"] else "")
                print(f"  {int(label[6:]):>7,}/s offered: CPU per request Swarmkeeper/opentracker {cpu[sk] / cpu[ot]:.2f} "
                      f"({cpu[sk]:.4f} vs {cpu[ot]:.4f} s/1k, medians){floor}")
        print()

    print("Resident memory (VmRSS) after each tracker's last run:")
    for t in trackers:
        last = [r for r in rows if r["tracker"] == t and r["trackerRssKb"]]
        if last:
            print(f"  {t:<12} {last[-1]['trackerRssKb'] / 1024:8.1f} MB   (max seen {max(r['trackerRssKb'] for r in last) / 1024:.1f} MB)")
    noisy = [r for r in rows if r["label"] in ("udp", "http") and r.get("trackerPinnedCpu0")
             and r.get("trackerCpuShare") is not None
             and r.get("cpus", {}).get("cpu0", {}).get("busy", 0) - r["trackerCpuShare"] > 0.10]
    if noisy:
        print()
        print("NOTE: other processes used more than 10 % of CPU 0 during "
              + ", ".join(f"{r['tracker']}/{r['label']}/round {r['round']}" for r in noisy)
              + ": their throughput is not the tracker's; CPU per request is less affected")
    bad = [r for r in rows if r.get("exitCode") not in (0, None) or not r.get("countedWindowFound", True)]
    if bad:
        print()
        print(f"WARNING: {len(bad)} run(s) exited non-zero or had no counted-window mark: "
              + ", ".join(f"{r['tracker']}/{r['label']}/round {r['round']} (exit {r.get('exitCode')})" for r in bad))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cmd = sys.argv[1]
    if cmd == "ports":
        free_ports(int(sys.argv[2]))
    elif cmd == "probe":
        sys.exit(probe(*sys.argv[2:5]))
    elif cmd == "run":
        sys.exit(run(sys.argv[2:]))
    elif cmd == "report":
        report(sys.argv[2])
    elif cmd == "median-rate":
        rows = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
        xs = [r["generator"].get("responsesPerSecond") for r in rows
              if r["tracker"] == sys.argv[3] and r["label"] == "udp"]
        m = med(xs)
        print(int(m * float(sys.argv[4])) if m else 0)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
