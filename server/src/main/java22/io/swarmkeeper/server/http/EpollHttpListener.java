package io.swarmkeeper.server.http;

import io.swarmkeeper.linuxnet.TcpListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * One listen address served by {@link EpollHttpLoop}s that share its listener, the kernel waking
 * one of them per new connection; a connection never changes thread.
 */
final class EpollHttpListener implements HttpListener {
    private final TcpListener listener;
    private final List<EpollHttpLoop> loops = new ArrayList<>();

    EpollHttpListener(TcpListener listener, int threads, HttpServer.Shared shared, ConnectionLimiter limiter)
            throws IOException {
        this.listener = listener;
        try {
            for (int i = 0; i < threads; i++) {
                loops.add(new EpollHttpLoop(listener, shared, limiter, "http-" + listener.address().getPort() + "-" + i));
            }
        } catch (IOException | RuntimeException e) {
            loops.forEach(EpollHttpLoop::stop);
            throw e;
        }
        loops.forEach(EpollHttpLoop::start);
    }

    @Override
    public InetSocketAddress address() {
        return listener.address();
    }

    /** Closes the listener only once no loop can accept from it: its number could be reused meanwhile. */
    @Override
    public void close() {
        loops.forEach(EpollHttpLoop::stop);
        loops.forEach(EpollHttpLoop::join);
        listener.close();
    }
}
