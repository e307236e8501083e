package io.swarmkeeper.linuxnet;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Received frames are untrusted bytes: any of them gives a payload length inside the frame or -1,
 * never an exception; an answer's headers are what a receiving stack checks them to be.
 */
class Ipv4UdpFrameProperties {
    @Property
    void any_frame_gives_a_payload_inside_it_or_minus_one(@ForAll @Size(max = 200) byte[] frame,
                                                          @ForAll @IntRange(max = 300) int claimedLength) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment frames = arena.allocate(512);
            MemorySegment.copy(frame, 0, frames, JAVA_BYTE, 0, frame.length);
            int length = Math.min(claimedLength, frame.length);

            int payload = Ipv4UdpFrame.payloadLength(frames, 0, length);

            assertThat(payload).isBetween(-1, Math.max(-1, length - Ipv4UdpFrame.PAYLOAD));
        }
    }

    @Property
    void a_well_formed_frame_gives_its_payload_and_sender(@ForAll int source, @ForAll @IntRange(max = 65535) int port,
                                                         @ForAll @IntRange(max = 1472) int payload,
                                                         @ForAll @IntRange(max = 60) int padding) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment frames = arena.allocate(4096);
            writeRequest(frames, source, port, 0x7F00_0001, 6969, payload);

            assertThat(Ipv4UdpFrame.payloadLength(frames, 0, Ipv4UdpFrame.PAYLOAD + payload + padding))
                    .isEqualTo(payload);
            assertThat(Ipv4UdpFrame.payloadLength(frames, 0, Ipv4UdpFrame.PAYLOAD + payload - 1)).isEqualTo(-1);
            assertThat(Ipv4UdpFrame.sourceAddress(frames, 0)).isEqualTo(source);
            assertThat(Ipv4UdpFrame.sourcePort(frames, 0)).isEqualTo(port);
        }
    }

    @Property
    void an_answer_goes_back_where_the_request_came_from_with_a_valid_header(
            @ForAll int source, @ForAll @IntRange(min = 1, max = 65535) int port, @ForAll int destination,
            @ForAll @IntRange(max = 1472) int payload) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment frames = arena.allocate(4096);
            writeRequest(frames, source, port, destination, 6969, payload);
            frames.asSlice(0, 6).fill((byte) 0x11);
            frames.asSlice(6, 6).fill((byte) 0x22);

            Ipv4UdpFrame.writeAnswer(frames, 0, 2048, payload);

            ByteBuffer answer = frames.asSlice(2048, Ipv4UdpFrame.PAYLOAD).asByteBuffer();
            assertThat(answer.get(0)).isEqualTo((byte) 0x22);
            assertThat(answer.get(6)).isEqualTo((byte) 0x11);
            assertThat(answer.getShort(12)).isEqualTo((short) 0x0800);
            assertThat(answer.get(14)).isEqualTo((byte) 0x45);
            assertThat(answer.getShort(16) & 0xFFFF).isEqualTo(28 + payload);
            assertThat(answer.get(23)).isEqualTo((byte) 17);
            assertThat(answer.getInt(26)).isEqualTo(destination);
            assertThat(answer.getInt(30)).isEqualTo(source);
            assertThat(answer.getShort(34) & 0xFFFF).isEqualTo(6969);
            assertThat(answer.getShort(36) & 0xFFFF).isEqualTo(port);
            assertThat(answer.getShort(38) & 0xFFFF).isEqualTo(8 + payload);
            assertThat(headerSum(answer)).isEqualTo(0xFFFF);
        }
    }

    @Property
    void a_datagram_written_reads_back_with_its_addresses_and_a_valid_header(
            @ForAll int source, @ForAll @IntRange(max = 65535) int sourcePort, @ForAll int destination,
            @ForAll @IntRange(max = 65535) int destinationPort, @ForAll @IntRange(max = 1472) int payload) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment frames = arena.allocate(4096);
            frames.asSlice(0, Ipv4UdpFrame.PAYLOAD).fill((byte) 0x5A);

            Ipv4UdpFrame.writeDatagram(frames, 0, source, sourcePort, destination, destinationPort, payload);

            assertThat(Ipv4UdpFrame.payloadLength(frames, 0, Ipv4UdpFrame.PAYLOAD + payload)).isEqualTo(payload);
            assertThat(Ipv4UdpFrame.sourceAddress(frames, 0)).isEqualTo(source);
            assertThat(Ipv4UdpFrame.sourcePort(frames, 0)).isEqualTo(sourcePort);
            ByteBuffer header = frames.asSlice(0, Ipv4UdpFrame.PAYLOAD).asByteBuffer();
            for (int i = 0; i < 12; i++) {
                assertThat(header.get(i)).as("Ethernet address byte %d", i).isZero();
            }
            assertThat(header.getInt(30)).isEqualTo(destination);
            assertThat(header.getShort(36) & 0xFFFF).isEqualTo(destinationPort);
            assertThat(headerSum(header)).isEqualTo(0xFFFF);
        }
    }

    /** The one's-complement sum of the IPv4 header's words, checksum included: all ones when it is right. */
    private static long headerSum(ByteBuffer frame) {
        long sum = 0;
        for (int i = 14; i < 34; i += 2) {
            sum += frame.getShort(i) & 0xFFFF;
        }
        while (sum > 0xFFFF) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return sum;
    }

    private static void writeRequest(MemorySegment frames, int source, int sourcePort, int destination,
                                     int destinationPort, int payload) {
        ByteBuffer b = frames.asSlice(0, Ipv4UdpFrame.PAYLOAD).asByteBuffer();
        b.putShort(12, (short) 0x0800);
        b.put(14, (byte) 0x45);
        b.putShort(16, (short) (28 + payload));
        b.put(22, (byte) 64);
        b.put(23, (byte) 17);
        b.putInt(26, source);
        b.putInt(30, destination);
        b.putShort(34, (short) sourcePort);
        b.putShort(36, (short) destinationPort);
        b.putShort(38, (short) (8 + payload));
    }
}
