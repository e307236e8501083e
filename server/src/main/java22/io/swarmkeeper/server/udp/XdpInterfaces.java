package io.swarmkeeper.server.udp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What {@code udp.xdp} needs to know of an interface, from sysfs and procfs. */
final class XdpInterfaces {
    private static final int IFF_LOOPBACK = 0x8;

    private XdpInterfaces() {}

    /** How many receive queues the interface has: one AF_XDP socket serves each. */
    static int receiveQueues(String name) throws IOException {
        try (Stream<Path> queues = Files.list(Path.of("/sys/class/net", name, "queues"))) {
            return (int) Math.max(1, queues.filter(q -> q.getFileName().toString().startsWith("rx-")).count());
        } catch (NoSuchFileException e) {
            throw new IOException("no network interface " + name);
        }
    }

    /**
     * On loopback an answer sent from an AF_XDP socket comes back in as a routed packet from a
     * local address (to 127.0.0.1, often), which Linux drops in silence unless the interface
     * accepts both; better to refuse to start than to read requests and lose every answer.
     */
    static void checkAnswersCanArrive(String name) throws IOException {
        String flags = Files.readString(Path.of("/sys/class/net", name, "flags")).strip();
        if ((Integer.decode(flags) & IFF_LOOPBACK) == 0) {
            return;
        }
        for (String setting : new String[] {"accept_local", "route_localnet"}) {
            Path path = Path.of("/proc/sys/net/ipv4/conf", name, setting);
            if (!"1".equals(Files.readString(path).strip())) {
                throw new IOException("answers sent over XDP on " + name + " would be dropped: set "
                        + "net.ipv4.conf." + name + ".accept_local=1 and net.ipv4.conf." + name + ".route_localnet=1");
            }
        }
    }
}
