package io.swarmkeeper.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swarmkeeper.app.e2e.BitTorrentClient.Role;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two different real BitTorrent clients from Debian's packages find each other only through
 * Swarmkeeper: one seeds a generated multi-piece file, the other downloads it, and the
 * download's SHA-256 must equal the original's. Once with an {@code http://} and once with a
 * {@code udp://} announce URL, each way round (libtorrent seeds and aria2 leeches, and the
 * reverse), and with Transmission seeding to libtorrent.
 *
 * <p>Nothing but the tracker can introduce the peers: DHT, peer exchange, local peer
 * discovery, UPnP and NAT-PMP are off in both clients (aria2's UDP-tracker quirk aside: see
 * {@link BitTorrentClient#ARIA2}), the torrent is private (BEP 27), and all traffic stays on
 * 127.0.0.1. Every wait is bounded and every process is ended when a case ends.
 *
 * <p>Logs of both clients go to {@code target/e2e/<case>/}; a failure's message
 * carries the tail of each.
 */
@Tag("e2e")
class RealClientsEndToEndTest {
    /** 3 MiB and a bit, so the last of the 49 pieces is short. */
    private static final long PAYLOAD_BYTES = 3L * 1024 * 1024 + 12_345;
    private static final int PIECE_BYTES = 64 * 1024;
    private static final Duration SEEDER_ANNOUNCE_LIMIT = Duration.ofSeconds(30);
    private static final Duration DOWNLOAD_LIMIT = Duration.ofSeconds(90);
    private static final int TAIL_LINES = 40;

    /** The tracker under test, reachable on loopback through both announce URLs. */
    interface TrackerUnderTest extends AutoCloseable {
        URI httpAnnounce();

        URI udpAnnounce();

        /** What to show when a case fails (e.g. the tail of the tracker's log). */
        String diagnostics();

        @Override
        void close();
    }

    /**
     * Starts the tracker that the clients must find each other through: Swarmkeeper, in this
     * JVM, on 127.0.0.1 with ephemeral ports.
     */
    static TrackerUnderTest startTracker() {
        return SwarmkeeperInProcess.start();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("http", BitTorrentClient.LIBTORRENT, BitTorrentClient.ARIA2),
                Arguments.of("http", BitTorrentClient.ARIA2, BitTorrentClient.LIBTORRENT),
                Arguments.of("udp", BitTorrentClient.LIBTORRENT, BitTorrentClient.ARIA2),
                Arguments.of("udp", BitTorrentClient.ARIA2, BitTorrentClient.LIBTORRENT),
                // Transmission 3.00 only seeds (see BitTorrentClient.TRANSMISSION).
                Arguments.of("http", BitTorrentClient.TRANSMISSION, BitTorrentClient.LIBTORRENT),
                Arguments.of("udp", BitTorrentClient.TRANSMISSION, BitTorrentClient.LIBTORRENT));
    }

    @ParameterizedTest(name = "{0} tracker: {1} seeds, {2} leeches")
    @MethodSource("cases")
    @Timeout(value = 170, unit = TimeUnit.SECONDS)
    void leecherDownloadsTheSeedersFileFoundThroughTheTracker(String scheme, BitTorrentClient seeder,
                                                              BitTorrentClient leecher) throws Exception {
        // ./run-tests installs the clients; a missing one is a broken set-up, not a reason to pass.
        assertNull(seeder.missing(), "seeder client");
        assertNull(leecher.missing(), "leecher client");

        Path caseDir = freshDir(scheme + "-" + seeder.name().toLowerCase() + "-to-" + leecher.name().toLowerCase());
        Path seedDir = Files.createDirectories(caseDir.resolve("seed"));
        Path leechDir = Files.createDirectories(caseDir.resolve("leech"));
        long randomSeed = System.nanoTime();
        TestTorrent payload = TestTorrent.generate(seedDir.resolve("payload.bin"), PAYLOAD_BYTES, PIECE_BYTES, randomSeed);
        log(caseDir, "payload %d bytes in %d pieces of %d, random seed %d, info-hash %s, sha256 %s",
                payload.length, payload.pieceCount, payload.pieceLength, randomSeed, payload.infoHashHex(), payload.sha256);

        long started = System.nanoTime();
        try (TrackerUnderTest tracker = startTracker()) {
            URI announce = scheme.equals("http") ? tracker.httpAnnounce() : tracker.udpAnnounce();
            assertEquals(scheme, announce.getScheme());
            Path torrent = payload.writeTorrent(caseDir.resolve("payload.torrent"), announce);
            log(caseDir, "tracker up, announce URL %s", announce);

            try (ManagedProcess seed = seeder.start(Role.SEED, torrent, announce, seedDir, FreePorts.tcpAndUdp(),
                    caseDir, DOWNLOAD_LIMIT.plus(SEEDER_ANNOUNCE_LIMIT).plusSeconds(30))) {
                Supplier<String> seedLogs = () -> tracker.diagnostics() + seed.tails(TAIL_LINES);
                // Start the leecher only once the seeder is in the swarm, so the leecher's first
                // announce already names it (else the leecher would wait a whole interval).
                ManagedProcess.Outcome seeded = seed.await(seeder.announced(scheme), seeder.refused(), SEEDER_ANNOUNCE_LIMIT);
                assertEquals(ManagedProcess.Outcome.Kind.MATCHED, seeded.kind(),
                        () -> seeder + " seeder got no successful announce reply from " + announce + " within "
                                + SEEDER_ANNOUNCE_LIMIT.toSeconds() + " s: " + seeded.describe() + seedLogs.get());
                log(caseDir, "seeder %s announced after %d ms", seeder, elapsedMs(started));

                try (ManagedProcess leech = leecher.start(Role.LEECH, torrent, announce, leechDir,
                        FreePorts.tcpAndUdp(), caseDir, DOWNLOAD_LIMIT)) {
                    Supplier<String> allLogs = () -> seedLogs.get() + leech.tails(TAIL_LINES);
                    ManagedProcess.Outcome leeched = leech.await(null, leecher.refused(), DOWNLOAD_LIMIT);
                    log(caseDir, "leecher %s %s after %d ms", leecher, leeched.describe(), elapsedMs(started));
                    assertEquals(ManagedProcess.Outcome.Kind.EXITED, leeched.kind(), () -> leecher
                            + " leecher did not finish the download within " + DOWNLOAD_LIMIT.toSeconds() + " s: "
                            + leeched.describe() + allLogs.get());
                    assertEquals(0, leeched.exitCode(), () -> leecher + " leecher " + leeched.describe() + allLogs.get());
                    Path downloaded = leechDir.resolve("payload.bin");
                    assertTrue(Files.isRegularFile(downloaded), () -> downloaded + " was not written" + allLogs.get());
                    assertEquals(payload.length, Files.size(downloaded), () -> "size of " + downloaded + allLogs.get());
                    assertEquals(payload.sha256, TestTorrent.sha256(downloaded),
                            () -> "SHA-256 of " + downloaded + " differs from the seeded file's" + allLogs.get());
                }
            }
        }
        log(caseDir, "passed in %d ms", elapsedMs(started));
        // Keep the logs, drop the payloads.
        Files.deleteIfExists(seedDir.resolve("payload.bin"));
        Files.deleteIfExists(leechDir.resolve("payload.bin"));
    }

    private static Path freshDir(String name) throws IOException {
        String basedir = System.getProperty("basedir", ".");
        Path dir = Path.of(basedir, "target", "e2e", name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void log(Path caseDir, String format, Object... args) throws IOException {
        String line = "[e2e " + caseDir.getFileName() + "] " + String.format(format, args);
        System.out.println(line);
        Files.writeString(caseDir.resolve("test.log"), line + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
}
