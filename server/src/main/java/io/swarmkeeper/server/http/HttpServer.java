package io.swarmkeeper.server.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.FastThreadLocal;
import io.swarmkeeper.core.RequestCounters;
import io.swarmkeeper.core.Tracker;
import io.swarmkeeper.protocol.http.RequestHeadParser;
import io.swarmkeeper.server.Transports;
import io.swarmkeeper.server.config.AnnounceConfig;
import io.swarmkeeper.server.config.HttpConfig;
import io.swarmkeeper.server.config.ListenAddress;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP tracker: BEP 3 announce (BEP 23 compact, BEP 7 IPv6, BEP 24 external ip), BEP 48
 * scrape (BEP 21 downloaders), and /stats, /metrics, /health, on Swarmkeeper's own epoll loop
 * ({@code http.io}, JDK 22+ on Linux) or on Netty (native epoll where available, else NIO). Either
 * way requests are parsed by our own allocation-free codecs, not Netty's HTTP codec.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    /** Seconds a clean stop waits for in-flight answers. */
    private static final int SHUTDOWN_QUIET_SECONDS = 0;
    private static final int SHUTDOWN_TIMEOUT_SECONDS = 5;
    /** Connections the kernel holds for each listener until they are accepted. */
    static final int BACKLOG = 1024;

    private final HttpConfig config;
    private final Shared shared;
    private final ConnectionLimiter limiter;
    private final List<Channel> listeners = new ArrayList<>();
    private final List<HttpListener> epollListeners = new ArrayList<>();
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;

    public HttpServer(HttpConfig http, AnnounceConfig announce, Tracker tracker, RequestCounters counters,
                      TrackerStats stats) {
        this.config = http;
        this.shared = new Shared(http, announce, tracker, counters, stats);
        this.limiter = new ConnectionLimiter(http.maxConnections());
    }

    /**
     * Binds every configured address; returns them with the ports actually bound (for port 0).
     *
     * @throws IllegalStateException if an address cannot be bound (nothing is left listening)
     * @throws IllegalArgumentException if an address does not parse
     */
    public List<InetSocketAddress> start() {
        HttpListener.Factory epoll = HttpIo.choose(config.io());
        if (epoll == null) {
            bossGroup = Transports.group(1, "http-accept");
            workerGroup = Transports.group(config.threads(), "http");
        }
        List<InetSocketAddress> bound = new ArrayList<>();
        try {
            for (String listen : config.listen()) {
                InetSocketAddress address = ListenAddress.parse(listen);
                bound.add(epoll == null ? bindNetty(address) : bind(epoll, address));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            close();
            throw e;
        }
        return bound;
    }

    private InetSocketAddress bind(HttpListener.Factory epoll, InetSocketAddress address) {
        int threads = config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors();
        HttpListener listener;
        try {
            listener = epoll.bind(address, threads, shared, limiter);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind HTTP " + ListenAddress.format(address) + ": " + e.getMessage(), e);
        }
        epollListeners.add(listener);
        InetSocketAddress local = listener.address();
        LOG.info("HTTP tracker listening on {} ({} thread{}, {})", ListenAddress.format(local), threads,
                threads == 1 ? "" : "s", epoll.name());
        return local;
    }

    private InetSocketAddress bindNetty(InetSocketAddress address) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channelFactory(Transports.serverSocketChannel(address.getAddress() instanceof Inet6Address))
                .option(ChannelOption.SO_BACKLOG, BACKLOG)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new Initializer());
        if (Transports.nativeEpoll() && address.getAddress() instanceof Inet6Address) {
            bootstrap.option(Transports.IPV6_V6ONLY, 1);
        }
        ChannelFuture binding = bootstrap.bind(address).awaitUninterruptibly();
        if (!binding.isSuccess()) {
            throw new IllegalStateException("cannot bind HTTP " + ListenAddress.format(address) + ": "
                    + binding.cause().getMessage(), binding.cause());
        }
        listeners.add(binding.channel());
        InetSocketAddress local = (InetSocketAddress) binding.channel().localAddress();
        LOG.info("HTTP tracker listening on {} (netty, {})", ListenAddress.format(local),
                Transports.nativeEpoll() ? "epoll" : "nio");
        return local;
    }

    /** Stops accepting, lets answers being written finish, then closes every connection. */
    @Override
    public void close() {
        for (Channel listener : listeners) {
            listener.close().syncUninterruptibly();
        }
        listeners.clear();
        epollListeners.forEach(HttpListener::close);
        epollListeners.clear();
        if (workerGroup != null) {
            workerGroup.shutdownGracefully(SHUTDOWN_QUIET_SECONDS, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .syncUninterruptibly();
            bossGroup.shutdownGracefully(SHUTDOWN_QUIET_SECONDS, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .syncUninterruptibly();
            workerGroup = bossGroup = null;
        }
    }

    private final class Initializer extends ChannelInitializer<SocketChannel> {
        @Override
        protected void initChannel(SocketChannel ch) {
            addConnectionHandlers(ch.pipeline(), limiter, shared);
        }
    }

    /** What every accepted connection runs through; tests build the same pipeline. */
    static void addConnectionHandlers(ChannelPipeline pipeline, ConnectionLimiter limiter, Shared shared) {
        pipeline.addLast(limiter)
                // Reader-idle, not all-idle: every answer follows a read, so they close the same
                // connections, but watching writes makes the handler swap each write's void
                // promise for a real one and listen to it, an allocation and a callback per answer.
                .addLast(new IdleStateHandler(shared.idleTimeout, 0, 0, TimeUnit.SECONDS))
                .addLast(new HttpTrackerHandler(shared));
    }

    /** What every connection's handler shares: configuration, the tracker, and per-loop workspaces. */
    static final class Shared {
        final int idleTimeout;
        /** The longest request head the parser waits for before refusing it. */
        final int maxHead;
        final TrustedProxies proxies;
        final AnnounceResponder announce;
        final ScrapeResponder scrape;
        final PageResponder pages;
        final HttpExchange exchange;
        final FastThreadLocal<HttpWorkspace> workspace;

        Shared(HttpConfig http, AnnounceConfig announceConfig, Tracker tracker, RequestCounters counters,
               TrackerStats stats) {
            idleTimeout = http.idleTimeout();
            maxHead = RequestHeadParser.maxHead(http.maxRequestLine(), http.maxHeaders());
            proxies = new TrustedProxies(http.trustedProxies());
            announce = new AnnounceResponder(tracker, announceConfig.allowClientIp());
            scrape = new ScrapeResponder(tracker, http.fullScrape());
            pages = new PageResponder(stats);
            exchange = new HttpExchange(this);
            workspace = new FastThreadLocal<>() {
                @Override
                protected HttpWorkspace initialValue() {
                    return new HttpWorkspace(http.maxRequestLine(), http.maxHeaders(), http.scrapeMaxHashes(), proxies,
                            counters);
                }
            };
        }
    }
}
