package io.swarmkeeper.server.http;

import io.swarmkeeper.core.RequestCounters;
import io.swarmkeeper.core.RequestCounters.Family;
import io.swarmkeeper.core.RequestCounters.Kind;
import io.swarmkeeper.core.RequestCounters.Outcome;
import io.swarmkeeper.core.RequestCounters.Protocol;

/**
 * Counts HTTP requests, which the responders know as a family, a kind and whether they succeeded.
 * One per event loop, in its workspace: counting is then a store into memory only that loop
 * writes, without a thread-local look-up per request.
 */
final class Counting {
    private final RequestCounters.Local counts;

    Counting(RequestCounters counters) {
        this.counts = counters.local();
    }

    void count(Family family, Kind kind, boolean ok) {
        counts.count(Protocol.HTTP, family, kind, ok ? Outcome.OK : Outcome.ERROR);
    }
}
