package io.swarmkeeper.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pacer on a made-up clock: no sleeping, no timing. */
class PacerTest {
    @Test
    void a_rate_of_a_thousand_a_second_allows_one_request_per_millisecond() {
        Pacer pacer = new Pacer(1_000, 0);
        assertThat(pacer.tryAcquire(0)).isTrue();
        assertThat(pacer.tryAcquire(999_999)).isFalse();
        assertThat(pacer.tryAcquire(1_000_000)).isTrue();
        assertThat(pacer.tryAcquire(1_000_001)).isFalse();
    }

    @Test
    void after_a_stall_it_catches_up_by_at_most_one_millisecond_of_requests() {
        Pacer pacer = new Pacer(1_000_000, 0); // one per microsecond
        long stalledUntil = 50_000_000;
        int burst = 0;
        while (pacer.tryAcquire(stalledUntil) && burst < 10_000) {
            burst++;
        }
        assertThat(burst).isBetween(1_000, 1_002);
    }

    @Test
    void no_rate_means_no_limit() {
        Pacer pacer = new Pacer(0, 0);
        assertThat(pacer.limited()).isFalse();
        for (int i = 0; i < 1_000; i++) {
            assertThat(pacer.tryAcquire(0)).isTrue();
        }
    }
}
