package io.swarmkeeper.bench.load;

import java.time.Duration;

/** When a run's workers start counting (after the warm-up) and when they stop, on the nanoTime clock. */
public record RunWindow(long startNanos, long countFromNanos, long endNanos) {
    public static RunWindow startingNow(Duration warmup, Duration duration) {
        long now = System.nanoTime();
        long countFrom = now + warmup.toNanos();
        return new RunWindow(now, countFrom, countFrom + duration.toNanos());
    }

    public double countedSeconds() {
        return (endNanos - countFromNanos) / 1e9;
    }
}
