package io.swarmkeeper.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Picking from a slot array, whatever its size, fill, partial seeds, asker and numwant: the peers
 * written are distinct entries of the table, never the asker, never a skipped partial seed, as many
 * as wanted while enough are eligible, and the table is left as it was. Picks of more than the
 * scratch's 64 entries exercise the chunked scan.
 */
class Ipv4SlotsPickProperties {
    @Property(tries = 500)
    void picks_distinct_eligible_peers_and_leaves_the_table_unchanged(
            @ForAll @IntRange(min = 0, max = 600) int size,
            @ForAll @IntRange(min = 0, max = 100) int partialPercent,
            @ForAll @IntRange(min = 0, max = 300) int max,
            @ForAll boolean skipPartialSeeds,
            @ForAll @IntRange(min = -1, max = 599) int askerIndex,
            @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] slots = null;
        Set<Long> partial = new HashSet<>();
        for (int i = 0; i < size; i++) {
            long identity = Ipv4Slots.identity(random.nextInt(), 1 + random.nextInt(65535));
            if (Ipv4Slots.find(slots, identity) >= 0) {
                continue;
            }
            boolean isPartial = random.nextInt(100) < partialPercent;
            if (isPartial) {
                partial.add(identity);
            }
            slots = Ipv4Slots.put(slots, countOf(slots), -1, Ipv4Slots.entry(identity, 7, isPartial));
        }
        int entries = countOf(slots);
        int askerSlot = askerIndex < 0 || entries == 0 ? -1 : nthEntry(slots, askerIndex % entries);
        long[] before = slots == null ? null : slots.clone();
        long asker = askerSlot < 0 ? 0 : slots[askerSlot] & 0xFFFF_FFFF_FFFFL;

        Set<Long> picked = new HashSet<>();
        int[] writes = {0};
        PeerSink sink = new PeerSink() {
            @Override
            public void ipv4(int address, int port) {
                writes[0]++;
                picked.add(Ipv4Slots.identity(address, port));
            }

            @Override
            public void ipv6(long addressHigh, long addressLow, int port) {
                throw new AssertionError("an IPv4 table wrote an IPv6 peer");
            }
        };
        int written = slots == null ? 0
                : Ipv4Slots.pick(slots, entries, max, askerSlot, skipPartialSeeds, new long[64], sink);

        long eligible = 0;
        for (int slot = 0; slots != null && slot < slots.length; slot++) {
            long identity = slots[slot] & 0xFFFF_FFFF_FFFFL;
            if (identity != 0 && slot != askerSlot && !(skipPartialSeeds && partial.contains(identity))) {
                eligible++;
                assertThat(Ipv4Slots.find(slots, identity)).isEqualTo(slot);
            }
        }
        assertThat(written).isEqualTo(writes[0]).isEqualTo(picked.size()).isEqualTo((int) Math.min(max, eligible));
        for (long identity : picked) {
            assertThat(Ipv4Slots.find(slots, identity)).isNotNegative();
            assertThat(identity).isNotEqualTo(asker);
            if (skipPartialSeeds) {
                assertThat(partial).doesNotContain(identity);
            }
        }
        assertThat(slots).isEqualTo(before);
    }

    private static int countOf(long[] slots) {
        int count = 0;
        for (int slot = 0; slots != null && slot < slots.length; slot++) {
            count += slots[slot] == 0 ? 0 : 1;
        }
        return count;
    }

    private static int nthEntry(long[] slots, int n) {
        for (int slot = 0; ; slot++) {
            if (slots[slot] != 0 && n-- == 0) {
                return slot;
            }
        }
    }
}
