package io.swarmkeeper.bench.udp;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.bench.load.LoadStats;
import io.swarmkeeper.bench.load.LoadWorker;
import io.swarmkeeper.bench.load.Pacer;
import io.swarmkeeper.bench.load.RunWindow;
import io.swarmkeeper.bench.load.ThreadCost;
import io.swarmkeeper.protocol.udp.UdpAnnounceResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * What every UDP worker does, whatever moves its packets: housekeeping now and then, and passes
 * over its connected sockets, each reading the socket's replies and refilling its window, so the
 * window stays full without a timer. Subclasses move the datagrams; the requests, the checks and
 * the counting are {@link UdpRequests}' for all of them, so every I/O measures the same workload.
 */
abstract class UdpWorkerLoop implements LoadWorker {
    /** The largest datagram IPv4 or IPv6 can carry; any reply fits. */
    static final int RECEIVE_BYTES = 65_536;
    /** The largest request: a scrape of 74 info-hashes is 1496 bytes. */
    static final int SEND_BYTES = 2_048;
    /** Asked of the kernel so a burst of replies is not dropped while the worker is busy; it may cap it. */
    static final int SOCKET_BUFFER_BYTES = 4 << 20;
    /** The longest idle wait: housekeeping and the end of the run must not wait for replies. */
    static final Duration IDLE_WAIT = Duration.ofMillis(1);
    /** Housekeeping (timeouts, warm-up end, progress) runs this often, not per packet. */
    private static final long HOUSEKEEPING_NANOS = 10_000_000L;
    /**
     * Empty passes before the worker waits in the kernel: spinning a little catches replies that
     * are microseconds away; waiting after that keeps an idle generator off the CPU, so its CPU
     * time per response measures its cost rather than its waiting.
     */
    private static final int SPIN_PASSES = 64;

    final InetSocketAddress target;
    final UdpLane[] lanes;
    final LoadStats stats = new LoadStats();
    private final RunWindow window;
    private final Pacer pacer;
    private final UdpRequests requests;

    UdpWorkerLoop(UdpWorkerPlan plan) {
        this.target = plan.target();
        this.window = plan.window();
        this.pacer = new Pacer(plan.rate(), window.startNanos());
        this.lanes = new UdpLane[plan.sockets()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new UdpLane(plan.windowPerSocket());
        }
        int peerLength = target.getAddress() instanceof Inet6Address
                ? UdpAnnounceResponse.PEER_IPV6_LENGTH : UdpAnnounceResponse.PEER_IPV4_LENGTH;
        this.requests = new UdpRequests(plan.torrents(), plan.peers(), plan.numwant(), plan.scrapePercent(),
                peerLength, new SplittableRandom(plan.seed()), stats);
    }

    /** Opens one connected socket per lane, and the buffers, on the worker's own thread. */
    abstract void open() throws IOException;

    /** Reads the replies queued on {@code socket}, handing each to {@link #reply}; whether there were any. */
    abstract boolean receive(int socket) throws IOException;

    /** Sends requests on {@code socket}, from {@link #next}, until its window is full or it must wait. */
    abstract void fill(int socket) throws IOException;

    /** Waits up to {@link #IDLE_WAIT} for a reply, off the CPU. */
    abstract void idle() throws IOException;

    /** Releases what {@link #open} got, even if it failed halfway. */
    abstract void close();

    @Override
    public final LoadStats stats() {
        return stats;
    }

    @Override
    public final void run() {
        try {
            open();
            loop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            close();
        }
    }

    /**
     * Writes the next request for {@code lane} to {@code out} and returns its lane slot, or
     * {@link UdpRequests#NOTHING_TO_SEND} when the pacer or the lane says wait. The caller has
     * checked {@link UdpLane#hasFreeSlot}, and ends the slot if the request could not be sent.
     */
    final int next(UdpLane lane, ByteBuf out, long now) {
        if (!pacer.tryAcquire(now)) {
            return UdpRequests.NOTHING_TO_SEND;
        }
        out.clear();
        return requests.next(lane, out, now);
    }

    /** Validates and counts a reply received on {@code lane}'s socket at {@code now}. */
    final void reply(UdpLane lane, ByteBuf reply, long now) {
        requests.onReply(lane, reply, now);
    }

    private void loop() throws IOException {
        ThreadCost cost = new ThreadCost();
        boolean counting = false;
        long nextHousekeeping = 0;
        int emptyPasses = 0;
        while (true) {
            long now = System.nanoTime();
            if (now - window.endNanos() >= 0) {
                break;
            }
            if (now - nextHousekeeping >= 0) {
                if (!counting && now - window.countFromNanos() >= 0) {
                    stats.reset();
                    cost.start();
                    counting = true;
                }
                for (UdpLane lane : lanes) {
                    requests.expire(lane, now);
                }
                stats.publish();
                nextHousekeeping = now + HOUSEKEEPING_NANOS;
            }
            boolean received = false;
            for (int i = 0; i < lanes.length; i++) {
                received |= receive(i);
                fill(i);
            }
            if (received) {
                emptyPasses = 0;
            } else if (++emptyPasses < SPIN_PASSES || pacer.limited()) {
                // A paced worker never waits in the kernel: its next send is due in microseconds, not a millisecond.
                Thread.onSpinWait();
            } else {
                idle();
                emptyPasses = 0;
            }
        }
        if (counting) {
            cost.stopInto(stats);
        }
        stats.publish();
    }
}
