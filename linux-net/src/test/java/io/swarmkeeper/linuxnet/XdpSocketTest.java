package io.swarmkeeper.linuxnet;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real AF_XDP socket on the loopback interface, with real UDP sockets as its clients: datagrams
 * to its port come to it as frames and its answers reach the sender; other traffic passes by.
 */
@ExtendWith(LoopbackXdp.class)
class XdpSocketTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void datagrams_to_its_port_come_as_frames_and_answers_go_back_to_their_sender() throws Exception {
        int port = freeUdpPort();
        try (XdpSocket xdp = XdpSocket.open("lo", 0, 64);
             XdpRedirector redirector = XdpRedirector.attach("lo", new InetSocketAddress(LOOPBACK, port), List.of(xdp));
             DatagramSocket client = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            client.setSoTimeout(5_000);
            for (int round = 0; round < 3; round++) {
                byte[] request = ("question " + round).getBytes();
                client.send(new DatagramPacket(request, request.length, LOOPBACK, port));
                MemorySegment frames = xdp.frames();
                int n = receiveOne(xdp);
                long at = xdp.receivedAddress(0);
                int payload = Ipv4UdpFrame.payloadLength(frames, at, xdp.receivedLength(0));
                assertThat(payload).isEqualTo(request.length);
                assertThat(bytes(frames, at + Ipv4UdpFrame.PAYLOAD, payload)).isEqualTo(request);
                assertThat(Ipv4UdpFrame.sourcePort(frames, at)).isEqualTo(client.getLocalPort());
                assertThat(Ipv4UdpFrame.sourceAddress(frames, at)).isEqualTo(0x7F00_0001);

                long answer = (at & ~(long) (XdpSocket.FRAME_SIZE - 1)) + XdpSocket.ANSWER_OFFSET;
                byte[] reply = ("answer " + round + " to " + n).getBytes();
                MemorySegment.copy(reply, 0, frames, JAVA_BYTE, answer + Ipv4UdpFrame.PAYLOAD, reply.length);
                Ipv4UdpFrame.writeAnswer(frames, at, answer, reply.length);
                xdp.transmit(answer, Ipv4UdpFrame.PAYLOAD + reply.length);
                xdp.flush();

                DatagramPacket got = new DatagramPacket(new byte[2048], 2048);
                client.receive(got);
                assertThat(Arrays.copyOf(got.getData(), got.getLength())).isEqualTo(reply);
                assertThat(got.getPort()).isEqualTo(port);
                assertThat(got.getAddress()).isEqualTo(LOOPBACK);
            }
        }
    }

    @Test
    void other_ports_are_left_to_the_kernel() throws Exception {
        int port = freeUdpPort();
        try (XdpSocket xdp = XdpSocket.open("lo", 0, 64);
             XdpRedirector redirector = XdpRedirector.attach("lo", new InetSocketAddress(LOOPBACK, port), List.of(xdp));
             DatagramSocket server = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
             DatagramSocket client = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            server.setSoTimeout(5_000);
            client.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, LOOPBACK, server.getLocalPort()));
            DatagramPacket got = new DatagramPacket(new byte[16], 16);
            server.receive(got);
            assertThat(got.getLength()).isEqualTo(3);
            assertThat(xdp.receive(100)).isZero();
        }
    }

    @Test
    void the_same_port_on_another_address_is_left_to_the_kernel() throws Exception {
        int port = freeUdpPort();
        InetAddress other = InetAddress.getByName("127.0.0.2");
        try (XdpSocket xdp = XdpSocket.open("lo", 0, 64);
             XdpRedirector redirector = XdpRedirector.attach("lo", new InetSocketAddress(LOOPBACK, port), List.of(xdp));
             DatagramSocket server = new DatagramSocket(new InetSocketAddress(other, port));
             DatagramSocket client = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            server.setSoTimeout(5_000);
            client.send(new DatagramPacket(new byte[] {4, 5}, 2, other, port));
            DatagramPacket got = new DatagramPacket(new byte[16], 16);
            server.receive(got);
            assertThat(got.getLength()).isEqualTo(2);
            assertThat(xdp.receive(100)).isZero();
        }
    }

    @Test
    void a_socket_that_keeps_every_frame_drops_what_comes_next_and_counts_it() throws Exception {
        int port = freeUdpPort();
        try (XdpSocket xdp = XdpSocket.open("lo", 0, 64);
             XdpRedirector redirector = XdpRedirector.attach("lo", new InetSocketAddress(LOOPBACK, port), List.of(xdp));
             DatagramSocket client = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            assertThat(xdp.statistics().receiveDropped()).isZero();
            // Nothing is received or given back, so every frame fills up and the rest have nowhere to go.
            int frames = (int) (xdp.frames().byteSize() / XdpSocket.FRAME_SIZE);
            for (int i = 0; i < frames + 10; i++) {
                client.send(new DatagramPacket(new byte[] {1}, 1, LOOPBACK, port));
            }
            assertThat(xdp.statistics().receiveDropped()).isEqualTo(10);
        }
    }

    @Test
    void a_datagram_longer_than_a_frame_takes_is_left_to_the_kernel() throws Exception {
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
             XdpSocket xdp = XdpSocket.open("lo", 0, 64);
             XdpRedirector redirector = XdpRedirector.attach("lo", new InetSocketAddress(LOOPBACK, server.getLocalPort()),
                     List.of(xdp));
             DatagramSocket client = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            server.setSoTimeout(5_000);
            int longest = XdpSocket.MAX_PACKET - 28;
            client.send(new DatagramPacket(new byte[longest + 1], longest + 1, LOOPBACK, server.getLocalPort()));
            client.send(new DatagramPacket(new byte[longest], longest, LOOPBACK, server.getLocalPort()));
            DatagramPacket got = new DatagramPacket(new byte[4096], 4096);
            server.receive(got);
            assertThat(got.getLength()).isEqualTo(longest + 1);
            assertThat(receiveOne(xdp)).isEqualTo(1);
            assertThat(xdp.receivedLength(0)).isEqualTo(Ipv4UdpFrame.PAYLOAD + longest);
        }
    }

    @Test
    void closing_twice_closes_nothing_of_anyone_else() throws Exception {
        int port = freeUdpPort();
        try (XdpSocket xdp = XdpSocket.open("lo", 0, 64)) {
            XdpRedirector redirector = XdpRedirector.attach("lo", new InetSocketAddress(LOOPBACK, port), List.of(xdp));
            redirector.close();
            // Opened after the first close, so it may well have one of the numbers just freed.
            try (DatagramSocket other = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
                redirector.close();
                other.setSoTimeout(5_000);
                other.send(new DatagramPacket(new byte[] {3}, 1, LOOPBACK, other.getLocalPort()));
                DatagramPacket got = new DatagramPacket(new byte[16], 16);
                other.receive(got);
                assertThat(got.getData()[0]).isEqualTo((byte) 3);
            }
        }
    }

    @Test
    void closing_detaches_the_program_so_the_port_is_an_ordinary_one_again() throws Exception {
        int port = freeUdpPort();
        try (XdpSocket xdp = XdpSocket.open("lo", 0, 64)) {
            XdpRedirector.attach("lo", new InetSocketAddress(LOOPBACK, port), List.of(xdp)).close();
        }
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(LOOPBACK, port));
             DatagramSocket client = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            server.setSoTimeout(5_000);
            client.send(new DatagramPacket(new byte[] {9}, 1, LOOPBACK, port));
            DatagramPacket got = new DatagramPacket(new byte[16], 16);
            server.receive(got);
            assertThat(got.getData()[0]).isEqualTo((byte) 9);
        }
    }

    private static int receiveOne(XdpSocket xdp) throws IOException, SocketTimeoutException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            int n = xdp.receive(500);
            if (n > 0) {
                assertThat(n).isEqualTo(1);
                return n;
            }
        }
        throw new SocketTimeoutException("no frame in 5 s");
    }

    private static byte[] bytes(MemorySegment frames, long at, int length) {
        byte[] out = new byte[length];
        MemorySegment.copy(frames, JAVA_BYTE, at, out, 0, length);
        return out;
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            return probe.getLocalPort();
        }
    }
}
