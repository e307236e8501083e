package io.swarmkeeper.app.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * TEMPORARY: Debian's opentracker on loopback, standing in for Swarmkeeper only until
 * {@code io.swarmkeeper.server} can start its UDP and HTTP listeners in-process. It proved the
 * client harness; delete it once {@link RealClientsEndToEndTest#startTracker} starts Swarmkeeper.
 *
 * <p>Debian builds opentracker whitelist-only: it serves only the info-hashes listed in its
 * whitelist file, whose path is relative to {@code tracker.rootdir} (it chroots there when
 * started as root).
 */
final class OpentrackerStandIn implements RealClientsEndToEndTest.TrackerUnderTest {
    static final String BINARY = "/usr/bin/opentracker";

    private final ManagedProcess process;
    private final URI http;
    private final URI udp;

    private OpentrackerStandIn(ManagedProcess process, URI http, URI udp) {
        this.process = process;
        this.http = http;
        this.udp = udp;
    }

    static OpentrackerStandIn start(Path workDir, byte[] infoHash) throws IOException, InterruptedException {
        Path root = Files.createDirectories(workDir.resolve("opentracker"));
        Files.writeString(root.resolve("whitelist"), HexFormat.of().formatHex(infoHash) + "\n");
        int tcpPort = FreePorts.tcpAndUdp();
        int udpPort = FreePorts.udp();
        Files.writeString(root.resolve("opentracker.conf"), String.join("\n",
                "listen.tcp 127.0.0.1:" + tcpPort,
                "listen.udp 127.0.0.1:" + udpPort,
                "access.whitelist whitelist",
                "tracker.rootdir " + root.toAbsolutePath(),
                ""));
        ManagedProcess p = ManagedProcess.start("opentracker", List.of(BINARY, "-f", root.resolve("opentracker.conf").toString()),
                root, workDir.resolve("tracker-opentracker.log"));
        try {
            awaitTcp(p, tcpPort, Duration.ofSeconds(10));
        } catch (IOException | RuntimeException | InterruptedException e) {
            p.close();
            throw e;
        }
        return new OpentrackerStandIn(p, URI.create("http://127.0.0.1:" + tcpPort + "/announce"),
                URI.create("udp://127.0.0.1:" + udpPort + "/announce"));
    }

    private static void awaitTcp(ManagedProcess p, int port, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(FreePorts.loopback(), port), 500);
                return;
            } catch (IOException e) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("opentracker is not listening on 127.0.0.1:" + port + p.tails(20), e);
                }
                Thread.sleep(50);
            }
        }
    }

    @Override
    public URI httpAnnounce() {
        return http;
    }

    @Override
    public URI udpAnnounce() {
        return udp;
    }

    @Override
    public String diagnostics() {
        return process.tails(30);
    }

    @Override
    public void close() {
        process.close();
    }
}
