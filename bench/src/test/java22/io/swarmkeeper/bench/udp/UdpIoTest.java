package io.swarmkeeper.bench.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmkeeper.linuxnet.BatchSocket;
import org.junit.jupiter.api.Test;

/**
 * The batched classes are found by name: if that ever stopped working, batch would quietly fall
 * back to NIO and the smoke tests would skip it. Built on JDK 22+, where it must be found.
 */
class UdpIoTest {
    @Test
    void batch_is_the_default_wherever_linux_udp_works() {
        assertThat(UdpIo.BATCH.available()).isEqualTo(BatchSocket.available());
        assertThat(UdpIo.best()).isEqualTo(BatchSocket.available() ? UdpIo.BATCH : UdpIo.NIO);
    }
}
