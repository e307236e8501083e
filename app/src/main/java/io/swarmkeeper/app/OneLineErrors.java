package io.swarmkeeper.app;

import io.swarmkeeper.server.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A failure is one readable line on stderr and an exit code, never a stack trace: 2 for a bad
 * configuration (as for bad usage), 1 for anything else, such as a port already in use.
 */
final class OneLineErrors implements IExecutionExceptionHandler {
    static final int CONFIG_ERROR = 2;
    static final int RUNTIME_ERROR = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        if (e instanceof ConfigException) {
            System.err.println("swarmkeeper: configuration error: " + e.getMessage());
            return CONFIG_ERROR;
        }
        System.err.println("swarmkeeper: " + describe(e));
        return RUNTIME_ERROR;
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
