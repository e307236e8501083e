package io.swarmkeeper.app.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ports on 127.0.0.1 that the kernel just handed out as ephemeral and nobody holds now. A port
 * is never handed out twice in one JVM, so two clients of one test cannot be given the same.
 */
final class FreePorts {
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private FreePorts() {}

    /** A port free for TCP (and, as libtorrent binds its uTP socket there too, for UDP). */
    static int tcpAndUdp() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.bind(new InetSocketAddress(loopback(), 0));
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback(), port))) {
                    if (GIVEN.add(port)) {
                        return port;
                    }
                } catch (IOException busy) {
                    // the UDP side is taken: try another
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no port free for both TCP and UDP on 127.0.0.1 in 100 attempts");
    }

    static int udp() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback(), 0))) {
                if (GIVEN.add(udp.getLocalPort())) {
                    return udp.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free UDP port on 127.0.0.1 in 100 attempts");
    }

    static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }
}
