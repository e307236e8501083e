package io.swarmkeeper.bench;

import io.swarmkeeper.bench.udp.StatelessResponder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "respond", mixinStandardHelpOptions = true,
        description = {"Runs calibrate's stateless UDP responder alone, for a while, in its own process.",
                "Pin it and the generator to different CPUs (taskset) to measure the generator's ceiling",
                "as a tracker would see it."})
final class RespondCommand implements Callable<Integer> {
    @Option(names = "--listen", required = true, paramLabel = "HOST:PORT", converter = Target.class,
            description = "Where to answer, e.g. 127.0.0.1:7000.")
    InetSocketAddress listen;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long to answer before exiting (at most 1h). Default: ${DEFAULT-VALUE}.")
    Duration duration;

    @Override
    public Integer call() throws Exception {
        if (duration.compareTo(LoadOptions.MAX_DURATION) > 0) {
            throw new IllegalArgumentException("--duration must be at most 1h");
        }
        try (StatelessResponder responder = StatelessResponder.start(listen)) {
            System.err.println("responding on " + responder.address() + " for " + duration);
            Thread.sleep(duration.toMillis());
        }
        return 0;
    }
}
