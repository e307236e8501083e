package io.swarmkeeper.linuxnet;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What tests of AF_XDP on loopback need. An answer sent from an AF_XDP socket on loopback enters
 * the stack as a routed packet from a local address to 127.0.0.1, which Linux drops unless the
 * loopback interface accepts both; this turns that on and puts the settings back as they were.
 * AF_XDP needs root (CAP_NET_ADMIN), which CI runs as, and a kernel built with it.
 */
public final class LoopbackXdpTestUtil implements AutoCloseable {
    private static final Path ROUTE_LOCALNET = Path.of("/proc/sys/net/ipv4/conf/lo/route_localnet");
    private static final Path ACCEPT_LOCAL = Path.of("/proc/sys/net/ipv4/conf/lo/accept_local");
    private final String routeLocalnet;
    private final String acceptLocal;

    private LoopbackXdpTestUtil() throws IOException {
        routeLocalnet = Files.readString(ROUTE_LOCALNET).strip();
        acceptLocal = Files.readString(ACCEPT_LOCAL).strip();
        Files.writeString(ROUTE_LOCALNET, "1");
        Files.writeString(ACCEPT_LOCAL, "1");
    }

    /**
     * Skips the calling test class where AF_XDP cannot run (not root, or a kernel without it);
     * otherwise lets answers through on loopback until {@link #close}.
     */
    public static LoopbackXdpTestUtil allowAnswersIfPossible() throws IOException {
        assumeTrue(LinuxNet.available(), "Linux x86_64/aarch64 only");
        assumeTrue("root".equals(System.getProperty("user.name")), "AF_XDP needs root");
        assumeTrue(kernelHasAfXdp(), "this kernel has no AF_XDP");
        return new LoopbackXdpTestUtil();
    }

    /** Whether this kernel has AF_XDP at all (built without it, socket() says EAFNOSUPPORT). */
    private static boolean kernelHasAfXdp() throws IOException {
        try {
            XdpSocket.open("lo", 0, 1).close();
            return true;
        } catch (IOException e) {
            if (e.getMessage().contains("(errno 97)")) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            Files.writeString(ROUTE_LOCALNET, routeLocalnet);
            Files.writeString(ACCEPT_LOCAL, acceptLocal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
