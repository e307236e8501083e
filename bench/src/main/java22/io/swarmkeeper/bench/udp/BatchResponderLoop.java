package io.swarmkeeper.bench.udp;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.linuxnet.BatchSocket;
import io.swarmkeeper.linuxnet.DatagramBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The stateless responder on one batched Linux socket: a blocking recvmmsg takes what is queued,
 * and one sendmmsg answers it all, each reply in its request's slot or an earlier one.
 */
final class BatchResponderLoop implements ResponderLoop {
    /** A generator's default window is 128 requests; two batches answer it. */
    private static final int SLOTS = 64;
    /** A safety net only: stop() wakes the receive at once by shutting the input down. */
    private static final Duration RECEIVE_TIMEOUT = Duration.ofMillis(100);

    private final BatchSocket socket;
    private final InetSocketAddress address;
    private final boolean ipv6;
    private final DatagramBatch batch;
    private volatile boolean stopped;

    BatchResponderLoop(InetSocketAddress listen) throws IOException {
        ipv6 = listen.getAddress() instanceof Inet6Address;
        socket = BatchSocket.open(ipv6);
        try {
            socket.receiveBufferSize(StatelessReplies.SOCKET_BUFFER_BYTES);
            socket.sendBufferSize(StatelessReplies.SOCKET_BUFFER_BYTES);
            socket.receiveTimeout(RECEIVE_TIMEOUT);
            address = socket.bind(listen);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        batch = new DatagramBatch(SLOTS, StatelessReplies.BUFFER_BYTES, StatelessReplies.BUFFER_BYTES, true);
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void run() {
        ByteBuf[] requests = NativeBuffers.received(batch);
        ByteBuf[] replies = NativeBuffers.toSend(batch);
        try {
            while (!stopped) {
                int received = socket.receive(batch, true);
                int answered = 0;
                for (int i = 0; i < received; i++) {
                    ByteBuf request = requests[i].setIndex(0, batch.receivedLength(i));
                    if (!StatelessReplies.answerable(request)) {
                        continue;
                    }
                    ByteBuf reply = replies[answered].clear();
                    StatelessReplies.write(request, reply, ipv6);
                    batch.sendLength(answered, reply.writerIndex());
                    batch.copyAddress(i, answered);
                    answered++;
                }
                // What the kernel does not take is dropped, as a busy tracker's replies would be.
                socket.send(batch, 0, answered);
            }
        } catch (IOException e) {
            if (!stopped) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void stop() {
        stopped = true;
        socket.shutdownInput();
    }

    @Override
    public void close() {
        socket.close();
        batch.close();
    }
}
