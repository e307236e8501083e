package io.swarmkeeper.app;

import picocli.CommandLine;

/** The {@code swarmkeeper} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new SwarmkeeperCommand())
                .setExecutionExceptionHandler(new OneLineErrors())
                .execute(args);
    }
}
