package io.swarmkeeper.bench;

import io.swarmkeeper.bench.udp.StatelessResponder;
import io.swarmkeeper.bench.udp.UdpIo;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"The UDP generator's own ceiling, against a stateless in-process responder.",
                "The responder runs on its own thread; report this ceiling beside every tracker result."})
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LoadOptions load;

    /** The generator's: the responder batches wherever it can, so the ceiling found is the generator's. */
    @Mixin
    IoOption io;

    @Option(names = "--sockets", defaultValue = "4",
            description = "UDP sockets, split across threads. Default: ${DEFAULT-VALUE}.")
    int sockets;

    @Option(names = "--window", defaultValue = "128",
            description = "Requests in flight in all, split across sockets. Default: ${DEFAULT-VALUE}.")
    int window;

    @Option(names = "--ipv6", description = "Use ::1 instead of 127.0.0.1.")
    boolean ipv6;

    @Override
    public Integer call() throws Exception {
        if (!io.usable(spec)) {
            return IoOption.UNUSABLE;
        }
        InetAddress loopback = InetAddress.getByName(ipv6 ? "::1" : "127.0.0.1");
        UdpIo responderIo = UdpIo.best();
        try (StatelessResponder responder = StatelessResponder.start(new InetSocketAddress(loopback, 0), responderIo)) {
            System.err.println("calibrate: responder on its own thread, io " + responderIo.label());
            return UdpCommand.run("calibrate", responder.address(), load, sockets, window, 0, io.chosen(), spec);
        }
    }
}
