package io.swarmkeeper.server.udp;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

/** One listen address served by a transport other than Netty's, with one {@link UdpAnswers} per thread. */
interface UdpListener extends AutoCloseable {
    /** Binds {@code sockets} sockets to {@code address} and starts answering on them. */
    interface Factory {
        UdpListener bind(InetSocketAddress address, int sockets, Supplier<UdpAnswers> answers) throws IOException;

        /**
         * Takes the datagrams for {@code address} (IPv4, its port already bound by {@link #bind})
         * off {@code interfaceName} with XDP, one AF_XDP socket per receive queue.
         */
        UdpListener bindXdp(String interfaceName, InetSocketAddress address, Supplier<UdpAnswers> answers)
                throws IOException;

        /** What the start-up line names as the transport. */
        String name();
    }

    /** The address bound, with the port the system chose for port 0. */
    InetSocketAddress address();

    int sockets();

    /** Registers the listener's own meters, if it has any beyond the request counts every transport keeps. */
    default void meters(MeterRegistry registry) {}

    /** Answers what was already read, then stops every thread and closes the sockets. */
    @Override
    void close();
}
