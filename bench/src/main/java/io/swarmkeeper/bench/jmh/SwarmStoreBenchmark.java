package io.swarmkeeper.bench.jmh;

import io.swarmkeeper.bench.memory.FillPlan;
import io.swarmkeeper.bench.memory.StoreFill;
import io.swarmkeeper.core.AnnounceReply;
import io.swarmkeeper.core.InMemorySwarmStore;
import io.swarmkeeper.core.PeerSink;
import io.swarmkeeper.protocol.AnnounceEvent;
import io.swarmkeeper.protocol.AnnounceRequest;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-memory store on the announce path, pre-filled like a public tracker's: 1,000,000 IPv4
 * peers in 100,000 torrents (about 10 a torrent, 10 % seeding; the {@code bench memory} shape),
 * plus one swarm of 1,000 peers. Measures an announce that refreshes a peer already there, one
 * that adds a new peer, peer selection from the big swarm (numwant 50 against numwant 0), and the
 * expiry sweep per peer, both when nothing expires and when everything does.
 *
 * <p>Run: {@code java -Xmx2g -cp "bench/target/swarmkeeper-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*"
 * org.openjdk.jmh.Main SwarmStoreBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s} (add {@code -prof gc} to see
 * that a warm announce allocates nothing).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
public class SwarmStoreBenchmark {
    static final int PEERS = 1_000_000;
    static final int TORRENTS = 100_000;
    static final int BIG_SWARM = 1_000;
    static final int NEW_PEERS = 100_000;
    /** Peers replayed by the update benchmark, in random order so the caches see a big store. */
    private static final int RING = 1 << 16;
    private static final long BIG_HIGH = 0x5EED_0000_0000_0001L;
    private static final long BIG_MIDDLE = 0x5EED_0000_0000_0002L;
    private static final int BIG_LOW = 0x5EED_0003;
    /** Addresses the fill never uses (it speaks from 127.2.0.0/16). */
    private static final int BIG_SWARM_ADDRESS = 10 << 24;
    private static final int NEW_PEER_ADDRESS = 11 << 24;

    static final long NOW = 1_800_000_000L;

    /** Counts what an announce writes, as the UDP transport would write it. */
    static final class CountingSink implements PeerSink {
        long written;

        @Override
        public void ipv4(int address, int port) {
            written += address ^ port;
        }

        @Override
        public void ipv6(long addressHigh, long addressLow, int port) {
            written += addressHigh ^ addressLow ^ port;
        }
    }

    static InMemorySwarmStore filled(FillPlan plan) {
        InMemorySwarmStore store = new InMemorySwarmStore(3600);
        StoreFill.fill(store, plan, NOW);
        AnnounceRequest request = new AnnounceRequest();
        for (int p = 0; p < BIG_SWARM; p++) {
            bigSwarmPeer(p, request);
            store.announce(request, 0, 0, NOW, new CountingSink(), new AnnounceReply());
        }
        return store;
    }

    /** The big swarm's peer {@code p}: one in ten seeds. */
    static void bigSwarmPeer(int p, AnnounceRequest into) {
        into.clear();
        into.infoHashHigh = BIG_HIGH;
        into.infoHashMiddle = BIG_MIDDLE;
        into.infoHashLow = BIG_LOW;
        into.port = 6881;
        into.left = p % 10 == 0 ? 0 : 1 << 20;
        into.event = AnnounceEvent.STARTED;
        into.setPeerIpv4(BIG_SWARM_ADDRESS + p);
    }

    /** Immutable, so built once for every store: the info-hash table alone takes a moment. */
    private static final class Plan {
        static final FillPlan PLAN = new FillPlan(PEERS, TORRENTS, FillPlan.defaultSources(PEERS), 10, 1);
    }

    /** One pre-filled store shared by the benchmarks that leave its size as it was. */
    @State(Scope.Benchmark)
    public static class Filled {
        InMemorySwarmStore store;
        /** Random peers of the fill, as primitives, so setting up an announce costs a few stores. */
        final long[] high = new long[RING];
        final long[] middle = new long[RING];
        final int[] low = new int[RING];
        final int[] address = new int[RING];
        final int[] port = new int[RING];
        final long[] left = new long[RING];

        @Setup(Level.Trial)
        public void setUp() {
            FillPlan plan = Plan.PLAN;
            store = filled(plan);
            SplittableRandom random = new SplittableRandom(7);
            AnnounceRequest request = new AnnounceRequest();
            for (int i = 0; i < RING; i++) {
                plan.announce(random.nextInt(PEERS), 50, request);
                high[i] = request.infoHashHigh;
                middle[i] = request.infoHashMiddle;
                low[i] = request.infoHashLow;
                address[i] = request.peerIpv4;
                port[i] = request.port;
                left[i] = request.left;
            }
        }
    }

    /** Each thread's reused holders, as each event loop has its own. */
    @State(Scope.Thread)
    public static class Loop {
        final AnnounceRequest request = new AnnounceRequest();
        final AnnounceReply reply = new AnnounceReply();
        final CountingSink sink = new CountingSink();
        int next;
    }

    /** A store filled afresh before each timed batch, for benchmarks that change its size. */
    @State(Scope.Thread)
    public static class Fresh {
        InMemorySwarmStore store;

        @Setup(Level.Invocation)
        public void setUp() {
            store = null;
            store = filled(Plan.PLAN);
        }
    }

    /**
     * A peer already in its swarm announces again (the common case: every 30 min per peer), numwant
     * 50, the peers drawn at random from the whole store, so most of its memory is cold, as on a
     * real tracker.
     */
    @Benchmark
    public long updateExistingPeer(Filled filled, Loop loop) {
        return update(filled, loop, loop.next++ & (RING - 1));
    }

    /**
     * The same over 1,024 peers only, whose swarms stay in the CPU's caches: the difference to
     * {@link #updateExistingPeer} is what cache misses cost.
     */
    @Benchmark
    public long updateExistingPeerCached(Filled filled, Loop loop) {
        return update(filled, loop, loop.next++ & 1023);
    }

    private static long update(Filled filled, Loop loop, int i) {
        AnnounceRequest r = loop.request;
        r.infoHashHigh = filled.high[i];
        r.infoHashMiddle = filled.middle[i];
        r.infoHashLow = filled.low[i];
        r.port = filled.port[i];
        r.left = filled.left[i];
        r.event = AnnounceEvent.NONE;
        r.numwant = 50;
        r.setPeerIpv4(filled.address[i]);
        filled.store.announce(r, 50, 0, NOW, loop.sink, loop.reply);
        return loop.sink.written + loop.reply.peersIpv4;
    }

    /** A leecher of the 1,000-peer swarm announces again and gets 50 peers (seeders first). */
    @Benchmark
    public long pick50From1000(Filled filled, Loop loop) {
        return bigSwarmAnnounce(filled, loop, 50);
    }

    /** The same announce asking for no peers: the difference to {@link #pick50From1000} is the selection. */
    @Benchmark
    public long pick0From1000(Filled filled, Loop loop) {
        return bigSwarmAnnounce(filled, loop, 0);
    }

    private static long bigSwarmAnnounce(Filled filled, Loop loop, int numwant) {
        int p = 1 + loop.next++ % (BIG_SWARM - 1);
        if (p % 10 == 0) {
            p++;
        }
        bigSwarmPeer(p, loop.request);
        loop.request.event = AnnounceEvent.NONE;
        filled.store.announce(loop.request, numwant, 0, NOW, loop.sink, loop.reply);
        return loop.sink.written + loop.reply.peersIpv4;
    }

    /** One sweep of the whole store in which no peer has timed out: the steady cost, per peer. */
    @Benchmark
    @OperationsPerInvocation(PEERS + BIG_SWARM)
    public void expireNothingPerPeer(Filled filled) {
        filled.store.expire(NOW);
    }

    /**
     * {@value #NEW_PEERS} peers never seen before join random torrents of a freshly filled store:
     * the insert path, with the table growth it sometimes brings. Time per new peer.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OperationsPerInvocation(NEW_PEERS)
    @Warmup(iterations = 2, batchSize = 1)
    @Measurement(iterations = 3, batchSize = 1)
    public long newPeer(Fresh fresh, Loop loop) {
        FillPlan plan = Plan.PLAN;
        SplittableRandom random = new SplittableRandom(11);
        AnnounceRequest r = loop.request;
        for (int n = 0; n < NEW_PEERS; n++) {
            plan.announce(random.nextInt(PEERS), 50, r);
            r.setPeerIpv4(NEW_PEER_ADDRESS + n);
            fresh.store.announce(r, 50, 0, NOW, loop.sink, loop.reply);
        }
        return loop.sink.written;
    }

    /** A sweep that finds every peer timed out and empties the store, per peer removed. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OperationsPerInvocation(PEERS + BIG_SWARM)
    @Warmup(iterations = 2, batchSize = 1)
    @Measurement(iterations = 3, batchSize = 1)
    public long expireAllPerPeer(Fresh fresh) {
        fresh.store.expire(NOW + 2 * 3600);
        return fresh.store.totals().peers();
    }
}
