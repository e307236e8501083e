#!/usr/bin/python3
"""Drives python3-libtorrent (Debian) as one side of Swarmkeeper's end-to-end test.

  lt_client.py seed  --torrent F --dir D --port P [--time-limit S] [--stop-with-pid PID]
  lt_client.py leech --torrent F --dir D --port P [--time-limit S] [--stop-with-pid PID]

The client talks to nothing but the tracker in the .torrent and the peers the tracker
names: DHT, local service discovery (multicast), UPnP, NAT-PMP and all default extensions
(ut_pex, ut_metadata, smart_ban) are off, and it listens on 127.0.0.1 only.

Prints one line per event, a status line whenever the state, pieces or peers change (and
every 5 s regardless), all flushed at once. Marker words for the caller: TRACKER_REPLY (a
successful announce), TRACKER_FAILURE (the tracker refused), SEEDING, COMPLETE. Exit codes:
  0  leech: the download completed and libtorrent's hash check of every piece passed;
     seed: the time limit was reached while seeding (or SIGTERM/SIGINT arrived, or the
     process --stop-with-pid names is gone)
  1  leech: the time limit was reached before completion
  2  a fatal error (bad torrent, the data to seed is incomplete, listen failed, ...)
"""
import argparse
import os
import signal
import sys
import time

import libtorrent as lt


def log(msg):
    sys.stdout.write("%.3f %s\n" % (time.monotonic() - START, msg))
    sys.stdout.flush()


START = time.monotonic()
STOP = False


def on_signal(signum, _frame):
    global STOP
    STOP = True


def failure_reason(alert):
    reason = getattr(alert, "failure_reason", "")
    return reason() if callable(reason) else reason


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def settings(port):
    return {
        # Only loopback: bind the peer listener (TCP and uTP) to 127.0.0.1 only.
        "listen_interfaces": "127.0.0.1:%d" % port,
        "outgoing_interfaces": "",
        "listen_system_port_fallback": False,
        # No peer source other than the tracker.
        "enable_dht": False,
        "dht_bootstrap_nodes": "",
        "enable_lsd": False,
        "enable_upnp": False,
        "enable_natpmp": False,
        # Every peer is 127.0.0.1: without this libtorrent drops the second connection
        # from the same address.
        "allow_multiple_connections_per_ip": True,
        # SSRF mitigation refuses tracker URLs on loopback whose path is not /announce
        # (e.g. private-tracker passkey paths) and peers on loopback ports < 1024.
        "ssrf_mitigation": False,
        "no_connect_privileged_ports": False,
        # TCP only: aria2 has no uTP, and libtorrent tries uTP first and waits ~3.5 s for
        # it to time out before falling back to TCP.
        "enable_outgoing_utp": False,
        "enable_incoming_utp": False,
        # Announce at once, to every tracker and tier, and retry quickly in a test.
        "announce_to_all_trackers": True,
        "announce_to_all_tiers": True,
        "tracker_backoff": 10,
        "min_announce_interval": 5,
        "tracker_completion_timeout": 10,
        "tracker_receive_timeout": 5,
        "stop_tracker_timeout": 1,
        "alert_mask": lt.alert.category_t.error_notification
        | lt.alert.category_t.status_notification
        | lt.alert.category_t.tracker_notification
        | lt.alert.category_t.peer_notification
        | lt.alert.category_t.connect_notification,
    }


def main():
    global START
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["seed", "leech"])
    p.add_argument("--torrent", required=True)
    p.add_argument("--dir", required=True)
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--time-limit", type=float, default=90.0)
    p.add_argument("--stop-with-pid", type=int, default=0,
                   help="stop when this process (the test's JVM) is gone")
    a = p.parse_args()
    START = time.monotonic()
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    log("libtorrent %s, mode %s, port %d, time limit %.0fs" % (lt.__version__, a.mode, a.port, a.time_limit))
    # flags=0: do not add the default plugins, among them ut_pex (peer exchange).
    ses = lt.session(settings(a.port), 0)
    try:
        info = lt.torrent_info(a.torrent)
    except Exception as e:  # noqa: BLE001
        log("FATAL cannot read torrent: %s" % e)
        return 2
    log("torrent %s: %d bytes, %d pieces of %d, trackers %s" % (
        info.info_hash(), info.total_size(), info.num_pieces(), info.piece_length(),
        [t.url for t in info.trackers()]))
    params = lt.add_torrent_params()
    params.ti = info
    params.save_path = a.dir
    # Let libtorrent hash-check what is on disk: a seeder must find every piece valid.
    h = ses.add_torrent(params)

    deadline = START + a.time_limit
    last_status = 0.0
    last_key = None
    checked = False
    result = None
    while result is None:
        for al in ses.pop_alerts():
            kind = type(al).__name__
            if kind in ("state_update_alert", "stats_alert", "block_finished_alert",
                        "piece_finished_alert", "block_downloading_alert"):
                continue
            log("ALERT %s: %s" % (kind, al.message()))
            if kind == "listen_failed_alert":
                log("FATAL listen failed")
                result = 2
            elif kind == "tracker_reply_alert":
                log("TRACKER_REPLY %s peers=%d" % (al.url, al.num_peers))
            elif kind == "tracker_error_alert" and failure_reason(al):
                # The tracker answered with a failure reason: it refused this torrent or peer.
                log("TRACKER_FAILURE %s" % failure_reason(al))
            elif kind == "torrent_checked_alert":
                checked = True
            elif kind == "file_error_alert" or kind == "torrent_error_alert":
                log("FATAL %s" % al.message())
                result = 2
        s = h.status()
        now = time.monotonic()
        key = (s.state, s.num_pieces, s.num_peers, s.num_seeds)
        if key != last_key or now - last_status >= 5.0:
            last_status = now
            last_key = key
            log("STATUS state=%s progress=%.4f pieces=%d/%d peers=%d seeds=%d down=%d up=%d total_down=%d total_up=%d" % (
                s.state, s.progress, s.num_pieces, info.num_pieces(), s.num_peers, s.num_seeds,
                s.download_rate, s.upload_rate, s.total_payload_download, s.total_payload_upload))
        if a.mode == "seed" and checked and result is None:
            checked = False
            if s.is_seeding and s.num_pieces == info.num_pieces():
                log("SEEDING all %d pieces verified" % info.num_pieces())
            else:
                log("FATAL data to seed in %s is incomplete: %d/%d pieces valid" % (
                    a.dir, s.num_pieces, info.num_pieces()))
                result = 2
        elif a.mode == "leech" and s.is_seeding and s.num_pieces == info.num_pieces():
            log("COMPLETE all %d pieces downloaded and verified, %d payload bytes" % (
                info.num_pieces(), s.total_payload_download))
            result = 0
        if result is None and a.stop_with_pid and not alive(a.stop_with_pid):
            log("process %d is gone" % a.stop_with_pid)
            result = 0 if a.mode == "seed" else 1
        if result is None and STOP:
            log("stopped by signal")
            result = 0 if a.mode == "seed" else 1
        if result is None and now >= deadline:
            log("TIME LIMIT reached" + (" before completion" if a.mode == "leech" else ""))
            result = 0 if a.mode == "seed" else 1
        if result is None:
            ses.wait_for_alert(200)
    # Flush file data to disk before exiting so the caller can check the file.
    ses.remove_torrent(h)
    t = time.monotonic() + 3
    while time.monotonic() < t:
        if any(type(x).__name__ == "torrent_removed_alert" for x in ses.pop_alerts()):
            break
        ses.wait_for_alert(100)
    log("EXIT %d" % result)
    return result


if __name__ == "__main__":
    sys.exit(main())
