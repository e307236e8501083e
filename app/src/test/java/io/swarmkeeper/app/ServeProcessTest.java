package io.swarmkeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.swarmkeeper.protocol.udp.UdpConnectRequest;
import io.swarmkeeper.protocol.udp.UdpConnectResponse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code swarmkeeper serve} as a real process: listeners logged when ready, a clean stop on SIGTERM. */
class ServeProcessTest {
    static final Pattern READY = Pattern.compile("(UDP|HTTP) tracker listening on (\\S+):(\\d+)");

    @Test
    void serve_logs_one_line_per_listener_answers_and_stops_cleanly_on_sigterm() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--udp", "127.0.0.1:0", "--http", "127.0.0.1:0", "--http", "[::1]:0")
                .redirectErrorStream(true).start();
        List<String> log = new ArrayList<>();
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            int udpPort = 0;
            int httpPort = 0;
            int ready = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (ready < 3 && System.nanoTime() < deadline) {
                String line = reader.readLine();
                if (line == null) {
                    break;
                }
                log.add(line);
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    ready++;
                    if (m.group(1).equals("UDP")) {
                        udpPort = Integer.parseInt(m.group(3));
                    } else if (m.group(2).equals("127.0.0.1")) {
                        httpPort = Integer.parseInt(m.group(3));
                    }
                }
            }
            assertThat(ready).as("listener lines in %s", log).isEqualTo(3);

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health"))
                            .timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(udpConnect(udpPort)).isTrue();
            // One set of counters serves both transports: the UDP connect shows on the HTTP /stats page.
            HttpResponse<String> stats = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/stats"))
                            .timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(new ObjectMapper().readTree(stats.body()).at("/requests/udp/ipv4/connect/ok").asLong())
                    .as("/stats %s", stats.body()).isEqualTo(1);

            process.toHandle().destroy(); // SIGTERM, keeping the output stream open to read the last lines
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            reader.lines().forEach(log::add);
            assertThat(process.exitValue()).as("exit code; log %s", log).isZero();
            assertThat(log).anyMatch(line -> line.contains("stopped"));
            assertThat(log).noneMatch(line -> line.contains("Exception"));
        } finally {
            process.destroyForcibly();
        }
    }

    private static boolean udpConnect(int port) throws Exception {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(5000);
            ByteBuf out = Unpooled.buffer();
            UdpConnectRequest.write(out, 7);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress("127.0.0.1", port)));
            DatagramPacket reply = new DatagramPacket(new byte[64], 64);
            socket.receive(reply);
            ByteBuf in = Unpooled.wrappedBuffer(reply.getData(), 0, reply.getLength());
            return UdpConnectResponse.check(in) == null && UdpConnectResponse.transactionId(in) == 7;
        }
    }
}
