package io.swarmkeeper.linuxnet;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Frames sent from the ring on loopback reach an ordinary UDP socket as datagrams from the
 * address and port their headers name. Loopback takes them only with the settings an XDP tracker
 * needs too (routed packets from 127.0.0.1), which the extension sets for the class.
 */
@ExtendWith(LoopbackXdp.class)
class PacketTxRingTest {
    private static final int LOOPBACK = 0x7F00_0001;

    @Test
    void frames_sent_arrive_as_datagrams_from_the_port_their_headers_name() throws IOException {
        try (PacketTxRing ring = PacketTxRing.open("lo");
             BatchSocket receiver = BatchSocket.open(false);
             BatchSocket sender = BatchSocket.open(false);
             DatagramBatch batch = new DatagramBatch(64, 2048, 64, true)) {
            InetSocketAddress to = receiver.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            // a real socket owns the source port, as the load generator's do
            InetSocketAddress from = sender.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            receiver.receiveTimeout(Duration.ofSeconds(5));

            int count = PacketTxRing.FRAMES + 10; // more than a lap of the ring
            Set<Integer> got = new HashSet<>();
            for (int i = 0; i < count; i++) {
                int next = ring.next();
                assertThat(next).as("frame %d free", i).isEqualTo(i % ring.frames());
                MemorySegment frame = ring.frame(next);
                frame.set(JAVA_BYTE, Ipv4UdpFrame.PAYLOAD, (byte) (i >> 8));
                frame.set(JAVA_BYTE, Ipv4UdpFrame.PAYLOAD + 1, (byte) i);
                Ipv4UdpFrame.writeDatagram(frame, 0, LOOPBACK, from.getPort(), LOOPBACK, to.getPort(), 2);
                ring.queue(Ipv4UdpFrame.PAYLOAD + 2);
                if (i % 50 == 49 || i == count - 1) {
                    ring.send();
                    // taken before the next lap, so the ring's frames come free again
                    while (got.size() < i + 1) {
                        int n = receiver.receive(batch, true);
                        assertThat(n).as("datagrams within the timeout").isPositive();
                        for (int j = 0; j < n; j++) {
                            assertThat(batch.receivedLength(j)).isEqualTo(2);
                            assertThat(batch.port(j)).isEqualTo(from.getPort());
                            assertThat(batch.ipv4(j)).isEqualTo(LOOPBACK);
                            ByteBuffer payload = batch.receiveBuffer(j).asByteBuffer();
                            got.add((payload.get(0) & 0xFF) << 8 | payload.get(1) & 0xFF);
                        }
                    }
                }
            }
            assertThat(got).hasSize(count);
        }
    }

    @Test
    void a_frame_too_short_or_too_long_is_refused_and_closing_twice_is_harmless() throws IOException {
        PacketTxRing ring = PacketTxRing.open("lo");
        assertThat(ring.next()).isZero();
        assertThatThrownBy(() -> ring.queue(13)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ring.queue(PacketTxRing.MAX_FRAME + 1)).isInstanceOf(IllegalArgumentException.class);
        ring.close();
        ring.close();
    }

    @Test
    void an_interface_that_does_not_exist_is_named_in_the_error() {
        assertThatThrownBy(() -> PacketTxRing.open("nosuch0")).isInstanceOf(IOException.class)
                .hasMessageContaining("nosuch0");
    }
}
