package io.swarmkeeper.server.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

/** One listen address served by a transport other than Netty's, with one {@link UdpAnswers} per thread. */
interface UdpListener extends AutoCloseable {
    /** Binds {@code sockets} sockets to {@code address} and starts answering on them. */
    interface Factory {
        UdpListener bind(InetSocketAddress address, int sockets, Supplier<UdpAnswers> answers) throws IOException;

        /** What the start-up line names as the transport. */
        String name();
    }

    /** The address bound, with the port the system chose for port 0. */
    InetSocketAddress address();

    int sockets();

    /** Answers what was already read, then stops every thread and closes the sockets. */
    @Override
    void close();
}
