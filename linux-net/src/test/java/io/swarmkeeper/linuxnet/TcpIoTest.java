package io.swarmkeeper.linuxnet;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real TCP on loopback, a plain {@link Socket} as the client: listeners bind where asked, and
 * accept, read and send answer with values (AGAIN, BROKEN, 0 at the end) where a server expects them.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TcpIoTest {
    private static final long WAIT_MILLIS = 3000;

    @BeforeAll
    static void linux() {
        assumeTrue(LinuxNet.available(), "Linux x86_64/aarch64 only");
    }

    static InetSocketAddress loopback(String host, int port) throws IOException {
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }

    static TcpListener listen(String host) throws IOException {
        return TcpListener.open(loopback(host, 0), 16, false);
    }

    static Socket connect(InetSocketAddress address) throws IOException {
        Socket client = new Socket();
        client.connect(address, (int) WAIT_MILLIS);
        client.setSoTimeout((int) WAIT_MILLIS);
        return client;
    }

    /** The next connection's descriptor; the listener is non-blocking, so this polls, a bounded while. */
    static int acceptWithin(TcpIo io, TcpListener listener) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (true) {
            int fd = io.accept(listener.fd());
            if (fd != TcpIo.AGAIN) {
                return fd;
            }
            if (System.nanoTime() > deadline) {
                return fail("no connection to accept within %d ms", WAIT_MILLIS);
            }
            Thread.sleep(2);
        }
    }

    /** The first read that is not {@link TcpIo#AGAIN}, within a bounded while. */
    static int readWithin(TcpIo io, int fd, MemorySegment buffer) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (true) {
            int n = io.read(fd, buffer.address(), (int) buffer.byteSize());
            if (n != TcpIo.AGAIN) {
                return n;
            }
            if (System.nanoTime() > deadline) {
                return fail("nothing to read within %d ms", WAIT_MILLIS);
            }
            Thread.sleep(2);
        }
    }

    static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** The bytes of a stream at {@code position}, so a stream cut anywhere can be checked. */
    static byte streamByte(long position) {
        return (byte) (position % 251);
    }

    private static List<Integer> socketDescriptors() {
        List<Integer> sockets = new ArrayList<>();
        for (Map.Entry<Integer, String> open : DescriptorsTestUtil.open().entrySet()) {
            if (open.getValue().startsWith("socket:")) {
                sockets.add(open.getKey());
            }
        }
        return sockets;
    }

    @Test
    void a_listener_on_ipv4_loopback_port_0_is_bound_to_a_port_of_its_own_and_accepts_there() throws Exception {
        try (TcpListener listener = listen("127.0.0.1"); TcpIo io = new TcpIo()) {
            assertThat(listener.address().getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
            assertThat(listener.address().getPort()).isPositive();
            assertThat(listener.fd()).isNotNegative();
            assertThat(DescriptorsTestUtil.nonBlocking(listener.fd())).as("non-blocking").isTrue();
            try (Socket client = connect(listener.address())) {
                int fd = acceptWithin(io, listener);
                try {
                    assertThat(fd).isNotNegative();
                    assertThat(client.getLocalPort()).isPositive();
                } finally {
                    io.close(fd);
                }
            }
        }
    }

    @Test
    void an_ipv6_listener_leaves_its_port_number_to_an_ipv4_listener() throws Exception {
        // Linux makes a socket bound to one IPv6 address (::1) IPv6-only by itself: the listener's
        // own IPV6_V6ONLY only tells for [::], which these loopback-only tests do not bind.
        try (TcpListener v6 = listen("::1"); TcpIo io = new TcpIo()) {
            assertThat(v6.address().getAddress()).isEqualTo(InetAddress.getByName("::1"));
            assertThat(v6.address().getPort()).isPositive();
            try (TcpListener v4 = TcpListener.open(loopback("127.0.0.1", v6.address().getPort()), 16, false);
                 Socket client6 = connect(v6.address()); Socket client4 = connect(v4.address())) {
                assertThat(v4.address().getPort()).isEqualTo(v6.address().getPort());

                int fd6 = acceptWithin(io, v6);
                assertThat(io.peerIpv6()).isTrue();
                int fd4 = acceptWithin(io, v4);
                assertThat(io.peerIpv6()).isFalse();
                io.close(fd6);
                io.close(fd4);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void listeners_that_both_ask_for_reuse_port_share_an_address_and_port(String host) throws Exception {
        try (TcpListener first = TcpListener.open(loopback(host, 0), 16, true);
             TcpListener second = TcpListener.open(first.address(), 16, true); TcpIo io = new TcpIo()) {
            assertThat(second.address()).isEqualTo(first.address());
            assertThat(second.fd()).isNotEqualTo(first.fd());
            // The kernel spreads connections over both; whichever holds one, it is there to accept.
            try (Socket client = connect(first.address())) {
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
                int fd;
                while ((fd = io.accept(first.fd())) == TcpIo.AGAIN && (fd = io.accept(second.fd())) == TcpIo.AGAIN) {
                    assertThat(System.nanoTime()).as("accepted in time").isLessThan(deadline);
                    Thread.sleep(2);
                }
                assertThat(fd).isNotNegative();
                io.close(fd);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void without_reuse_port_binding_a_taken_port_fails_naming_bind_and_the_address(boolean firstReusesPort)
            throws Exception {
        try (TcpListener first = TcpListener.open(loopback("127.0.0.1", 0), 16, firstReusesPort)) {
            InetSocketAddress taken = first.address();
            List<Integer> socketsBefore = socketDescriptors();
            assertThatThrownBy(() -> TcpListener.open(taken, 16, false))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("bind")
                    .hasMessageContaining(taken.toString())
                    .hasMessageContaining("errno 98");
            // The socket made for the failed bind is closed again.
            assertThat(socketDescriptors()).isEqualTo(socketsBefore);
        }
    }

    @Test
    void an_ipv6_listener_on_a_port_taken_by_another_fails_too() throws Exception {
        try (TcpListener first = listen("::1")) {
            assertThatThrownBy(() -> TcpListener.open(first.address(), 16, false))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("bind")
                    .hasMessageContaining(first.address().toString());
        }
    }

    @Test
    void a_listener_closed_twice_closes_its_descriptor_once() throws Exception {
        TcpListener first = listen("127.0.0.1");
        int number = first.fd();
        first.close();
        assertThat(DescriptorsTestUtil.isOpen(number)).isFalse();
        // The system gives the lowest free number: the next socket most likely takes the freed one,
        // and a second close that closed the number again would close it.
        try (TcpListener next = listen("127.0.0.1"); TcpIo io = new TcpIo()) {
            assumeTrue(next.fd() == number, "the freed descriptor number was taken by another");
            first.close();
            assertThat(DescriptorsTestUtil.isOpen(number)).isTrue();
            try (Socket client = connect(next.address())) {
                io.close(acceptWithin(io, next));
            }
        }
    }

    @Test
    void accept_with_no_connection_waiting_returns_again_at_once() throws Exception {
        try (TcpListener listener = listen("127.0.0.1"); TcpIo io = new TcpIo()) {
            long start = System.nanoTime();
            assertThat(io.accept(listener.fd())).isEqualTo(TcpIo.AGAIN);
            assertThat(io.accept(listener.fd())).isEqualTo(TcpIo.AGAIN);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
        }
    }

    @Test
    void accept_gives_a_non_blocking_no_delay_descriptor_and_the_ipv4_clients_address() throws Exception {
        try (TcpListener listener = listen("127.0.0.1"); TcpIo io = new TcpIo();
             Socket client = connect(listener.address())) {
            int fd = acceptWithin(io, listener);
            try {
                assertThat(fd).isNotNegative().isNotEqualTo(listener.fd());
                assertThat(io.peerIpv6()).isFalse();
                assertThat(io.peerIpv4()).isEqualTo(0x7f000001);
                assertThat(DescriptorsTestUtil.nonBlocking(fd)).as("non-blocking").isTrue();
                assertThat(DescriptorsTestUtil.flags(fd) & DescriptorsTestUtil.O_CLOEXEC).as("close-on-exec").isNotZero();
                assertThat(DescriptorsTestUtil.intOption(fd, Libc.IPPROTO_TCP, Libc.TCP_NODELAY)).as("TCP_NODELAY")
                        .isNotZero();
                // That one connection is taken: none is left waiting.
                assertThat(io.accept(listener.fd())).isEqualTo(TcpIo.AGAIN);
            } finally {
                io.close(fd);
            }
        }
    }

    @Test
    void accept_gives_the_ipv6_clients_address_as_two_longs() throws Exception {
        try (TcpListener listener = listen("::1"); TcpIo io = new TcpIo()) {
            // An IPv4 peer first, so the IPv6 one must overwrite what accept keeps.
            try (TcpListener v4 = listen("127.0.0.1"); Socket client4 = connect(v4.address())) {
                io.close(acceptWithin(io, v4));
                assertThat(io.peerIpv6()).isFalse();
            }
            try (Socket client = connect(listener.address())) {
                int fd = acceptWithin(io, listener);
                try {
                    assertThat(fd).isNotNegative();
                    assertThat(io.peerIpv6()).isTrue();
                    assertThat(io.peerIpv6High()).isZero();
                    assertThat(io.peerIpv6Low()).isEqualTo(1L);
                } finally {
                    io.close(fd);
                }
            }
        }
    }

    @Test
    void read_returns_the_clients_bytes_again_when_there_are_none_and_0_once_it_closes() throws Exception {
        byte[] written = random(3000, 11);
        try (TcpListener listener = listen("127.0.0.1"); TcpIo io = new TcpIo(); Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(4096);
            Socket client = connect(listener.address());
            int fd = acceptWithin(io, listener);
            try {
                assertThat(DescriptorsTestUtil.nonBlocking(fd)).as("non-blocking, so a read cannot hang").isTrue();
                assertThat(io.read(fd, buffer.address(), (int) buffer.byteSize())).isEqualTo(TcpIo.AGAIN);

                client.getOutputStream().write(written);
                client.getOutputStream().flush();
                byte[] read = new byte[written.length];
                int have = 0;
                while (have < written.length) {
                    int n = readWithin(io, fd, buffer.asSlice(0, Math.min(1000, written.length - have)));
                    assertThat(n).isPositive();
                    MemorySegment.copy(buffer, JAVA_BYTE, 0, read, have, n);
                    have += n;
                }
                assertThat(read).isEqualTo(written);
                assertThat(io.read(fd, buffer.address(), (int) buffer.byteSize())).isEqualTo(TcpIo.AGAIN);

                client.close();
                assertThat(readWithin(io, fd, buffer)).as("end of stream").isZero();
                assertThat(io.read(fd, buffer.address(), (int) buffer.byteSize())).isZero();
            } finally {
                client.close();
                io.close(fd);
            }
        }
    }

    @Test
    void bytes_sent_arrive_at_the_client_intact_and_in_order() throws Exception {
        byte[] sent = random(1 << 20, 12);
        try (TcpListener listener = listen("::1"); TcpIo io = new TcpIo(); Arena arena = Arena.ofConfined();
             Socket client = connect(listener.address())) {
            MemorySegment buffer = arena.allocate(sent.length);
            MemorySegmentsTestUtil.put(buffer, sent);
            int fd = acceptWithin(io, listener);
            try {
                InputStream in = client.getInputStream();
                CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                    try {
                        return in.readNBytes(sent.length);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
                int offset = 0;
                while (offset < sent.length) {
                    int n = io.send(fd, buffer.address() + offset, sent.length - offset);
                    assertThat(n).isNotEqualTo(TcpIo.BROKEN).isNotZero();
                    if (n > 0) {
                        offset += n;
                    } else {
                        assertThat(System.nanoTime()).as("all sent in time").isLessThan(deadline);
                        Thread.sleep(1);
                    }
                }
                assertThat(received.get(WAIT_MILLIS, TimeUnit.MILLISECONDS)).isEqualTo(sent);
            } finally {
                io.close(fd);
            }
        }
    }

    @Test
    void closing_an_accepted_descriptor_ends_the_clients_stream() throws Exception {
        try (TcpListener listener = listen("127.0.0.1"); TcpIo io = new TcpIo();
             Socket client = connect(listener.address())) {
            int fd = acceptWithin(io, listener);
            io.close(fd);
            assertThat(DescriptorsTestUtil.isOpen(fd)).isFalse();
            assertThat(client.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void sending_to_a_connection_the_client_reset_returns_broken_not_an_exception() throws Exception {
        try (TcpListener listener = listen("127.0.0.1"); TcpIo io = new TcpIo(); Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(100);
            int fd = acceptedThenReset(listener, io);
            try {
                // The reset may not have arrived by the first send: a few tries, a bounded while.
                List<Integer> results = new ArrayList<>();
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
                int n;
                do {
                    n = io.send(fd, buffer.address(), (int) buffer.byteSize());
                    results.add(n);
                    assertThat(System.nanoTime()).as("BROKEN in time, sends: %s", results).isLessThan(deadline);
                    Thread.sleep(1);
                } while (n != TcpIo.BROKEN);
                assertThat(results.subList(0, results.size() - 1)).allMatch(r -> r == 100 || r == TcpIo.AGAIN);
                // And it stays broken.
                assertThat(io.send(fd, buffer.address(), (int) buffer.byteSize())).isEqualTo(TcpIo.BROKEN);
            } finally {
                io.close(fd);
            }
        }
    }

    @Test
    void reading_a_connection_the_client_reset_returns_broken() throws Exception {
        try (TcpListener listener = listen("::1"); TcpIo io = new TcpIo(); Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(100);
            int fd = acceptedThenReset(listener, io);
            try {
                assertThat(readWithin(io, fd, buffer)).isEqualTo(TcpIo.BROKEN);
            } finally {
                io.close(fd);
            }
        }
    }

    @Test
    void a_big_send_to_a_client_that_does_not_read_is_cut_short_once_the_buffers_fill() throws Exception {
        int chunk = 256 * 1024;
        try (TcpListener listener = listen("127.0.0.1"); TcpIo io = new TcpIo(); Arena arena = Arena.ofConfined();
             Socket client = connect(listener.address())) {
            MemorySegment buffer = arena.allocate(chunk);
            int fd = acceptWithin(io, listener);
            long total = 0;
            try {
                List<Integer> results = new ArrayList<>();
                int n;
                do {
                    // Each chunk goes on from where the stream is, so any cut leaves it checkable.
                    for (int i = 0; i < chunk; i++) {
                        buffer.set(JAVA_BYTE, i, streamByte(total + i));
                    }
                    n = io.send(fd, buffer.address(), chunk);
                    results.add(n);
                    assertThat(n).isNotEqualTo(TcpIo.BROKEN);
                    if (n > 0) {
                        total += n;
                    }
                    // Loopback's buffers hold a few MB at most; 400 chunks is 100 MB.
                    assertThat(results).as("a short send or AGAIN").hasSizeLessThan(400);
                } while (n == chunk);
                assertThat(n).isLessThan(chunk);
                assertThat(total).isPositive();
            } finally {
                io.close(fd);
            }

            // What the sends counted as taken is exactly what the client gets, then the end.
            InputStream in = client.getInputStream();
            byte[] block = new byte[64 * 1024];
            long position = 0;
            int got;
            while ((got = in.read(block)) != -1) {
                for (int i = 0; i < got; i++) {
                    if (block[i] != streamByte(position + i)) {
                        fail("byte %d of the stream is %d, not %d", position + i, block[i], streamByte(position + i));
                    }
                }
                position += got;
            }
            assertThat(position).isEqualTo(total);
        }
    }

    @Test
    void after_shutting_its_output_the_server_still_reads_what_the_client_sends() throws Exception {
        try (TcpListener listener = listen("127.0.0.1"); TcpIo io = new TcpIo(); Arena arena = Arena.ofConfined();
             Socket client = connect(listener.address())) {
            int fd = acceptWithin(io, listener);
            try {
                MemorySegment answer = arena.allocateFrom("last");
                assertThat(io.send(fd, answer.address(), 4)).isEqualTo(4);
                io.shutdownOutput(fd);
                // The client gets the answer, then the end of the stream...
                assertThat(client.getInputStream().readNBytes(4)).isEqualTo("last".getBytes(StandardCharsets.US_ASCII));
                assertThat(client.getInputStream().read()).isEqualTo(-1);
                // ...and what it still sends is read, not answered with a reset.
                client.getOutputStream().write("more".getBytes(StandardCharsets.US_ASCII));
                MemorySegment buffer = arena.allocate(16);
                assertThat(readWithin(io, fd, buffer)).isEqualTo(4);
                client.shutdownOutput();
                assertThat(readWithin(io, fd, buffer)).as("end of stream").isZero();
            } finally {
                io.close(fd);
            }
        }
    }

    /** A connection accepted here whose client then closed with a reset (SO_LINGER 0). */
    private static int acceptedThenReset(TcpListener listener, TcpIo io) throws Exception {
        Socket client = connect(listener.address());
        int fd = acceptWithin(io, listener);
        client.setSoLinger(true, 0);
        client.close();
        return fd;
    }
}
