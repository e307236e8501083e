package io.swarmkeeper.bench.load;

/**
 * Spaces requests at a fixed rate, for latency measured at a chosen offered load rather than at
 * saturation. A worker that falls behind (a GC pause, a busy CPU) may catch up by at most
 * {@link #MAX_LAG_NANOS} worth of requests at once, so a stall does not turn into a burst that
 * would measure the tracker's queue instead of its speed.
 */
public final class Pacer {
    static final long MAX_LAG_NANOS = 1_000_000;

    private final long intervalNanos;
    private long nextNanos;

    /** {@code perSecond} of 0 or less means no limit. */
    public Pacer(double perSecond, long startNanos) {
        this.intervalNanos = perSecond > 0 ? Math.max(1, Math.round(1e9 / perSecond)) : 0;
        this.nextNanos = startNanos;
    }

    public boolean limited() {
        return intervalNanos > 0;
    }

    /** Whether one more request may go now; if so, it is counted. */
    public boolean tryAcquire(long nowNanos) {
        if (intervalNanos == 0) {
            return true;
        }
        if (nowNanos - nextNanos < 0) {
            return false;
        }
        nextNanos = Math.max(nextNanos + intervalNanos, nowNanos - MAX_LAG_NANOS);
        return true;
    }
}
