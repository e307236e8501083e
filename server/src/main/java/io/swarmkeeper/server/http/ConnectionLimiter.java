package io.swarmkeeper.server.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.swarmkeeper.protocol.http.HttpFailure;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps open connections across all event loops (and the epoll transport's threads): one over the cap gets a pre-encoded 503 (with a
 * BEP 31 retry hint) and is closed before any request is read, so a flood of idle sockets cannot
 * exhaust file descriptors or memory.
 */
@Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionLimiter(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /** Counts a new connection; false when it is one too many (it still counts until {@link #closed}). */
    boolean opened() {
        return open.incrementAndGet() <= maxConnections;
    }

    void closed() {
        open.decrementAndGet();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (!opened()) {
            ctx.channel().config().setAutoRead(false);
            ctx.writeAndFlush(FailureResponses.response(ctx.alloc()::ioBuffer, HttpFailure.TOO_MANY_CONNECTIONS, false))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        closed();
        super.channelInactive(ctx);
    }
}
