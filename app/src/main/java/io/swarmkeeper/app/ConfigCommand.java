package io.swarmkeeper.app;

import io.swarmkeeper.server.config.ConfigLoader;
import picocli.CommandLine.Command;

@Command(name = "config", mixinStandardHelpOptions = true, description = "Configuration helpers.",
        subcommands = ConfigCommand.Defaults.class)
final class ConfigCommand {
    @Command(name = "defaults", mixinStandardHelpOptions = true,
            description = "Prints the full default configuration (YAML), with a comment on every key.")
    static final class Defaults implements Runnable {
        @Override
        public void run() {
            System.out.print(ConfigLoader.defaultsText());
        }
    }
}
