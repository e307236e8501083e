package io.swarmkeeper.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swarmkeeper.bench.load.Summary;
import java.io.PrintStream;

/** The final result on standard output: one line for people, or one JSON object for scripts. */
final class SummaryPrinter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SummaryPrinter() {}

    static int print(Summary summary, boolean json, PrintStream out) throws JsonProcessingException {
        out.println(json ? JSON.writeValueAsString(summary) : summary.line());
        // A run with invalid replies is a failed run, so scripts can stop on it.
        return summary.errors() == 0 ? 0 : 1;
    }
}
