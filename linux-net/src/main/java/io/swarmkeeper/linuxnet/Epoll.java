package io.swarmkeeper.linuxnet;

import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * An epoll instance, level-triggered, whose events name the descriptor they are about. One thread
 * registers and waits; any thread may {@link #wakeup} it (an eventfd in the set, drained and left
 * out of what {@link #await} reports).
 *
 * <p>struct epoll_event is a u32 of event bits and a u64 of user data, packed (12 bytes) on x86_64,
 * naturally aligned (16) elsewhere.
 */
public final class Epoll implements AutoCloseable {
    public static final int IN = 0x1;
    public static final int OUT = 0x4;
    public static final int ERR = 0x8;
    public static final int HUP = 0x10;
    public static final int RDHUP = 0x2000;
    /**
     * With {@link #add} only: when several epoll sets watch one descriptor, an event wakes one of
     * their waiters rather than all (one listener served by several threads).
     */
    public static final int EXCLUSIVE = 1 << 28;

    private static final boolean PACKED = System.getProperty("os.arch").equals("amd64");
    private static final long EVENT_SIZE = PACKED ? 12 : 16;
    private static final long DATA = PACKED ? 4 : 8;

    private final int epfd;
    private final int wakeFd;
    private final int capacity;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment events;
    private final MemorySegment ctlEvent;
    private final MemorySegment ioState = arena.allocate(Libc.CALL_STATE);
    private final MemorySegment wakeValue = arena.allocate(JAVA_LONG);
    private final MemorySegment wakeState = arena.allocate(Libc.CALL_STATE);
    private boolean closed;

    private Epoll(int epfd, int wakeFd, int capacity) {
        this.epfd = epfd;
        this.wakeFd = wakeFd;
        this.capacity = capacity;
        this.events = arena.allocate(EVENT_SIZE * capacity, 8);
        this.ctlEvent = arena.allocate(16, 8);
        wakeValue.set(JAVA_LONG, 0, 1L);
    }

    /** An epoll set reporting up to {@code capacity} ready descriptors per {@link #await}. */
    public static Epoll open(int capacity) throws IOException {
        if (capacity < 1) {
            throw new IllegalArgumentException("an epoll set reports at least one event per wait, not " + capacity);
        }
        int epfd;
        int wakeFd;
        try (Arena call = Arena.ofConfined()) {
            MemorySegment state = call.allocate(Libc.CALL_STATE);
            epfd = (int) Libc.EPOLL_CREATE1.invokeExact(state, Libc.EPOLL_CLOEXEC);
            if (epfd < 0) {
                throw Libc.failure("epoll_create1", state);
            }
            wakeFd = (int) Libc.EVENTFD.invokeExact(state, 0, Libc.EFD_NONBLOCK | Libc.EFD_CLOEXEC);
            if (wakeFd < 0) {
                IOException failure = Libc.failure("eventfd", state);
                Sockets.close(epfd);
                throw failure;
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        Epoll epoll = new Epoll(epfd, wakeFd, capacity);
        try {
            epoll.add(wakeFd, IN);
        } catch (IOException e) {
            epoll.close();
            throw e;
        }
        return epoll;
    }

    public void add(int fd, int interest) throws IOException {
        control(Libc.EPOLL_CTL_ADD, fd, interest, "epoll_ctl add");
    }

    public void modify(int fd, int interest) throws IOException {
        control(Libc.EPOLL_CTL_MOD, fd, interest, "epoll_ctl modify");
    }

    /** Stops watching {@code fd}; closing a descriptor does that too, when no copy of it is left open. */
    public void remove(int fd) throws IOException {
        control(Libc.EPOLL_CTL_DEL, fd, 0, "epoll_ctl delete");
    }

    private void control(int op, int fd, int interest, String name) throws IOException {
        ctlEvent.set(JAVA_INT_UNALIGNED, 0, interest);
        ctlEvent.set(JAVA_LONG_UNALIGNED, DATA, fd);
        int result;
        try {
            result = (int) Libc.EPOLL_CTL.invokeExact(ioState, epfd, op, fd, ctlEvent);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        if (result != 0) {
            throw Libc.failure(name + " " + fd, ioState);
        }
    }

    /**
     * Sleeps until a descriptor is ready, {@link #wakeup} is called, or {@code timeoutMillis} pass
     * (-1: no limit); returns how many descriptors are ready, read with {@link #fd} and
     * {@link #events}. 0 when woken, timed out or interrupted by a signal.
     */
    public int await(int timeoutMillis) throws IOException {
        int n;
        try {
            n = (int) Libc.EPOLL_WAIT_NO_ERRNO.invokeExact(epfd, events, capacity, timeoutMillis);
            if (n < 0) {
                // Once more without waiting, to learn why.
                n = (int) Libc.EPOLL_WAIT.invokeExact(ioState, epfd, events, capacity, 0);
            }
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        if (n < 0) {
            if (Libc.errno(ioState) == Libc.EINTR) {
                return 0;
            }
            throw Libc.failure("epoll_wait", ioState);
        }
        for (int i = 0; i < n; i++) {
            if (fd(i) == wakeFd) {
                drainWakeup();
                // The last event takes the wake-up's place, so callers see descriptors of their own only.
                n--;
                events.asSlice(i * EVENT_SIZE, EVENT_SIZE).copyFrom(events.asSlice(n * EVENT_SIZE, EVENT_SIZE));
                break;
            }
        }
        return n;
    }

    /** The descriptor of ready event {@code i} (below what {@link #await} returned). */
    public int fd(int i) {
        return (int) events.get(JAVA_LONG_UNALIGNED, i * EVENT_SIZE + DATA);
    }

    /** What is ready on it: {@link #IN}, {@link #OUT}, {@link #ERR}, {@link #HUP}, {@link #RDHUP} bits. */
    public int events(int i) {
        return events.get(JAVA_INT_UNALIGNED, i * EVENT_SIZE);
    }

    /** Makes the current or next {@link #await} return; safe from any thread. */
    public void wakeup() {
        synchronized (wakeState) {
            if (closed) {
                return;
            }
            try {
                long ignored = (long) Libc.WRITE.invokeExact(wakeState, wakeFd, wakeValue.address(), 8L);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void drainWakeup() {
        try {
            // The control scratch is free between calls; an eventfd read takes eight bytes.
            long ignored = (long) Libc.READ.invokeExact(ioState, wakeFd, ctlEvent.address(), 8L);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the set; call it once the waiting thread has stopped. */
    @Override
    public void close() {
        synchronized (wakeState) {
            if (closed) {
                return;
            }
            closed = true;
        }
        Sockets.close(wakeFd);
        Sockets.close(epfd);
        arena.close();
    }
}
