package io.swarmkeeper.server.http;

import io.swarmkeeper.linuxnet.LinuxNet;
import io.swarmkeeper.linuxnet.TcpListener;
import java.io.IOException;
import java.net.InetSocketAddress;

/** Makes {@link EpollHttpListener}s; found by {@link HttpIo} by name, since JDK 21 builds lack it. */
final class EpollHttpListeners implements HttpListener.Factory {
    /** Null where linux-net cannot run: {@link HttpIo} then falls back to Netty. */
    @Override
    public String name() {
        return LinuxNet.available() ? "epoll loop" : null;
    }

    /**
     * One listener per address, watched by every thread: SO_REUSEPORT would spread connections as
     * well, but would also let a second tracker bind the same port unnoticed and take half of them.
     */
    @Override
    public HttpListener bind(InetSocketAddress address, int threads, HttpServer.Shared shared,
                             ConnectionLimiter limiter) throws IOException {
        TcpListener listener = TcpListener.open(address, HttpServer.BACKLOG, false);
        try {
            return new EpollHttpListener(listener, threads, shared, limiter);
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }
}
