package io.swarmkeeper.bench.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmkeeper.linuxnet.LinuxNet;
import org.junit.jupiter.api.Test;

/**
 * The batched classes are found by name: if that ever stopped working, batch would quietly fall
 * back to NIO and the smoke tests would skip it. Built on JDK 22+, where it must be found.
 */
class UdpIoTest {
    @Test
    void batch_is_the_default_wherever_linux_udp_works() {
        assertThat(UdpIo.BATCH.available()).isEqualTo(LinuxNet.available());
        assertThat(UdpIo.best()).isEqualTo(LinuxNet.available() ? UdpIo.BATCH : UdpIo.NIO);
    }
}
