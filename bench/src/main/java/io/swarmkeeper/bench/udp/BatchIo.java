package io.swarmkeeper.bench.udp;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The generator and responder on batched Linux sockets, as built from src/main/java22 on JDK 22
 * or newer. {@link UdpIo} finds the implementation by name, so nothing here needs it to exist.
 */
interface BatchIo {
    /** Whether this JVM, system and processor can run it. */
    boolean available();

    /** @param packets whether requests leave from an AF_PACKET ring on loopback instead of the sockets */
    UdpWorkerLoop worker(UdpWorkerPlan plan, boolean packets);

    ResponderLoop responder(InetSocketAddress listen) throws IOException;
}
