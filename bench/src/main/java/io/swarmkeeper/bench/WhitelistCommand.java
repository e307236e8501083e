package io.swarmkeeper.bench;

import io.swarmkeeper.bench.load.TorrentSet;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "whitelist", mixinStandardHelpOptions = true,
        description = {"Writes the load's torrent set as a whitelist, one hex info-hash a line.",
                "A whitelist-only tracker (Debian's opentracker) needs it to accept the load;",
                "give it the load's --torrents and --seed."})
final class WhitelistCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "Where to write the list.")
    Path file;

    @Option(names = "--torrents", defaultValue = "10000",
            description = "Torrents in the workload. Default: ${DEFAULT-VALUE}.")
    int torrents;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the workload. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() throws Exception {
        // The shape does not move the info-hashes, only their popularity, so any shape gives the same list.
        new TorrentSet(torrents, 1.1, seed).writeWhitelist(file);
        return 0;
    }
}
