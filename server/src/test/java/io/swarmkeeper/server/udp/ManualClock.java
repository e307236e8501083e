package io.swarmkeeper.server.udp;

import io.swarmkeeper.core.Clock;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves, so expiry is tested without waiting. */
final class ManualClock implements Clock {
    private final AtomicLong seconds = new AtomicLong(1_800_000_000L);

    @Override
    public long nowSeconds() {
        return seconds.get();
    }

    void advance(long by) {
        seconds.addAndGet(by);
    }
}
