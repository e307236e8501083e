package io.swarmkeeper.bench.jmh;

import io.swarmkeeper.protocol.AnnounceRequest;
import io.swarmkeeper.protocol.http.AnnounceQueryParser;
import io.swarmkeeper.protocol.http.HttpFailure;
import io.swarmkeeper.protocol.http.QueryEncoder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The HTTP announce query as the load generator and most clients send it: an info-hash
 * percent-encoded only where RFC 3986 requires (so escaped and plain bytes alternate at random),
 * a printable peer id, the numbers, {@code compact=1}. 256 different queries are parsed in turn,
 * so branch predictors cannot learn one.
 *
 * <p>Run: {@code java -cp "bench/target/swarmkeeper-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*"
 * org.openjdk.jmh.Main HttpAnnounceParse}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HttpAnnounceParseBenchmark {
    private static final int QUERIES = 256;
    private static final byte[] PRINTABLE =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);

    private final AnnounceQueryParser parser = new AnnounceQueryParser();
    private final AnnounceRequest request = new AnnounceRequest();
    private byte[][] queries;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        queries = new byte[QUERIES][];
        for (int i = 0; i < QUERIES; i++) {
            byte[] infoHash = new byte[20];
            for (int b = 0; b < infoHash.length; b++) {
                infoHash[b] = (byte) random.nextInt(256);
            }
            byte[] peerId = new byte[20];
            for (int b = 0; b < peerId.length; b++) {
                peerId[b] = PRINTABLE[random.nextInt(PRINTABLE.length)];
            }
            StringBuilder q = new StringBuilder("info_hash=");
            QueryEncoder.percentEncode(q, infoHash);
            q.append("&peer_id=").append(new String(peerId, StandardCharsets.US_ASCII));
            q.append("&port=").append(1024 + random.nextInt(60_000));
            q.append("&uploaded=").append(random.nextLong(1L << 34));
            q.append("&downloaded=").append(random.nextLong(1L << 34));
            q.append("&left=").append(random.nextBoolean() ? 0 : random.nextLong(1L << 32));
            q.append("&numwant=50&key=").append(random.nextLong(1L << 32)).append("&compact=1");
            if (random.nextInt(10) == 0) {
                q.append("&event=started");
            }
            queries[i] = q.toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    @Benchmark
    public HttpFailure parseAnnounce() {
        byte[] query = queries[next++ & (QUERIES - 1)];
        return parser.parse(query, 0, query.length, request);
    }
}
