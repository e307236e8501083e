package io.swarmkeeper.server.udp;

import io.swarmkeeper.linuxnet.LoopbackXdpTestUtil;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The same check with the datagrams taken off loopback by XDP and answered from the AF_XDP socket. */
class XdpUdpAllocationTest extends BatchUdpAllocationTest {
    private static LoopbackXdpTestUtil loopback;

    @BeforeAll
    static void allowAnswersOnLoopback() throws IOException {
        loopback = LoopbackXdpTestUtil.allowAnswersIfPossible();
    }

    @AfterAll
    static void restore() {
        if (loopback != null) {
            loopback.close();
        }
    }

    @Override
    UdpTrackerFixture tracker() {
        return new UdpTrackerFixture(List.of("127.0.0.1:0"), false, UdpIo.BATCH, "lo");
    }
}
