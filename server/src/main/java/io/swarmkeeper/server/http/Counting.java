package io.swarmkeeper.server.http;

import io.swarmkeeper.core.RequestCounters;
import io.swarmkeeper.core.RequestCounters.Family;
import io.swarmkeeper.core.RequestCounters.Kind;
import io.swarmkeeper.core.RequestCounters.Outcome;
import io.swarmkeeper.core.RequestCounters.Protocol;

/** HTTP's counter slots, computed once so counting a request is one array read and one increment. */
final class Counting {
    private static final int KINDS = Kind.values().length;
    private static final int OUTCOMES = Outcome.values().length;
    private static final int[] SLOTS = new int[Family.values().length * KINDS * OUTCOMES];

    static {
        for (Family family : Family.values()) {
            for (Kind kind : Kind.values()) {
                for (Outcome outcome : Outcome.values()) {
                    SLOTS[index(family, kind, outcome)] = RequestCounters.slot(Protocol.HTTP, family, kind, outcome);
                }
            }
        }
    }

    private final RequestCounters counters;

    Counting(RequestCounters counters) {
        this.counters = counters;
    }

    void count(Family family, Kind kind, boolean ok) {
        counters.increment(SLOTS[index(family, kind, ok ? Outcome.OK : Outcome.ERROR)]);
    }

    private static int index(Family family, Kind kind, Outcome outcome) {
        return (family.ordinal() * KINDS + kind.ordinal()) * OUTCOMES + outcome.ordinal();
    }
}
