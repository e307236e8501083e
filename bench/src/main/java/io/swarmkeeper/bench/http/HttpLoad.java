package io.swarmkeeper.bench.http;

import io.swarmkeeper.bench.load.Addresses;
import io.swarmkeeper.bench.load.LoadRun;
import io.swarmkeeper.bench.load.LoadStats;
import io.swarmkeeper.bench.load.PeerPopulation;
import io.swarmkeeper.bench.load.RunWindow;
import io.swarmkeeper.bench.load.Summary;
import io.swarmkeeper.bench.load.TorrentSet;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** An HTTP load run: its shape, and how it is split into workers. */
public record HttpLoad(InetSocketAddress target, int threads, int connections, int torrents, int peers,
                       int numwant, int scrapePercent, int maxScrape, double seeders, double paretoShape, long seed,
                       double rate) {

    public HttpLoad {
        if (connections < threads) {
            throw new IllegalArgumentException("need at least one connection per thread");
        }
    }

    public Summary run(Duration warmup, Duration duration, PrintStream progress) throws InterruptedException {
        TorrentSet torrentSet = new TorrentSet(torrents, paretoShape, seed);
        HttpRequestWriter writer = new HttpRequestWriter(torrentSet, Addresses.text(target));
        SplittableRandom random = new SplittableRandom(seed + 1);
        List<PeerPopulation> populations = PeerPopulation.perThread(torrentSet, peers, threads, seeders, maxScrape,
                random);
        RunWindow runWindow = RunWindow.startingNow(warmup, duration);
        List<HttpWorker> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(new HttpWorker(target, PeerPopulation.share(connections, threads, t), writer,
                    populations.get(t), numwant, scrapePercent, rate / threads, runWindow, random.nextLong()));
        }
        LoadStats total = LoadRun.run(workers, runWindow, progress);
        return Summary.of("http", Addresses.text(target), runWindow.countedSeconds(), threads, connections,
                connections, "nio", total);
    }
}
