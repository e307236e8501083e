package io.swarmkeeper.bench;

import io.swarmkeeper.bench.udp.StatelessResponder;
import io.swarmkeeper.bench.udp.UdpIo;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "respond", mixinStandardHelpOptions = true,
        description = {"Runs calibrate's stateless UDP responder alone, for a while, in its own process.",
                "Pin it and the generator to different CPUs (taskset) to measure the generator's ceiling",
                "as a tracker would see it."})
final class RespondCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--listen", required = true, paramLabel = "HOST:PORT", converter = Target.class,
            description = "Where to answer, e.g. 127.0.0.1:7000.")
    InetSocketAddress listen;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long to answer before exiting (at most 1h). Default: ${DEFAULT-VALUE}.")
    Duration duration;

    @Mixin
    IoOption io;

    @Override
    public Integer call() throws Exception {
        if (duration.compareTo(LoadOptions.MAX_DURATION) > 0) {
            throw new IllegalArgumentException("--duration must be at most 1h");
        }
        if (!io.usable(spec)) {
            return IoOption.UNUSABLE;
        }
        UdpIo chosen = io.chosen();
        try (StatelessResponder responder = StatelessResponder.start(listen, chosen)) {
            System.err.println("responding on " + responder.address() + " for " + duration + ", io " + chosen.label());
            Thread.sleep(duration.toMillis());
        }
        return 0;
    }
}
