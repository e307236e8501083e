package io.swarmkeeper.server.udp;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.swarmkeeper.core.ConnectionIds;
import io.swarmkeeper.core.RequestCounters;
import io.swarmkeeper.core.Tracker;
import io.swarmkeeper.server.Transports;
import io.swarmkeeper.server.config.AnnounceConfig;
import io.swarmkeeper.server.config.ListenAddress;
import io.swarmkeeper.server.config.UdpConfig;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BEP 15 UDP tracker. With the batched transport ({@code udp.io}) every thread owns one
 * SO_REUSEPORT socket; with native epoll every event loop owns one per listen address; either way
 * the kernel spreads senders over them and no packet changes thread. With NIO there is one socket
 * per address.
 */
public final class UdpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(UdpServer.class);
    /** Tasks already queued on the loops get this long to run before the loops stop. */
    private static final long QUIET_PERIOD_MILLIS = 100;
    private static final long CLOSE_TIMEOUT_MILLIS = 5_000;

    private final UdpConfig config;
    private final UdpChannelInitializer initializer;
    private final Supplier<UdpAnswers> answers;
    private final List<Channel> channels = new ArrayList<>();
    private final List<UdpListener> listeners = new ArrayList<>();
    private EventLoopGroup group;
    private boolean xdpBound;

    public UdpServer(UdpConfig config, AnnounceConfig announce, Tracker tracker, ConnectionIds connectionIds,
                     RequestCounters counters) {
        this.config = config;
        this.answers = () -> new UdpAnswers(tracker, connectionIds, counters, announce.allowClientIp());
        this.initializer = new UdpChannelInitializer(answers);
    }

    /**
     * Binds every listen address and returns the addresses actually bound, in configuration order
     * (so a port of 0 comes back as the port the system chose).
     *
     * @throws IllegalStateException naming the address when one cannot be bound; nothing stays bound
     */
    public synchronized List<InetSocketAddress> start() {
        if (group != null || !listeners.isEmpty()) {
            throw new IllegalStateException("UDP server already started");
        }
        UdpListener.Factory batch = UdpIo.choose(config.io());
        if (batch == null) {
            group = Transports.group(config.threads(), "udp");
        }
        List<InetSocketAddress> bound = new ArrayList<>();
        try {
            for (String listen : config.listen()) {
                InetSocketAddress address = ListenAddress.parse(listen);
                bound.add(batch == null ? bind(address) : bind(batch, address));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return bound;
    }

    private InetSocketAddress bind(InetSocketAddress address) {
        Bootstrap bootstrap = new Bootstrap().handler(initializer);
        UdpSockets.configure(bootstrap, address.getAddress() instanceof Inet6Address);
        List<EventLoop> loops = new ArrayList<>();
        for (EventExecutor executor : group) {
            loops.add((EventLoop) executor);
        }
        int sockets = UdpSockets.socketPerEventLoop() ? loops.size() : 1;
        // The first socket fixes the port (the system's choice for port 0); the others share it.
        InetSocketAddress local = bindOne(bootstrap.clone(loops.get(0)), address);
        for (int i = 1; i < sockets; i++) {
            bindOne(bootstrap.clone(loops.get(i)), local);
        }
        log.info("UDP tracker listening on {} ({} socket{}, {})", ListenAddress.format(local), sockets, sockets == 1 ? "" : "s",
                Transports.nativeEpoll() ? "epoll" : "nio");
        return local;
    }

    private InetSocketAddress bind(UdpListener.Factory batch, InetSocketAddress address) {
        int sockets = config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors();
        UdpListener listener;
        try {
            listener = batch.bind(address, sockets, answers);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind UDP " + ListenAddress.format(address) + ": " + e.getMessage(), e);
        }
        listeners.add(listener);
        InetSocketAddress local = listener.address();
        log.info("UDP tracker listening on {} ({} socket{}, {})", ListenAddress.format(local), sockets, sockets == 1 ? "" : "s",
                batch.name());
        if (wantsXdp(local)) {
            bindXdp(batch, local);
        }
        return local;
    }

    /** XDP takes one IPv4 address per interface: the first IPv4 listen address gets it. */
    private boolean wantsXdp(InetSocketAddress local) {
        return config.xdp() != null && !config.xdp().isEmpty() && !(local.getAddress() instanceof Inet6Address)
                && !xdpBound;
    }

    private void bindXdp(UdpListener.Factory batch, InetSocketAddress local) {
        UdpListener listener;
        try {
            listener = batch.bindXdp(config.xdp(), local, answers);
        } catch (IOException e) {
            throw new IllegalStateException("cannot take UDP " + ListenAddress.format(local) + " off " + config.xdp()
                    + " with XDP: " + e.getMessage(), e);
        }
        listeners.add(listener);
        xdpBound = true;
        log.info("UDP tracker taking {} off {} with XDP ({} AF_XDP socket{}, one per receive queue)",
                ListenAddress.format(local), config.xdp(), listener.sockets(), listener.sockets() == 1 ? "" : "s");
    }

    private InetSocketAddress bindOne(Bootstrap bootstrap, InetSocketAddress address) {
        try {
            Channel channel = bootstrap.bind(address).sync().channel();
            channels.add(channel);
            return (InetSocketAddress) channel.localAddress();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding UDP " + ListenAddress.format(address));
        } catch (Exception e) {
            // sync() rethrows the bind failure itself (a checked exception it does not declare).
            throw new IllegalStateException("cannot bind UDP " + ListenAddress.format(address) + ": " + e.getMessage(), e);
        }
    }

    /** Registers the meters of the listeners started (the AF_XDP sockets' losses). */
    public synchronized void meters(MeterRegistry registry) {
        listeners.forEach(listener -> listener.meters(registry));
    }

    /**
     * Closes every socket, then stops the event loops. A close runs on the socket's loop after the
     * read batch in progress, whose replies are flushed when the batch completes, so no request
     * already read loses its answer.
     */
    @Override
    public synchronized void close() {
        listeners.forEach(UdpListener::close);
        listeners.clear();
        xdpBound = false;
        for (Channel channel : channels) {
            channel.close().awaitUninterruptibly(CLOSE_TIMEOUT_MILLIS);
        }
        channels.clear();
        if (group != null) {
            group.shutdownGracefully(QUIET_PERIOD_MILLIS, CLOSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                    .awaitUninterruptibly(CLOSE_TIMEOUT_MILLIS + QUIET_PERIOD_MILLIS);
            group = null;
        }
    }
}
