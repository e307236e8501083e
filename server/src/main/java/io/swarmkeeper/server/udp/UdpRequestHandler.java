package io.swarmkeeper.server.udp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Netty's side of the UDP tracker: hands each datagram of one socket, on its event loop, to
 * {@link UdpAnswers} with a pooled reply buffer. Replies are written as requests are read and
 * flushed once per read batch, which Netty's epoll transport sends with one sendmmsg.
 */
final class UdpRequestHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(UdpRequestHandler.class);

    private final UdpAnswers answers;

    UdpRequestHandler(UdpAnswers answers) {
        this.answers = answers;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        DatagramPacket packet = (DatagramPacket) msg;
        ByteBuf out = ctx.alloc().directBuffer(UdpAnswers.MAX_REPLY);
        try {
            answers.source.set(packet.sender().getAddress());
            if (answers.answer(packet.content(), out)) {
                ctx.write(new DatagramPacket(out, packet.sender()), ctx.voidPromise());
                out = null;
            }
        } finally {
            packet.release();
            if (out != null) {
                out.release();
            }
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A failure here is ours, not the client's; the socket stays open for everyone else.
        log.warn("UDP request failed on {}: {}", ctx.channel().localAddress(), cause.toString());
    }
}
