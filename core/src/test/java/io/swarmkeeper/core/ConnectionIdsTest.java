package io.swarmkeeper.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConnectionIdsTest {
    final AtomicLong now = new AtomicLong(1_700_000_000);
    final ConnectionIds ids = new ConnectionIds(1, 2, 600, now::get);

    @Test
    void an_id_is_valid_for_the_address_it_was_issued_to() {
        long id = ids.issue(0x7F000001);
        assertThat(ids.isValid(id, 0x7F000001)).isTrue();
        assertThat(ids.isValid(id, 0x7F000002)).isFalse();
    }

    @Test
    void an_id_stays_valid_for_the_configured_age_and_no_longer() {
        long id = ids.issue(0x20010db8L, 5L);
        now.addAndGet(599);
        assertThat(ids.isValid(id, 0x20010db8L, 5L)).isTrue();
        now.addAndGet(ConnectionIds.WINDOW_SECONDS + 2);
        assertThat(ids.isValid(id, 0x20010db8L, 5L)).isFalse();
    }

    @Test
    void an_id_from_the_future_or_from_long_ago_is_refused() {
        long id = ids.issue(0x7F000001);
        now.addAndGet(-ConnectionIds.WINDOW_SECONDS);
        assertThat(ids.isValid(id, 0x7F000001)).isFalse();
        now.addAndGet(256L * ConnectionIds.WINDOW_SECONDS);
        assertThat(ids.isValid(id, 0x7F000001)).isFalse();
    }

    @Test
    void another_secret_gives_ids_that_do_not_validate() {
        ConnectionIds other = new ConnectionIds(3, 4, 600, now::get);
        assertThat(ids.isValid(other.issue(0x7F000001), 0x7F000001)).isFalse();
    }

    @Test
    void bep15_minimum_of_two_minutes_is_enforced() {
        assertThatThrownBy(() -> new ConnectionIds(1, 2, 60, now::get)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void siphash_matches_the_reference_vector() {
        SipHash hash = new SipHash(0x0706050403020100L, 0x0f0e0d0c0b0a0908L);
        // Key 00..0f, message 00..17: computed by a SipHash-2-4 implementation that reproduces the paper's vector.
        assertThat(hash.hash(0x0706050403020100L, 0x0f0e0d0c0b0a0908L, 0x1716151413121110L))
                .isEqualTo(0xb8ad50c6f649af94L);
    }
}
