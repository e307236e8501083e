package io.swarmkeeper.server;

import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.channels.spi.SelectorProvider;

/** Native epoll where the platform has it (Linux), Java NIO elsewhere. */
public final class Transports {
    /**
     * Linux's IPV6_V6ONLY (level IPPROTO_IPV6 = 41, option 26), which Netty does not name. Without
     * it a socket bound to [::] also takes IPv4 on that port, and 0.0.0.0 on the same port fails.
     */
    public static final IntegerUnixChannelOption IPV6_V6ONLY = new IntegerUnixChannelOption("IPV6_V6ONLY", 41, 26);

    private Transports() {}

    public static boolean nativeEpoll() {
        return Epoll.isAvailable();
    }

    public static EventLoopGroup group(int threads, String name) {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        IoHandlerFactory handler = nativeEpoll() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(n, new DefaultThreadFactory(name, true), handler);
    }

    public static SocketProtocolFamily family(boolean ipv6) {
        return ipv6 ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
    }

    /**
     * A listening socket of the address's own family: epoll otherwise opens IPv6 sockets even for
     * 0.0.0.0, which then collide with an IPv6-only socket on [::] at the same port.
     */
    public static ChannelFactory<ServerSocketChannel> serverSocketChannel(boolean ipv6) {
        SocketProtocolFamily family = family(ipv6);
        return nativeEpoll()
                ? () -> new EpollServerSocketChannel(family)
                : () -> new NioServerSocketChannel(SelectorProvider.provider(), family);
    }
}
