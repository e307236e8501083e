package io.swarmkeeper.bench;

import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The workload and run options every load subcommand shares; defaults in the spirit of aquatic's load test. */
final class LoadOptions {
    /** A benchmark that forgets to stop must not run all night. */
    static final Duration MAX_DURATION = Duration.ofHours(1);

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long to measure, after the warm-up (500ms, 10s, 2m; at most 1h). "
                    + "Default: ${DEFAULT-VALUE}.")
    Duration duration;

    @Option(names = "--warmup", paramLabel = "TIME", defaultValue = "1s", converter = DurationConverter.class,
            description = "Load sent before counting starts, for the JIT and the tracker's tables. "
                    + "Default: ${DEFAULT-VALUE}.")
    Duration warmup;

    @Option(names = "--torrents", defaultValue = "10000",
            description = "Torrents in the workload. Default: ${DEFAULT-VALUE}.")
    int torrents;

    @Option(names = "--peers", defaultValue = "100000",
            description = "Simulated peers, split across threads. Default: ${DEFAULT-VALUE}.")
    int peers;

    @Option(names = "--threads", defaultValue = "1",
            description = "Generator threads, each with its own sockets or connections. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--numwant", defaultValue = "30",
            description = "Peers asked for in each announce. Default: ${DEFAULT-VALUE}.")
    int numwant;

    @Option(names = "--scrape-percent", defaultValue = "10",
            description = "Share of requests that are scrapes. Default: ${DEFAULT-VALUE}.")
    int scrapePercent;

    @Option(names = "--max-scrape", defaultValue = "10",
            description = "A scrape asks for 1 to this many info-hashes. Default: ${DEFAULT-VALUE}.")
    int maxScrape;

    @Option(names = "--seeders", defaultValue = "0.25",
            description = "Share of peers that start as seeders. Default: ${DEFAULT-VALUE}.")
    double seeders;

    @Option(names = "--pareto-shape", defaultValue = "1.1",
            description = "Tail index of torrent popularity; smaller is more skewed. Default: ${DEFAULT-VALUE}.")
    double paretoShape;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the torrent set and the peers; equal seeds give equal workloads. "
                    + "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--json", description = "Print the final summary as JSON instead of a line.")
    boolean json;

    /** Rejects what would make a run meaningless or endless, naming the option. */
    void validate(CommandLine command) {
        require(command, !duration.isNegative() && !duration.isZero() && duration.compareTo(MAX_DURATION) <= 0,
                "--duration must be more than 0 and at most 1h");
        require(command, !warmup.isNegative() && warmup.compareTo(MAX_DURATION) <= 0, "--warmup must be 0 to 1h");
        require(command, torrents >= 1, "--torrents must be at least 1");
        require(command, threads >= 1, "--threads must be at least 1");
        require(command, peers >= threads, "--peers must be at least --threads");
        require(command, numwant >= -1, "--numwant must be -1 (tracker's default) or more");
        require(command, scrapePercent >= 0 && scrapePercent <= 100, "--scrape-percent must be 0 to 100");
        require(command, maxScrape >= 1 && maxScrape <= 74, "--max-scrape must be 1 to 74 (BEP 15's limit)");
        require(command, seeders >= 0 && seeders <= 1, "--seeders must be 0 to 1");
        require(command, paretoShape > 0, "--pareto-shape must be more than 0");
    }

    static void require(CommandLine command, boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(command, message);
        }
    }
}
