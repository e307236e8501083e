package io.swarmkeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmkeeper.server.config.ConfigLoader;
import io.swarmkeeper.server.config.TrackerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream realOut;
    PrintStream realErr;

    @BeforeEach
    void capture() {
        realOut = System.out;
        realErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(realOut);
        System.setErr(realErr);
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void version_prints_the_name_and_version() {
        assertThat(Main.run("--version")).isZero();
        assertThat(stdout()).startsWith("swarmkeeper ");
    }

    @Test
    void config_defaults_prints_the_commented_defaults() {
        assertThat(Main.run("config", "defaults")).isZero();
        assertThat(stdout()).isEqualTo(ConfigLoader.defaultsText());
    }

    @Test
    void serve_help_names_every_flag() {
        assertThat(Main.run("serve", "--help")).isZero();
        assertThat(stdout()).contains("--config", "--udp", "--http");
    }

    @Test
    void a_bad_listen_flag_is_one_line_and_exit_code_2() {
        assertThat(Main.run("serve", "--udp", "localhost")).isEqualTo(2);
        assertThat(stderr().lines()).singleElement().asString()
                .startsWith("swarmkeeper: configuration error: udp.listen[0]:");
    }

    @Test
    void a_listener_flag_replaces_the_default_listeners_of_both_protocols() {
        TrackerConfig config = serveConfig("--udp", "127.0.0.1:7000", "--udp", "[::1]:7000");
        assertThat(config.udp().listen()).containsExactly("127.0.0.1:7000", "[::1]:7000");
        assertThat(config.http().listen()).as("no HTTP listener unless one is named").isEmpty();
    }

    @Test
    void without_listener_flags_serve_keeps_the_default_listeners() {
        TrackerConfig config = serveConfig();
        assertThat(config.udp().listen()).containsExactly("0.0.0.0:6969", "[::]:6969");
        assertThat(config.http().listen()).containsExactly("0.0.0.0:6969", "[::]:6969");
    }

    /** The configuration {@code serve} would start with, given these flags and no environment. */
    private static TrackerConfig serveConfig(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return new ConfigLoader().load(serve.config, Map.of(), serve.overrides());
    }

    @Test
    void packet_io_to_a_target_off_loopback_is_one_line_and_exit_code_2() {
        assertThat(Main.run("bench", "udp", "--target", "[::1]:6969", "--io", "packet", "--duration", "1s"))
                .isEqualTo(2);
        assertThat(stderr()).contains("--io packet sends on lo: the target must be an IPv4 loopback address")
                .doesNotContain("Exception");
    }

    @Test
    void an_unknown_flag_is_a_usage_error() {
        assertThat(Main.run("serve", "--frobnicate")).isEqualTo(2);
        assertThat(stderr()).contains("Unknown option: '--frobnicate'");
    }
}
