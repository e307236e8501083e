package io.swarmkeeper.bench;

import io.swarmkeeper.bench.http.HttpLoad;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "http", mixinStandardHelpOptions = true,
        description = {"HTTP announce (compact) and scrape load over keep-alive connections; sends only to --target.",
                "Exit code 1 if any reply failed validation."})
final class HttpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LoadOptions load;

    @Option(names = "--target", required = true, paramLabel = "HOST:PORT", converter = Target.class,
            description = "The tracker's HTTP address, e.g. 127.0.0.1:6969 or [::1]:6969.")
    InetSocketAddress target;

    @Option(names = "--connections", defaultValue = "64",
            description = "Connections, each with one request in flight, split across threads. "
                    + "Default: ${DEFAULT-VALUE}.")
    int connections;

    @Option(names = "--rate", defaultValue = "0",
            description = "Requests per second at most, to compare trackers at the same offered load "
                    + "(0: as fast as the connections allow). Default: ${DEFAULT-VALUE}.")
    double rate;

    @Override
    public Integer call() throws Exception {
        load.validate(spec.commandLine());
        LoadOptions.require(spec.commandLine(), connections >= load.threads,
                "--connections must be at least --threads");
        LoadOptions.require(spec.commandLine(), rate >= 0, "--rate must be 0 (no limit) or more");
        HttpLoad http = new HttpLoad(target, load.threads, connections, load.torrents, load.peers, load.numwant,
                load.scrapePercent, load.maxScrape, load.seeders, load.paretoShape, load.seed, rate);
        return SummaryPrinter.print(http.run(load.warmup, load.duration, System.err), load.json, System.out);
    }
}
