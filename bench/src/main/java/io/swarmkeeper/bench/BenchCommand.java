package io.swarmkeeper.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code swarmkeeper bench}: load generators for UDP and HTTP trackers, the generator's own
 * ceiling, and the torrent set as a whitelist. Runnable alone too (see {@link #main}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Load a tracker on loopback and report responses/s, errors and latency.",
        subcommands = {UdpCommand.class, HttpCommand.class, CalibrateCommand.class, RespondCommand.class,
                WhitelistCommand.class, MemoryCommand.class})
public final class BenchCommand {
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
