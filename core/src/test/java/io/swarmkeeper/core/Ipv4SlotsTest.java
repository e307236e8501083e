package io.swarmkeeper.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The slot arrays' sizing, which the store's tests cannot see: it is where the memory goes. */
class Ipv4SlotsTest {
    private static long identity(int i) {
        return Ipv4Slots.identity(0x7F000001 + i, 1 + i);
    }

    /** Adds peer {@code i}, new to the table of {@code size} entries. */
    private static long[] add(long[] slots, int size, int i, int tick) {
        return Ipv4Slots.put(slots, size, -1, Ipv4Slots.entry(identity(i), tick, false));
    }

    @Test
    void tables_start_at_two_slots_fill_small_ones_but_one_slot_and_large_ones_to_three_quarters() {
        long[] slots = null;
        List<Integer> capacities = new ArrayList<>();
        for (int size = 0; size < 25; size++) {
            slots = add(slots, size, size, 0);
            capacities.add(slots.length);
        }
        assertThat(capacities).containsExactly(2, 4, 4, 8, 8, 8, 8, 16, 16, 16, 16, 16, 16, 16, 16,
                32, 32, 32, 32, 32, 32, 32, 32, 32, 64);
    }

    @Test
    void removing_keeps_every_other_entry_findable() {
        long[] slots = null;
        for (int i = 0; i < 1000; i++) {
            slots = add(slots, i, i, 0);
        }
        for (int i = 0; i < 1000; i += 2) {
            Ipv4Slots.removeAt(slots, Ipv4Slots.find(slots, identity(i)));
        }
        for (int i = 0; i < 1000; i++) {
            assertThat(Ipv4Slots.find(slots, identity(i)) >= 0).isEqualTo(i % 2 == 1);
        }
    }

    @Test
    void a_sweep_removes_the_expired_and_a_mostly_empty_table_shrinks() {
        long[] slots = null;
        for (int i = 0; i < 100; i++) {
            slots = add(slots, i, i, i < 90 ? 0 : 100);
        }
        assertThat(slots).hasSize(256);

        assertThat(Ipv4Slots.sweep(slots, 100, 50)).isEqualTo(90);
        slots = Ipv4Slots.shrinkToFit(slots, 10);

        assertThat(slots).hasSize(32);
        for (int i = 0; i < 100; i++) {
            assertThat(Ipv4Slots.find(slots, identity(i)) >= 0).isEqualTo(i >= 90);
        }
    }

    @Test
    void partial_seeds_are_flagged_in_their_entry() {
        long[] slots = Ipv4Slots.put(null, 0, -1, Ipv4Slots.entry(identity(1), 5, true));
        slots = Ipv4Slots.put(slots, 1, -1, Ipv4Slots.entry(identity(2), 5, false));

        assertThat(Ipv4Slots.isPartialAt(slots, Ipv4Slots.find(slots, identity(1)))).isTrue();
        assertThat(Ipv4Slots.isPartialAt(slots, Ipv4Slots.find(slots, identity(2)))).isFalse();
        assertThat(Ipv4Slots.partialSeeds(slots)).isEqualTo(1);
    }
}
