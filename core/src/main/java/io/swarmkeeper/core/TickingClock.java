package io.swarmkeeper.core;

/**
 * A clock read from a field that a scheduler refreshes from the real one ({@link #tick}), a few
 * times a second. Every announce and connection-id check needs the time in seconds; asking the
 * system per request was 1.5 % of the batched UDP transport's CPU (perf), a field read costs
 * nothing. The seconds lag the real clock by at most the tick period, far below the 4 s of a
 * peer's last-seen tick and the 60 s of a connection-id window.
 */
public final class TickingClock implements Clock {
    private final Clock source;
    private volatile long seconds;

    public TickingClock(Clock source) {
        this.source = source;
        this.seconds = source.nowSeconds();
    }

    /** Reads the real clock; called by the scheduler. */
    public void tick() {
        seconds = source.nowSeconds();
    }

    @Override
    public long nowSeconds() {
        return seconds;
    }
}
