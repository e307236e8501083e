package io.swarmkeeper.bench.memory;

import io.swarmkeeper.core.AnnounceReply;
import io.swarmkeeper.core.InMemorySwarmStore;
import io.swarmkeeper.core.PeerSink;
import io.swarmkeeper.core.SwarmTotals;
import io.swarmkeeper.protocol.AnnounceRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openjdk.jol.info.GraphLayout;

/**
 * The store alone: fills an {@link InMemorySwarmStore} in this process with a {@link FillPlan}'s
 * announces, exactly as the UDP transport would hand them over, and weighs it two ways: the heap
 * in use after {@code System.gc()} before and after, and JOL's walk of the store's object graph,
 * which also says which classes the bytes are in.
 *
 * <p>This is why bench depends on core: the store's own cost per peer, without a transport, a
 * JVM's fixed overhead or a heap's slack, is the number a change to the store moves.
 */
public final class StoreFill {
    private StoreFill() {}

    /** Bytes and instances of one class in the store's graph. */
    public record ClassShare(String name, long count, long bytes) {}

    /**
     * @param heapDelta heap used after GC with the store minus without it; -1 if not measured
     * @param graphBytes JOL's total of the store's object graph; -1 if not measured
     */
    public record Result(int peersSent, int torrents, SwarmTotals totals, long heapDelta, long graphBytes,
                         long graphObjects, List<ClassShare> classes, double fillSeconds) {
        public double heapPerPeer() {
            return heapDelta < 0 ? Double.NaN : (double) heapDelta / totals.peers();
        }

        public double graphPerPeer() {
            return graphBytes < 0 ? Double.NaN : (double) graphBytes / totals.peers();
        }
    }

    /** Announces every peer of the plan into {@code store}, from its planned source address. */
    public static void fill(InMemorySwarmStore store, FillPlan plan) {
        fill(store, plan, System.currentTimeMillis() / 1000);
    }

    /** The same at a given time, so a benchmark can choose when the peers expire. */
    public static void fill(InMemorySwarmStore store, FillPlan plan, long nowSeconds) {
        AnnounceRequest request = new AnnounceRequest();
        AnnounceReply reply = new AnnounceReply();
        PeerSink sink = new PeerSink() {
            @Override
            public void ipv4(int address, int port) {}

            @Override
            public void ipv6(long addressHigh, long addressLow, int port) {}
        };
        for (int peer = 0; peer < plan.peers(); peer++) {
            plan.announce(peer, 0, request);
            store.announce(request, 0, 0, nowSeconds, sink, reply);
        }
    }

    public static Result measure(FillPlan plan, boolean graph) {
        long before = heapUsedAfterGc();
        long start = System.nanoTime();
        InMemorySwarmStore store = new InMemorySwarmStore(3600);
        fill(store, plan);
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = heapUsedAfterGc();
        SwarmTotals totals = store.totals();
        long graphBytes = -1;
        long graphObjects = -1;
        List<ClassShare> classes = List.of();
        if (graph) {
            GraphLayout layout = GraphLayout.parseInstance(store);
            graphBytes = layout.totalSize();
            graphObjects = layout.totalCount();
            List<ClassShare> shares = new ArrayList<>();
            for (Class<?> type : layout.getClasses()) {
                shares.add(new ClassShare(type.getSimpleName(), layout.getClassCounts().count(type),
                        layout.getClassSizes().count(type)));
            }
            shares.sort(Comparator.comparingLong(ClassShare::bytes).reversed());
            classes = List.copyOf(shares);
        }
        java.lang.ref.Reference.reachabilityFence(store);
        return new Result(plan.peers(), plan.torrents(), totals, after - before, graphBytes, graphObjects, classes,
                seconds);
    }

    /** Heap in use after two full collections (the second catches what the first only finalised). */
    static long heapUsedAfterGc() {
        System.gc();
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }
}
