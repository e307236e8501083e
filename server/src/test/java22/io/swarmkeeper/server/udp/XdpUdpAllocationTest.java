package io.swarmkeeper.server.udp;

import io.swarmkeeper.linuxnet.LoopbackXdp;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;

/** The same check with the datagrams taken off loopback by XDP and answered from the AF_XDP socket. */
@ExtendWith(LoopbackXdp.class)
class XdpUdpAllocationTest extends BatchUdpAllocationTest {
    @Override
    UdpTrackerFixture tracker() {
        return new UdpTrackerFixture(List.of("127.0.0.1:0"), false, UdpIo.BATCH, "lo");
    }
}
