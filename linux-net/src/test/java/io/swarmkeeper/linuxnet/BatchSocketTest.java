package io.swarmkeeper.linuxnet;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real sockets on loopback: what goes out in one batch comes in whole, from the right address. */
class BatchSocketTest {
    @BeforeAll
    static void linux() {
        assumeTrue(LinuxNet.available(), "Linux x86_64/aarch64 only");
    }

    static InetSocketAddress loopback(String host) throws IOException {
        return new InetSocketAddress(InetAddress.getByName(host), 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void a_batch_sent_arrives_whole_with_its_senders_address_and_the_replies_go_back(String host) throws IOException {
        boolean ipv6 = host.contains(":");
        try (BatchSocket server = BatchSocket.open(ipv6); BatchSocket client = BatchSocket.open(ipv6);
             DatagramBatch serverBatch = new DatagramBatch(32, 2048, 1500, true);
             DatagramBatch clientBatch = new DatagramBatch(32, 2048, 1500, false)) {
            InetSocketAddress serverAddress = server.bind(loopback(host));
            InetSocketAddress clientAddress = client.bind(loopback(host));
            client.connect(serverAddress);
            // As the tracker's sockets send: the kernel takes the option, and replies still arrive.
            server.dontFragment();
            server.receiveTimeout(Duration.ofSeconds(5));
            client.receiveTimeout(Duration.ofSeconds(5));
            assertThat(serverAddress.getPort()).isPositive();

            Random random = new Random(7);
            List<byte[]> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                byte[] payload = new byte[random.nextInt(1500)];
                random.nextBytes(payload);
                MemorySegmentsTestUtil.put(clientBatch.sendBuffer(i), payload);
                clientBatch.sendLength(i, payload.length);
                sent.add(payload);
            }
            assertThat(client.send(clientBatch, 0, 20)).isEqualTo(20);

            List<byte[]> received = new ArrayList<>();
            while (received.size() < 20) {
                int n = server.receive(serverBatch, true);
                assertThat(n).isPositive();
                // Reply to every other datagram only, moving replies to the front, as a server does.
                int replies = 0;
                for (int i = 0; i < n; i++) {
                    byte[] payload = MemorySegmentsTestUtil.get(serverBatch.receiveBuffer(i), serverBatch.receivedLength(i));
                    assertThat(serverBatch.address(i)).isEqualTo(clientAddress);
                    assertThat(serverBatch.ipv6(i)).isEqualTo(ipv6);
                    assertThat(serverBatch.port(i)).isEqualTo(clientAddress.getPort());
                    if ((received.size() & 1) == 0) {
                        MemorySegmentsTestUtil.put(serverBatch.sendBuffer(replies), new byte[] {(byte) received.size()});
                        serverBatch.sendLength(replies, 1);
                        serverBatch.copyAddress(i, replies);
                        replies++;
                    }
                    received.add(payload);
                }
                assertThat(server.send(serverBatch, 0, replies)).isEqualTo(replies);
            }
            assertThat(received).containsExactlyElementsOf(sent);

            List<Integer> replies = new ArrayList<>();
            while (replies.size() < 10) {
                int n = client.receive(clientBatch, true);
                assertThat(n).isPositive();
                for (int i = 0; i < n; i++) {
                    assertThat(clientBatch.receivedLength(i)).isEqualTo(1);
                    replies.add((int) clientBatch.receiveBuffer(i).get(JAVA_BYTE, 0));
                }
            }
            assertThat(replies).containsExactly(0, 2, 4, 6, 8, 10, 12, 14, 16, 18);
        }
    }

    @Test
    void an_ipv4_address_in_slot_reads_back_as_big_endian_primitives() throws IOException {
        try (DatagramBatch batch = new DatagramBatch(2, 16, 16, true)) {
            batch.address(1, new InetSocketAddress(InetAddress.getByName("10.1.2.3"), 6969));
            assertThat(batch.ipv6(1)).isFalse();
            assertThat(batch.ipv4(1)).isEqualTo(0x0A010203);
            assertThat(batch.port(1)).isEqualTo(6969);
            batch.address(0, new InetSocketAddress(InetAddress.getByName("2001:db8::1:2"), 65535));
            assertThat(batch.ipv6(0)).isTrue();
            assertThat(batch.ipv6High(0)).isEqualTo(0x2001_0db8_0000_0000L);
            assertThat(batch.ipv6Low(0)).isEqualTo(0x0000_0000_0001_0002L);
            assertThat(batch.port(0)).isEqualTo(65535);
        }
    }

    @Test
    void a_waiting_receive_returns_nothing_after_its_timeout_and_a_non_waiting_one_at_once() throws IOException {
        try (BatchSocket socket = BatchSocket.open(false); DatagramBatch batch = new DatagramBatch(4, 64, 64, true)) {
            socket.bind(loopback("127.0.0.1"));
            socket.receiveTimeout(Duration.ofMillis(50));
            assertThat(socket.receive(batch, true)).isZero();
            assertThat(socket.receive(batch, false)).isZero();
        }
    }

    @Test
    void shutting_the_input_down_wakes_a_waiting_receive() throws Exception {
        try (BatchSocket socket = BatchSocket.open(false); DatagramBatch batch = new DatagramBatch(4, 64, 64, true)) {
            socket.bind(loopback("127.0.0.1"));
            CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return socket.receive(batch, true);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(100);
            assertThat(waiting).isNotDone();
            socket.shutdownInput();
            assertThat(waiting.get(5, TimeUnit.SECONDS)).isZero();
        }
    }

    @Test
    void two_sockets_share_a_port_only_when_both_ask_for_it() throws IOException {
        try (BatchSocket first = BatchSocket.open(false); BatchSocket second = BatchSocket.open(false);
             BatchSocket third = BatchSocket.open(false)) {
            first.reusePort();
            InetSocketAddress bound = first.bind(loopback("127.0.0.1"));
            second.reusePort();
            assertThat(second.bind(bound)).isEqualTo(bound);
            assertThatThrownBy(() -> third.bind(bound))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("bind")
                    .hasMessageContaining("errno 98");
        }
    }

    @Test
    void an_address_of_the_other_family_is_refused_with_a_message() throws IOException {
        try (BatchSocket socket = BatchSocket.open(false)) {
            assertThatThrownBy(() -> socket.bind(loopback("::1")))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("not an IPv4 address");
        }
    }

    @Test
    void a_connected_socket_whose_peer_does_not_listen_says_so() throws IOException {
        InetSocketAddress nobody;
        try (BatchSocket closed = BatchSocket.open(false)) {
            nobody = closed.bind(loopback("127.0.0.1"));
        }
        try (BatchSocket socket = BatchSocket.open(false); DatagramBatch batch = new DatagramBatch(1, 64, 64, false)) {
            socket.connect(nobody);
            socket.receiveTimeout(Duration.ofSeconds(5));
            batch.sendLength(0, 16);
            assertThat(socket.send(batch, 0, 1)).isEqualTo(1);
            assertThatThrownBy(() -> socket.receive(batch, true)).isInstanceOf(PortUnreachableException.class);
        }
    }

    @Test
    void a_send_length_beyond_the_slot_is_refused() {
        try (DatagramBatch batch = new DatagramBatch(1, 8, 8, true)) {
            assertThatThrownBy(() -> batch.sendLength(0, 9)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
