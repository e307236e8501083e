package io.swarmkeeper.bench.udp;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.Locale;

/** How the UDP generator and responder move datagrams. */
public enum UdpIo {
    /** recvmmsg and sendmmsg, a batch of datagrams per system call: Linux, and a build on JDK 22 or newer. */
    BATCH,
    /**
     * As BATCH for the replies; the requests leave as whole frames from an AF_PACKET ring on
     * {@code lo}, past the kernel's IP and UDP send paths, which on loopback cost the generator's
     * CPU more than anything else. IPv4 loopback targets only; needs CAP_NET_RAW, and
     * {@code net.ipv4.conf.lo.accept_local=1} and {@code route_localnet=1}, without which Linux drops
     * such frames from 127.0.0.1 as martians. The target gets the same datagrams (with no UDP
     * checksum, which IPv4 allows).
     */
    PACKET,
    /** The JDK's DatagramChannel, a system call per datagram: everywhere. */
    NIO;

    /** Named, not referenced: on JDK 21 the class is not built, and this code must still compile and run. */
    private static final String BATCH_IO_CLASS = "io.swarmkeeper.bench.udp.LinuxBatchIo";
    private static final BatchIo BATCH_IO = loadBatchIo();

    /** Batch where it runs, else NIO. */
    public static UdpIo best() {
        return BATCH_IO != null ? BATCH : NIO;
    }

    public boolean available() {
        return this == NIO || BATCH_IO != null;
    }

    /** How the option and the summary spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UdpIo ofLabel(String label) {
        for (UdpIo io : values()) {
            if (io.label().equals(label)) {
                return io;
            }
        }
        throw new IllegalArgumentException("expected batch, packet or nio, not " + label);
    }

    /** Whether this I/O can send to {@code target}: packet I/O sends on {@code lo}, to IPv4 only. */
    public boolean reaches(InetSocketAddress target) {
        return this != PACKET || target.getAddress() instanceof Inet4Address v4 && v4.isLoopbackAddress();
    }

    UdpWorkerLoop worker(UdpWorkerPlan plan) {
        return this == NIO ? new UdpWorker(plan) : batchIo().worker(plan, this == PACKET);
    }

    ResponderLoop responder(InetSocketAddress listen) throws IOException {
        return this == NIO ? new NioResponderLoop(listen) : batchIo().responder(listen);
    }

    private static BatchIo batchIo() {
        if (BATCH_IO == null) {
            throw new IllegalStateException("batched UDP is not available in this JVM");
        }
        return BATCH_IO;
    }

    private static BatchIo loadBatchIo() {
        if (Runtime.version().feature() < 22) {
            return null;
        }
        try {
            BatchIo io = (BatchIo) Class.forName(BATCH_IO_CLASS).getDeclaredConstructor().newInstance();
            return io.available() ? io : null;
        } catch (ReflectiveOperationException | LinkageError e) {
            // Built on JDK 21 (no java22 classes), or linux-net is not on the class path.
            return null;
        }
    }
}
