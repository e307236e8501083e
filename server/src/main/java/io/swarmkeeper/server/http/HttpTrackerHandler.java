package io.swarmkeeper.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.swarmkeeper.core.RequestCounters.Kind;
import io.swarmkeeper.protocol.http.HttpFailure;
import io.swarmkeeper.protocol.http.RequestHead;
import io.swarmkeeper.protocol.http.RequestHeadParser;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's requests: accumulates bytes until a request head is complete (within the
 * configured limits), answers it, and goes on with the next; pipelined requests are answered in
 * order and flushed together once a read is done.
 *
 * <p>A request that breaks HTTP (bad method, limits, garbage) is answered and the connection
 * closed, because what follows it cannot be trusted to start a request. A bad announce or scrape
 * is an ordinary answer and the connection stays open. A request still incomplete
 * {@code idleTimeout} seconds after its first byte closes the connection, so a client that
 * trickles bytes cannot hold a connection forever; silent connections are closed by the
 * {@code IdleStateHandler} in front of this one.
 */
final class HttpTrackerHandler extends ByteToMessageDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTrackerHandler.class);

    private final HttpServer.Shared shared;
    /** The TCP peer, fixed for the connection's life. */
    private final ClientAddress socketAddress = new ClientAddress();
    private boolean fromTrustedProxy;
    private boolean closing;
    private ScheduledFuture<?> slowRequest;

    HttpTrackerHandler(HttpServer.Shared shared) {
        this.shared = shared;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        socketAddress.set(((InetSocketAddress) ctx.channel().remoteAddress()).getAddress());
        fromTrustedProxy = shared.proxies.contains(socketAddress);
        super.channelActive(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (closing) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (!ctx.channel().isWritable()) {
            // The client is not reading its answers; stop answering until it does.
            ctx.channel().config().setAutoRead(false);
            return;
        }
        HttpWorkspace w = shared.workspace.get();
        RequestHead head = w.head;
        int verdict = w.headParser.parse(in, head);
        if (verdict == RequestHeadParser.NEED_MORE) {
            startSlowRequestTimer(ctx);
            return;
        }
        stopSlowRequestTimer();
        w.client.copyFrom(socketAddress);
        if (verdict == RequestHeadParser.FAILED) {
            shared.counting.count(w.client.family(), Kind.OTHER, false);
            closeWith(ctx, in, FailureResponses.response(ctx.alloc(), head.failure, false));
            return;
        }
        if (fromTrustedProxy) {
            w.forwarded.resolve(in, head, w.client);
        }
        boolean keepAlive = head.keepAlive;
        ByteBuf response;
        try {
            response = respond(ctx, w, in, keepAlive);
        } catch (RuntimeException e) {
            LOG.error("request failed inside the tracker", e);
            shared.counting.count(w.client.family(), Kind.OTHER, false);
            closeWith(ctx, in, FailureResponses.response(ctx.alloc(), HttpFailure.INTERNAL_ERROR, false));
            return;
        }
        in.skipBytes(head.length);
        if (keepAlive) {
            ctx.write(response, ctx.voidPromise());
        } else {
            closeWith(ctx, in, response);
        }
    }

    private ByteBuf respond(ChannelHandlerContext ctx, HttpWorkspace w, ByteBuf in, boolean keepAlive) {
        return switch (w.head.route) {
            case ANNOUNCE -> shared.announce.respond(ctx.alloc(), w, in, keepAlive);
            case SCRAPE -> shared.scrape.respond(ctx.alloc(), w, in, keepAlive);
            case STATS, METRICS, HEALTH -> {
                shared.counting.count(w.client.family(), Kind.OTHER, true);
                yield shared.pages.respond(ctx.alloc(), w.head.route, keepAlive);
            }
            case UNKNOWN -> {
                shared.counting.count(w.client.family(), Kind.OTHER, false);
                yield FailureResponses.response(ctx.alloc(), HttpFailure.NOT_FOUND, keepAlive);
            }
        };
    }

    /** Sends a last response, drops whatever else the client sent, and closes once it is written. */
    private void closeWith(ChannelHandlerContext ctx, ByteBuf in, ByteBuf response) {
        closing = true;
        in.skipBytes(in.readableBytes());
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private void startSlowRequestTimer(ChannelHandlerContext ctx) {
        if (slowRequest == null) {
            slowRequest = ctx.executor().schedule(() -> {
                LOG.debug("closing {}: request incomplete after {} s", ctx.channel().remoteAddress(), shared.idleTimeout);
                ctx.close();
            }, shared.idleTimeout, TimeUnit.SECONDS);
        }
    }

    private void stopSlowRequestTimer() {
        if (slowRequest != null) {
            slowRequest.cancel(false);
            slowRequest = null;
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        ctx.flush();
        super.channelReadComplete(ctx);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().isWritable() && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
            // Answer what already arrived before waiting for more.
            channelRead(ctx, Unpooled.EMPTY_BUFFER);
            ctx.flush();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        stopSlowRequestTimer();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Resets and the like are the client's business; nothing is sent back, least of all a trace.
        LOG.debug("closing {} after {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
