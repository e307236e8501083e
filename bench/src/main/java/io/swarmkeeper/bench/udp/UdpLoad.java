package io.swarmkeeper.bench.udp;

import io.swarmkeeper.bench.load.Addresses;
import io.swarmkeeper.bench.load.LoadRun;
import io.swarmkeeper.bench.load.LoadStats;
import io.swarmkeeper.bench.load.LoadWorker;
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

/** A UDP load run: its shape, how it is split into workers, and how their datagrams move. */
public record UdpLoad(InetSocketAddress target, int threads, int sockets, int window, int torrents, int peers,
                      int numwant, int scrapePercent, int maxScrape, double seeders, double paretoShape, long seed,
                      double rate, UdpIo io) {

    public UdpLoad {
        if (sockets < threads || window < sockets) {
            throw new IllegalArgumentException("need a socket per thread and a request in flight per socket");
        }
    }

    /** Runs for {@code warmup} then {@code duration}, printing progress, and sums up what was counted. */
    public Summary run(String mode, Duration warmup, Duration duration, PrintStream progress)
            throws InterruptedException {
        TorrentSet torrentSet = new TorrentSet(torrents, paretoShape, seed);
        SplittableRandom random = new SplittableRandom(seed + 1);
        List<PeerPopulation> populations = PeerPopulation.perThread(torrentSet, peers, threads, seeders, maxScrape,
                random);
        // The window opens after the populations are built: building 100,000 peers is not load.
        RunWindow runWindow = RunWindow.startingNow(warmup, duration);
        List<LoadWorker> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int workerSockets = PeerPopulation.share(sockets, threads, t);
            int perSocket = PeerPopulation.share(window, threads, t) / workerSockets;
            workers.add(io.worker(new UdpWorkerPlan(target, workerSockets, perSocket, torrentSet,
                    populations.get(t), numwant, scrapePercent, rate / threads, runWindow, random.nextLong())));
        }
        LoadStats total = LoadRun.run(workers, runWindow, progress);
        return Summary.of(mode, Addresses.text(target),
                runWindow.countedSeconds(), threads, sockets, window, io.label(), total);
    }

}
