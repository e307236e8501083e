package io.swarmkeeper.bench.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.swarmkeeper.bench.load.PeerPopulation;
import io.swarmkeeper.bench.load.TorrentSet;
import io.swarmkeeper.core.AnnouncePolicy;
import io.swarmkeeper.core.AnnounceReply;
import io.swarmkeeper.core.InMemorySwarmStore;
import io.swarmkeeper.core.PeerSink;
import io.swarmkeeper.core.Tracker;
import io.swarmkeeper.protocol.AnnounceRequest;
import io.swarmkeeper.protocol.CompactPeers;
import io.swarmkeeper.protocol.udp.UdpAnnounceRequest;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A UDP announce of the load generator's default workload (10,000 torrents of Pareto popularity,
 * 100,000 peers, numwant 30) as the batched transport answers it, without the kernel: decode the
 * datagram, announce to the store, gather the peers in wire form. Set beside the tracker's CPU per
 * request under `bench udp`, it tells the Java a request costs alone from what it costs among the
 * kernel's work on the same CPU (the caches it evicts).
 *
 * <p>Run: {@code java -cp "bench/target/swarmkeeper-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*"
 * org.openjdk.jmh.Main UdpAnnounceWorkloadBenchmark -f 2 -wi 3 -i 5}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// As the launcher runs the tracker: without the option Netty on JDK 25 reads a direct buffer's
// bytes through a ByteBuffer view, an allocation per read that the tracker does not make.
@Fork(value = 2, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")
@State(Scope.Thread)
public class UdpAnnounceWorkloadBenchmark {
    private static final int TORRENTS = 10_000;
    private static final int PEERS = 100_000;
    private static final int NUMWANT = 30;
    /** Requests replayed in a loop: more than the peers, so each peer moves through its life. */
    private static final int RING = 1 << 18;
    private static final int RECORD = UdpAnnounceRequest.LENGTH;
    private static final int MAX_IPV4_PEERS = 242;
    private static final int LOOPBACK = 0x7F00_0001;

    /** Gathers peers in wire form, as the UDP transport's writer does. */
    static final class WireSink implements PeerSink {
        final byte[] peers = new byte[1472];
        int length;

        @Override
        public void ipv4(int address, int port) {
            length = CompactPeers.putIpv4(peers, length, address, port);
        }

        @Override
        public void ipv4(long[] picked, int count) {
            length = CompactPeers.putIpv4(peers, length, picked, count);
        }

        @Override
        public void ipv6(long addressHigh, long addressLow, int port) {
            throw new IllegalStateException("the workload is IPv4 only");
        }
    }

    private Tracker tracker;
    private ByteBuf requests;
    private final AnnounceRequest announce = new AnnounceRequest();
    private final AnnounceReply reply = new AnnounceReply();
    private final WireSink sink = new WireSink();
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        tracker = new Tracker(new InMemorySwarmStore(3600), new AnnouncePolicy(1800, 0, 900, 50, 200, 3600),
                () -> 1_800_000_000L);
        PeerPopulation peers = new PeerPopulation(new TorrentSet(TORRENTS, 1.1, 1), PEERS, 0.25, 10, 0,
                new SplittableRandom(1));
        SplittableRandom random = new SplittableRandom(2);
        AnnounceRequest request = new AnnounceRequest();
        // Every peer starts once, so the store holds the workload's swarms before timing.
        for (int p = 0; p < PEERS; p++) {
            peers.nextAnnounce(p, NUMWANT, random, request);
            request.setPeerIpv4(LOOPBACK);
            tracker.announce(request, MAX_IPV4_PEERS, false, sink, reply);
            sink.length = 0;
        }
        requests = Unpooled.directBuffer(RING * RECORD);
        for (int i = 0; i < RING; i++) {
            peers.nextAnnounce(random.nextInt(PEERS), NUMWANT, random, request);
            UdpAnnounceRequest.write(requests, 0x41727101980L, i, request);
            if (requests.writerIndex() != (i + 1) * RECORD) {
                throw new IllegalStateException("an announce of the workload is not " + RECORD + " bytes");
            }
        }
    }

    @Benchmark
    public int announce() {
        int at = (next++ & (RING - 1)) * RECORD;
        requests.setIndex(at, at + RECORD);
        UdpAnnounceRequest.decode(requests, announce);
        announce.setPeerIpv4(LOOPBACK);
        sink.length = 0;
        tracker.announce(announce, MAX_IPV4_PEERS, false, sink, reply);
        return sink.length + reply.complete;
    }
}
