package io.swarmkeeper.bench.load;

import io.swarmkeeper.protocol.InfoHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The torrents a load run announces to: random info-hashes held as primitives (as the codecs want
 * them), and a popularity for each drawn from a Pareto distribution, so that, as on a real public
 * tracker, a few torrents have most of the peers and most torrents have a handful.
 *
 * <p>Popularity is only consulted while the peer population is built; a running load never
 * samples it, so its cost (a binary search) stays out of the request loop.
 */
public final class TorrentSet {
    /** An info-hash's three parts side by side: one cache line per torrent a request names, not three. */
    private static final int HASH_LONGS = 3;
    private static final int HIGH = 0;
    private static final int MIDDLE = 1;
    private static final int LOW = 2;

    private final long[] hashes;
    /** cumulative[i] is the summed weight of torrents 0..i; the last entry is the total. */
    private final double[] cumulative;

    /**
     * @param paretoShape the tail index α of the weights; smaller is more skewed. 1.1 gives the
     *                    familiar "a few percent of torrents hold half the peers".
     */
    public TorrentSet(int count, double paretoShape, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one torrent");
        }
        SplittableRandom random = new SplittableRandom(seed);
        hashes = new long[count * HASH_LONGS];
        cumulative = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            hashes[i * HASH_LONGS + HIGH] = random.nextLong();
            hashes[i * HASH_LONGS + MIDDLE] = random.nextLong();
            hashes[i * HASH_LONGS + LOW] = random.nextInt();
            // Inverse CDF of Pareto(x_m = 1, α); 1 - u keeps the argument in (0, 1].
            sum += Math.pow(1 - random.nextDouble(), -1 / paretoShape);
            cumulative[i] = sum;
        }
    }

    public int count() {
        return cumulative.length;
    }

    public long high(int torrent) {
        return hashes[torrent * HASH_LONGS + HIGH];
    }

    public long middle(int torrent) {
        return hashes[torrent * HASH_LONGS + MIDDLE];
    }

    public int low(int torrent) {
        return (int) hashes[torrent * HASH_LONGS + LOW];
    }

    /** Reads {@code torrent}'s info-hash and returns part of it: see {@link PeerPopulation#warm}. */
    int warm(int torrent) {
        return (int) hashes[torrent * HASH_LONGS + HIGH];
    }

    public byte[] infoHash(int torrent) {
        return InfoHash.toBytes(high(torrent), middle(torrent), low(torrent));
    }

    /** A torrent chosen with probability proportional to its popularity. */
    public int pick(SplittableRandom random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int at = Arrays.binarySearch(cumulative, target);
        return at >= 0 ? at : Math.min(-at - 1, cumulative.length - 1);
    }

    /** One lowercase hex info-hash a line: the whitelist format opentracker reads. */
    public void writeWhitelist(Path file) throws IOException {
        List<String> lines = new ArrayList<>(count());
        for (int i = 0; i < count(); i++) {
            lines.add(InfoHash.toHex(high(i), middle(i), low(i)));
        }
        Files.write(file, lines);
    }
}
