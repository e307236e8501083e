package io.swarmkeeper.bench.udp;

import java.net.InetSocketAddress;

/** A stateless responder's bound socket and the loop that answers on it, on a thread of its own. */
interface ResponderLoop extends Runnable, AutoCloseable {
    InetSocketAddress address();

    /** Makes {@link #run} return soon; called from another thread. */
    void stop();

    /** Releases the socket and buffers, once {@link #run} has returned: a closed descriptor's number is reused. */
    @Override
    void close();
}
