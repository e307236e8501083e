package io.swarmkeeper.bench.jmh;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.bench.load.Buffers;
import io.swarmkeeper.protocol.AnnounceEvent;
import io.swarmkeeper.protocol.AnnounceRequest;
import io.swarmkeeper.protocol.udp.UdpAnnounceRequest;
import io.swarmkeeper.protocol.udp.UdpDecodeError;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The UDP announce request on direct buffers, as the transport sees it: the tracker decoding one
 * into its reused holder, and the load generator encoding one. The reply is in
 * {@link UdpAnnounceReplyBenchmark}.
 *
 * <p>Run: {@code java -cp "bench/target/swarmkeeper-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*"
 * org.openjdk.jmh.Main Udp} (add {@code -prof gc} to see that nothing is allocated).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UdpAnnounceCodecBenchmark {
    private ByteBuf announcePacket;
    private ByteBuf out;
    private final AnnounceRequest holder = new AnnounceRequest();

    @Setup(Level.Trial)
    public void setUp() {
        AnnounceRequest request = new AnnounceRequest();
        request.infoHashHigh = 0x0123_4567_89AB_CDEFL;
        request.infoHashMiddle = 0x0FED_CBA9_8765_4321L;
        request.infoHashLow = 0x1357_9BDF;
        request.port = 6881;
        request.left = 1 << 20;
        request.event = AnnounceEvent.STARTED;
        request.numwant = 30;
        announcePacket = Buffers.UNTRACKED.directBuffer(UdpAnnounceRequest.LENGTH);
        UdpAnnounceRequest.write(announcePacket, 0x41727101980L, 7, request);
        out = Buffers.UNTRACKED.directBuffer(2_048);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        announcePacket.release();
        out.release();
    }

    @Benchmark
    public UdpDecodeError decodeAnnounce() {
        return UdpAnnounceRequest.decode(announcePacket, holder);
    }

    @Benchmark
    public int encodeAnnounceRequest() {
        out.clear();
        UdpAnnounceRequest.write(out, 0x41727101980L, 7, holder);
        return out.writerIndex();
    }
}
