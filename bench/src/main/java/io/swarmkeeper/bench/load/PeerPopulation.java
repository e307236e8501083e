package io.swarmkeeper.bench.load;

import io.swarmkeeper.protocol.AnnounceEvent;
import io.swarmkeeper.protocol.AnnounceRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated peers one worker announces and scrapes for, as parallel primitive arrays so a
 * request is built without allocating. Each peer belongs to one torrent (chosen by popularity)
 * and keeps a fixed list of 1 to {@code maxScrape} torrents it scrapes. A peer's life is what a
 * tracker sees from a client: {@code started}, then regular announces ({@code none}), sometimes
 * {@code completed} (a leecher turns seeder) or {@code stopped} (and {@code started} again later).
 */
public final class PeerPopulation {
    /** Per announce of an active peer, in thousandths: how often it stops, and a leecher completes. */
    private static final int STOP_PER_MILLE = 10;
    private static final int COMPLETE_PER_MILLE = 30;
    /** What a leecher reports as left; any non-zero amount marks it as a leecher. */
    private static final long LEECHER_LEFT = 1L << 30;
    private static final byte[] PEER_ID_PREFIX = "-SK0001-".getBytes(StandardCharsets.US_ASCII);

    private final TorrentSet torrents;
    private final int[] torrent;
    private final char[] port;
    private final boolean[] active;
    private final boolean[] seeder;
    private final long[] uploaded;
    private final int[] scrapeFrom;
    private final byte[] scrapeCount;
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
        if (count < 1 || maxScrape < 1) {
            throw new IllegalArgumentException("at least one peer, and at least one info-hash per scrape");
        }
        this.torrents = torrents;
        this.idBase = idBase;
        torrent = new int[count];
        port = new char[count];
        active = new boolean[count];
        seeder = new boolean[count];
        uploaded = new long[count];
        scrapeFrom = new int[count];
        scrapeCount = new byte[count];
        int[] scrape = new int[count * maxScrape];
        int used = 0;
        for (int p = 0; p < count; p++) {
            torrent[p] = torrents.pick(random);
            port[p] = (char) (1024 + random.nextInt(65536 - 1024));
            seeder[p] = random.nextDouble() < seederFraction;
            int n = 1 + random.nextInt(Math.min(maxScrape, torrents.count()));
            scrapeFrom[p] = used;
            scrapeCount[p] = (byte) n;
            for (int i = 0; i < n; i++) {
                int t = distinctPick(torrents, random, scrape, scrapeFrom[p], used);
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
        return torrent.length;
    }

    /** The torrent {@code peer} announces to. */
    public int torrent(int peer) {
        return torrent[peer];
    }

    public int scrapeCount(int peer) {
        return scrapeCount[peer];
    }

    /** The {@code i}-th torrent peer {@code peer} scrapes, {@code i < scrapeCount(peer)}. */
    public int scrapeTorrent(int peer, int i) {
        return scrapeTorrents[scrapeFrom[peer] + i];
    }

    /**
     * Moves {@code peer} one step through its life and fills {@code into} with the announce that
     * step sends.
     */
    public void nextAnnounce(int peer, int numwant, SplittableRandom random, AnnounceRequest into) {
        int event;
        if (!active[peer]) {
            active[peer] = true;
            event = AnnounceEvent.STARTED;
        } else {
            int roll = random.nextInt(1000);
            if (roll < STOP_PER_MILLE) {
                active[peer] = false;
                event = AnnounceEvent.STOPPED;
            } else if (!seeder[peer] && roll < STOP_PER_MILLE + COMPLETE_PER_MILLE) {
                seeder[peer] = true;
                event = AnnounceEvent.COMPLETED;
            } else {
                event = AnnounceEvent.NONE;
            }
        }
        uploaded[peer] += 16_384;
        int t = torrent[peer];
        into.infoHashHigh = torrents.high(t);
        into.infoHashMiddle = torrents.middle(t);
        into.infoHashLow = torrents.low(t);
        writePeerId(idBase + peer, into.peerId);
        into.port = port[peer];
        into.event = event;
        into.left = seeder[peer] ? 0 : LEECHER_LEFT;
        into.downloaded = seeder[peer] ? LEECHER_LEFT : 0;
        into.uploaded = uploaded[peer];
        into.key = idBase + peer;
        into.hasKey = true;
        into.numwant = numwant;
    }

    private static void writePeerId(int id, byte[] peerId) {
        System.arraycopy(PEER_ID_PREFIX, 0, peerId, 0, PEER_ID_PREFIX.length);
        // The remaining 12 bytes: the id in decimal digits, zero-padded, as clients use printable ids.
        for (int i = peerId.length - 1, v = id; i >= PEER_ID_PREFIX.length; i--, v /= 10) {
            peerId[i] = (byte) ('0' + v % 10);
        }
    }
}
