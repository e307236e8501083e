package io.swarmkeeper.app;

import io.swarmkeeper.server.TrackerServer;
import io.swarmkeeper.server.config.ConfigLoader;
import io.swarmkeeper.server.config.TrackerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the tracker: UDP and HTTP on port 6969, all interfaces, IPv4 and IPv6, in memory.",
                "Configuration precedence: flags > environment (SWARMKEEPER_...) > --config file > defaults."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (see `config defaults`).")
    Path config;

    @Option(names = "--udp", paramLabel = "ADDR:PORT",
            description = "UDP listen address, repeatable; [::1]:7000 for IPv6. Any --udp or --http replaces the default listeners.")
    List<String> udp = new ArrayList<>();

    @Option(names = "--http", paramLabel = "ADDR:PORT",
            description = "HTTP listen address, repeatable; [::1]:7000 for IPv6. Any --udp or --http replaces the default listeners.")
    List<String> http = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        TrackerConfig settings = new ConfigLoader().load(config, System.getenv(), overrides());
        CountDownLatch stop = new CountDownLatch(1);
        StopSignals.onTermOrInt(stop::countDown);
        try (TrackerServer server = TrackerServer.start(settings)) {
            stop.await();
        }
        return 0;
    }

    /**
     * The flags as configuration overrides. Any listener flag replaces both protocols' listeners,
     * so {@code --udp 127.0.0.1:7000} alone runs UDP only rather than adding to the defaults.
     */
    Map<String, Object> overrides() {
        Map<String, Object> overrides = new HashMap<>();
        if (!udp.isEmpty() || !http.isEmpty()) {
            overrides.put("udp.listen", udp);
            overrides.put("http.listen", http);
        }
        return overrides;
    }
}
