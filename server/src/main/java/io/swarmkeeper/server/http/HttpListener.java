package io.swarmkeeper.server.http;

import java.io.IOException;
import java.net.InetSocketAddress;

/** One listen address served by a transport other than Netty's. */
interface HttpListener extends AutoCloseable {
    /** Binds {@code threads} listeners to {@code address} and starts serving them, a thread each. */
    interface Factory {
        HttpListener bind(InetSocketAddress address, int threads, HttpServer.Shared shared, ConnectionLimiter limiter)
                throws IOException;

        /** What the start-up line names as the transport; null where it cannot run. */
        String name();
    }

    /** The address bound, with the port the system chose for port 0. */
    InetSocketAddress address();

    /** Stops accepting, closes every connection and stops the threads. */
    @Override
    void close();
}
