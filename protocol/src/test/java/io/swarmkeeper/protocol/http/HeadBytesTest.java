package io.swarmkeeper.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class HeadBytesTest {
    /** Checked against the plain loop it replaces, over bytes drawn from a few values so matches are common. */
    @Property(tries = 5000)
    void finds_the_same_byte_as_a_plain_search(@ForAll @Size(max = 40) byte[] raw, @ForAll @IntRange(max = 45) int from,
                                               @ForAll @IntRange(max = 45) int to, @ForAll @IntRange(max = 3) int pick) {
        byte[] a = new byte[raw.length];
        for (int i = 0; i < raw.length; i++) {
            a[i] = (byte) (Math.floorMod(raw[i], 4) == 0 ? '\n' : raw[i] | 0x80); // high bytes test the carry
        }
        byte b = pick == 0 ? (byte) '\n' : (byte) (0x80 | pick);
        from = Math.min(from, a.length);
        to = Math.min(Math.max(to, from), a.length);
        int expected = -1;
        for (int i = from; i < to; i++) {
            if (a[i] == b) {
                expected = i;
                break;
            }
        }
        assertThat(HeadBytes.indexOf(a, from, to, b)).isEqualTo(expected);
    }
}
