package io.swarmkeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code scripts/jvm-options.sh}: the options the launcher gives the tracker's JVM. */
class JvmOptionsScriptTest {
    static final Path SCRIPT = ScriptRun.script("jvm-options.sh");

    @TempDir
    Path dir;

    String run(String command, String userOptions) throws Exception {
        return ScriptRun.output(SCRIPT, command, Map.of("SWARMKEEPER_JAVA_OPTS", userOptions, "JAVA_MAJOR", "25"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "always [madvise] never | -XX:+UseTransparentHugePages",
        "[always] madvise never | ''",
        "always madvise [never] | ''"})
    void huge_pages_are_asked_for_only_where_the_kernel_gives_them_on_request(String setting, String expected)
            throws Exception {
        Path file = Files.writeString(dir.resolve("enabled"), setting + "\n");

        assertThat(run("swarmkeeper_huge_pages_option \"" + file + "\"", "")).isEqualTo(expected);
    }

    @Test
    void no_huge_pages_option_where_the_kernel_has_no_setting() throws Exception {
        assertThat(run("swarmkeeper_huge_pages_option \"" + dir.resolve("missing") + "\"", "")).isEmpty();
    }

    @Test
    void the_users_options_come_last_so_they_win() throws Exception {
        String options = run("swarmkeeper_jvm_options", "-Dio.netty.leakDetection.level=paranoid -Xmx1g");

        assertThat(options).contains("-Dio.netty.leakDetection.level=disabled", "-XX:+UseParallelGC");
        assertThat(options).endsWith("-Dio.netty.leakDetection.level=paranoid -Xmx1g");
    }
}
