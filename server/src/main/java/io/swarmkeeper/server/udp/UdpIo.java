package io.swarmkeeper.server.udp;

import io.swarmkeeper.server.OptionalTransport;

/**
 * Chooses the UDP transport for {@code udp.io}. The batched one (linux-net: recvmmsg, sendmmsg
 * and no objects per datagram) needs the foreign function API of JDK 22 and Linux; it is compiled
 * only on such a JDK, so it is looked up by name and this code still builds and runs on JDK 21.
 */
public final class UdpIo {
    public static final String AUTO = "auto";
    public static final String BATCH = "batch";
    public static final String NETTY = "netty";
    private static final String BATCH_FACTORY = "io.swarmkeeper.server.udp.BatchUdpListeners";

    private UdpIo() {}

    public static boolean isKnown(String io) {
        return AUTO.equals(io) || BATCH.equals(io) || NETTY.equals(io);
    }

    /** Whether {@code batch} can run here, and if not, why: for the error naming {@code udp.io}. */
    public static String batchUnavailableReason() {
        return OptionalTransport.unavailableReason(batchFactory());
    }

    /** The batch transport's factory when {@code io} asks for it and it can run; null means Netty. */
    static UdpListener.Factory choose(String io) {
        if (NETTY.equals(io)) {
            return null;
        }
        UdpListener.Factory factory = batchFactory();
        if (factory == null && BATCH.equals(io)) {
            throw new IllegalStateException("udp.io: batch " + batchUnavailableReason());
        }
        return factory;
    }

    private static UdpListener.Factory batchFactory() {
        return OptionalTransport.find(BATCH_FACTORY, UdpListener.Factory.class, UdpListener.Factory::name);
    }
}
