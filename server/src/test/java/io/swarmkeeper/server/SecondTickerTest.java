package io.swarmkeeper.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmkeeper.core.TickingClock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SecondTickerTest {
    @Test
    void sleeps_until_just_after_the_next_whole_second() {
        long margin = SecondTicker.MARGIN_MILLIS;
        assertThat(SecondTicker.millisToNextSecond(1_700_000_000_000L)).isEqualTo(1000 + margin);
        assertThat(SecondTicker.millisToNextSecond(1_700_000_000_001L)).isEqualTo(999 + margin);
        assertThat(SecondTicker.millisToNextSecond(1_700_000_000_999L)).isEqualTo(1 + margin);
        assertThat(SecondTicker.millisToNextSecond(1_700_000_000_500L)).isEqualTo(500 + margin);
        assertThat(SecondTicker.millisToNextSecond(-1L)).isEqualTo(1 + margin);
    }

    @Test
    void ticks_the_clock_until_closed() throws InterruptedException {
        AtomicInteger reads = new AtomicInteger();
        TickingClock clock = new TickingClock(reads::incrementAndGet);
        int atStart = reads.get();
        try (SecondTicker ticker = new SecondTicker(clock)) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (clock.nowSeconds() == atStart && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(clock.nowSeconds()).isGreaterThan(atStart);
        }
        Thread.sleep(50);
        long afterClose = reads.get();
        Thread.sleep(1_200);
        assertThat(reads.get()).isEqualTo(afterClose);
    }
}
