package io.swarmkeeper.bench.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.swarmkeeper.bench.load.Summary;
import io.swarmkeeper.protocol.udp.UdpAction;
import io.swarmkeeper.protocol.udp.UdpAnnounceResponse;
import io.swarmkeeper.protocol.udp.UdpConnectResponse;
import io.swarmkeeper.protocol.udp.UdpRequestHeader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The generator run briefly on loopback: it gets valid replies from a correct responder and flags a wrong one. */
class UdpLoadSmokeTest {
    private static final Duration WARMUP = Duration.ofMillis(200);
    private static final Duration DURATION = Duration.ofSeconds(2);

    private static UdpLoad load(InetSocketAddress target) {
        return new UdpLoad(target, 1, 2, 32, 1_000, 5_000, 30, 10, 10, 0.25, 1.1, 7, 0);
    }

    @Test
    void against_the_stateless_responder_every_reply_is_valid() throws Exception {
        InetSocketAddress anyPort = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (StatelessResponder responder = StatelessResponder.start(anyPort)) {
            Summary summary = load(responder.address()).run("calibrate", WARMUP, DURATION, System.err);

            assertThat(summary.responses()).isPositive();
            assertThat(summary.announceReplies()).isPositive();
            assertThat(summary.scrapeReplies()).isPositive();
            assertThat(summary.errors()).isZero();
            assertThat(summary.averagePeers()).isEqualTo(StatelessResponder.PEERS);
        }
    }

    @Test
    void replies_with_a_wrong_transaction_id_are_counted_as_errors() throws Exception {
        DatagramChannel channel = DatagramChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread responder = new Thread(() -> answerWithWrongTransactionIds(channel), "wrong-responder");
        responder.start();
        try {
            Summary summary = load((InetSocketAddress) channel.getLocalAddress())
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
