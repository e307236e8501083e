package io.swarmkeeper.server.http;

import io.swarmkeeper.server.OptionalTransport;

/**
 * Chooses the HTTP transport for {@code http.io}. Swarmkeeper's own epoll loop (linux-net) needs
 * the foreign function API of JDK 22 and Linux; it is compiled only on such a JDK, so it is looked
 * up by name and this code still builds and runs on JDK 21, on Netty.
 */
public final class HttpIo {
    public static final String AUTO = "auto";
    public static final String EPOLL = "epoll";
    public static final String NETTY = "netty";
    private static final String EPOLL_FACTORY = "io.swarmkeeper.server.http.EpollHttpListeners";

    private HttpIo() {}

    public static boolean isKnown(String io) {
        return AUTO.equals(io) || EPOLL.equals(io) || NETTY.equals(io);
    }

    /** Whether {@code epoll} can run here, and if not, why: for the error naming {@code http.io}. */
    public static String epollUnavailableReason() {
        return OptionalTransport.unavailableReason(epollFactory());
    }

    /** The epoll transport's factory when {@code io} asks for it and it can run; null means Netty. */
    static HttpListener.Factory choose(String io) {
        if (NETTY.equals(io)) {
            return null;
        }
        HttpListener.Factory factory = epollFactory();
        if (factory == null && EPOLL.equals(io)) {
            throw new IllegalStateException("http.io: epoll " + epollUnavailableReason());
        }
        return factory;
    }

    private static HttpListener.Factory epollFactory() {
        return OptionalTransport.find(EPOLL_FACTORY, HttpListener.Factory.class, HttpListener.Factory::name);
    }
}
