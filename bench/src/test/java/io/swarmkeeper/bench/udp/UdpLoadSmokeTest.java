package io.swarmkeeper.bench.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.swarmkeeper.bench.load.Summary;
import io.swarmkeeper.protocol.udp.UdpAction;
import io.swarmkeeper.protocol.udp.UdpAnnounceResponse;
import io.swarmkeeper.protocol.udp.UdpConnectResponse;
import io.swarmkeeper.protocol.udp.UdpRequestHeader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The generator run briefly on loopback, with each I/O this JVM has (batch is skipped where it is
 * not built or not supported): it gets valid replies from a correct responder and flags a wrong one.
 * Packet I/O needs root and loopback settings: {@code PacketUdpLoadSmokeTest}.
 */
class UdpLoadSmokeTest {
    private static final Duration WARMUP = Duration.ofMillis(200);
    private static final Duration DURATION = Duration.ofSeconds(2);

    static UdpLoad load(InetSocketAddress target, int sockets, int window, UdpIo io) {
        assumeTrue(io.available(), io.label() + " I/O is not available in this JVM");
        return new UdpLoad(target, 1, sockets, window, 1_000, 5_000, 30, 10, 10, 0.25, 1.1, 7, 0, io);
    }

    private static StatelessResponder responder(UdpIo io) throws IOException {
        assumeTrue(io.available(), io.label() + " I/O is not available in this JVM");
        return StatelessResponder.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), io);
    }

    @ParameterizedTest
    @EnumSource(value = UdpIo.class, names = "PACKET", mode = EnumSource.Mode.EXCLUDE)
    void against_the_stateless_responder_every_reply_is_valid(UdpIo io) throws Exception {
        try (StatelessResponder responder = responder(io)) {
            Summary summary = load(responder.address(), 2, 32, io).run("calibrate", WARMUP, DURATION, System.err);

            assertThat(summary.io()).isEqualTo(io.label());
            assertThat(summary.responses()).isPositive();
            assertThat(summary.announceReplies()).isPositive();
            assertThat(summary.scrapeReplies()).isPositive();
            assertThat(summary.errors()).isZero();
            assertThat(summary.lost()).isZero();
            assertThat(summary.averagePeers()).isEqualTo(StatelessReplies.PEERS);
        }
    }

    /**
     * 300 in flight on one socket: more than one system call's batch, so the batched worker sends in
     * parts. Lost replies are not checked: the kernel's default receive buffer cap may drop some.
     */
    @ParameterizedTest
    @EnumSource(value = UdpIo.class, names = "PACKET", mode = EnumSource.Mode.EXCLUDE)
    void a_window_larger_than_a_batch_stays_valid(UdpIo io) throws Exception {
        try (StatelessResponder responder = responder(io)) {
            Summary summary = load(responder.address(), 1, 300, io).run("calibrate", WARMUP, DURATION, System.err);

            assertThat(summary.responses()).isPositive();
            assertThat(summary.errors()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(value = UdpIo.class, names = "PACKET", mode = EnumSource.Mode.EXCLUDE)
    void replies_with_a_wrong_transaction_id_are_counted_as_errors(UdpIo io) throws Exception {
        DatagramChannel channel = DatagramChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread responder = new Thread(() -> answerWithWrongTransactionIds(channel), "wrong-responder");
        responder.start();
        try {
            Summary summary = load((InetSocketAddress) channel.getLocalAddress(), 2, 32, io)
                    .run("udp", WARMUP, DURATION, System.err);

            assertThat(summary.errors()).isPositive();
            assertThat(summary.errorsByKind()).containsKey("unknown_transaction");
            assertThat(summary.announceReplies()).isZero();
        } finally {
            channel.close();
            responder.join();
        }
    }

    /** Connects correctly, then answers every announce or scrape with an announce reply whose id is off by one. */
    private static void answerWithWrongTransactionIds(DatagramChannel channel) {
        ByteBuf in = Unpooled.directBuffer(2048, 2048);
        ByteBuf out = Unpooled.directBuffer(2048, 2048);
        ByteBuffer inNio = in.nioBuffer(0, 2048);
        ByteBuffer outNio = out.nioBuffer(0, 2048);
        try {
            while (true) {
                inNio.clear();
                SocketAddress sender = channel.receive(inNio);
                in.setIndex(0, inNio.position());
                int transactionId = UdpRequestHeader.transactionId(in);
                out.clear();
                if (UdpRequestHeader.action(in) == UdpAction.CONNECT) {
                    UdpConnectResponse.write(out, transactionId, 42);
                } else {
                    UdpAnnounceResponse.writeHeader(out, transactionId + 1, 1800, 0, 0);
                }
                outNio.clear().limit(out.writerIndex());
                channel.send(outNio, sender);
            }
        } catch (AsynchronousCloseException e) {
            // the test is over
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            in.release();
            out.release();
        }
    }
}
