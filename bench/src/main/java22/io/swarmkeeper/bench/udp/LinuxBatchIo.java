package io.swarmkeeper.bench.udp;

import io.swarmkeeper.linuxnet.BatchSocket;
import java.io.IOException;
import java.net.InetSocketAddress;

/** Batched I/O on linux-net's sockets; {@link UdpIo} loads it by name on JDK 22 or newer. */
final class LinuxBatchIo implements BatchIo {
    @Override
    public boolean available() {
        return BatchSocket.available();
    }

    @Override
    public UdpWorkerLoop worker(UdpWorkerPlan plan) {
        return new BatchUdpWorker(plan);
    }

    @Override
    public ResponderLoop responder(InetSocketAddress listen) throws IOException {
        return new BatchResponderLoop(listen);
    }
}
