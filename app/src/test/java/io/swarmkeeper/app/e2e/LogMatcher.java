package io.swarmkeeper.app.e2e;

import java.util.List;
import java.util.function.Predicate;

/** Finds the log line that shows something happened, in all the lines a program has logged so far. */
@FunctionalInterface
interface LogMatcher {
    /** The line that shows it, or null if it has not happened (yet). */
    String find(List<String> lines);

    /** The first line that matches. */
    static LogMatcher line(Predicate<String> matches) {
        return lines -> lines.stream().filter(matches).findFirst().orElse(null);
    }
}
