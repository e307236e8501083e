package io.swarmkeeper.linuxnet;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link XdpRedirect} program attached to an interface in generic mode, with the map that
 * names the AF_XDP socket of each receive queue: while it is open, the UDP datagrams for its IPv4
 * address and port go to those sockets instead of the kernel's stack. Closing it (or the process
 * ending) detaches the program, and the port is an ordinary one again.
 */
public final class XdpRedirector implements AutoCloseable {
    private final int mapFd;
    private final int programFd;
    private final int linkFd;
    private final AtomicBoolean closed = new AtomicBoolean();

    private XdpRedirector(int mapFd, int programFd, int linkFd) {
        this.mapFd = mapFd;
        this.programFd = programFd;
        this.linkFd = linkFd;
    }

    /**
     * Attaches to {@code interfaceName} a program that sends the datagrams for {@code address}
     * (0.0.0.0 for any of the interface's addresses) arriving on queue {@code i} to
     * {@code sockets.get(i)}, each already open on that queue.
     */
    public static XdpRedirector attach(String interfaceName, InetSocketAddress address, List<XdpSocket> sockets)
            throws IOException {
        if (!(address.getAddress() instanceof Inet4Address)) {
            throw new IOException("AF_XDP serves IPv4 only, not " + address);
        }
        int ifindex = XdpSocket.interfaceIndex(interfaceName);
        int mapFd = -1;
        int programFd = -1;
        try {
            mapFd = Bpf.createSocketMap(sockets.size());
            for (int queue = 0; queue < sockets.size(); queue++) {
                Bpf.update(mapFd, queue, sockets.get(queue).fd());
            }
            int ipv4 = ByteBuffer.wrap(address.getAddress().getAddress()).getInt();
            programFd = Bpf.loadXdp(XdpRedirect.program(ipv4, address.getPort(), mapFd, XdpSocket.MAX_PACKET), "swarmkeeper_udp");
            int linkFd = Bpf.attachXdp(programFd, ifindex, Bpf.XDP_FLAGS_SKB_MODE);
            return new XdpRedirector(mapFd, programFd, linkFd);
        } catch (IOException | RuntimeException e) {
            if (programFd >= 0) {
                Sockets.close(programFd);
            }
            if (mapFd >= 0) {
                Sockets.close(mapFd);
            }
            throw e;
        }
    }

    /** Detaches the program; once only, whoever calls first (a descriptor closed twice could be another's by then). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Sockets.close(linkFd);
        Sockets.close(programFd);
        Sockets.close(mapFd);
    }
}
