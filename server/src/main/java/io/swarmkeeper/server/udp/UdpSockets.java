package io.swarmkeeper.server.udp;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.unix.UnixChannelOption;
import io.swarmkeeper.server.Transports;

/** How a UDP tracker socket is made: family, options, and read batching, per transport. */
final class UdpSockets {
    /**
     * The largest datagram read whole. The largest request answered is a 74-hash scrape (1496
     * bytes); an announce with the most URL data the holder keeps is about 1130. Longer datagrams
     * are cut here by the kernel and then refused by the codec, which is what they deserve.
     */
    static final int MAX_DATAGRAM = 2048;
    /** Datagrams read by one recvmmsg call: amortises the system call without holding much memory. */
    static final int DATAGRAMS_PER_READ = 16;

    private UdpSockets() {}

    /** One socket per event loop and address only where the kernel can share a port among them. */
    static boolean socketPerEventLoop() {
        return Transports.nativeEpoll();
    }

    static void configure(Bootstrap bootstrap, boolean ipv6) {
        SocketProtocolFamily family = Transports.family(ipv6);
        if (Transports.nativeEpoll()) {
            bootstrap.channelFactory(() -> new EpollDatagramChannel(family))
                    .option(UnixChannelOption.SO_REUSEPORT, true)
                    // A payload size makes epoll read with recvmmsg, slicing each datagram from one buffer.
                    .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM)
                    .option(ChannelOption.RCVBUF_ALLOCATOR,
                            new FixedRecvByteBufAllocator(MAX_DATAGRAM * DATAGRAMS_PER_READ));
            if (ipv6) {
                bootstrap.option(Transports.IPV6_V6ONLY, 1);
            }
        } else {
            // The JDK offers no IPV6_V6ONLY: an NIO socket on [::] is dual-stack, and serves IPv4 too.
            bootstrap.channelFactory(() -> new NioDatagramChannel(family))
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM));
        }
    }
}
