package io.swarmkeeper.bench.jmh;

import io.netty.buffer.ByteBuf;
import io.swarmkeeper.bench.load.Buffers;
import io.swarmkeeper.protocol.http.AnnounceReplyWriter;
import io.swarmkeeper.protocol.http.ResponseHead;
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
 * A whole HTTP announce answer as the tracker writes it into a kept direct buffer: the external
 * ip, {@code peers} IPv4 peers handed over in one batch as the store hands them (compact, or the
 * dictionary form), the counts, then the response head in the room left before the body. The
 * request side is {@link HttpAnnounceParseBenchmark}.
 *
 * <p>Run: {@code java -cp "bench/target/swarmkeeper-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*"
 * org.openjdk.jmh.Main HttpAnnounceReply}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HttpAnnounceReplyBenchmark {
    /** 50 is the default numwant; 0 and 200 (numwant-max) bracket it. */
    @Param({"0", "50", "200"})
    public int peers;

    @Param({"true", "false"})
    public boolean compact;

    private final AnnounceReplyWriter writer = new AnnounceReplyWriter();
    private final long[] batch = new long[200];
    private ByteBuf out;

    @Setup(Level.Trial)
    public void setUp() {
        out = Buffers.UNTRACKED.directBuffer(ResponseHead.RESERVE + AnnounceReplyWriter.maxBodySize(200, false));
        for (int i = 0; i < batch.length; i++) {
            // A stored peer: address in bits 16-47, port in bits 0-15, its last-seen tick above.
            batch[i] = (long) (1 + i) << 48 | (0xC0A8_0000L + i * 7919L & 0xFFFF_FFFFL) << 16 | (6881 + i);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        out.release();
    }

    @Benchmark
    public int writeAnswer() {
        out.clear().writerIndex(ResponseHead.RESERVE);
        writer.begin(out, 200, compact);
        writer.externalIpv4(0x7F00_0001);
        writer.ipv4(batch, peers);
        writer.finish(1800, 900, peers / 3, peers - peers / 3, 12);
        ResponseHead.writeBefore(out, ResponseHead.RESERVE, 200, ResponseHead.TEXT_PLAIN, true);
        return out.readableBytes();
    }
}
