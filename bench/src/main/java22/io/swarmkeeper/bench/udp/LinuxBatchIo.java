package io.swarmkeeper.bench.udp;

import io.swarmkeeper.linuxnet.LinuxNet;
import java.io.IOException;
import java.net.InetSocketAddress;

/** Batched I/O on linux-net's sockets; {@link UdpIo} loads it by name on JDK 22 or newer. */
final class LinuxBatchIo implements BatchIo {
    @Override
    public boolean available() {
        return LinuxNet.available();
    }

    @Override
    public UdpWorkerLoop worker(UdpWorkerPlan plan, boolean packets) {
        return new BatchUdpWorker(plan, packets);
    }

    @Override
    public ResponderLoop responder(InetSocketAddress listen) throws IOException {
        return new BatchResponderLoop(listen);
    }
}
