package io.swarmkeeper.server.udp;

import io.swarmkeeper.core.RequestCounters;
import io.swarmkeeper.core.RequestCounters.Family;
import io.swarmkeeper.core.RequestCounters.Kind;
import io.swarmkeeper.core.RequestCounters.Outcome;
import io.swarmkeeper.core.RequestCounters.Protocol;

/** The UDP counter slots, computed once so counting a request is an array read and an increment. */
final class CounterSlots {
    // Enum values() copies an array on every call, so the sizes are read once.
    private static final int KINDS = Kind.values().length;
    private static final int OUTCOMES = Outcome.values().length;
    private static final int[] SLOTS = new int[Family.values().length * KINDS * OUTCOMES];

    static {
        for (Family family : Family.values()) {
            for (Kind kind : Kind.values()) {
                for (Outcome outcome : Outcome.values()) {
                    SLOTS[index(family, kind, outcome)] = RequestCounters.slot(Protocol.UDP, family, kind, outcome);
                }
            }
        }
    }

    private CounterSlots() {}

    static int of(boolean ipv6, Kind kind, Outcome outcome) {
        return SLOTS[index(ipv6 ? Family.IPV6 : Family.IPV4, kind, outcome)];
    }

    private static int index(Family family, Kind kind, Outcome outcome) {
        return (family.ordinal() * KINDS + kind.ordinal()) * OUTCOMES + outcome.ordinal();
    }
}
