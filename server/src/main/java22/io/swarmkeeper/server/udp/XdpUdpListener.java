package io.swarmkeeper.server.udp;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.swarmkeeper.linuxnet.Ipv4UdpFrame;
import io.swarmkeeper.linuxnet.XdpRedirector;
import io.swarmkeeper.linuxnet.XdpSocket;
import io.swarmkeeper.linuxnet.XdpStatistics;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IPv4 datagrams for one listen address taken off an interface by XDP, one AF_XDP socket and
 * thread per receive queue: each thread answers a batch of frames where they lie (the request in
 * a frame's first half, the answer written into its second) and sends the answers with one call.
 * The datagrams never meet the socket layer; everything the program lets by (IPv6, fragments,
 * other addresses) still reaches the address's ordinary sockets.
 */
final class XdpUdpListener implements UdpListener {
    /** Frames per batch, as for the batched sockets. */
    static final int BATCH = BatchUdpListener.BATCH;
    /** How long a thread waits for frames before it looks whether it should stop. */
    private static final int POLL_MILLIS = 200;
    /** A batch this large says the load is high enough to look again before sleeping. */
    private static final int BUSY_BATCH = BATCH / 4;
    private static final long SPIN_NANOS = 20_000;
    private static final Logger log = LoggerFactory.getLogger(XdpUdpListener.class);

    private final InetSocketAddress address;
    private final XdpRedirector redirector;
    private final List<XdpSocket> sockets;
    private final List<Thread> threads;
    private volatile boolean running = true;

    XdpUdpListener(InetSocketAddress address, String interfaceName, List<XdpSocket> sockets,
                   XdpRedirector redirector, Supplier<UdpAnswers> answers) {
        this.address = address;
        this.sockets = sockets;
        this.redirector = redirector;
        this.threads = SocketThreads.start(sockets, "udp-xdp-" + interfaceName + "-", answers, this::serve);
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public int sockets() {
        return sockets.size();
    }

    private void serve(XdpSocket socket, UdpAnswers answers) {
        MemorySegment frames = socket.frames();
        int count = (int) (frames.byteSize() / XdpSocket.FRAME_SIZE);
        // Each frame's two halves wrapped once as buffers for the codecs: no object per datagram.
        ByteBuf[] requests = new ByteBuf[count];
        ByteBuf[] replies = new ByteBuf[count];
        for (int i = 0; i < count; i++) {
            long frame = (long) i * XdpSocket.FRAME_SIZE;
            requests[i] = Unpooled.wrappedBuffer(frames.asSlice(frame, XdpSocket.ANSWER_OFFSET).asByteBuffer());
            replies[i] = Unpooled.wrappedBuffer(frames.asSlice(frame + XdpSocket.ANSWER_OFFSET + Ipv4UdpFrame.PAYLOAD,
                    UdpAnswers.MAX_REPLY).asByteBuffer());
        }
        try {
            int last = 0;
            while (running) {
                int n = socket.receive(0);
                if (n == 0) {
                    n = last >= BUSY_BATCH ? spin(socket) : 0;
                    if (n == 0) {
                        n = socket.receive(POLL_MILLIS);
                    }
                }
                last = n;
                for (int i = 0; i < n; i++) {
                    answer(socket, answers, frames, socket.receivedAddress(i), socket.receivedLength(i),
                            requests, replies);
                }
                socket.flush();
            }
        } catch (IOException | RuntimeException e) {
            // Datagrams redirected to a socket no one reads would be lost: the ordinary sockets take them again.
            redirector.close();
            log.error("AF_XDP socket for {} stopped ({}); its datagrams go to the ordinary sockets again",
                    address, e.toString());
        }
    }

    /**
     * Looks for frames for a few microseconds before sleeping: under load the next ones are about
     * to come, and a sleeping thread must be woken for them, which costs the sender's CPU more than
     * the look costs this one.
     */
    private static int spin(XdpSocket socket) throws IOException {
        long until = System.nanoTime() + SPIN_NANOS;
        int n;
        do {
            Thread.onSpinWait();
            n = socket.receive(0);
        } while (n == 0 && System.nanoTime() < until);
        return n;
    }

    private void answer(XdpSocket socket, UdpAnswers answers, MemorySegment frames, long at, int length,
                        ByteBuf[] requests, ByteBuf[] replies) {
        int frame = (int) (at / XdpSocket.FRAME_SIZE);
        int offset = (int) (at % XdpSocket.FRAME_SIZE);
        int payload = Ipv4UdpFrame.payloadLength(frames, at, length);
        // A frame that cannot hold its answer beside it (the kernel put it late in the frame) is
        // not one the kernel makes; drop it rather than write over it.
        if (payload < 0 || offset + Ipv4UdpFrame.PAYLOAD + payload > XdpSocket.ANSWER_OFFSET) {
            socket.release(at);
            return;
        }
        ByteBuf in = requests[frame];
        in.setIndex(offset + Ipv4UdpFrame.PAYLOAD, offset + Ipv4UdpFrame.PAYLOAD + payload);
        ByteBuf out = replies[frame];
        out.clear();
        answers.source.ipv4(Ipv4UdpFrame.sourceAddress(frames, at));
        boolean reply;
        try {
            reply = answers.answer(in, out);
        } catch (RuntimeException e) {
            // A failure here is ours, not the client's; the socket goes on serving everyone else.
            log.warn("UDP request failed on {}: {}", address, e.toString());
            reply = false;
        }
        if (!reply) {
            socket.release(at);
            return;
        }
        long answerAt = (long) frame * XdpSocket.FRAME_SIZE + XdpSocket.ANSWER_OFFSET;
        Ipv4UdpFrame.writeAnswer(frames, at, answerAt, out.writerIndex());
        socket.transmit(answerAt, Ipv4UdpFrame.PAYLOAD + out.writerIndex());
    }

    /**
     * What each socket lost, as {@code swarmkeeper.udp.xdp.dropped} by queue and reason: frames the
     * kernel could not hand over (too long, say), frames dropped because the thread fell behind
     * (its receive ring full) or had no frame free to receive into, and descriptors refused.
     */
    @Override
    public void meters(MeterRegistry registry) {
        for (int queue = 0; queue < sockets.size(); queue++) {
            XdpSocket socket = sockets.get(queue);
            dropped(registry, socket, queue, "kernel", XdpStatistics::receiveDropped);
            dropped(registry, socket, queue, "ring_full", XdpStatistics::receiveRingFull);
            dropped(registry, socket, queue, "no_free_frame", XdpStatistics::fillRingEmpty);
            dropped(registry, socket, queue, "invalid", s -> s.receiveInvalid() + s.transmitInvalid());
        }
    }

    private void dropped(MeterRegistry registry, XdpSocket socket, int queue, String reason,
                         ToLongFunction<XdpStatistics> count) {
        FunctionCounter.builder("swarmkeeper.udp.xdp.dropped", socket, s -> {
                    if (!running) {
                        return Double.NaN;
                    }
                    try {
                        return count.applyAsLong(s.statistics());
                    } catch (IOException e) {
                        return Double.NaN;
                    }
                })
                .description("Datagrams an AF_XDP socket lost")
                .tags("address", address.getAddress().getHostAddress() + ":" + address.getPort(),
                        "queue", Integer.toString(queue), "reason", reason)
                .register(registry);
    }

    /**
     * Detaches the program first, so datagrams go to the ordinary sockets again, then lets each
     * thread answer what it holds and stop.
     */
    @Override
    public void close() {
        redirector.close();
        running = false;
        SocketThreads.join(threads);
        sockets.forEach(XdpSocket::close);
    }
}
