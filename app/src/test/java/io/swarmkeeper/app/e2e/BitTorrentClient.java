package io.swarmkeeper.app.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real BitTorrent clients from Debian's packages that the end-to-end test runs, each told
 * to find peers through the tracker only: no DHT (see aria2's UDP quirk below), no peer
 * exchange, no local peer discovery, no UPnP/NAT-PMP, and listening on loopback.
 */
enum BitTorrentClient {
    /** python3-libtorrent (libtorrent-rasterbar 2.0), driven by {@code e2e/lt_client.py}. */
    LIBTORRENT("python3-libtorrent") {
        @Override
        String missing() {
            if (!Files.isExecutable(Path.of(PYTHON))) {
                return PYTHON + " is not installed (apt-get install python3-libtorrent)";
            }
            try {
                Process p = new ProcessBuilder(PYTHON, "-c", "import libtorrent")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return PYTHON + " -c 'import libtorrent' did not finish in 30 s";
                }
                return p.exitValue() == 0 ? null
                        : "Debian's python3-libtorrent is not installed: " + PYTHON + " cannot import libtorrent (apt-get install python3-libtorrent)";
            } catch (IOException e) {
                return PYTHON + " cannot be run: " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }

        @Override
        ManagedProcess start(Role role, Path torrent, URI announce, Path dir, int port, Path workDir,
                             Duration timeLimit) throws IOException {
            Path log = logFile(role, workDir);
            List<String> cmd = List.of(PYTHON, script().toString(), role == Role.SEED ? "seed" : "leech",
                    "--torrent", torrent.toString(), "--dir", dir.toString(), "--port", Integer.toString(port),
                    "--time-limit", Long.toString(timeLimit.toSeconds()),
                    "--stop-with-pid", Long.toString(ProcessHandle.current().pid()));
            return ManagedProcess.start(role + " " + this, cmd, workDir, log);
        }

        @Override
        LogMatcher announced(String scheme) {
            return LogMatcher.line(line -> line.contains(" TRACKER_REPLY "));
        }

        @Override
        LogMatcher refused() {
            return LogMatcher.line(line -> line.contains(" TRACKER_FAILURE ") || line.contains(" FATAL "));
        }
    },

    /** aria2 1.36 ({@code aria2c}). */
    ARIA2("aria2") {
        @Override
        String missing() {
            return Files.isExecutable(Path.of(ARIA2C)) ? null : ARIA2C + " is not installed (apt-get install aria2)";
        }

        @Override
        ManagedProcess start(Role role, Path torrent, URI announce, Path dir, int port, Path workDir,
                             Duration timeLimit) throws IOException {
            Path log = logFile(role, workDir);
            boolean udpTracker = announce.getScheme().equals("udp");
            Path debugLog = log.resolveSibling(log.getFileName() + ".debug");
            List<String> cmd = new ArrayList<>(List.of(ARIA2C,
                    "--no-conf=true",
                    "--dir=" + dir,
                    "--listen-port=" + port,
                    "--disable-ipv6=true",
                    "--enable-peer-exchange=false",
                    "--bt-enable-lpd=false",
                    "--enable-dht6=false",
                    "--file-allocation=none",
                    "--bt-tracker-connect-timeout=10",
                    "--bt-tracker-timeout=10",
                    "--bt-stop-timeout=" + timeLimit.toSeconds(),
                    "--stop-with-process=" + ProcessHandle.current().pid(),
                    "--summary-interval=1",
                    "--console-log-level=notice",
                    "--log=" + debugLog,
                    "--log-level=debug"));
            if (udpTracker) {
                // aria2 1.36 sends UDP tracker requests through its DHT socket and refuses
                // udp:// announce URLs ("udp is not supported yet") when DHT is off. So DHT is
                // on but isolated: a fresh routing-table file, no entry point, its own port;
                // and the torrent is private (BEP 27), so aria2 never looks it up in the DHT.
                cmd.addAll(List.of("--enable-dht=true",
                        "--dht-listen-port=" + FreePorts.udp(),
                        "--dht-file-path=" + workDir.resolve("aria2-" + role.name().toLowerCase() + "-dht.dat")));
            } else {
                cmd.add("--enable-dht=false");
            }
            if (role == Role.SEED) {
                // Hash-check the data on disk and seed it until stopped (seed-time is minutes).
                cmd.addAll(List.of("--check-integrity=true", "--seed-ratio=0.0",
                        "--seed-time=" + Math.max(1, timeLimit.toMinutes())));
            } else {
                // Leave as soon as the download is complete (and every piece hash-checked).
                cmd.add("--seed-time=0");
            }
            cmd.add(torrent.toString());
            ManagedProcess p = ManagedProcess.start(role + " " + this, cmd, workDir, log);
            p.extraLogs.add(debugLog);
            return p;
        }

        @Override
        LogMatcher announced(String scheme) {
            // Lines of aria2's debug log that it writes only for a successful announce reply.
            return LogMatcher.line(scheme.equals("udp")
                    ? line -> line.contains("UDPT received ANNOUNCE reply") && line.contains("event=STARTED")
                    : line -> line.contains("[DefaultBtAnnounce.cc:") && line.contains("] Interval:"));
        }

        @Override
        LogMatcher refused() {
            return LogMatcher.line(line -> line.contains("Tracker returned failure reason")
                    || line.contains("UDPT received ERROR reply"));
        }
    },

    /**
     * Transmission 3.00 ({@code transmission-cli}), as a seeder only: as a leecher it ignores
     * the loopback peers a tracker names, so it cannot download in a loopback-only test.
     * (At start it connect()s a UDP socket to a public IPv6 address to learn its own global
     * address; that is a route look-up and sends no packet.)
     */
    TRANSMISSION("transmission-cli") {
        @Override
        String missing() {
            return Files.isExecutable(Path.of(TRANSMISSION_CLI)) ? null
                    : TRANSMISSION_CLI + " is not installed (apt-get install transmission-cli)";
        }

        @Override
        ManagedProcess start(Role role, Path torrent, URI announce, Path dir, int port, Path workDir,
                             Duration timeLimit) throws IOException {
            if (role != Role.SEED) {
                throw new UnsupportedOperationException("Transmission 3.00 cannot leech from loopback peers");
            }
            Path log = logFile(role, workDir);
            Path config = Files.createDirectories(workDir.resolve("transmission-" + role.name().toLowerCase()));
            Files.writeString(config.resolve("settings.json"), """
                    {
                      "dht-enabled": false,
                      "pex-enabled": false,
                      "lpd-enabled": false,
                      "utp-enabled": false,
                      "port-forwarding-enabled": false,
                      "bind-address-ipv4": "127.0.0.1",
                      "bind-address-ipv6": "::1",
                      "peer-port": %d,
                      "peer-port-random-on-start": false,
                      "blocklist-enabled": false,
                      "speed-limit-up-enabled": false,
                      "speed-limit-down-enabled": false,
                      "alt-speed-enabled": false,
                      "ratio-limit-enabled": false,
                      "idle-seeding-limit-enabled": false,
                      "start-added-torrents": true,
                      "message-level": 2
                    }
                    """.formatted(port));
            List<String> cmd = List.of(TRANSMISSION_CLI, "--config-dir", config.toString(),
                    "--download-dir", dir.toString(), "--port", Integer.toString(port), "--no-portmap",
                    "--no-uplimit", "--no-downlimit", torrent.toString());
            // TR_DEBUG_FD: Transmission's "deep" log (each announce and its reply) to stdout.
            return ManagedProcess.start(role + " " + this, cmd, Map.of("TR_DEBUG_FD", "1"), workDir, log);
        }

        @Override
        LogMatcher announced(String scheme) {
            // Transmission announces "stopped" while it verifies the data, then "started"; it
            // schedules the periodic re-announce only after a successful reply to an announce
            // that was not "stopped" (announcer.c, on_announce_done).
            return LogMatcher.line(line -> line.contains("Sending periodic reannounce in"));
        }

        @Override
        LogMatcher refused() {
            return LogMatcher.line(line -> line.contains("Tracker gave an error") || line.contains("tracker gave \""));
        }
    };

    enum Role { SEED, LEECH }

    static final String PYTHON = "/usr/bin/python3";
    static final String ARIA2C = "/usr/bin/aria2c";
    static final String TRANSMISSION_CLI = "/usr/bin/transmission-cli";

    final String debianPackage;

    BitTorrentClient(String debianPackage) {
        this.debianPackage = debianPackage;
    }

    /** Why this client cannot run here, or null if it can. */
    abstract String missing();

    /**
     * Starts the client: as a seeder of the data already in {@code dir}, or as a leecher that
     * downloads into {@code dir} and exits 0 once every piece is in and hash-checked.
     */
    abstract ManagedProcess start(Role role, Path torrent, URI announce, Path dir, int port, Path workDir,
                                  Duration timeLimit) throws IOException;

    Path logFile(Role role, Path workDir) {
        return workDir.resolve(role.name().toLowerCase() + "-" + name().toLowerCase() + ".log");
    }

    /** Matches a log line that shows the client got a successful announce reply. */
    abstract LogMatcher announced(String scheme);

    /** Matches a log line that shows waiting on is pointless: the tracker refused, or the client failed. */
    abstract LogMatcher refused();

    private static Path script() {
        URL url = BitTorrentClient.class.getResource("/e2e/lt_client.py");
        if (url == null) {
            throw new IllegalStateException("e2e/lt_client.py is not on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
