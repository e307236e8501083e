package io.swarmkeeper.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Request counts by protocol, address family, kind and outcome, kept per thread so that counting
 * costs an event loop one plain increment of memory it alone writes. Readers sum the slots of all
 * threads; a sum may lag a write by a moment, which statistics tolerate.
 */
public final class RequestCounters {
    public enum Protocol { UDP, HTTP }
    public enum Family { IPV4, IPV6 }
    public enum Kind { CONNECT, ANNOUNCE, SCRAPE, OTHER }
    public enum Outcome { OK, ERROR }

    // values() copies an array on every call, so the sizes are read once.
    private static final int FAMILIES = Family.values().length;
    private static final int KINDS = Kind.values().length;
    private static final int OUTCOMES = Outcome.values().length;
    private static final int SLOTS = Protocol.values().length * FAMILIES * KINDS * OUTCOMES;
    /** Pad each thread's slots to their own cache lines so two loops never share one. */
    private static final int PADDING = 16;

    private final List<long[]> perThread = new ArrayList<>();

    private static int slot(Protocol protocol, Family family, Kind kind, Outcome outcome) {
        return ((protocol.ordinal() * FAMILIES + family.ordinal()) * KINDS + kind.ordinal()) * OUTCOMES
                + outcome.ordinal();
    }

    /**
     * Counts of their own for a caller that only one thread uses and that keeps them, such as a
     * UDP socket's answerer or an HTTP event loop's workspace: counting is then a store into
     * memory only that thread writes, with no look-up per request.
     */
    public Local local() {
        return new Local(register());
    }

    public long sum(Protocol protocol, Family family, Kind kind, Outcome outcome) {
        int index = PADDING + slot(protocol, family, kind, outcome);
        long total = 0;
        synchronized (perThread) {
            for (long[] counts : perThread) {
                total += counts[index];
            }
        }
        return total;
    }

    /** One thread's counts, summed with the others' by {@link #sum}. */
    public static final class Local {
        private final long[] counts;

        private Local(long[] counts) {
            this.counts = counts;
        }

        public void count(Protocol protocol, Family family, Kind kind, Outcome outcome) {
            counts[PADDING + slot(protocol, family, kind, outcome)]++;
        }
    }

    private long[] register() {
        long[] counts = new long[PADDING + SLOTS + PADDING];
        synchronized (perThread) {
            perThread.add(counts);
        }
        return counts;
    }
}
