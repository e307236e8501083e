package io.swarmkeeper.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's requests on Netty: accumulates bytes until a request head is complete (within
 * the configured limits), has {@link HttpExchange} answer it, and goes on with the next; pipelined
 * requests are answered in order and flushed together once a read is done. A request still incomplete
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
    /** The channel's allocator: Netty writes each answer and then releases it. */
    private ReplyBuffers replies;
    private boolean closing;
    private ScheduledFuture<?> slowRequest;

    HttpTrackerHandler(HttpServer.Shared shared) {
        this.shared = shared;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        replies = ctx.alloc()::ioBuffer;
        super.handlerAdded(ctx);
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
        int verdict = shared.exchange.answer(replies, in, socketAddress, fromTrustedProxy, w);
        if (verdict == HttpExchange.NEED_MORE) {
            startSlowRequestTimer(ctx);
            return;
        }
        stopSlowRequestTimer();
        ByteBuf response = w.response;
        w.response = null;
        if (verdict == HttpExchange.KEEP_OPEN) {
            ctx.write(response, ctx.voidPromise());
        } else {
            closeWith(ctx, response);
        }
    }

    /**
     * Sends a last response, then shuts the sending side and drops what else comes until the client
     * closes or {@link HttpExchange#LINGER_MILLIS} pass.
     */
    private void closeWith(ChannelHandlerContext ctx, ByteBuf response) {
        closing = true;
        ctx.writeAndFlush(response).addListener((ChannelFutureListener) written -> {
            if (written.isSuccess() && ctx.channel() instanceof DuplexChannel duplex && duplex.isActive()) {
                duplex.shutdownOutput();
                ctx.executor().schedule(() -> ctx.close(), HttpExchange.LINGER_MILLIS, TimeUnit.MILLISECONDS);
            } else {
                ctx.close();
            }
        });
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
