package io.swarmkeeper.bench;

import io.swarmkeeper.bench.udp.UdpIo;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The UDP commands' {@code --io}: how datagrams move, batched wherever this JVM and system allow. */
final class IoOption {
    /** What picocli returns for other usage errors. */
    static final int UNUSABLE = CommandLine.ExitCode.USAGE;

    @Option(names = "--io", paramLabel = "batch|packet|nio", converter = IoOption.Label.class,
            description = {"batch: recvmmsg/sendmmsg, many datagrams per system call (Linux, JDK 22+);",
                    "packet: batch, but requests sent from an AF_PACKET ring on lo (IPv4 loopback targets, "
                            + "root, net.ipv4.conf.lo.accept_local=1 and route_localnet=1);",
                    "nio: the JDK's DatagramChannel, one per call. Default: batch where available, else nio."})
    UdpIo asked;

    UdpIo chosen() {
        return asked != null ? asked : UdpIo.best();
    }

    /** Whether the chosen I/O runs here; if not, says so in one line, for exit code 2 (a usage error). */
    boolean usable(CommandSpec spec) {
        if (chosen().available()) {
            return true;
        }
        spec.commandLine().getErr().println("--io " + chosen().label() + " is not available here (it needs Linux on "
                + "x86_64 or aarch64 and a build on JDK 22+; this is JDK " + Runtime.version().feature()
                + " on " + System.getProperty("os.name") + "): use --io nio");
        return false;
    }

    static final class Label implements ITypeConverter<UdpIo> {
        @Override
        public UdpIo convert(String value) {
            return UdpIo.ofLabel(value);
        }
    }
}
