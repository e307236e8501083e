package io.swarmkeeper.server.udp;

import io.swarmkeeper.linuxnet.BatchSocket;
import io.swarmkeeper.linuxnet.LinuxNet;
import io.swarmkeeper.linuxnet.XdpRedirector;
import io.swarmkeeper.linuxnet.XdpSocket;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Makes {@link BatchUdpListener}s; found by {@link UdpIo} by name, since JDK 21 builds lack it. */
final class BatchUdpListeners implements UdpListener.Factory {
    /** Null where linux-net cannot run: {@link UdpIo} then falls back to Netty. */
    @Override
    public String name() {
        return LinuxNet.available() ? "recvmmsg/sendmmsg" : null;
    }

    @Override
    public UdpListener bind(InetSocketAddress address, int sockets, Supplier<UdpAnswers> answers) throws IOException {
        boolean ipv6 = address.getAddress() instanceof Inet6Address;
        List<BatchSocket> opened = new ArrayList<>();
        try {
            InetSocketAddress local = address;
            for (int i = 0; i < sockets; i++) {
                BatchSocket socket = BatchSocket.open(ipv6);
                opened.add(socket);
                socket.reusePort();
                if (ipv6) {
                    socket.ipv6Only();
                }
                socket.receiveBufferSize(BatchUdpListener.SOCKET_BUFFER_BYTES);
                socket.sendBufferSize(BatchUdpListener.SOCKET_BUFFER_BYTES);
                // Replies are at most 1472 bytes (IPv4) so that they never need fragments.
                socket.dontFragment();
                // The first socket fixes the port (the system's choice for port 0); the others share it.
                local = socket.bind(local);
            }
            return new BatchUdpListener(local, opened, answers);
        } catch (IOException | RuntimeException e) {
            opened.forEach(BatchSocket::close);
            throw e;
        }
    }

    @Override
    public UdpListener bindXdp(String interfaceName, InetSocketAddress address, Supplier<UdpAnswers> answers)
            throws IOException {
        int queues = XdpInterfaces.receiveQueues(interfaceName);
        XdpInterfaces.checkAnswersCanArrive(interfaceName);
        List<XdpSocket> opened = new ArrayList<>();
        try {
            for (int queue = 0; queue < queues; queue++) {
                opened.add(XdpSocket.open(interfaceName, queue, XdpUdpListener.BATCH));
            }
            XdpRedirector redirector = XdpRedirector.attach(interfaceName, address, opened);
            return new XdpUdpListener(address, interfaceName, opened, redirector, answers);
        } catch (IOException | RuntimeException e) {
            opened.forEach(XdpSocket::close);
            throw e;
        }
    }
}
