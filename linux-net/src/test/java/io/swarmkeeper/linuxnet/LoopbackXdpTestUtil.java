package io.swarmkeeper.linuxnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An answer sent from an AF_XDP socket on loopback enters the stack as a routed packet from a
 * local address to 127.0.0.1, which Linux drops unless the loopback interface accepts both; the
 * tests turn that on and put the settings back as they were.
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

    /** Whether this kernel has AF_XDP at all (built without it, socket() says EAFNOSUPPORT). */
    public static boolean kernelHasAfXdp() throws IOException {
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

    public static LoopbackXdpTestUtil allowAnswers() throws IOException {
        return new LoopbackXdpTestUtil();
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
