package io.swarmkeeper.bench.jmh;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.bench.load.Buffers;
import io.swarmkeeper.protocol.CompactPeers;
import io.swarmkeeper.protocol.udp.UdpAnnounceResponse;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding a UDP announce reply with {@code peers} IPv4 peers into a reused direct buffer: one
 * buffer write per field, or the peers gathered in an array first (the tracker's way). Run as
 * {@link UdpAnnounceCodecBenchmark} says.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UdpAnnounceReplyBenchmark {
    /** 30 is what aquatic's load test and most clients ask for; 0 and 200 bracket it. */
    @Param({"0", "30", "200"})
    public int peers;

    private ByteBuf out;
    private final byte[] gathered = new byte[1_500];

    @Setup(Level.Trial)
    public void setUp() {
        out = Buffers.UNTRACKED.directBuffer(4_096);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        out.release();
    }

    @Benchmark
    public int encodeAnnounceReply() {
        out.clear();
        UdpAnnounceResponse.writeHeader(out, 7, 1800, peers, peers / 2);
        for (int i = 0; i < peers; i++) {
            UdpAnnounceResponse.writePeerIpv4(out, 0x7F00_0000 | i, 6881 + i);
        }
        return out.writerIndex();
    }

    /** The same reply with its peers gathered in an array and copied in once, as the tracker does. */
    @Benchmark
    public int encodeAnnounceReplyGathered() {
        out.clear();
        UdpAnnounceResponse.writeHeader(out, 7, 1800, peers, peers / 2);
        int length = 0;
        for (int i = 0; i < peers; i++) {
            length = CompactPeers.putIpv4(gathered, length, 0x7F00_0000 | i, 6881 + i);
        }
        out.writeBytes(gathered, 0, length);
        return out.writerIndex();
    }
}
