package io.swarmkeeper.app;

import io.swarmkeeper.bench.BenchCommand;
import picocli.CommandLine.Command;

@Command(name = "swarmkeeper", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A BitTorrent tracker: UDP (BEP 15) and HTTP announce and scrape.",
        subcommands = {ServeCommand.class, ConfigCommand.class, BenchCommand.class})
final class SwarmkeeperCommand {}
