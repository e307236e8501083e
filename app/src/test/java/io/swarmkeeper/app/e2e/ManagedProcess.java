package io.swarmkeeper.app.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An external program started by the end-to-end test, its output going to a log file.
 * {@link #close()} always ends it (SIGTERM, then SIGKILL after a grace period, descendants
 * too), and a JVM shutdown hook ends whatever a test left running.
 */
final class ManagedProcess implements AutoCloseable {
    private static final Set<ManagedProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ManagedProcess::kill), "e2e-reaper"));
    }

    final String name;
    final Path log;
    /** Further log files the program writes itself (e.g. aria2's debug log), for failure reports. */
    final List<Path> extraLogs = new ArrayList<>();
    private final Process process;

    private ManagedProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    static ManagedProcess start(String name, List<String> command, Path workDir, Path log) throws IOException {
        return start(name, command, Map.of(), workDir, log);
    }

    static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path log)
            throws IOException {
        Files.writeString(log, "$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // Debian's /usr/bin/python3 must not pick up another interpreter's modules, and no
        // client may read the developer's own configuration.
        pb.environment().remove("PYTHONPATH");
        pb.environment().remove("PYTHONHOME");
        pb.environment().put("HOME", workDir.toString());
        pb.environment().putAll(env);
        ManagedProcess p = new ManagedProcess(name, log, pb.start());
        RUNNING.add(p);
        return p;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** How a wait on a program ended, with the log line that ended it, if any. */
    record Outcome(Kind kind, String line, Integer exitCode) {
        enum Kind { MATCHED, REFUSED, EXITED, TIMED_OUT }

        String describe() {
            return switch (kind) {
                case MATCHED -> "matched: " + line;
                case REFUSED -> "gave up at once on this log line: " + line;
                case EXITED -> "exited " + exitCode;
                case TIMED_OUT -> "timed out";
            };
        }
    }

    /**
     * Waits at most {@code timeout} until a line of this program's logs matches {@code wanted}
     * (MATCHED), one matches {@code refused} (REFUSED: e.g. the tracker sent a failure reason,
     * no use waiting on), or the program exits (EXITED). A null {@code wanted} waits for the exit.
     */
    Outcome await(LogMatcher wanted, LogMatcher refused, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean running = process.isAlive();
            String line = wanted == null ? null : firstLine(wanted);
            if (line != null) {
                return new Outcome(Outcome.Kind.MATCHED, line, null);
            }
            line = firstLine(refused);
            if (line != null) {
                return new Outcome(Outcome.Kind.REFUSED, line, null);
            }
            if (!running) {
                return new Outcome(Outcome.Kind.EXITED, null, process.exitValue());
            }
            if (System.nanoTime() >= deadline) {
                return new Outcome(Outcome.Kind.TIMED_OUT, null, null);
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
    }

    private String firstLine(LogMatcher matcher) {
        List<Path> all = new ArrayList<>(extraLogs);
        all.add(log);
        for (Path p : all) {
            if (Files.exists(p)) {
                try {
                    String hit = matcher.find(Files.readAllLines(p, StandardCharsets.ISO_8859_1));
                    if (hit != null) {
                        return hit;
                    }
                } catch (IOException | UncheckedIOException e) {
                    // being written right now: look again on the next round
                }
            }
        }
        return null;
    }

    /** The last {@code lines} lines of every log of this program, headed by their paths. */
    String tails(int lines) {
        StringBuilder sb = new StringBuilder();
        List<Path> all = new ArrayList<>();
        all.add(log);
        all.addAll(extraLogs);
        for (Path p : all) {
            sb.append("\n----- ").append(name).append(": last ").append(lines).append(" lines of ").append(p)
                    .append(process.isAlive() ? " (running)" : " (exited " + process.exitValue() + ")").append('\n');
            sb.append(tail(p, lines));
        }
        return sb.toString();
    }

    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no such file)\n";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            StringBuilder sb = new StringBuilder();
            for (String line : all.subList(Math.max(0, all.size() - lines), all.size())) {
                sb.append(line.length() > 400 ? line.substring(0, 400) + "..." : line).append('\n');
            }
            return sb.toString();
        } catch (IOException e) {
            return "(unreadable: " + e + ")\n";
        }
    }

    /** Ends the program: SIGTERM, up to 5 s to exit cleanly, then SIGKILL to it and its descendants. */
    @Override
    public void close() {
        try {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                kill();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        } finally {
            RUNNING.remove(this);
        }
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
