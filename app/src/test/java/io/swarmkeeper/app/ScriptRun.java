package io.swarmkeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The launcher's scripts in {@code scripts/}, sourced by bash as the launcher does, then a command run. */
final class ScriptRun {
    private ScriptRun() {}

    static Path script(String name) {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
                .resolve("../scripts").resolve(name).normalize();
    }

    /** What {@code command} prints (trimmed) after sourcing {@code script} with {@code environment}; it must exit 0. */
    static String output(Path script, String command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", ". \"$0\" && " + command, script.toString());
        builder.environment().putAll(environment);
        Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }
}
