package io.swarmkeeper.linuxnet;

import static io.swarmkeeper.linuxnet.TcpIoTest.acceptWithin;
import static io.swarmkeeper.linuxnet.TcpIoTest.connect;
import static io.swarmkeeper.linuxnet.TcpIoTest.listen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An epoll set over real loopback sockets: it reports the descriptors that are ready, for what,
 * waits no longer than asked, wakes when told, and never shows its own wake-up descriptor.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EpollTest {
    private static final int WAIT_MILLIS = 3000;

    @BeforeAll
    static void linux() {
        assumeTrue(LinuxNet.available(), "Linux x86_64/aarch64 only");
    }

    /** The descriptors the last await reported, and what for, checking none is reported twice. */
    static Map<Integer, Integer> reported(Epoll epoll, int n) {
        Map<Integer, Integer> events = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Integer earlier = events.put(epoll.fd(i), epoll.events(i));
            assertThat(earlier).as("descriptor %d reported twice", epoll.fd(i)).isNull();
        }
        return events;
    }

    static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    @Test
    void a_listener_watched_for_input_is_reported_once_a_client_connects() throws Exception {
        try (Epoll epoll = Epoll.open(8); TcpListener listener = listen("127.0.0.1")) {
            epoll.add(listener.fd(), Epoll.IN);
            assertThat(epoll.await(0)).isZero();
            try (Socket client = connect(listener.address())) {
                assertThat(epoll.await(WAIT_MILLIS)).isEqualTo(1);
                assertThat(epoll.fd(0)).isEqualTo(listener.fd());
                assertThat(epoll.events(0) & Epoll.IN).isNotZero();
                assertThat(epoll.events(0) & (Epoll.ERR | Epoll.HUP)).isZero();
            }
        }
    }

    @Test
    void a_listener_watched_exclusively_by_two_sets_is_reported_by_them() throws Exception {
        try (Epoll first = Epoll.open(8); Epoll second = Epoll.open(8); TcpListener listener = listen("127.0.0.1");
             Socket client = connect(listener.address())) {
            first.add(listener.fd(), Epoll.IN | Epoll.EXCLUSIVE);
            second.add(listener.fd(), Epoll.IN | Epoll.EXCLUSIVE);
            for (Epoll epoll : List.of(first, second)) {
                assertThat(epoll.await(WAIT_MILLIS)).isEqualTo(1);
                assertThat(epoll.fd(0)).isEqualTo(listener.fd());
                assertThat(epoll.events(0) & Epoll.IN).isNotZero();
            }
        }
    }

    @Test
    void an_await_with_nothing_ready_returns_0_after_its_timeout() throws Exception {
        try (Epoll epoll = Epoll.open(8); TcpListener listener = listen("::1")) {
            epoll.add(listener.fd(), Epoll.IN);
            long start = System.nanoTime();
            assertThat(epoll.await(100)).isZero();
            assertThat(millisSince(start)).isBetween(90L, 2000L);
        }
    }

    @Test
    void a_wakeup_from_another_thread_ends_a_long_await_promptly_and_is_used_up() throws Exception {
        try (Epoll epoll = Epoll.open(8)) {
            CompletableFuture<Void> waker = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                epoll.wakeup();
            });
            long start = System.nanoTime();
            assertThat(epoll.await(10_000)).isZero();
            assertThat(millisSince(start)).isBetween(50L, 3000L);
            waker.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);

            // The wake-up was drained: the next await sleeps its whole timeout.
            start = System.nanoTime();
            assertThat(epoll.await(100)).isZero();
            assertThat(millisSince(start)).isGreaterThanOrEqualTo(90L);
        }
    }

    @Test
    void wakeups_before_an_await_end_the_next_one_at_once_and_count_as_one() throws Exception {
        try (Epoll epoll = Epoll.open(8)) {
            epoll.wakeup();
            epoll.wakeup();
            epoll.wakeup();
            long start = System.nanoTime();
            assertThat(epoll.await(10_000)).isZero();
            assertThat(millisSince(start)).isLessThan(2000L);

            start = System.nanoTime();
            assertThat(epoll.await(100)).isZero();
            assertThat(millisSince(start)).isGreaterThanOrEqualTo(90L);
        }
    }

    @Test
    void the_wake_up_descriptor_is_never_reported_among_ready_ones() throws Exception {
        try (Epoll epoll = Epoll.open(8); TcpListener listener = listen("127.0.0.1"); TcpIo io = new TcpIo();
             Socket client1 = connect(listener.address()); Socket client2 = connect(listener.address())) {
            int a = acceptWithin(io, listener);
            int b = acceptWithin(io, listener);
            try {
                epoll.add(listener.fd(), Epoll.IN);
                epoll.add(a, Epoll.IN);
                epoll.add(b, Epoll.IN);
                assertThat(epoll.await(0)).isZero();

                // Woken first, so the wake-up comes before the others in the kernel's ready list.
                epoll.wakeup();
                client1.getOutputStream().write(1);
                client2.getOutputStream().write(2);
                try (Socket client3 = connect(listener.address())) {
                    Thread.sleep(50);
                    Set<Integer> expected = Set.of(listener.fd(), a, b);
                    Set<Integer> seen = new HashSet<>();
                    List<Integer> counts = new ArrayList<>();
                    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
                    while (!seen.equals(expected)) {
                        int n = epoll.await(WAIT_MILLIS);
                        counts.add(n);
                        Map<Integer, Integer> events = reported(epoll, n);
                        assertThat(expected).as("reported: %s", events).containsAll(events.keySet());
                        assertThat(events.values()).allMatch(e -> (e & Epoll.IN) != 0);
                        seen.addAll(events.keySet());
                        assertThat(System.nanoTime()).as("all ready in time, counts %s", counts).isLessThan(deadline);
                    }
                    // Level-triggered, nothing read: all three again, and only them.
                    int n = epoll.await(WAIT_MILLIS);
                    assertThat(n).isEqualTo(3);
                    assertThat(reported(epoll, n).keySet()).isEqualTo(expected);
                }
            } finally {
                io.close(a);
                io.close(b);
            }
        }
    }

    @Test
    void modify_to_output_reports_a_connected_socket_as_writable() throws Exception {
        try (Epoll epoll = Epoll.open(8); TcpListener listener = listen("127.0.0.1"); TcpIo io = new TcpIo();
             Socket client = connect(listener.address())) {
            int fd = acceptWithin(io, listener);
            try {
                epoll.add(fd, Epoll.IN);
                assertThat(epoll.await(50)).as("nothing to read").isZero();
                epoll.modify(fd, Epoll.OUT);
                assertThat(epoll.await(WAIT_MILLIS)).isEqualTo(1);
                assertThat(epoll.fd(0)).isEqualTo(fd);
                assertThat(epoll.events(0) & Epoll.OUT).isNotZero();
                assertThat(epoll.events(0) & Epoll.IN).isZero();
                epoll.modify(fd, Epoll.IN);
                assertThat(epoll.await(50)).as("back to reading, nothing to read").isZero();
            } finally {
                io.close(fd);
            }
        }
    }

    @Test
    void a_peer_closing_is_reported_as_input_and_read_hang_up() throws Exception {
        try (Epoll epoll = Epoll.open(8); TcpListener listener = listen("::1"); TcpIo io = new TcpIo()) {
            Socket client = connect(listener.address());
            int fd = acceptWithin(io, listener);
            try {
                epoll.add(fd, Epoll.IN | Epoll.RDHUP);
                client.close();
                assertThat(epoll.await(WAIT_MILLIS)).isEqualTo(1);
                assertThat(epoll.fd(0)).isEqualTo(fd);
                assertThat(epoll.events(0) & (Epoll.IN | Epoll.RDHUP)).isEqualTo(Epoll.IN | Epoll.RDHUP);
            } finally {
                io.close(fd);
            }
        }
    }

    @Test
    void a_removed_descriptor_is_no_longer_reported() throws Exception {
        try (Epoll epoll = Epoll.open(8); TcpListener listener = listen("127.0.0.1");
             Socket client = connect(listener.address())) {
            epoll.add(listener.fd(), Epoll.IN);
            assertThat(epoll.await(WAIT_MILLIS)).isEqualTo(1);
            // Level-triggered: while the connection waits, it is reported again and again...
            assertThat(epoll.await(WAIT_MILLIS)).isEqualTo(1);
            assertThat(epoll.fd(0)).isEqualTo(listener.fd());
            epoll.remove(listener.fd());
            // ...until removed.
            assertThat(epoll.await(100)).isZero();
        }
    }

    @Test
    void one_await_reports_no_more_descriptors_than_the_capacity() throws Exception {
        try (Epoll epoll = Epoll.open(1); TcpListener first = listen("127.0.0.1"); TcpListener second = listen("::1");
             Socket client1 = connect(first.address()); Socket client2 = connect(second.address())) {
            epoll.add(first.fd(), Epoll.IN);
            epoll.add(second.fd(), Epoll.IN);
            Thread.sleep(50);
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < 2; i++) {
                assertThat(epoll.await(WAIT_MILLIS)).isEqualTo(1);
                seen.add(epoll.fd(0));
            }
            // The kernel moves a reported descriptor behind the others, so both had their turn.
            assertThat(seen).containsExactlyInAnyOrder(first.fd(), second.fd());
        }
    }

    @Test
    void watching_a_descriptor_that_is_not_open_or_not_watched_fails_naming_the_call() throws Exception {
        try (Epoll epoll = Epoll.open(8); TcpListener listener = listen("127.0.0.1")) {
            assertThatThrownBy(() -> epoll.add(-1, Epoll.IN))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("epoll_ctl add -1");
            assertThatThrownBy(() -> epoll.modify(listener.fd(), Epoll.OUT))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("epoll_ctl modify " + listener.fd());
            epoll.add(listener.fd(), Epoll.IN);
            assertThatThrownBy(() -> epoll.add(listener.fd(), Epoll.IN))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("epoll_ctl add " + listener.fd());
            epoll.remove(listener.fd());
            assertThatThrownBy(() -> epoll.remove(listener.fd()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("epoll_ctl delete " + listener.fd());
        }
    }

    @Test
    void close_releases_both_descriptors_a_second_close_does_nothing_and_a_later_wakeup_is_ignored()
            throws Exception {
        Map<Integer, String> before = DescriptorsTestUtil.open();
        Epoll epoll = Epoll.open(4);
        Map<Integer, String> own = new HashMap<>(DescriptorsTestUtil.open());
        // What is new (a number may be new twice: the listing's own descriptor was open before).
        own.entrySet().removeIf(fd -> fd.getValue().equals(before.get(fd.getKey())));
        own.values().removeIf(kind -> !kind.startsWith("anon_inode:"));
        assertThat(own.values()).containsExactlyInAnyOrder("anon_inode:[eventpoll]", "anon_inode:[eventfd]");

        epoll.close();
        assertThat(own.keySet()).noneMatch(DescriptorsTestUtil::isOpen);

        // New sockets take the lowest free numbers, the freed ones most likely; a second close that
        // closed those numbers again would close these.
        List<TcpListener> reusing = new ArrayList<>();
        try {
            Set<Integer> taken = new HashSet<>();
            while (reusing.size() < 8 && !taken.containsAll(own.keySet())) {
                TcpListener listener = listen("127.0.0.1");
                reusing.add(listener);
                taken.add(listener.fd());
            }
            assumeTrue(taken.containsAll(own.keySet()), "the freed descriptor numbers were taken by others");

            epoll.close();
            epoll.wakeup();
            assertThat(own.keySet()).allMatch(DescriptorsTestUtil::isOpen);
            for (TcpListener listener : reusing) {
                assertThat(DescriptorsTestUtil.intOption(listener.fd(), Libc.SOL_SOCKET, Libc.SO_REUSEADDR))
                        .as("descriptor %d is still the listener", listener.fd()).isNotZero();
            }
        } finally {
            reusing.forEach(TcpListener::close);
        }
    }
}
