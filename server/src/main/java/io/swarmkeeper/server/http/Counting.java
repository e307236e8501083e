package io.swarmkeeper.server.http;

import io.swarmkeeper.core.RequestCounters;
import io.swarmkeeper.core.RequestCounters.Family;
import io.swarmkeeper.core.RequestCounters.Kind;
import io.swarmkeeper.core.RequestCounters.Outcome;
import io.swarmkeeper.core.RequestCounters.Protocol;

/** Counts HTTP requests, which the responders know as a family, a kind and whether they succeeded. */
final class Counting {
    private final RequestCounters counters;

    Counting(RequestCounters counters) {
        this.counters = counters;
    }

    void count(Family family, Kind kind, boolean ok) {
        counters.count(Protocol.HTTP, family, kind, ok ? Outcome.OK : Outcome.ERROR);
    }
}
