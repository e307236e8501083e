package io.swarmkeeper.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/** Native epoll where the platform has it (Linux), Java NIO elsewhere. */
public final class Transports {
    private Transports() {}

    public static boolean nativeEpoll() {
        return Epoll.isAvailable();
    }

    public static EventLoopGroup group(int threads, String name) {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        IoHandlerFactory handler = nativeEpoll() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(n, new DefaultThreadFactory(name, true), handler);
    }

    public static Class<? extends DatagramChannel> datagramChannel() {
        return nativeEpoll() ? EpollDatagramChannel.class : NioDatagramChannel.class;
    }

    public static Class<? extends ServerSocketChannel> serverSocketChannel() {
        return nativeEpoll() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
