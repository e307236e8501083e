package io.swarmkeeper.bench.udp;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The cheapest tracker that still answers correctly ({@link StatelessReplies}), on a thread of its
 * own. Whatever rate the load generator reaches against it is the generator's own ceiling on this
 * machine: a tracker measured near that rate is measured too low. Batched I/O keeps the responder
 * cheaper than the generator, so the ceiling found is the generator's.
 */
public final class StatelessResponder implements AutoCloseable {
    private static final long STOP_MILLIS = 1_000;

    private final ResponderLoop loop;
    private final Thread thread;

    private StatelessResponder(ResponderLoop loop) {
        this.loop = loop;
        this.thread = new Thread(loop, "calibrate-responder");
        thread.setDaemon(true);
    }

    /** Starts answering on {@code address} (port 0 for any free port) with {@code io}. */
    public static StatelessResponder start(InetSocketAddress address, UdpIo io) throws IOException {
        StatelessResponder responder = new StatelessResponder(io.responder(address));
        responder.thread.start();
        return responder;
    }

    public InetSocketAddress address() {
        return loop.address();
    }

    @Override
    public void close() {
        loop.stop();
        try {
            thread.join(STOP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.close();
    }
}
