package io.swarmkeeper.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TickingClockTest {
    @Test
    void serves_the_time_of_its_last_tick() {
        AtomicLong real = new AtomicLong(1_000);
        TickingClock clock = new TickingClock(real::get);
        assertThat(clock.nowSeconds()).isEqualTo(1_000);

        real.set(1_005);
        assertThat(clock.nowSeconds()).isEqualTo(1_000);

        clock.tick();
        assertThat(clock.nowSeconds()).isEqualTo(1_005);
    }
}
