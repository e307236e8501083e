package io.swarmkeeper.server.udp;

/** Every UDP server test again, on the batched transport (recvmmsg/sendmmsg through linux-net). */
class BatchUdpServerTest extends UdpServerTest {
    @Override
    String io() {
        return UdpIo.BATCH;
    }
}
