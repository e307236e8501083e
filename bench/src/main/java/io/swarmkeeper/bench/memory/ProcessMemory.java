package io.swarmkeeper.bench.memory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What another process on this machine holds: its resident set from {@code /proc/PID/status},
 * and, for a JVM, its heap after a full collection, asked of it with {@code jcmd} (the one from
 * this JDK, else the one on PATH).
 */
public final class ProcessMemory {
    private static final Pattern USED = Pattern.compile("used (\\d+)([KMG])");

    private ProcessMemory() {}

    /** VmRSS in bytes, or -1 if the process is gone or the line is missing. */
    public static long residentBytes(long pid) {
        try {
            return statusBytes(Files.readString(Path.of("/proc", Long.toString(pid), "status")), "VmRSS:");
        } catch (IOException e) {
            return -1;
        }
    }

    /** A {@code kB} line of a {@code /proc/PID/status} text in bytes, or -1. */
    static long statusBytes(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key)) {
                String[] words = line.substring(key.length()).trim().split("\\s+");
                return Long.parseLong(words[0]) * 1024;
            }
        }
        return -1;
    }

    /** Whether the process runs a JVM (its executable is a {@code java}). */
    public static boolean isJvm(long pid) {
        try {
            return Path.of("/proc", Long.toString(pid), "exe").toRealPath().getFileName().toString().equals("java");
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs a full GC in the target JVM ({@code jcmd PID GC.run}) and returns its heap in use after it. */
    public static long heapUsedAfterFullGc(long pid) throws IOException {
        jcmd(pid, "GC.run");
        return parseHeapUsed(jcmd(pid, "GC.heap_info"));
    }

    /**
     * Sums the {@code used NNNK} of every heap space that {@code GC.heap_info} lists (one for G1
     * and ZGC, young plus old for Serial and Parallel), leaving out Metaspace, which is not heap.
     */
    static long parseHeapUsed(String heapInfo) {
        long used = 0;
        boolean found = false;
        for (String line : heapInfo.split("\n")) {
            if (line.contains("Metaspace") || line.contains("class space")) {
                continue;
            }
            Matcher m = USED.matcher(line);
            if (m.find()) {
                long unit = switch (m.group(2)) {
                    case "K" -> 1L << 10;
                    case "M" -> 1L << 20;
                    default -> 1L << 30;
                };
                used += Long.parseLong(m.group(1)) * unit;
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no heap 'used' figure in GC.heap_info output:\n" + heapInfo);
        }
        return used;
    }

    private static String jcmd(long pid, String command) throws IOException {
        Path own = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        String exe = Files.isExecutable(own) ? own.toString() : "jcmd";
        Process process = new ProcessBuilder(exe, Long.toString(pid), command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("jcmd " + pid + " " + command + " took over 2 minutes");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for jcmd", e);
        }
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " " + command + " failed: " + text.strip());
        }
        return text;
    }
}
