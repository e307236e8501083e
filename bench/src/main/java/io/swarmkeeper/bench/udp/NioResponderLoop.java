package io.swarmkeeper.bench.udp;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.bench.load.Buffers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

/** The stateless responder on a blocking DatagramChannel: one receive and one send per request. */
final class NioResponderLoop implements ResponderLoop {
    private final DatagramChannel channel;
    private final InetSocketAddress address;
    private final boolean ipv6;
    private final ByteBuf in = Buffers.UNTRACKED.directBuffer(StatelessReplies.BUFFER_BYTES,
            StatelessReplies.BUFFER_BYTES);
    private final ByteBuf out = Buffers.UNTRACKED.directBuffer(StatelessReplies.BUFFER_BYTES,
            StatelessReplies.BUFFER_BYTES);

    NioResponderLoop(InetSocketAddress listen) throws IOException {
        channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, StatelessReplies.SOCKET_BUFFER_BYTES);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, StatelessReplies.SOCKET_BUFFER_BYTES);
            channel.bind(listen);
            address = (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            channel.close();
            close();
            throw e;
        }
        ipv6 = listen.getAddress() instanceof Inet6Address;
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void run() {
        ByteBuffer inNio = in.nioBuffer(0, in.capacity());
        ByteBuffer outNio = out.nioBuffer(0, out.capacity());
        try {
            while (true) {
                inNio.clear();
                SocketAddress sender = channel.receive(inNio);
                in.setIndex(0, inNio.position());
                if (!StatelessReplies.answerable(in)) {
                    continue;
                }
                out.clear();
                StatelessReplies.write(in, out, ipv6);
                outNio.clear().limit(out.writerIndex());
                channel.send(outNio, sender);
            }
        } catch (ClosedChannelException e) {
            // stop() closed the channel: the normal way to end.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closing the channel is what wakes a blocked receive. */
    @Override
    public void stop() {
        try {
            channel.close();
        } catch (IOException e) {
            // A channel that cannot close cleanly is closed all the same.
        }
    }

    @Override
    public void close() {
        in.release();
        out.release();
    }
}
