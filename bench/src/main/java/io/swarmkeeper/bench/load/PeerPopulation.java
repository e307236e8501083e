package io.swarmkeeper.bench.load;

import io.swarmkeeper.protocol.AnnounceEvent;
import io.swarmkeeper.protocol.AnnounceRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated peers one worker announces and scrapes for, packed in one int array so a request
 * is built without allocating. Each peer belongs to one torrent (chosen by popularity) and keeps a
 * fixed list of 1 to {@code maxScrape} torrents it scrapes. A peer's life is what a tracker sees
 * from a client: {@code started}, then regular announces ({@code none}), sometimes
 * {@code completed} (a leecher turns seeder) or {@code stopped} (and {@code started} again later).
 *
 * <p>A peer's fields sit together in {@link #RECORD} ints: a request picks a random peer among
 * 100,000, and one cache line per peer, rather than one per field in parallel arrays, is what
 * keeps the generator from waiting on memory.
 */
public final class PeerPopulation {
    /** Per announce of an active peer, in thousandths: how often it stops, and a leecher completes. */
    private static final int STOP_PER_MILLE = 10;
    private static final int COMPLETE_PER_MILLE = 30;
    /** What a leecher reports as left; any non-zero amount marks it as a leecher. */
    private static final long LEECHER_LEFT = 1L << 30;
    /** What a peer reports as uploaded grows by this each announce. */
    private static final long UPLOADED_PER_ANNOUNCE = 16_384;
    private static final byte[] PEER_ID_PREFIX = "-SK0001-".getBytes(StandardCharsets.US_ASCII);
    /** "00" to "99": a peer id's digits two at a time, half the dependent divisions of one at a time. */
    private static final byte[] DIGIT_PAIRS = digitPairs();

    /** Ints per peer, and each one's offset in the record: 16 bytes, four peers a cache line. */
    private static final int RECORD = 4;
    private static final int TORRENT = 0;
    private static final int SCRAPE_FROM = 1;
    /** Announces sent so far: uploaded is this times {@link #UPLOADED_PER_ANNOUNCE}. */
    private static final int ANNOUNCES = 2;
    /** Port in bits 0-15, {@link #ACTIVE} and {@link #SEEDER} flags, scrape count in bits 24-31. */
    private static final int BITS = 3;
    private static final int PORT_MASK = 0xFFFF;
    private static final int ACTIVE = 1 << 16;
    private static final int SEEDER = 1 << 17;
    private static final int SCRAPE_COUNT_SHIFT = 24;

    private final TorrentSet torrents;
    private final int[] peers;
    private final int[] scrapeTorrents;
    private final int idBase;

    /** {@code total} split over {@code parts} workers, the remainder going to the first ones. */
    public static int share(int total, int parts, int part) {
        return total / parts + (part < total % parts ? 1 : 0);
    }

    /** One population per worker thread, together {@code peers} peers with ids that never collide. */
    public static List<PeerPopulation> perThread(TorrentSet torrents, int peers, int threads, double seederFraction,
                                                 int maxScrape, SplittableRandom random) {
        List<PeerPopulation> populations = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int idBase = t * (peers / threads + 1);
            populations.add(new PeerPopulation(torrents, share(peers, threads, t), seederFraction, maxScrape, idBase,
                    random.split()));
        }
        return populations;
    }

    /**
     * @param idBase added to a peer's index in its peer id, so workers' populations never share ids
     */
    public PeerPopulation(TorrentSet torrents, int count, double seederFraction, int maxScrape, int idBase,
                          SplittableRandom random) {
        if (count < 1 || maxScrape < 1 || maxScrape > 255) {
            throw new IllegalArgumentException("at least one peer, and 1 to 255 info-hashes per scrape");
        }
        this.torrents = torrents;
        this.idBase = idBase;
        peers = new int[count * RECORD];
        int[] scrape = new int[count * maxScrape];
        int used = 0;
        for (int p = 0; p < count; p++) {
            int at = p * RECORD;
            peers[at + TORRENT] = torrents.pick(random);
            int port = 1024 + random.nextInt(65536 - 1024);
            boolean seeder = random.nextDouble() < seederFraction;
            int n = 1 + random.nextInt(Math.min(maxScrape, torrents.count()));
            peers[at + SCRAPE_FROM] = used;
            peers[at + BITS] = port | (seeder ? SEEDER : 0) | n << SCRAPE_COUNT_SHIFT;
            int from = used;
            for (int i = 0; i < n; i++) {
                int t = distinctPick(torrents, random, scrape, from, used);
                scrape[used++] = t;
            }
        }
        scrapeTorrents = Arrays.copyOf(scrape, used);
    }

    /**
     * A torrent not yet in {@code chosen[from, to)}: clients scrape a torrent once per request, and
     * trackers answer a repeated hash with a repeated dictionary key (opentracker does), which a
     * strict decoder rightly refuses. Popular torrents would repeat often, so a repeat is redrawn,
     * a bounded number of times; then the first unchosen torrent is taken (there is one, as at most
     * {@code torrents.count()} are chosen).
     */
    private static int distinctPick(TorrentSet torrents, SplittableRandom random, int[] chosen, int from, int to) {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int t = torrents.pick(random);
            if (!contains(chosen, from, to, t)) {
                return t;
            }
        }
        int t = 0;
        while (contains(chosen, from, to, t)) {
            t++;
        }
        return t;
    }

    private static boolean contains(int[] values, int from, int to, int value) {
        for (int i = from; i < to; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    public int count() {
        return peers.length / RECORD;
    }

    /** The torrent {@code peer} announces to. */
    public int torrent(int peer) {
        return peers[peer * RECORD + TORRENT];
    }

    public int scrapeCount(int peer) {
        return peers[peer * RECORD + BITS] >>> SCRAPE_COUNT_SHIFT;
    }

    /** The {@code i}-th torrent peer {@code peer} scrapes, {@code i < scrapeCount(peer)}. */
    public int scrapeTorrent(int peer, int i) {
        return scrapeTorrents[peers[peer * RECORD + SCRAPE_FROM] + i];
    }

    /**
     * Reads the memory an announce or a scrape of {@code peer} starts with, and returns some of it
     * for the caller to keep (so the compiler keeps the reads): called a few requests ahead, it
     * brings the peer into the cache while other work goes on, instead of stalling on it later.
     */
    public int warm(int peer, boolean scrape) {
        int at = peer * RECORD;
        return scrape ? scrapeTorrents[peers[at + SCRAPE_FROM]] : torrents.warm(peers[at + TORRENT]);
    }

    /**
     * Moves {@code peer} one step through its life and fills {@code into} with the announce that
     * step sends.
     */
    public void nextAnnounce(int peer, int numwant, SplittableRandom random, AnnounceRequest into) {
        int at = peer * RECORD;
        int bits = peers[at + BITS];
        int event;
        if ((bits & ACTIVE) == 0) {
            bits |= ACTIVE;
            event = AnnounceEvent.STARTED;
        } else {
            int roll = random.nextInt(1000);
            if (roll < STOP_PER_MILLE) {
                bits &= ~ACTIVE;
                event = AnnounceEvent.STOPPED;
            } else if ((bits & SEEDER) == 0 && roll < STOP_PER_MILLE + COMPLETE_PER_MILLE) {
                bits |= SEEDER;
                event = AnnounceEvent.COMPLETED;
            } else {
                event = AnnounceEvent.NONE;
            }
        }
        peers[at + BITS] = bits;
        int announces = ++peers[at + ANNOUNCES];
        int t = peers[at + TORRENT];
        into.infoHashHigh = torrents.high(t);
        into.infoHashMiddle = torrents.middle(t);
        into.infoHashLow = torrents.low(t);
        writePeerId(idBase + peer, into.peerId);
        into.port = bits & PORT_MASK;
        into.event = event;
        boolean seeder = (bits & SEEDER) != 0;
        into.left = seeder ? 0 : LEECHER_LEFT;
        into.downloaded = seeder ? LEECHER_LEFT : 0;
        into.uploaded = announces * UPLOADED_PER_ANNOUNCE;
        into.key = idBase + peer;
        into.hasKey = true;
        into.numwant = numwant;
    }

    private static void writePeerId(int id, byte[] peerId) {
        System.arraycopy(PEER_ID_PREFIX, 0, peerId, 0, PEER_ID_PREFIX.length);
        // The remaining 12 bytes: the id in decimal digits, zero-padded, as clients use printable ids.
        for (int i = peerId.length - 2, v = id; i >= PEER_ID_PREFIX.length; i -= 2, v /= 100) {
            int pair = v % 100 * 2;
            peerId[i] = DIGIT_PAIRS[pair];
            peerId[i + 1] = DIGIT_PAIRS[pair + 1];
        }
    }

    private static byte[] digitPairs() {
        byte[] pairs = new byte[200];
        for (int n = 0; n < 100; n++) {
            pairs[2 * n] = (byte) ('0' + n / 10);
            pairs[2 * n + 1] = (byte) ('0' + n % 10);
        }
        return pairs;
    }
}
