package io.swarmkeeper.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    final ConfigLoader loader = new ConfigLoader();

    @TempDir
    Path dir;

    Path file(String yaml) throws IOException {
        Path path = dir.resolve("swarmkeeper.yaml");
        Files.writeString(path, yaml);
        return path;
    }

    @Test
    void the_defaults_listen_on_port_6969_for_both_protocols_and_families() {
        TrackerConfig config = loader.defaults();
        assertThat(config.udp().listen()).containsExactly("0.0.0.0:6969", "[::]:6969");
        assertThat(config.http().listen()).containsExactly("0.0.0.0:6969", "[::]:6969");
        assertThat(config.announce().interval()).isEqualTo(1800);
        assertThat(config.announce().minInterval()).isEqualTo(900);
        assertThat(config.announce().numwantDefault()).isEqualTo(50);
        assertThat(config.http().fullScrape()).isFalse();
        assertThat(config.http().trustedProxies()).isEmpty();
        assertThat(config.announce().allowClientIp()).isFalse();
    }

    @Test
    void the_printed_defaults_read_back_as_the_defaults() throws IOException {
        assertThat(loader.load(file(ConfigLoader.defaultsText()), Map.of(), Map.of())).isEqualTo(loader.defaults());
    }

    @Test
    void every_key_in_the_printed_defaults_has_a_comment_above_it() {
        List<String> lines = ConfigLoader.defaultsText().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("  ") && !line.trim().startsWith("#")) {
                assertThat(lines.get(i - 1).trim()).as("comment above '%s'", line.trim()).startsWith("#");
            }
        }
    }

    @Test
    void flags_beat_environment_which_beats_the_file_which_beats_defaults() throws IOException {
        Path yaml = file("announce:\n  interval: 1000\n  min-interval: 100\nudp:\n  threads: 3\n");
        Map<String, String> env = Map.of("SWARMKEEPER_ANNOUNCE_INTERVAL", "1200", "SWARMKEEPER_HTTP_TRUSTED_PROXIES",
                "127.0.0.1/32, ::1");
        TrackerConfig config = loader.load(yaml, env, Map.of("udp.listen", List.of("127.0.0.1:7000")));

        assertThat(config.announce().interval()).isEqualTo(1200);
        assertThat(config.announce().minInterval()).isEqualTo(100);
        assertThat(config.udp().threads()).isEqualTo(3);
        assertThat(config.udp().listen()).containsExactly("127.0.0.1:7000");
        assertThat(config.http().trustedProxies()).containsExactly("127.0.0.1/32", "::1");
        assertThat(config.http().listen()).containsExactly("0.0.0.0:6969", "[::]:6969");
    }

    @Test
    void an_unknown_key_is_an_error_naming_it() throws IOException {
        Path yaml = file("announce:\n  intervall: 5\n");
        assertThatThrownBy(() -> loader.load(yaml, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessage("announce.intervall: unknown key");
    }

    @Test
    void a_value_out_of_range_is_an_error_naming_the_key() throws IOException {
        Path yaml = file("announce:\n  numwant-max: -1\n");
        assertThatThrownBy(() -> loader.load(yaml, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("announce.numwant-max: must be between 0 and");
    }

    @Test
    void a_value_of_the_wrong_type_is_an_error_naming_the_key() {
        assertThatThrownBy(() -> loader.load(null, Map.of("SWARMKEEPER_UDP_THREADS", "many"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("udp.threads: wrong type");
    }

    @Test
    void an_unknown_udp_transport_is_an_error_naming_the_key() {
        assertThatThrownBy(() -> loader.load(null, Map.of("SWARMKEEPER_UDP_IO", "io_uring"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessage("udp.io: must be auto, batch or netty (got io_uring)");
    }

    @Test
    void xdp_is_off_by_default_and_takes_an_interface_name() {
        assertThat(loader.defaults().udp().xdp()).isEmpty();
        assertThat(loader.load(null, Map.of("SWARMKEEPER_UDP_XDP", "eth0"), Map.of()).udp().xdp()).isEqualTo("eth0");
    }

    @Test
    void xdp_with_a_name_no_interface_can_have_is_an_error_naming_the_key() {
        assertThatThrownBy(() -> loader.load(null, Map.of("SWARMKEEPER_UDP_XDP", "eth0; rm -rf /"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("udp.xdp: must be an interface name");
        assertThatThrownBy(() -> loader.load(null, Map.of("SWARMKEEPER_UDP_XDP", "a-very-long-interface"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("udp.xdp: must be an interface name");
    }

    @Test
    void xdp_on_the_netty_transport_is_an_error_naming_the_key() {
        assertThatThrownBy(() -> loader.load(null, Map.of("SWARMKEEPER_UDP_XDP", "lo", "SWARMKEEPER_UDP_IO", "netty"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("udp.xdp: needs the batched UDP transport (udp.io: auto or batch)");
    }

    @Test
    void an_unknown_http_transport_is_an_error_naming_the_key() {
        assertThatThrownBy(() -> loader.load(null, Map.of("SWARMKEEPER_HTTP_IO", "io_uring"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessage("http.io: must be auto, epoll or netty (got io_uring)");
    }

    @Test
    void the_http_transport_is_auto_unless_configured() {
        assertThat(loader.load(null, Map.of(), Map.of()).http().io()).isEqualTo("auto");
        assertThat(loader.load(null, Map.of("SWARMKEEPER_HTTP_IO", "netty"), Map.of()).http().io()).isEqualTo("netty");
    }

    @Test
    void a_bad_listen_address_is_an_error_naming_its_position() {
        assertThatThrownBy(() -> loader.load(null, Map.of(), Map.of("http.listen", List.of("127.0.0.1:80", "::1:80"))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("http.listen[1]:");
    }

    @Test
    void a_bad_trusted_proxy_is_an_error_naming_its_position() {
        assertThatThrownBy(() -> loader.load(null, Map.of("SWARMKEEPER_HTTP_TRUSTED_PROXIES", "10.0.0.0/33"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("http.trusted-proxies[0]:");
    }

    @Test
    void yaml_that_does_not_parse_is_an_error_with_its_line() throws IOException {
        Path yaml = file("announce:\n  interval: [\n");
        assertThatThrownBy(() -> loader.load(yaml, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not valid YAML");
    }

    @Test
    void a_missing_file_is_an_error() {
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml"), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("--config: no such file");
    }
}
